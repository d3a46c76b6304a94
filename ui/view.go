package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

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
		statusbar.Session{Status: m.status, RefreshedAt: m.refreshedAt, Now: m.com.Now()})
	body := m.active().View()
	if m.showHelp {
		body = m.helpOverlay()
	}
	body = common.FitBlock(body, m.width, max(1, m.height-2))
	return bar + "\n" + body + "\n" + m.footer()
}

func (m *Model) crumbs() []string {
	c := []string{"dinero-tui"}
	if m.screen == screenLogin {
		return append(c, "log in")
	}
	if m.org.ID != 0 {
		c = append(c, m.org.Name)
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
	hints := m.help.ShortHelpView(m.active().ShortHelp())
	if m.showHelp {
		hints = s.HelpLine.Render("any key closes the help")
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
	k := m.com.Keys
	groups := append(m.active().FullHelp(), m.compareHelp()...)
	groups = append(groups, []key.Binding{k.Help, k.History, k.Back, k.Quit, k.ForceQuit})
	if m.screen == screenLogin {
		groups = append(m.active().FullHelp(), []key.Binding{k.Help, k.Quit, k.ForceQuit})
	}
	// the box takes 2 columns and rows, plus a space of padding each side
	cols := layoutHelp(groups, m.width-4, m.height-4)
	body := renderHelp(cols, m.help.Styles.FullKey, m.help.Styles.FullDesc)
	title := "Keys · " + m.paneName()
	w := min(m.width, max(lipgloss.Width(body)+4, ansi.StringWidth(title)+6, 30))
	h := min(m.height-2, lipgloss.Height(body)+2)
	box := common.Box(m.com.Styles, title, indent(body), w, h, true)
	return lipgloss.Place(m.width, m.height-2, lipgloss.Center, lipgloss.Center, box)
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
