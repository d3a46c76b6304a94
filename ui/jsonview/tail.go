package jsonview

import (
	"bytes"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// G pressed while a big document is still being indexed shows its end at
// once: a scan back from the last byte finds the start of a member some
// way before the end and the containers open there, and that end, behind
// openers standing for what is not read yet, is indexed on its own as a
// preview. Once the indexer reaches the end, the preview gives way to the
// document at the same place.

// tailBytes is how much of the end the preview holds (at least).
const tailBytes = 64 << 10

// maxTailScan bounds the scan back (a huge last string, or no member
// boundary, gives no preview).
const maxTailScan = 64 << 20

// elided is the key of the openers that stand for the unread part.
const elided = `"…":`

// tailDoc is a preview of the end of a document and where it comes from.
type tailDoc struct {
	doc    *Document
	from   int // offset in the document of the preview's first member
	prefix int // bytes (and lines: one per opener) standing for what precedes it
	lines  int
}

// newTail builds the preview of d's end, or returns nil when the end is
// not plain enough JSON to be read backwards.
func newTail(d *Document) *tailDoc {
	if len(d.Bytes()) < 2*tailBytes {
		return nil // indexed in a moment
	}
	return tailOf(d, tailBytes)
}

// tailOf is the preview of at least budget bytes of d's end, or nil.
func tailOf(d *Document, budget int) *tailDoc {
	b := d.Bytes()
	if !d.IsJSON() {
		return nil
	}
	from, open := tailStart(b, budget)
	if from < 0 {
		return nil
	}
	var pre bytes.Buffer
	for k, closer := range open {
		if k > 0 && open[k-1] == '}' {
			pre.WriteString(elided)
		}
		pre.WriteByte(closer - 2) // '{' is '}'-2, '[' is ']'-2
	}
	src := append(pre.Bytes(), b[from:]...)
	doc, err := Parse(src)
	if err != nil {
		return nil
	}
	return &tailDoc{doc: doc, from: from, prefix: pre.Len(), lines: len(open)}
}

// tailStart scans back from the end of b to the first member boundary at
// least budget bytes before it: the offset of that member (or root value
// of a JSON Lines sequence) and the closers of the containers open there,
// outermost first. It returns -1 when it finds none.
func tailStart(b []byte, budget int) (int, []byte) {
	var open []byte
	p := len(b)
	for p > 0 && len(b)-p <= maxTailScan {
		c := b[p-1]
		switch {
		case isSpace[c] || c == ':':
			p--
			continue
		case c == '}' || c == ']':
			open = append(open, c)
			p--
			continue
		case c == ',':
			if len(b)-p >= budget && len(open) > 0 {
				q := p
				for q < len(b) && isSpace[b[q]] {
					q++
				}
				return q, open
			}
			p--
			continue
		case c == '{' || c == '[':
			if len(open) == 0 || open[len(open)-1] != c+2 {
				return -1, nil
			}
			open = open[:len(open)-1]
			p--
		case c == '"':
			if p = stringStart(b, p-1); p < 0 {
				return -1, nil
			}
		default:
			q := p
			for q > 0 && (numeric[b[q-1]] || b[q-1] >= 'a' && b[q-1] <= 'z') {
				q--
			}
			if q == p {
				return -1, nil
			}
			p = q
		}
		if len(open) == 0 && len(b)-p >= budget {
			return p, nil // a root value of a sequence
		}
	}
	return -1, nil
}

// stringStart returns the offset of the opening quote of the string whose
// closing quote is at b[end]: the nearest earlier quote not escaped.
func stringStart(b []byte, end int) int {
	for {
		k := bytes.LastIndexByte(b[:end], '"')
		if k < 0 {
			return -1
		}
		n := 0
		for j := k - 1; j >= 0 && b[j] == '\\'; j-- {
			n++
		}
		if n%2 == 0 {
			return k
		}
		end = k
	}
}

// showTail shows the preview of the end of the document being indexed,
// at its last line; it reports false when there is none.
func (m *Model) showTail() bool {
	if m.base != nil || m.tail != nil {
		return false
	}
	t := newTail(m.doc)
	if t == nil {
		return false
	}
	m.base = m.doc
	m.saved = viewState{m.cursor, m.top, m.xoff, m.folded, m.foldLevel, m.foldedUpTo}
	xoff, seq := m.xoff, m.tickSeq
	m.show(t.doc)
	m.xoff, m.tickSeq = xoff, seq // the watch on the indexer goes on
	m.tail = t
	m.moveTo(m.last())
	return true
}

// leaveTail goes back to the document; with atSame, to the line the
// cursor was on in the preview (as far as the document is indexed), else
// where the document was left.
func (m *Model) leaveTail(atSame bool) {
	t := m.tail
	if t == nil {
		return
	}
	cursor, top := m.wholeLine(m.cursor), m.wholeLine(m.top)
	m.tail = nil
	m.doc, m.base = m.base, nil
	s := m.saved
	m.cursor, m.top, m.folded = s.cursor, s.top, s.folded
	m.foldLevel, m.foldedUpTo = s.foldLevel, s.foldedUpTo
	m.foldNew()
	if atSame {
		m.top = m.visible(top)
		m.moveTo(cursor)
	}
	m.ensureVisible()
}

// wholeLine is the document line of preview line i.
func (m *Model) wholeLine(i int) int {
	t := m.tail
	off := t.from
	if i >= t.lines {
		off += t.doc.line(i).off - t.prefix
	}
	return m.base.lineAt(off)
}

// tailKey reports whether a key only moves within the preview.
func (m Model) tailKey(msg tea.KeyPressMsg) bool {
	k := m.keys
	return key.Matches(msg, k.Up, k.Down, k.PageUp, k.PageDown, k.HalfPageUp, k.HalfPageDown, k.Bottom,
		k.ScrollLeft, k.ScrollRight, k.Wrap, k.LineNumbers)
}
