package history

import (
	"fmt"
	"net/url"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/dinero-tui/dinero-tui/internal/sanitize"
	"github.com/dinero-tui/dinero-tui/ui/common"
)

// ResendMsg asks the root to send an entry again (a write goes through
// the request editor and its confirmation).
type ResendMsg struct {
	Entry Entry
	Edit  bool // open in the editor instead of sending
}

// Model is the history pane.
type Model struct {
	com     common.Common
	entries []Entry
	list    common.ScrollList
	width   int
	height  int
}

// New returns the pane.
func New(com common.Common) *Model { return &Model{com: com} }

// SetEntries replaces the listed entries (newest first).
func (m *Model) SetEntries(e []Entry) {
	m.entries = e
	m.list.Len = len(e)
	m.list.Clamp()
}

// Title implements common.Component.
func (m *Model) Title() string { return "history" }

// Capturing implements common.Component.
func (m *Model) Capturing() bool { return false }

// SetSize implements common.Component.
func (m *Model) SetSize(w, h int) {
	m.width, m.height = w, h
	m.list.Height = max(1, h-2)
	m.list.Clamp()
}

// Update implements common.Component.
func (m *Model) Update(msg tea.Msg) (common.Component, tea.Cmd) {
	k := m.com.Keys
	switch msg := msg.(type) {
	case tea.MouseWheelMsg:
		m.list.Move(map[tea.MouseButton]int{tea.MouseWheelUp: -1, tea.MouseWheelDown: 1}[msg.Button])
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, k.Back):
			return m, common.Cmd(common.BackMsg{})
		case key.Matches(msg, k.Up):
			m.list.Move(-1)
		case key.Matches(msg, k.Down):
			m.list.Move(1)
		case key.Matches(msg, k.PageUp):
			m.list.Move(-m.list.Height)
		case key.Matches(msg, k.PageDown):
			m.list.Move(m.list.Height)
		case key.Matches(msg, k.Top):
			m.list.Top()
		case key.Matches(msg, k.Bottom):
			m.list.Bottom()
		case key.Matches(msg, k.Choose), key.Matches(msg, k.Resend):
			return m, m.resend(false)
		case msg.String() == "e":
			return m, m.resend(true)
		}
	}
	return m, nil
}

func (m *Model) resend(edit bool) tea.Cmd {
	if len(m.entries) == 0 {
		return nil
	}
	return common.Cmd(ResendMsg{Entry: m.entries[m.list.Cursor], Edit: edit})
}

// View implements common.Component.
func (m *Model) View() string {
	s := m.com.Styles
	var lines []string
	if len(m.entries) == 0 {
		lines = append(lines, s.List.Empty.Render(" No requests yet. What you send is kept here, per profile."))
	}
	w := m.width - 2
	start, end := m.list.Window()
	for i := start; i < end; i++ {
		lines = append(lines, m.row(m.entries[i], i == m.list.Cursor, w))
	}
	title := fmt.Sprintf("History (%d)", len(m.entries))
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
	text := ansi.Truncate(target, max(10, w-3-12-7-4-1), "…")
	if cursor {
		text = s.List.Cursor.Render(text)
	}
	return prefix + s.Muted.Render(when) + " " + s.MethodBadge(e.Method) + " " + status.Render(st) + " " + text
}

func expand(e Entry) string {
	return common.DisplayURL(e.Path, e.PathParams, url.Values(e.Query), []string{"page", "pageSize", "fields"})
}

// ShortHelp implements help.KeyMap.
func (m *Model) ShortHelp() []key.Binding {
	k := m.com.Keys
	return []key.Binding{k.Up, key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "send again")),
		key.NewBinding(key.WithKeys("e"), key.WithHelp("e", "edit")), k.Back}
}

// FullHelp implements help.KeyMap.
func (m *Model) FullHelp() [][]key.Binding { return [][]key.Binding{m.ShortHelp()} }
