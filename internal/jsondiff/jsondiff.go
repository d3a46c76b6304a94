// Package jsondiff compares two JSON documents structurally: which paths
// were added, removed or changed, with both values, and how many values
// stayed the same. Object keys are matched by name whatever their order;
// arrays are matched by position after their common beginning and end are
// set aside, so one inserted or removed element shows as one change.
package jsondiff

import (
	"bytes"
	"errors"
	"strconv"
	"strings"

	"github.com/tidwall/gjson"
)

// Kind says what happened at a path.
type Kind int

// The kinds of change.
const (
	Added   Kind = iota + 1 // only in the new document
	Removed                 // only in the old document
	Changed                 // in both, with different values
)

// String is the kind's name as the --json output spells it.
func (k Kind) String() string {
	switch k {
	case Added:
		return "added"
	case Removed:
		return "removed"
	case Changed:
		return "changed"
	}
	return "unknown"
}

// Segment is one step of a path: an object key, or an array index when
// Index >= 0.
type Segment struct {
	Key   string
	Index int
}

// Change is one difference. Old and New are the raw JSON values (nil on
// the side where the path does not exist).
type Change struct {
	Path     []Segment
	Kind     Kind
	Old, New []byte
}

// PathString is the change's path as a gjson path (as `api -q` and the
// viewer use them): keys escaped, indexes as numbers, "@this" for the root.
func (c Change) PathString() string { return PathString(c.Path) }

// PathString renders a path as a gjson path.
func PathString(p []Segment) string {
	if len(p) == 0 {
		return "@this"
	}
	parts := make([]string, len(p))
	for i, s := range p {
		if s.Index >= 0 {
			parts[i] = strconv.Itoa(s.Index)
		} else {
			parts[i] = gjson.Escape(s.Key)
		}
	}
	return strings.Join(parts, ".")
}

// Result is the outcome of a comparison.
type Result struct {
	Changes []Change
	// Unchanged counts the scalar values (and empty containers) found
	// equal on both sides: the folded part of the diff.
	Unchanged int
}

// Equal reports whether the documents have the same structure and values.
func (r *Result) Equal() bool { return len(r.Changes) == 0 }

// Count returns how many changes are of kind k.
func (r *Result) Count(k Kind) int {
	n := 0
	for _, c := range r.Changes {
		if c.Kind == k {
			n++
		}
	}
	return n
}

// ErrInvalidOld and ErrInvalidNew say which side is not JSON.
var (
	ErrInvalidOld = errors.New("the first document is not valid JSON")
	ErrInvalidNew = errors.New("the second document is not valid JSON")
)

// Compare diffs oldDoc against newDoc. Both must be valid JSON.
func Compare(oldDoc, newDoc []byte) (*Result, error) {
	if !gjson.ValidBytes(oldDoc) {
		return nil, ErrInvalidOld
	}
	if !gjson.ValidBytes(newDoc) {
		return nil, ErrInvalidNew
	}
	d := &differ{res: &Result{}}
	d.value(nil, gjson.ParseBytes(oldDoc), gjson.ParseBytes(newDoc))
	return d.res, nil
}

type differ struct {
	res *Result
}

// value compares a and b found at path.
func (d *differ) value(path []Segment, a, b gjson.Result) {
	if a.Raw == b.Raw && !isContainer(a) {
		d.res.Unchanged++
		return
	}
	switch {
	case a.IsObject() && b.IsObject():
		d.object(path, a, b)
	case a.IsArray() && b.IsArray():
		d.array(path, a, b)
	case scalarEqual(a, b):
		d.res.Unchanged++
	default:
		d.add(path, Changed, a, b)
	}
}

func isContainer(r gjson.Result) bool {
	return r.Type == gjson.JSON
}

// scalarEqual compares two values that are not both objects or both
// arrays: strings by their decoded text, numbers by value.
func scalarEqual(a, b gjson.Result) bool {
	if a.Type != b.Type || isContainer(a) || isContainer(b) {
		return false
	}
	switch a.Type {
	case gjson.String:
		return a.Str == b.Str
	case gjson.Number:
		return numberEqual(a, b)
	}
	return true // null, true, false
}

// numberEqual compares numbers by value. Two integers are compared as
// text (JSON integers have no leading zeros), so ids above 2^53 that
// float64 cannot tell apart still differ.
func numberEqual(a, b gjson.Result) bool {
	if a.Raw == b.Raw {
		return true
	}
	if isInteger(a.Raw) && isInteger(b.Raw) {
		return a.Raw == "-0" && b.Raw == "0" || a.Raw == "0" && b.Raw == "-0"
	}
	return a.Num == b.Num
}

func isInteger(s string) bool { return !strings.ContainsAny(s, ".eE") }

type member struct {
	key string
	val gjson.Result
}

