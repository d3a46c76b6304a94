// Package diffview is the explorer's comparison of two answers: the
// changed, added and removed paths of a structural JSON diff in a list,
// and the selected change's values before and after, side by side.
package diffview

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/dinero-tui/dinero-tui/internal/jsondiff"
	"github.com/dinero-tui/dinero-tui/ui/common"
)

// Model is the comparison pane.
type Model struct {
	com    common.Common
	title  string
	res    *jsondiff.Result
	err    error
	busy   bool
	gen    int
	list   common.ScrollList
	width  int
	height int
}

// readyMsg carries a finished comparison.
type readyMsg struct {
	gen int
	res *jsondiff.Result
	err error
}

// New returns an empty pane.
func New(com common.Common) *Model { return &Model{com: com} }

// Compare starts comparing two answers; title says which (it is shown
// sanitized). The diff runs in a command, off the UI goroutine.
func (m *Model) Compare(title string, before, after []byte) tea.Cmd {
	m.gen++
	m.title, m.res, m.err, m.busy = title, nil, nil, true
	m.list = common.ScrollList{Height: m.list.Height}
	gen := m.gen
	return func() tea.Msg {
		res, err := jsondiff.Compare(before, after)
		return readyMsg{gen: gen, res: res, err: err}
	}
}

// Result is the comparison shown, nil while it runs or after a failure.
func (m *Model) Result() *jsondiff.Result { return m.res }

// Title implements common.Component.
func (m *Model) Title() string { return "compare" }

// Capturing implements common.Component.
func (m *Model) Capturing() bool { return false }

// SetSize implements common.Component.
func (m *Model) SetSize(w, h int) {
	m.width, m.height = w, h
	m.list.Height = m.split().ListHeight - 4
	m.list.Clamp()
}

// Update implements common.Component.
func (m *Model) Update(msg tea.Msg) (common.Component, tea.Cmd) {
	switch msg := msg.(type) {
	case readyMsg:
		if msg.gen == m.gen {
			m.busy, m.res, m.err = false, msg.res, msg.err
			if m.res != nil {
				m.list.Len = len(m.res.Changes)
			}
			m.SetSize(m.width, m.height)
		}
	case tea.MouseWheelMsg:
		m.list.Move(map[tea.MouseButton]int{tea.MouseWheelUp: -1, tea.MouseWheelDown: 1}[msg.Button])
	case tea.KeyPressMsg:
		if key.Matches(msg, m.com.Keys.Back) {
			return m, common.Cmd(common.BackMsg{})
		}
		m.list.MoveKey(msg, m.com.Keys)
	}
	return m, nil
}

// selected is the change under the cursor.
func (m *Model) selected() (jsondiff.Change, bool) {
	if m.res == nil || len(m.res.Changes) == 0 {
		return jsondiff.Change{}, false
	}
	return m.res.Changes[m.list.Cursor], true
}

// ShortHelp implements help.KeyMap.
func (m *Model) ShortHelp() []key.Binding {
	k := m.com.Keys
	return []key.Binding{k.Up, k.Down, k.PageDown, k.Back}
}

// FullHelp implements help.KeyMap.
func (m *Model) FullHelp() [][]key.Binding {
	return [][]key.Binding{m.com.Keys.ListKeys(), {m.com.Keys.Back}}
}
