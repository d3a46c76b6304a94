package jsonview

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/mattn/go-runewidth"
)

// findNext moves to the next (dir 1) or previous (dir -1) line containing
// the search term, wrapping around the document and unfolding what hides
// the match. The raw bytes are scanned, so folded content is searched too.
func (m *Model) findNext(dir int) {
	d := m.doc
	if m.term == "" || d.Lines() == 0 {
		return
	}
	terms := searchForms(m.term)
	term := terms[0]
	fold := foldCase(m.term)
	find := func(b, _ []byte, fold bool) int { return findAny(b, terms, fold) }
	findLast := func(b, _ []byte, fold bool) int { return findLastAny(b, terms, fold) }
	var at int
	wrapped := false
	if dir > 0 {
		from := len(d.data)
		if m.cursor+1 < d.Lines() {
			from = int(d.line(m.cursor + 1).off)
		}
		at = find(d.data[from:], term, fold)
		if at >= 0 {
			at += from
		} else if at = find(d.data[:min(from+len(term)-1, len(d.data))], term, fold); at >= 0 {
			wrapped = true
		}
	} else {
		to := int(d.line(m.cursor).off)
		if at = findLast(d.data[:to], term, fold); at < 0 {
			if at = findLast(d.data[to:], term, fold); at >= 0 {
				at += to
				wrapped = true
			}
		}
	}
	if at < 0 {
		m.status = fmt.Sprintf("no match for %q", m.term)
		return
	}
	if done, _ := d.Progress(); int64(at) >= done && d.Indexing() {
		m.pending, m.pendingAt = pendMatch, at
		m.status = m.waitText("the match")
		return
	}
	m.goToMatch(d.lineAt(at), at)
	if wrapped {
		m.status = "search wrapped around"
	}
}

// searchForms are the byte forms a term typed as the screen shows it may
// take in the document: as typed, and with the ": " and ", " the viewer
// draws between a key and its value (or array items) written compactly,
// as most API answers are.
func searchForms(term string) [][]byte {
	forms := [][]byte{[]byte(term)}
	compact := strings.NewReplacer(`": `, `":`, `, "`, `,"`).Replace(term)
	if compact != term {
		forms = append(forms, []byte(compact))
	}
	return forms
}

// findAny is the first match of any of terms in b.
func findAny(b []byte, terms [][]byte, fold bool) int {
	best := -1
	for _, t := range terms {
		if at := find(b, t, fold); at >= 0 && (best < 0 || at < best) {
			best = at
		}
	}
	return best
}

// findLastAny is the last match of any of terms in b.
func findLastAny(b []byte, terms [][]byte, fold bool) int {
	best := -1
	for _, t := range terms {
		best = max(best, findLast(b, t, fold))
	}
	return best
}

// goToMatch shows line i near the middle of the screen and, without
// wrapping, scrolls sideways to the match at byte offset at.
func (m *Model) goToMatch(i, at int) {
	m.reveal(i)
	m.cursor = m.visible(i)
	m.top = m.step(m.cursor, -m.bodyHeight()/3)
	m.ensureVisible()
	if m.wrap || m.cursor != i {
		return
	}
	avail := max(m.width-m.gutterWidth(), 1)
	col := m.doc.column(i, at)
	if col < m.xoff || col+len(m.term) > m.xoff+avail {
		m.xoff = max(col-avail/3, 0)
	}
}

// column is the display column of byte offset at within line i, counted
// as the sanitizer draws the bytes.
func (d *Document) column(i, at int) int {
	l := d.line(i)
	col := 2 * int(l.depth)
	if l.kind == kindText {
		col = 0
	}
	start := int(l.off)
	if l.kind != kindText && l.flags&flagKey != 0 {
		if v := d.valueStart(i); at >= v {
			col += columns(d.data[start:stringEnd(d.data, start)], false) + 2
			start = v
		}
	}
	return col + columns(d.data[start:max(at, start)], l.kind == kindText)
}

// columns counts the display columns of b as the sanitizer shows it.
func columns(b []byte, tabs bool) int {
	cols := 0
	for i := 0; i < len(b); {
		c := b[i]
		if c >= 0x20 && c < 0x7f {
			cols++
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		i += size
		switch {
		case r == utf8.RuneError && size == 1:
			cols++ // U+FFFD in JSON, \xNN in text: close enough to scroll
		case r == '\t' && tabs:
			cols += 4
		case !inert(r):
			cols += 6
		default:
			cols += runewidth.RuneWidth(r)
		}
	}
	return cols
}

// find returns the first index of term in b; with fold, ASCII letters match
// either case (term must then be lower case).
func find(b, term []byte, fold bool) int {
	if !fold {
		return bytes.Index(b, term)
	}
	lower := asciiLowerBytes(term)
	c0 := lower[0]
	c1 := upper(c0)
	next0, next1 := -1, -1 // cached positions of the next c0 and c1
	for p := 0; p+len(lower) <= len(b); {
		if next0 < p {
			if next0 = bytes.IndexByte(b[p:], c0); next0 >= 0 {
				next0 += p
			} else {
				next0 = len(b)
			}
		}
		if next1 < p {
			if next1 = bytes.IndexByte(b[p:], c1); next1 >= 0 {
				next1 += p
			} else {
				next1 = len(b)
			}
		}
		p = min(next0, next1)
		if p+len(lower) > len(b) {
			return -1
		}
		if equalLower(b[p:p+len(lower)], lower) {
			return p
		}
		p++
	}
	return -1
}

// findLast returns the last index of term in b, like find.
func findLast(b, term []byte, fold bool) int {
	if !fold {
		return bytes.LastIndex(b, term)
	}
	lower := asciiLowerBytes(term)
	c0, c1 := lower[0], upper(lower[0])
	end := len(b) - len(lower) + 1 // candidates start before end
	last0, last1 := len(b), len(b) // cached positions of the last c0 and c1
	for end > 0 {
		if last0 >= end {
			last0 = bytes.LastIndexByte(b[:end], c0)
		}
		if last1 >= end {
			last1 = bytes.LastIndexByte(b[:end], c1)
		}
		p := max(last0, last1)
		if p < 0 {
			return -1
		}
		if equalLower(b[p:p+len(lower)], lower) {
			return p
		}
		end = p
	}
	return -1
}

func upper(c byte) byte {
	if c >= 'a' && c <= 'z' {
		return c - 32
	}
	return c
}

func asciiLowerBytes(b []byte) []byte {
	out := make([]byte, len(b))
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			c += 32
		}
		out[i] = c
	}
	return out
}

// equalLower reports whether b equals lower ignoring ASCII case.
func equalLower(b, lower []byte) bool {
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			c += 32
		}
		if c != lower[i] {
			return false
		}
	}
	return true
}
