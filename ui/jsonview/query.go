package jsonview

import (
	"bytes"
	"fmt"
	"strings"
	"time"
	"unsafe"

	tea "charm.land/bubbletea/v2"
	"github.com/tidwall/gjson"
)

// queryDelay lets typing settle before a query runs on a large document.
const queryDelay = 150 * time.Millisecond

type queryDebounceMsg struct{ seq int }

type queryResultMsg struct {
	seq   int
	query string
	doc   *Document // nil when nothing matched
	err   error
}

// openQuery opens the query prompt with the query shown, if any.
func (m Model) openQuery() (Model, tea.Cmd) {
	if !m.Document().IsJSON() {
		m.status = "queries need a JSON document"
		return m, nil
	}
	return m.openInput(modeQuery, m.queryText)
}

// scheduleQuery runs the prompt's query once typing pauses.
func (m *Model) scheduleQuery() tea.Cmd {
	m.querySeq++
	seq := m.querySeq
	return tea.Tick(queryDelay, func(time.Time) tea.Msg { return queryDebounceMsg{seq} })
}

// runQuery starts the query if no key was typed since it was scheduled.
func (m Model) runQuery(msg queryDebounceMsg) (Model, tea.Cmd) {
	if msg.seq != m.querySeq || m.mode != modeQuery {
		return m, nil
	}
	return m, queryCmd(m.Document(), m.input.Value(), msg.seq)
}

// queryCmd evaluates q on doc off the UI goroutine.
func queryCmd(doc *Document, q string, seq int) tea.Cmd {
	return func() tea.Msg {
		return evalQuery(doc, q, seq)
	}
}

func evalQuery(doc *Document, q string, seq int) queryResultMsg {
	msg := queryResultMsg{seq: seq, query: q}
	if q == "" {
		return msg
	}
	data := bytes.TrimPrefix(doc.Bytes(), bom) // gjson does not skip one
	var r gjson.Result
	if err := doc.guardFault(func() { r = gjson.Get(unsafeString(data), q) }); err != nil {
		msg.err = err
		return msg
	}
	if !r.Exists() {
		if problem := querySyntax(q); problem != "" {
			msg.err = fmt.Errorf("query syntax: %s", problem)
		}
		return msg
	}
	// A result that is part of the document shares its bytes (no copy of a
	// huge value) and, once indexed, its lines; a computed one (counts,
	// @keys...) gets bytes and an index of its own.
	raw := within(data, r.Raw)
	if raw == nil {
		raw = []byte(r.Raw)
	} else if v := doc.subDocument(raw); v != nil {
		msg.doc = v
		return msg
	}
	res := newDocument(raw)
	res.src, res.shared = doc.src, true // changes to the file show here too
	msg.doc = startIndexing(res)
	return msg
}

// subDocument returns the value raw (a part of d's bytes) as a Document
// that shows d's own lines for it, or nil when raw is not one indexed value.
func (d *Document) subDocument(raw []byte) *Document {
	raw = bytes.TrimPrefix(raw, bom) // @this answers the input as it is
	for len(raw) > 0 && isSpace[raw[0]] {
		raw = raw[1:]
	}
	for len(raw) > 0 && isSpace[raw[len(raw)-1]] {
		raw = raw[:len(raw)-1]
	}
	if len(raw) == 0 {
		return nil
	}
	start := int(uintptr(unsafe.Pointer(unsafe.SliceData(raw))) - uintptr(unsafe.Pointer(unsafe.SliceData(d.data))))
	end := start + len(raw)
	if done, _ := d.Progress(); int64(end) > done || d.Lines() == 0 || !d.IsJSON() {
		return nil
	}
	i := d.lineAt(start)
	if d.valueStart(i) != start {
		return nil // a key, or part of a string
	}
	n := 1
	if l := d.line(i); isOpen(l.kind) {
		p := d.pair(i)
		if p < 0 {
			return nil
		}
		n = p - i + 1
	} else if isClose(l.kind) || l.kind == kindText {
		return nil
	}
	if d.valueEnd(i) != end {
		return nil
	}
	v := &Document{
		data:   raw,
		lines:  d.lines,
		view:   view{first: d.view.first + i, n: n, base: d.view.base + start, depth: d.view.depth + d.line(i).depth},
		isJSON: true,
		done:   make(chan struct{}),
		src:    d.src,
		shared: true,
	}
	v.indexed.Store(int64(len(raw)))
	close(v.done)
	return v
}

