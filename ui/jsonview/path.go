package jsonview

import (
	"strconv"
	"strings"

	"github.com/tidwall/gjson"
)

// Path returns the gjson path of line i ("@this" for the root, "..N" for
// the N-th value of a JSON Lines sequence, `@key:["a",2]` for the second
// of two "a" members and `@key:["",1]` for an empty key, which plain gjson
// paths cannot always reach: see KeyModifier). A closing line has the path of
// its container. The path is not sanitized: pass it through Sanitize before
// showing it.
func (d *Document) Path(i int) string {
	if !d.IsJSON() || i < 0 || i >= d.Lines() {
		return ""
	}
	i = d.opener(i)
	var parts []string
	for {
		l := d.line(i)
		parent := d.parent(i)
		if parent < 0 {
			if d.seq.Load() {
				parts = append(parts, ".."+strconv.Itoa(d.ord(i)))
			}
			break
		}
		if l.flags&flagKey != 0 {
			if n := d.keyOrdinal(i); n > 1 || d.Key(i) == "" {
				parts = append(parts, d.keyPart(i, n))
			} else {
				parts = append(parts, gjson.Escape(d.Key(i)))
			}
		} else {
			parts = append(parts, strconv.Itoa(d.ord(i)))
		}
		i = parent
	}
	if len(parts) == 0 {
		return "@this"
	}
	for a, b := 0, len(parts)-1; a < b; a, b = a+1, b-1 {
		parts[a], parts[b] = parts[b], parts[a]
	}
	return strings.Join(parts, ".")
}

// ord returns the position of line i among its parent's children (or among
// the roots of a sequence); the root of a query result is the first.
func (d *Document) ord(i int) int {
	i = d.opener(i)
	if d.view.n >= 0 && i == 0 {
		return 0
	}
	return d.lines.ord(d.view.first + i)
}

// Key returns the decoded key of line i, or "" when it has none.
func (d *Document) Key(i int) string {
	l := d.line(i)
	if l.flags&flagKey == 0 {
		return ""
	}
	end := stringEnd(d.data, int(l.off))
	return gjson.ParseBytes(d.data[l.off:end]).String()
}

// Value returns the raw JSON of the value at line i (its container for a
// closing line), or the text of a text line.
func (d *Document) Value(i int) []byte {
	if i < 0 || i >= d.Lines() {
		return nil
	}
	i = d.opener(i)
	if d.line(i).kind == kindText {
		return d.data[d.line(i).off:d.textEnd(i)]
	}
	return d.data[d.valueStart(i):d.valueEnd(i)]
}

// lineAt returns the last line starting at or before byte offset off.
func (d *Document) lineAt(off int) int {
	lo, hi := 0, d.Lines()-1
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if int(d.line(mid).off) <= off {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return lo
}

// opener is the line that starts the node at line i: the opening bracket
// for a closing one, else i itself.
func (d *Document) opener(i int) int {
	if l := d.line(i); isClose(l.kind) {
		return d.pair(i)
	}
	return i
}
