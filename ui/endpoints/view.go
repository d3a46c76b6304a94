package endpoints

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"github.com/charmbracelet/x/ansi"

	"github.com/dinero-tui/dinero-tui/api/catalog"
	"github.com/dinero-tui/dinero-tui/ui/common"
)

const detailHeight = 9 // stacked layout

// layout gives the list 11/20 of a wide pane.
func (m *Model) layout() common.Split {
	return common.NewSplit(m.width, m.height, m.width*11/20, func() int { return detailHeight })
}

// View implements common.Component.
func (m *Model) View() string {
	l := m.layout()
	m.filter.FitList(&m.list, l.ListHeight)
	title := "Endpoints"
	if m.cat != nil && m.cat.Source != "" && m.cat.Source != "built-in" {
		title += " · " + m.cat.Source
	}
	list := common.Box(m.com.Styles, title, m.listContent(l.ListWidth), l.ListWidth, l.ListHeight, !m.focusInfo)
	op, _ := m.Selected()
	dw, dh := l.DetailSize()
	return l.Join(list, common.Box(m.com.Styles, op.Name, m.detail(op, dw-3, dh-2), dw, dh, m.focusInfo))
}

func (m *Model) listContent(width int) string {
	s := m.com.Styles
	lines := m.filter.Lines()
	if len(m.rows) == 0 {
		return strings.Join(append(lines, s.List.Empty.Render(" No endpoint matches; esc clears the filter.")), "\n")
	}
	w := width - 2
	start, end := m.list.Window()
	for i := start; i < end; i++ {
		r := m.rows[i]
		if r.op == nil {
			lines = append(lines, " "+s.List.Group.Render(common.Fit(r.group, w-1)))
			continue
		}
		lines = append(lines, m.opRow(*r.op, i == m.list.Cursor, w))
	}
	return strings.Join(lines, "\n")
}

func (m *Model) opRow(op catalog.Operation, cursor bool, w int) string {
	s := m.com.Styles
	mark := "     "
	if op.Write {
		mark = s.Badge.Write.Render("write")
	}
	nameW := max(4, w-3-7-1-5-1)
	name := common.Fit(op.Name, nameW)
	prefix := "   "
	if cursor {
		prefix = " > "
		name = s.List.Cursor.Render(name)
	} else {
		name = s.List.Item.Render(name)
	}
	return prefix + s.MethodBadge(op.Method) + " " + name + " " + mark
}

func (m *Model) detail(op catalog.Operation, w, h int) string {
	s := m.com.Styles
	if op.ID == "" {
		return ""
	}
	kind := s.Success.Render("read")
	if op.Write {
		kind = s.Badge.Write.Render("write: changes data, asks before sending")
	}
	if op.Paged {
		kind = "paged · " + kind
	}
	lines := []string{" " + s.MethodBadge(op.Method) + s.Value.Render(op.Path), " " + kind, ""}
	params := func(title string, ps []catalog.Param) {
		if len(ps) == 0 {
			return
		}
		lines = append(lines, " "+s.Label.Render(title))
		for _, p := range ps {
			lines = append(lines, "  "+paramLine(s.Value.Render, s.Muted.Render, p, w-2))
		}
	}
	params("Path", op.PathParams)
	params("Query", op.Query)
	if op.Body != "" {
		lines = append(lines, " "+s.Label.Render("Body")+" "+s.Muted.Render("JSON, from a template (ctrl+e edits it)"))
	}
	if op.Description != "" {
		lines = append(lines, "")
		for _, l := range strings.Split(ansi.Wordwrap(op.Description, w-1, " "), "\n") {
			lines = append(lines, " "+s.Muted.Render(l))
		}
	}
	m.infoTop = min(m.infoTop, max(0, len(lines)-h))
	return strings.Join(lines[m.infoTop:], "\n")
}

func paramLine(value, muted func(...string) string, p catalog.Param, w int) string {
	hint := p.Type
	if len(p.Enum) > 0 {
		hint = strings.Join(p.Enum, "|")
	}
	if p.Required {
		hint += ", required"
	}
	if p.Default != "" {
		hint += ", default " + p.Default
	}
	name := fmt.Sprintf("%-16s", p.Name)
	return ansi.Truncate(value(name)+" "+muted(hint), w, "…")
}

// ShortHelp implements help.KeyMap.
func (m *Model) ShortHelp() []key.Binding {
	k := m.com.Keys
	if m.filter.Active() {
		return m.filter.ShortHelp()
	}
	return []key.Binding{k.Up, k.Choose, k.Filter, k.SwitchPane, k.Back, k.History, k.Help}
}

// FullHelp implements help.KeyMap.
func (m *Model) FullHelp() [][]key.Binding {
	k := m.com.Keys
	return [][]key.Binding{k.ListKeys(), {k.Choose, k.Filter, k.ClearFilter, k.SwitchPane, k.Back, k.History}}
}