// applyQuery shows a query result if it is still the latest one.
func (m Model) applyQuery(msg queryResultMsg) Model {
	if msg.seq != m.querySeq {
		return m
	}
	switch {
	case msg.query == "":
		m.leaveQuery()
	case msg.err != nil:
		m.status = msg.err.Error()
	case msg.doc == nil:
		m.status = fmt.Sprintf("no match for %s", msg.query)
	default:
		if m.base == nil {
			m.base = m.doc
			m.saved = viewState{m.cursor, m.top, m.xoff, m.folded, m.foldLevel, m.foldedUpTo}
		} else {
			m.doc.Close() // stops indexing the previous result
		}
		m.queryText = msg.query
		more := ""
		if msg.doc.Indexing() {
			more = "+"
		}
		m.status = fmt.Sprintf("%s: %s%s lines", msg.query, groupDigits(msg.doc.Lines()), more)
		m.show(msg.doc)
		m.ensureVisible()
	}
	return m
}

// submitQuery runs the query now (enter) and keeps its result on screen.
func (m Model) submitQuery(q string) (Model, tea.Cmd) {
	m.querySeq++
	if q == "" {
		m.leaveQuery()
		return m, nil
	}
	return m, queryCmd(m.Document(), q, m.querySeq)
}

// leaveQuery goes back to the whole document.
func (m *Model) leaveQuery() {
	if m.base == nil {
		return
	}
	m.doc.Close() // stops indexing the result
	m.doc, m.base = m.base, nil
	m.queryText = ""
	s := m.saved
	m.cursor, m.top, m.xoff, m.folded = s.cursor, s.top, s.xoff, s.folded
	m.foldLevel, m.foldedUpTo = s.foldLevel, s.foldedUpTo
	m.foldNew()
	m.ensureVisible()
}

// unsafeString views b as a string without copying; b must not change
// while the string is used (document bytes never do).
func unsafeString(b []byte) string { return unsafe.String(unsafe.SliceData(b), len(b)) }

// within returns the part of data that s is a substring of, or nil when s
// lives elsewhere.
func within(data []byte, s string) []byte {
	if len(s) == 0 || len(data) == 0 {
		return nil
	}
	base := uintptr(unsafe.Pointer(unsafe.SliceData(data)))
	p := uintptr(unsafe.Pointer(unsafe.StringData(s)))
	if p < base || p-base+uintptr(len(s)) > uintptr(len(data)) {
		return nil
	}
	off := int(p - base)
	return data[off : off+len(s)]
}

// querySyntax names what is wrong with a gjson path that cannot be right
// (gjson itself answers such a path with "no result"): unbalanced
// brackets or quotes, or a path ending in a separator.
func querySyntax(q string) string {
	var open []byte
	inString := false
	for i := 0; i < len(q); i++ {
		c := q[i]
		switch {
		case c == '\\':
			i++
		case inString:
			inString = c != '"'
		case c == '"':
			inString = true
		case c == '(' || c == '[' || c == '{':
			open = append(open, c)
		case c == ')' || c == ']' || c == '}':
			want := map[byte]byte{')': '(', ']': '[', '}': '{'}[c]
			if len(open) == 0 || open[len(open)-1] != want {
				return fmt.Sprintf("%q at column %d closes nothing", c, i+1)
			}
			open = open[:len(open)-1]
		}
	}
	switch {
	case inString:
		return "a quoted value is not closed"
	case len(open) > 0:
		return fmt.Sprintf("%q is not closed", open[len(open)-1])
	case strings.HasSuffix(q, ".") || strings.HasSuffix(q, "|"):
		return "the path ends in a separator; add a key after it"
	}
	return ""
}
