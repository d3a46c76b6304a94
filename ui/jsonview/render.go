package jsonview

import (
	"bytes"
	"strconv"
)

// segKind says which style paints a piece of a row.
type segKind uint8

const (
	segPunct segKind = iota
	segKey
	segString
	segNumber
	segBool
	segNull
	segBracket
	segText
	segFolded
)

// seg is a piece of a row's text, already sanitized.
type seg struct {
	text string
	kind segKind
}

// stringEnd returns the index just past the closing quote of the string
// literal starting at b[start] == '"'.
func stringEnd(b []byte, start int) int {
	p := start + 1
	for {
		k := bytes.IndexByte(b[p:], '"')
		if k < 0 {
			return len(b)
		}
		p += k
		esc := 0
		for q := p - 1; q > start && b[q] == '\\'; q-- {
			esc++
		}
		p++
		if esc%2 == 0 {
			return p
		}
	}
}

// shownEnd is tokenEnd for a token of which at most maxCols columns are
// shown (0: all): a huge string is only scanned as far as the screen needs.
func shownEnd(b []byte, start int, kind uint8, maxCols int) int {
	if kind != kindString || maxCols <= 0 {
		return tokenEnd(b, start, kind)
	}
	window := min(len(b), start+8*maxCols+64) // a column takes at most 6 bytes (\uXXXX)
	return stringEnd(b[:window], start)
}

// tokenEnd returns the end of the scalar token at b[start].
func tokenEnd(b []byte, start int, kind uint8) int {
	switch kind {
	case kindString:
		return stringEnd(b, start)
	case kindTrue, kindNull:
		return start + 4
	case kindFalse:
		return start + 5
	}
	p := start
	for p < len(b) && numeric[b[p]] {
		p++
	}
	return p
}

// valueStart returns where the value of line i starts, after its key.
func (d *Document) valueStart(i int) int {
	l := d.line(i)
	p := int(l.off)
	if l.flags&flagKey == 0 {
		return p
	}
	b := d.data
	p = stringEnd(b, p)
	for p < len(b) && (isSpace[b[p]] || b[p] == ':') {
		p++
	}
	return p
}

// valueEnd returns the end of the value of line i (for an opening line, just
// past its closing bracket, or the end of the input while that is not
// indexed yet).
func (d *Document) valueEnd(i int) int {
	l := d.line(i)
	switch l.kind {
	case kindObject, kindArray:
		if p := d.pair(i); p >= 0 {
			return int(d.line(p).off) + 1
		}
		return len(d.data)
	case kindObjectEnd, kindArrayEnd:
		return int(l.off) + 1
	case kindEmpty:
		p := d.valueStart(i) + 1
		for isSpace[d.data[p]] {
			p++
		}
		return p + 1
	case kindText:
		return d.textEnd(i)
	}
	return tokenEnd(d.data, d.valueStart(i), l.kind)
}

// children returns how many children the opening line i has, or -1 while
// its end is not indexed.
func (d *Document) children(i int) int {
	p := d.pair(i)
	if p < 0 {
		return -1
	}
	return int(d.lines.sideOf(d.view.first + p)[1])
}

func isOpen(k uint8) bool  { return k == kindObject || k == kindArray }
func isClose(k uint8) bool { return k == kindObjectEnd || k == kindArrayEnd }

// needsComma reports whether a comma follows line i as displayed.
func (d *Document) needsComma(i int, folded bool) bool {
	l := d.line(i)
	if l.depth == 0 {
		return false // a root, or one of a JSON Lines sequence
	}
	if isOpen(l.kind) {
		if !folded {
			return false
		}
		if i = d.pair(i); i < 0 {
			return false
		}
	}
	return i+1 < d.Lines() && !isClose(d.line(i+1).kind)
}

// rowSegs builds the sanitized pieces of line i. maxCols bounds the length
// of keys and values (0: no bound) so huge strings cost only what is shown.
func (d *Document) rowSegs(i int, folded bool, maxCols int) []seg {
	l := d.line(i)
	b := d.data
	segs := make([]seg, 0, 6)
	z := sanitizer{maxCols: maxCols, replaceInvalid: l.kind != kindText}
	piece := func(from, to int) string {
		z.sb.Reset()
		z.cols = 0
		if n := z.write(b[from:to]); n < to-from {
			z.sb.WriteString("…")
		}
		return z.sb.String()
	}
	if l.kind == kindText {
		z.tabs = true
		return append(segs, seg{piece(int(l.off), d.textEnd(i)), segText})
	}
	if l.depth > 0 {
		segs = append(segs, seg{indent(int(l.depth)), segPunct})
	}
	v := int(l.off)
	if l.flags&flagKey != 0 {
		segs = append(segs, seg{piece(v, shownEnd(b, v, kindString, maxCols)), segKey}, seg{": ", segPunct})
		v = d.valueStart(i)
	}
	switch l.kind {
	case kindObject, kindArray:
		segs = append(segs, seg{string(b[v]), segBracket})
		if folded {
			closer := "}"
			noun := " keys"
			if l.kind == kindArray {
				closer, noun = "]", " items"
			}
			segs = append(segs, seg{"…" + closer, segBracket})
			if n := d.children(i); n >= 0 {
				if n == 1 {
					noun = noun[:len(noun)-1]
				}
				segs = append(segs, seg{" " + strconv.Itoa(n) + noun, segFolded})
			}
		}
	case kindObjectEnd, kindArrayEnd:
		segs = append(segs, seg{string(b[v]), segBracket})
	case kindEmpty:
		segs = append(segs, seg{string(b[v]) + string(b[v]+2), segBracket})
	default:
		segs = append(segs, seg{piece(v, shownEnd(b, v, l.kind, maxCols)), scalarSeg(l.kind)})
	}
	if d.needsComma(i, folded) && !(isOpen(l.kind) && !folded) {
		segs = append(segs, seg{",", segPunct})
	}
	return segs
}

func scalarSeg(kind uint8) segKind {
	switch kind {
	case kindString:
		return segString
	case kindNumber:
		return segNumber
	case kindNull:
		return segNull
	}
	return segBool
}

var indents = func() []string {
	s := make([]string, 64)
	for i := range s {
		s[i] = string(bytes.Repeat([]byte("  "), i))
	}
	return s
}()

func indent(depth int) string {
	if depth < len(indents) {
		return indents[depth]
	}
	return string(bytes.Repeat([]byte("  "), depth))
}