func members(r gjson.Result) []member {
	var out []member
	r.ForEach(func(k, v gjson.Result) bool {
		out = append(out, member{k.String(), v})
		return true
	})
	return out
}

func (d *differ) object(path []Segment, a, b gjson.Result) {
	am, bm := members(a), members(b)
	if len(am) == 0 && len(bm) == 0 {
		d.res.Unchanged++
		return
	}
	// A key is matched with the first unused member of that name, so a
	// repeated key pairs up in order. Small objects are matched by a scan,
	// larger ones through a map.
	used := make([]bool, len(bm))
	var index map[string][]int
	if len(bm) > 16 {
		index = make(map[string][]int, len(bm))
		for i, m := range bm {
			index[m.key] = append(index[m.key], i)
		}
	}
	find := func(key string) int {
		if index != nil {
			if is := index[key]; len(is) > 0 {
				index[key] = is[1:]
				return is[0]
			}
			return -1
		}
		for i, m := range bm {
			if !used[i] && m.key == key {
				return i
			}
		}
		return -1
	}
	for _, m := range am {
		i := find(m.key)
		if i < 0 {
			d.add(child(path, Segment{Key: m.key, Index: -1}), Removed, m.val, gjson.Result{})
			continue
		}
		used[i] = true
		d.value(child(path, Segment{Key: m.key, Index: -1}), m.val, bm[i].val)
	}
	for i, m := range bm {
		if !used[i] {
			d.add(child(path, Segment{Key: m.key, Index: -1}), Added, gjson.Result{}, m.val)
		}
	}
}

func (d *differ) array(path []Segment, a, b gjson.Result) {
	av, bv := a.Array(), b.Array()
	if len(av) == 0 && len(bv) == 0 {
		d.res.Unchanged++
		return
	}
	// Set the common beginning and end aside, so one element inserted or
	// removed in the middle is one change, not a change at every index after it.
	pre := 0
	for pre < len(av) && pre < len(bv) && Same(av[pre], bv[pre]) {
		pre++
	}
	suf := 0
	for suf < len(av)-pre && suf < len(bv)-pre && Same(av[len(av)-1-suf], bv[len(bv)-1-suf]) {
		suf++
	}
	for i := 0; i < pre; i++ {
		d.value(child(path, Segment{Index: i}), av[i], bv[i])
	}
	ma, mb := av[pre:len(av)-suf], bv[pre:len(bv)-suf]
	n := min(len(ma), len(mb))
	for i := 0; i < n; i++ {
		d.value(child(path, Segment{Index: pre + i}), ma[i], mb[i])
	}
	for i := n; i < len(ma); i++ {
		d.add(child(path, Segment{Index: pre + i}), Removed, ma[i], gjson.Result{})
	}
	for i := n; i < len(mb); i++ {
		d.add(child(path, Segment{Index: pre + i}), Added, gjson.Result{}, mb[i])
	}
	for i := 0; i < suf; i++ {
		d.value(child(path, Segment{Index: len(bv) - suf + i}), av[len(av)-suf+i], bv[len(bv)-suf+i])
	}
}

// Same reports whether two parsed values are equal as JSON: same keys and
// values whatever the key order or spacing.
func Same(a, b gjson.Result) bool {
	if a.Raw == b.Raw {
		return true
	}
	switch {
	case a.IsObject() && b.IsObject():
		r := &differ{res: &Result{}}
		r.object(nil, a, b)
		return len(r.res.Changes) == 0
	case a.IsArray() && b.IsArray():
		av, bv := a.Array(), b.Array()
		if len(av) != len(bv) {
			return false
		}
		for i := range av {
			if !Same(av[i], bv[i]) {
				return false
			}
		}
		return true
	}
	return scalarEqual(a, b)
}

func (d *differ) add(path []Segment, k Kind, a, b gjson.Result) {
	c := Change{Path: append([]Segment(nil), path...), Kind: k}
	if a.Raw != "" {
		c.Old = []byte(a.Raw)
	}
	if b.Raw != "" {
		c.New = []byte(b.Raw)
	}
	d.res.Changes = append(d.res.Changes, c)
}

// child returns path + s. The walk reuses the backing array between
// siblings; add copies the path it keeps.
func child(path []Segment, s Segment) []Segment {
	return append(path, s)
}

// Compact returns raw JSON on one line (spaces outside strings removed).
func Compact(raw []byte) []byte {
	var buf bytes.Buffer
	buf.Grow(len(raw))
	inStr, esc := false, false
	for _, c := range raw {
		switch {
		case inStr:
			buf.WriteByte(c)
			if esc {
				esc = false
			} else if c == '\\' {
				esc = true
			} else if c == '"' {
				inStr = false
			}
		case c == '"':
			inStr = true
			buf.WriteByte(c)
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
		default:
			buf.WriteByte(c)
		}
	}
	return buf.Bytes()
}
