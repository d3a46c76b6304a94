package jsonview

import (
	"fmt"
	"strconv"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/mattn/go-runewidth"
)

// chrome is the number of rows around the document: the path line, the
// footer, and a notice line for non-JSON input or a query result.
func (m Model) chrome() int {
	n := 2
	if m.notice() != "" {
		n++
	}
	return n
}

func (m Model) bodyHeight() int { return max(m.height-m.chrome(), 1) }

// notice is the line under the path: why the input is shown as text, or
// which query result is shown.
func (m Model) notice() string {
	switch {
	case m.Document().Changed():
		return changedNotice
	case m.queryText != "":
		return "query " + m.queryText + " · esc: whole document"
	}
	return m.doc.Problem()
}

// View renders the component. Once the file behind the document changed,
// only the notice is shown: the mapping no longer holds what was indexed.
func (m Model) View() string {
	var out string
	if m.Document().Changed() || !m.guard(func() { out = m.view() }) {
		return m.changedView()
	}
	return out
}

// changedView draws the frame without reading the document.
func (m Model) changedView() string {
	rows := make([]string, m.height)
	rows[0] = m.styles.Problem.Render(fit(changedNotice, m.width))
	return strings.Join(rows, "\n")
}

func (m Model) view() string {
	var sb strings.Builder
	sb.WriteString(m.header())
	if n := m.notice(); n != "" {
		sb.WriteByte('\n')
		sb.WriteString(m.styles.Problem.Render(fit(Sanitize(n), m.width)))
	}
	for _, r := range m.body() {
		sb.WriteByte('\n')
		sb.WriteString(r)
	}
	sb.WriteByte('\n')
	sb.WriteString(m.footer())
	return sb.String()
}

// header shows the current path on the left and the position on the right.
func (m Model) header() string {
	n := m.doc.Lines()
	pos := ""
	if n > 0 {
		more := ""
		if m.doc.Indexing() {
			more = "+"
		}
		pos = fmt.Sprintf(" %s/%s%s", groupDigits(m.cursor+1), groupDigits(n), more)
	}
	path := m.CurrentPath()
	if path == "" && n > 0 {
		path = "text"
	}
	if m.tail != nil {
		path, pos = "the end of the document (line numbers and paths once indexed)", " …"
	}
	left := fit(Sanitize(path), max(m.width-len(pos), 0))
	gap := max(m.width-lipgloss.Width(left)-len(pos), 0)
	return m.styles.Path.Render(left + strings.Repeat(" ", gap) + pos)
}

// footer shows the active prompt, a pending chord or the last message.
func (m Model) footer() string {
	switch m.mode {
	case modeSearch:
		return m.styles.Prompt.Render("/") + m.input.View()
	case modeQuery:
		return m.styles.Prompt.Render("gjson: ") + m.input.View()
	case modeSave:
		return m.styles.Prompt.Render("save to: ") + m.input.View()
	case modeCopy:
		return m.styles.Prompt.Render(fit("copy: v value · k key · p path · esc cancel", m.width))
	}
	status := m.status
	if status == "" && m.doc.Indexing() {
		status = "indexing " + m.progressText()
	}
	return m.styles.Status.Render(fit(Sanitize(status), m.width))
}

// gutterWidth is the width of the line-number column, space included.
func (m Model) gutterWidth() int {
	if !m.lineNumbers || m.tail != nil {
		return 0 // the preview of the end has no line numbers yet
	}
	return len(strconv.Itoa(m.doc.Lines())) + 1
}

// body renders the visible rows, padded to the body height.
func (m Model) body() []string {
	h := m.bodyHeight()
	rows := make([]string, 0, h)
	if m.doc.Lines() > 0 {
		for i := m.top; i >= 0 && len(rows) < h; i = m.next(i) {
			rows = append(rows, m.renderLine(i, h-len(rows))...)
		}
	}
	for len(rows) < h {
		rows = append(rows, "")
	}
	return rows[:h]
}

// renderLine renders line i as one row, or several when wrapping (at most
// maxRows).
func (m Model) renderLine(i, maxRows int) []string {
	g := m.gutterWidth()
	avail := max(m.width-g, 1)
	limit := m.xoff + avail + 1
	if m.wrap {
		limit = avail * maxRows
	}
	segs := m.doc.rowSegs(i, m.isFolded(i), limit)
	var pieces [][]seg
	if m.wrap {
		pieces = wrapCols(segs, avail, maxRows)
	} else {
		pieces = [][]seg{cutCols(segs, m.xoff, avail)}
	}
	out := make([]string, len(pieces))
	for k, p := range pieces {
		gutter := ""
		if g > 0 {
			num := ""
			if k == 0 && m.tail == nil {
				num = strconv.Itoa(i + 1)
			}
			gutter = m.styles.LineNumber.Render(fmt.Sprintf("%*s ", g-1, num))
		}
		out[k] = gutter + m.paint(p, i == m.cursor, avail)
	}
	return out
}

// cutCols is the avail columns of segs from column from; a line that goes
// on past the right edge ends in "…" so a cut value never reads as whole.
func cutCols(segs []seg, from, avail int) []seg {
	total := 0
	for _, s := range segs {
		total += runewidth.StringWidth(s.text)
	}
	if total <= from+avail || avail < 2 {
		return sliceCols(segs, from, from+avail)
	}
	return append(sliceCols(segs, from, from+avail-1), seg{"…", segPunct})
}

// rowsOf is how many screen rows line i takes.
func (m Model) rowsOf(i int) int {
	if !m.wrap {
		return 1
	}
	avail := max(m.width-m.gutterWidth(), 1)
	h := m.bodyHeight()
	w := 0
	for _, s := range m.doc.rowSegs(i, m.isFolded(i), avail*h) {
		w += runewidth.StringWidth(s.text)
	}
	return min(max((w+avail-1)/avail, 1), h)
}

// ensureVisible scrolls so that the cursor is on screen and the screen is
// as full as the document allows.
func (m *Model) ensureVisible() {
	if m.doc.Lines() == 0 {
		return
	}
	h := m.bodyHeight()
	if m.cursor < m.top {
		m.top = m.cursor
	}
	rows, i := 0, m.top
	for ; i >= 0 && i != m.cursor && rows < h; i = m.next(i) {
		rows += m.rowsOf(i)
	}
	if i != m.cursor || rows+m.rowsOf(m.cursor) > h {
		m.top = m.backFrom(m.cursor, h)
	}
	// Pull up when the end of the document leaves the screen part-empty.
	rows = 0
	for i = m.top; i >= 0 && rows < h; i = m.next(i) {
		rows += m.rowsOf(i)
	}
	if rows < h {
		m.top = m.backFrom(m.last(), h)
	}
}

// backFrom returns the highest line from which line i still shows at the
// bottom of h rows.
func (m Model) backFrom(i, h int) int {
	rows := m.rowsOf(i)
	for {
		j := m.prev(i)
		if j < 0 {
			return i
		}
		r := m.rowsOf(j)
		if rows+r > h {
			return i
		}
		rows += r
		i = j
	}
}

func fit(s string, width int) string {
	if lipgloss.Width(s) <= width {
		return s
	}
	return runewidth.Truncate(s, width, "…")
}

func groupDigits(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
