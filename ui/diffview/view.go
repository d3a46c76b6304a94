package diffview

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/tidwall/pretty"

	"github.com/dinero-tui/dinero-tui/internal/jsondiff"
	"github.com/dinero-tui/dinero-tui/internal/sanitize"
	"github.com/dinero-tui/dinero-tui/ui/common"
)

// split lays the pane out: the list of changes and the values of the
// selected one.
func (m *Model) split() common.Split {
	return common.NewSplit(m.width, m.height, m.width/2, func() int { return m.height / 2 })
}

// View implements common.Component.
func (m *Model) View() string {
	s := m.com.Styles
	sp := m.split()
	var lines []string
	lines = append(lines, " "+s.Muted.Render(ansi.Truncate(sanitize.Line(m.title), max(10, sp.ListWidth-4), "…")))
	switch {
	case m.busy:
		lines = append(lines, " Comparing…")
	case m.err != nil:
		lines = append(lines, " "+s.Error.Render(sanitize.Line(m.err.Error())))
	case m.res != nil:
		lines = append(lines, " "+jsondiff.Summary(m.res), "")
		start, end := m.list.Window()
		for i := start; i < end; i++ {
			lines = append(lines, m.row(m.res.Changes[i], i == m.list.Cursor, sp.ListWidth-2))
		}
	}
	list := common.Box(s, "Changes", strings.Join(lines, "\n"), sp.ListWidth, sp.ListHeight, true)
	dw, dh := sp.DetailSize()
	return sp.Join(list, common.Box(s, "Before → after", m.detail(dw-2, dh-2), dw, dh, false))
}

func (m *Model) row(c jsondiff.Change, cursor bool, w int) string {
	s := m.com.Styles
	mark, style := "~", s.Warning
	switch c.Kind {
	case jsondiff.Added:
		mark, style = "+", s.Success
	case jsondiff.Removed:
		mark, style = "-", s.Error
	}
	prefix := "   "
	if cursor {
		prefix = " > "
	}
	path := sanitize.Line(c.PathString())
	value := ""
	switch c.Kind {
	case jsondiff.Added:
		value = jsondiff.Short(c.New, 40)
	case jsondiff.Removed:
		value = jsondiff.Short(c.Old, 40)
	default:
		value = jsondiff.Short(c.Old, 30) + " → " + jsondiff.Short(c.New, 30)
	}
	text := ansi.Truncate(path+"  "+value, max(10, w-5), "…")
	if cursor {
		text = s.List.Cursor.Render(text)
	}
	return prefix + style.Render(mark) + " " + text
}

// detail shows the selected change's values in full: before and after
// side by side when there is room, else one above the other.
func (m *Model) detail(w, h int) string {
	c, ok := m.selected()
	if !ok || w < 10 || h < 1 {
		return ""
	}
	before, after := block(c.Old, "(not there)"), block(c.New, "(not there)")
	s := m.com.Styles
	if w >= 50 {
		half := (w - 3) / 2
		bl, al := strings.Split(before, "\n"), strings.Split(after, "\n")
		out := []string{s.Label.Render(common.Fit("before", half)) + " │ " + s.Label.Render("after")}
		for i := 0; i < max(len(bl), len(al)) && len(out) < h; i++ {
			out = append(out, common.Fit(at(bl, i), half)+" │ "+ansi.Truncate(at(al, i), half, "…"))
		}
		return strings.Join(out, "\n")
	}
	out := append([]string{s.Label.Render("before")}, strings.Split(before, "\n")...)
	out = append(out, s.Label.Render("after"))
	out = append(out, strings.Split(after, "\n")...)
	if len(out) > h {
		out = out[:h]
	}
	for i := range out {
		out[i] = ansi.Truncate(out[i], w, "…")
	}
	return strings.Join(out, "\n")
}

// maxDetail bounds the bytes of a value the detail box formats.
const maxDetail = 64 << 10

func block(raw []byte, absent string) string {
	if raw == nil {
		return absent
	}
	cut := len(raw) > maxDetail
	if cut {
		raw = raw[:maxDetail]
	}
	text := string(pretty.Pretty(raw))
	if cut {
		text = string(raw) + "\n…"
	}
	return strings.TrimRight(sanitize.Text(text), "\n")
}

func at(lines []string, i int) string {
	if i < len(lines) {
		return lines[i]
	}
	return ""
}
