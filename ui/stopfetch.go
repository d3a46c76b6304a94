package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/dinero-tui/dinero-tui/ui/common"
	"github.com/dinero-tui/dinero-tui/ui/response"
)

// confirmStopFetch decides whether msg may be sent while every page is
// being fetched: sending it stops that fetch, so the user is asked first.
// It reports true when msg may go now.
func (m *Model) confirmStopFetch(msg common.SendRequestMsg) bool {
	m.pendingSend = &msg
	return false
}

// handlePendingKey answers the "stop fetching every page?" question.
func (m *Model) handlePendingKey(msg tea.KeyPressMsg) tea.Cmd {
	k := m.com.Keys
	switch {
	case key.Matches(msg, k.Confirm):
		p := *m.pendingSend
		m.pendingSend = nil
		m.response.StopFetch()
		return m.sendRequest(p)
	case key.Matches(msg, k.Deny):
		m.pendingSend = nil
		m.goTo(screenResponse)
		m.notice, m.noticeBad = "Not sent: still fetching every page.", false
	}
	return nil
}

// stopFetchDialog is the question over the screen while a send waits for
// the user to stop the fetch of every page.
func (m *Model) stopFetchDialog() string {
	s := m.com.Styles
	w := min(m.width-2, 64)
	p := m.pendingSend
	pages, items := m.response.FetchProgress()
	text := fmt.Sprintf("Every page is still being fetched (%d done, %s items). Sending this stops that fetch:",
		pages, response.Thousands(items))
	inner := max(10, w-6)
	target := strings.Join(common.WrapURL(p.Req.Method+" "+response.ExpandPath(p.Req), inner, inner), "\n")
	body := ansi.Wordwrap(text, inner, " ") + "\n" + s.Value.Render(target) + "\n\n" +
		s.Key.Render("Stop it and send?") + " " + s.Muted.Render("y sends · n or esc keeps fetching")
	dialog := s.Dialog.Width(w).Render(body)
	return lipgloss.Place(m.width, max(1, m.height-2), lipgloss.Center, lipgloss.Center, dialog,
		lipgloss.WithWhitespaceChars(" "))
}

// pendingHelp is the footer while the question is open.
func (m *Model) pendingHelp() []key.Binding {
	k := m.com.Keys
	return []key.Binding{key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "stop and send")),
		key.NewBinding(key.WithKeys("n"), key.WithHelp("n/esc", "keep fetching")), k.ForceQuit}
}
