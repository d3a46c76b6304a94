package profiles

import (
	"fmt"
	"strings"

	"charm.land/lipgloss/v2"

	"github.com/dinero-tui/dinero-tui/ui/common"
	"github.com/dinero-tui/dinero-tui/ui/statusbar"
)

// layout gives the list half of a wide pane; stacked, the details take
// what they say.
func (m *Model) layout() common.Split {
	return common.NewSplit(m.width, m.height, m.width*3/5, func() int {
		return min(m.height/2, strings.Count(m.detail(m.width-4), "\n")+3)
	})
}

// View implements common.Component.
func (m *Model) View() string {
	l := m.layout()
	m.filter.FitList(&m.list, l.ListHeight)
	title := "Profiles"
	if !m.loading && m.problem == "" {
		title = fmt.Sprintf("Profiles (%d)", len(m.all))
		if len(m.shown) != len(m.all) {
			title = fmt.Sprintf("Profiles (%d of %d)", len(m.shown), len(m.all))
		}
	}
	list := common.Box(m.com.Styles, title, m.listContent(l.ListWidth), l.ListWidth, l.ListHeight, true)
	detailTitle := "Details"
	if e, ok := m.Selected(); ok {
		detailTitle = e.Name
	}
	dw, dh := l.DetailSize()
	return l.Join(list, common.Box(m.com.Styles, detailTitle, m.detail(dw-4), dw, dh, false))
}

func (m *Model) listContent(width int) string {
	s := m.com.Styles
	lines := m.filter.Lines()
	switch {
	case m.loading:
		return strings.Join(append(lines, s.Muted.Render(" Reading the profiles…")), "\n")
	case m.problem != "":
		return common.Wrap(m.problem, width-3, " ", s.Error.Render)
	case len(m.all) == 0:
		return s.List.Empty.Render(" No profiles.")
	case len(m.shown) == 0:
		return strings.Join(append(lines, s.List.Empty.Render(" No profile matches; esc clears the filter.")), "\n")
	}
	nameW := 4
	for _, e := range m.all {
		nameW = max(nameW, lipgloss.Width(e.Name))
	}
	nameW = min(nameW, max(4, (width-2)/3))
	start, end := m.list.Window()
	for i := start; i < end; i++ {
		lines = append(lines, m.row(m.all[m.shown[i]], i == m.list.Cursor, nameW, width-2))
	}
	return strings.Join(lines, "\n")
}

// row is one profile: cursor, the in-use mark, name, LIVE/sandbox and
// whether it is logged in.
func (m *Model) row(e common.ProfileEntry, cursor bool, nameW, w int) string {
	s := m.com.Styles
	prefix, mark := "  ", "  "
	if cursor {
		prefix = "> "
	}
	if e.Name == m.current {
		mark = "● "
	}
	name := common.Fit(e.Name, nameW)
	switch {
	case cursor:
		name = s.List.Cursor.Render(name)
	case e.Problem != "":
		name = s.List.Dimmed.Render(name)
	default:
		name = s.List.Item.Render(name)
	}
	svc := common.ServiceOf(e.APIURL, e.ConnectURL)
	badge := statusbar.Badge(s, svc)
	if svc != common.ServiceLive {
		badge = " " + badge // the LIVE badge's padding is its first column
	}
	badge += strings.Repeat(" ", max(0, 8-lipgloss.Width(badge)))
	state := m.state(e)
	state += strings.Repeat(" ", max(0, 13-lipgloss.Width(state)))
	ro := "          "
	if e.ReadOnly {
		ro = s.Warning.Render("read-only") + " "
	}
	line := " " + prefix + mark + name + " " + badge + " " + state + " " + ro + s.Muted.Render(e.ClientID)
	return common.Fit(line, w)
}

// state is the row's last column: broken, logged in or not.
func (m *Model) state(e common.ProfileEntry) string {
	s := m.com.Styles
	switch {
	case e.Problem != "":
		return s.Error.Render("cannot open")
	case e.LoggedIn:
		return s.Success.Render("logged in")
	}
	return s.Muted.Render("not logged in")
}

func (m *Model) detail(w int) string {
	s := m.com.Styles
	e, ok := m.Selected()
	if !ok {
		return ""
	}
	field := func(label, value string) string {
		return " " + s.Label.Render(fmt.Sprintf("%-8s", label)) + " " + s.Value.Render(common.Fit(value, max(1, w-10)))
	}
	client := e.ClientID
	if client == "" {
		client = "not set"
	}
	lines := []string{field("Client", client), field("API", orDash(e.APIURL)), field("Connect", orDash(e.ConnectURL))}
	writes := "asked before sending"
	if e.ReadOnly {
		writes = "refused (read-only)"
	}
	lines = append(lines, field("Writes", writes), "")
	switch {
	case m.opening != "":
		lines = append(lines, s.Muted.Render(" Opening "+m.opening+"…"))
	case e.Problem != "":
		lines = append(lines, common.Wrap(e.Problem, w, " ", s.Error.Render))
	case e.Name == m.current:
		lines = append(lines, s.Muted.Render(" In use. esc goes back."))
	case e.LoggedIn:
		lines = append(lines, " "+s.Key.Render("enter")+"  "+s.Muted.Render("switch to it (its companies)"))
	default:
		lines = append(lines, " "+s.Key.Render("enter")+"  "+s.Muted.Render("switch to it and log in"))
	}
	return strings.Join(lines, "\n")
}

func orDash(v string) string {
	if v == "" {
		return "—"
	}
	return v
}
