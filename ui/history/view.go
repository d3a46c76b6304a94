package history

import (
	"fmt"
	"net/url"
	"strings"

	"charm.land/bubbles/v2/key"
	"github.com/charmbracelet/x/ansi"

	"github.com/dinero-tui/dinero-tui/internal/sanitize"
	"github.com/dinero-tui/dinero-tui/ui/common"
)

// View implements common.Component.
func (m *Model) View() string {
	s := m.com.Styles
	m.filter.FitList(&m.list, m.height)
	lines := m.filter.Lines()
	switch {
	case len(m.entries) == 0:
		lines = append(lines, s.List.Empty.Render(" No requests yet. What you send is kept here, per profile."))
	case len(m.shown) == 0:
		lines = append(lines, s.List.Empty.Render(" No request matches the filter; esc clears it."))
	}
	w := m.width - 2
	start, end := m.list.Window()
	for i := start; i < end; i++ {
		lines = append(lines, m.row(m.entries[m.shown[i]], i == m.list.Cursor, w))
	}
	title := fmt.Sprintf("History (%d)", len(m.entries))
	if len(m.shown) != len(m.entries) {
		title = fmt.Sprintf("History (%d of %d)", len(m.shown), len(m.entries))
	}
	return common.Box(s, title, strings.Join(lines, "\n"), m.width, m.height, true)
}

func (m *Model) row(e Entry, cursor bool, w int) string {
	s := m.com.Styles
	status := s.Success
	if e.Status >= 400 || e.Status == 0 {
		status = s.Error
	}
	st := "---"
	if e.Status > 0 {
		st = fmt.Sprint(e.Status)
	}
	when := e.Time.Local().Format("01-02 15:04")
	target := sanitize.Line(expand(e))
	prefix := "   "
	if cursor {
		prefix = " > "
	}
	if m.isMarked(e) {
		prefix = prefix[:2] + "*"
	}
	room := max(10, w-3-12-7-4-1)
	other := ""
	if e.OrgID != 0 && m.chosen != 0 && e.OrgID != m.chosen {
		// sent to another company than the chosen one: sending it again
		// goes there, so the row says where
		name := sanitize.Line(e.OrgName)
		if name == "" {
			name = fmt.Sprint(e.OrgID)
		}
		other = ansi.Truncate("  → "+name, max(0, room/3), "…")
		room -= ansi.StringWidth(other)
	}
	text := ansi.Truncate(target, room, "…")
	if cursor {
		text = s.List.Cursor.Render(text)
	}
	if other != "" {
		text += s.Warning.Render(other)
	}
	return prefix + s.Muted.Render(when) + " " + s.MethodBadge(e.Method) + " " + status.Render(st) + " " + text
}

func expand(e Entry) string {
	return common.DisplayURL(e.Path, e.PathParams, url.Values(e.Query), []string{"page", "pageSize", "fields"})
}

var sendAgain = key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "send again"))

// ShortHelp implements help.KeyMap.
func (m *Model) ShortHelp() []key.Binding {
	k := m.com.Keys
	if m.filter.Active() {
		return m.filter.ShortHelp()
	}
	// x (copy as curl) is in the full help: the line has no room for it
	return []key.Binding{k.Up, sendAgain, k.Edit, k.Filter, k.CopyCommand, k.Back}
}

// FullHelp implements help.KeyMap.
func (m *Model) FullHelp() [][]key.Binding {
	k := m.com.Keys
	return [][]key.Binding{k.ListKeys(),
		{sendAgain, k.Edit, k.Filter, k.ClearFilter, k.CopyCommand, k.CopyCurl, k.ExportPostman, k.Back}}
}
