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
	res     *Result
	scratch []*scratch // by depth
}

// value compares a and b found at path.
func (d *differ) value(path []Segment, a, b gjson.Result) {
	if a.Raw == b.Raw {
		// Byte-identical: nothing to walk, only the values to count.
		d.res.Unchanged += countValues(a.Raw)
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

// scratch holds the member lists of the object being compared at one
// depth, reused from object to object so the walk allocates little.
type scratch struct {
	am, bm []member
	used   []bool
}

func (d *differ) buffers(depth int) *scratch {
	for len(d.scratch) <= depth {
		d.scratch = append(d.scratch, &scratch{})
	}
	return d.scratch[depth]
}

func appendMembers(dst []member, r gjson.Result) []member {
	r.ForEach(func(k, v gjson.Result) bool {
		dst = append(dst, member{k.String(), v})
		return true
	})
	return dst
}

// bigObject is the size from which keys are matched through a map.
const bigObject = 64

func (d *differ) object(path []Segment, a, b gjson.Result) {
	s := d.buffers(len(path))
	s.am, s.bm = appendMembers(s.am[:0], a), appendMembers(s.bm[:0], b)
	am, bm := s.am, s.bm
	if len(am) == 0 && len(bm) == 0 {
		d.res.Unchanged++
		return
	}
	used := s.used[:0]
	for range bm {
		used = append(used, false)
	}
	s.used = used
	// A key is matched with the first unused member of that name, so a
	// repeated key pairs up in order. Objects are scanned from their first
	// unused member (one step per key when both list keys in the same
	// order); big ones go through a map.
	var index map[string][]int
	if len(bm) > bigObject {
		index = make(map[string][]int, len(bm))
		for i, m := range bm {
			index[m.key] = append(index[m.key], i)
		}
	}
	firstUnused := 0
	for _, m := range am {
		i := -1
		if index != nil {
			if is := index[m.key]; len(is) > 0 {
				i, index[m.key] = is[0], is[1:]
			}
		} else {
			for j := firstUnused; j < len(bm); j++ {
				if !used[j] && bm[j].key == m.key {
					i = j
					break
				}
			}
		}
		if i < 0 {
			d.add(child(path, Segment{Key: m.key, Index: -1}), Removed, m.val, gjson.Result{})
			continue
		}
		used[i] = true
		for firstUnused < len(bm) && used[firstUnused] {
			firstUnused++
		}
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
	// removed in the middle is one change, not a change at every index
	// after it. Each probe walks an element pair once and keeps its count.
	probe := &differ{res: &Result{}}
	same := func(x, y gjson.Result) bool {
		probe.res.Changes, probe.res.Unchanged = probe.res.Changes[:0], 0
		probe.value(nil, x, y)
		if len(probe.res.Changes) > 0 {
			return false
		}
		d.res.Unchanged += probe.res.Unchanged
		return true
	}
	pre := 0
	for pre < len(av) && pre < len(bv) && same(av[pre], bv[pre]) {
		pre++
	}
	suf := 0
	for suf < len(av)-pre && suf < len(bv)-pre && same(av[len(av)-1-suf], bv[len(bv)-1-suf]) {
		suf++
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
}

// Same reports whether two parsed values are equal as JSON: same keys and
// values whatever the key order or spacing.
func Same(a, b gjson.Result) bool {
	if a.Raw == b.Raw {
		return true
	}
	r := &differ{res: &Result{}}
	r.value(nil, a, b)
	return len(r.res.Changes) == 0
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

// countValues counts what the walk would count as unchanged in one raw
// JSON value: its scalars and its empty objects and arrays. It scans the
// bytes without parsing them into values.
func countValues(raw string) int {
	n := 0
	for i := 0; i < len(raw); i++ {
		switch c := raw[i]; {
		case c == '"':
			i = stringEnd(raw, i)
			if j := skipSpace(raw, i+1); j >= len(raw) || raw[j] != ':' {
				n++ // a string value, not a key
			}
		case c == '{' || c == '[':
			if j := skipSpace(raw, i+1); j < len(raw) && (raw[j] == '}' || raw[j] == ']') {
				n++
				i = j
			}
		case c == '-' || c >= '0' && c <= '9' || c == 't' || c == 'f' || c == 'n':
			n++
			for i+1 < len(raw) && !strings.ContainsRune(",]} \t\r\n", rune(raw[i+1])) {
				i++
			}
		}
	}
	return n
}

// stringEnd returns the index of the quote closing the string opening at i.
func stringEnd(raw string, i int) int {
	for i++; i < len(raw); i++ {
		switch raw[i] {
		case '\\':
			i++
		case '"':
			return i
		}
	}
	return len(raw)
}

func skipSpace(raw string, i int) int {
	for i < len(raw) && (raw[i] == ' ' || raw[i] == '\t' || raw[i] == '\n' || raw[i] == '\r') {
		i++
	}
	return i
}
