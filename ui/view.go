package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/dinero-tui/dinero-tui/internal/sanitize"
	"github.com/dinero-tui/dinero-tui/ui/common"
	"github.com/dinero-tui/dinero-tui/ui/statusbar"
)

// View implements tea.Model.
func (m *Model) View() tea.View {
	v := tea.NewView(m.Render())
	v.AltScreen = true
	v.MouseMode = tea.MouseModeCellMotion
	v.WindowTitle = "dinero-tui"
	return v
}

// Render is the whole screen as text (View without the terminal modes);
// tests compare it with golden files.
func (m *Model) Render() string {
	bar := statusbar.Render(m.com.Styles, m.width, m.crumbs(), m.deps.Profile.Name,
		statusbar.Session{Status: m.status, RefreshedAt: m.refreshedAt, Now: m.com.Now(), ReadOnly: m.deps.Profile.ReadOnly,
			Service: common.ServiceOf(m.deps.Profile.APIURL, m.deps.Profile.ConnectURL)})
	body := m.active().View()
	switch {
	case m.showHelp:
		body = m.helpOverlay()
	case m.pendingSend != nil:
		body = m.stopFetchDialog()
	}
	body = common.FitBlock(body, m.width, max(1, m.height-2))
	return bar + "\n" + body + "\n" + m.footer()
}

func (m *Model) crumbs() []string {
	c := []string{"dinero-tui"}
	switch m.screen {
	case screenLogin:
		return append(c, "log in")
	case screenProfiles:
		return append(c, "profiles")
	}
	// the company named is the one the screen's request goes to
	org := m.org
	switch m.screen {
	case screenRequest:
		org = m.request.Org()
	case screenResponse:
		org = m.requestOrg(m.response.Request())
	}
	if org.ID != 0 {
		name := sanitize.Line(org.Name) // a name from the history file too
		if name == "" {
			name = fmt.Sprintf("organization %d", org.ID)
		}
		if org.ID != m.org.ID && m.org.ID != 0 {
			name = "→ " + name
		}
		c = append(c, name)
	}
	switch m.screen {
	case screenOrgs:
		c = append(c, "organizations")
	case screenEndpoints:
		c = append(c, "endpoints")
	case screenRequest:
		c = append(c, m.request.Operation().Name)
	case screenResponse:
		c = append(c, m.response.Operation().Name, m.response.Title())
	case screenHistory:
		c = append(c, "history")
	case screenDiff:
		c = append(c, "compare")
	case screenCopy:
		c = append(c, "copy as")
	}
	return c
}

func (m *Model) footer() string {
	s := m.com.Styles
	short := m.active().ShortHelp()
	if m.screen == screenLogin && m.deps.Profiles != nil {
		// a profile that needs a login is left with ctrl+p
		short = append(append([]key.Binding(nil), short...), m.com.Keys.Profile)
	}
	hints := m.help.ShortHelpView(short)
	if m.pendingSend != nil {
		hints = m.help.ShortHelpView(m.pendingHelp())
	}
	if m.showHelp {
		hints = s.HelpLine.Render("any key closes the help")
		if m.helpScrolls() {
			hints = s.HelpLine.Render("↑/↓ scroll · other keys close the help")
		}
	}
	line := " " + hints
	if m.notice != "" {
		st := s.Info
		if m.noticeBad {
			st = s.Error
		}
		line = " " + st.Render(m.notice) + s.Muted.Render("  ·  ") + hints
	}
	return common.Fit(ansi.Truncate(line, m.width, "…"), m.width)
}

// helpOverlay is the full key help of the current pane plus the global
// keys, in a box laid out so every binding shows.
func (m *Model) helpOverlay() string {
	// the box takes 2 columns and rows, plus a space of padding each side
	cols := common.LayoutHelp(m.helpGroups(), m.width-4, m.height-4)
	body := common.RenderHelp(cols, m.help.Styles.FullKey, m.help.Styles.FullDesc)
	lines := strings.Split(body, "\n")
	rows := max(1, m.height-4)
	m.helpTop = max(0, min(m.helpTop, len(lines)-rows))
	title := "Keys · " + m.paneName()
	if len(lines) > rows {
		title += fmt.Sprintf(" %d-%d of %d", m.helpTop+1, min(len(lines), m.helpTop+rows), len(lines))
		body = strings.Join(lines[m.helpTop:min(len(lines), m.helpTop+rows)], "\n")
	}
	w := min(m.width, max(lipgloss.Width(body)+4, ansi.StringWidth(title)+6, 30))
	h := min(m.height-2, lipgloss.Height(body)+2)
	box := common.Box(m.com.Styles, title, indent(body), w, h, true)
	return lipgloss.Place(m.width, m.height-2, lipgloss.Center, lipgloss.Center, box)
}

// helpGroups are the keys the help lists: the pane's, then the global
// keys that work there (a pane taking text, like the request form, passes
// ?, q and ctrl+r on as typing, so only f1 and ctrl+c are global there).
func (m *Model) helpGroups() [][]key.Binding {
	k := m.com.Keys
	global := []key.Binding{k.Help, k.History, k.Profile, k.Back, k.Quit, k.ForceQuit}
	switch {
	case m.screen == screenLogin:
		global = []key.Binding{k.Help, k.Profile, k.Quit, k.ForceQuit}
	case m.active().Capturing():
		global = []key.Binding{k.HelpAnywhere, k.ForceQuit}
	}
	return append(append(m.active().FullHelp(), m.compareHelp()...), global)
}

// helpScrolls reports whether the help is taller than the screen.
func (m *Model) helpScrolls() bool {
	cols := common.LayoutHelp(m.helpGroups(), m.width-4, m.height-4)
	rows := 0
	for _, c := range cols {
		rows = max(rows, len(c))
	}
	return rows > m.height-4
}

// paneName names the current pane in the help title.
func (m *Model) paneName() string {
	if m.screen == screenResponse {
		return "response"
	}
	return m.active().Title()
}

func indent(block string) string {
	return " " + strings.ReplaceAll(block, "\n", "\n ")
}
