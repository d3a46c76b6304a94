package history

import (
	"net/url"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/dinero-tui/dinero-tui/ui/common"
	"github.com/dinero-tui/dinero-tui/ui/shellcmd"
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
	shown   []int // indices into entries that pass the filter
	list    common.ScrollList
	filter  common.Filter
	chosen  int64 // the chosen company: rows for another one name theirs
	width   int
	height  int
	marked  time.Time // the entry marked for comparing, if any
}

// New returns the pane.
func New(com common.Common) *Model {
	return &Model{com: com, filter: common.NewFilter(com, "filter by method, status, path")}
}

// SetEntries replaces the listed entries (newest first). When there are
// new ones the cursor goes to the newest, which is what was just sent.
func (m *Model) SetEntries(e []Entry) {
	grew := len(e) != len(m.entries) || (len(e) > 0 && !e[0].Time.Equal(m.entries[0].Time))
	m.entries = e
	if grew {
		m.shown, m.list.Cursor, m.list.Offset = m.shown[:0], 0, 0
	}
	m.applyFilter()
}

// SetChosen tells the pane the chosen company, so the rows sent to
// another one can say which (sending them again goes there).
func (m *Model) SetChosen(orgID int64) { m.chosen = orgID }

// Title implements common.Component.
func (m *Model) Title() string { return "history" }

// Capturing implements common.Component: the filter field takes all keys.
func (m *Model) Capturing() bool { return m.filter.Active() }

// SetSize implements common.Component.
func (m *Model) SetSize(w, h int) {
	m.width, m.height = w, h
	m.filter.SetWidth(max(5, w-6))
	m.filter.FitList(&m.list, h)
}

// Cursor is the row the cursor is on (0 is the newest shown).
func (m *Model) Cursor() int { return m.list.Cursor }

// Selected returns the entry under the cursor.
func (m *Model) Selected() (Entry, bool) {
	if len(m.shown) == 0 {
		return Entry{}, false
	}
	return m.entries[m.shown[m.list.Cursor]], true
}

// Update implements common.Component.
func (m *Model) Update(msg tea.Msg) (common.Component, tea.Cmd) {
	if m.filter.Captures(msg) {
		// the list follows every edit; enter keeps the filter, esc clears it
		return m, m.filter.UpdateList(msg, &m.list, m.applyFilter)
	}
	switch msg := msg.(type) {
	case tea.MouseWheelMsg:
		m.list.Move(map[tea.MouseButton]int{tea.MouseWheelUp: -1, tea.MouseWheelDown: 1}[msg.Button])
	case tea.KeyPressMsg:
		return m, m.handleKey(msg)
	}
	return m, nil
}

func (m *Model) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	k := m.com.Keys
	switch {
	case key.Matches(msg, k.ClearFilter) && m.filter.Value() != "":
		m.filter.Reset()
		m.applyFilter()
	case key.Matches(msg, k.Back):
		return common.Cmd(common.BackMsg{})
	case key.Matches(msg, k.Filter):
		cmd := m.filter.Start()
		m.applyFilter()
		return cmd
	case key.Matches(msg, k.Choose), key.Matches(msg, k.Resend):
		return m.resend(false)
	case key.Matches(msg, k.Edit):
		return m.resend(true)
	case key.Matches(msg, k.CopyCommand):
		return m.copy(false)
	case key.Matches(msg, k.CopyCurl):
		return m.copy(true)
	case key.Matches(msg, k.ExportPostman):
		return m.export()
	default:
		m.list.MoveKey(msg, k)
	}
	return nil
}

func (m *Model) resend(edit bool) tea.Cmd {
	e, ok := m.Selected()
	if !ok {
		return nil
	}
	return common.Cmd(ResendMsg{Entry: e, Edit: edit})
}

// ExportMsg asks the root to write entries (newest first) as a Postman
// collection; see ExportFile.
type ExportMsg struct{ Entries []Entry }

// export asks to export the listed (filtered) entries.
func (m *Model) export() tea.Cmd {
	if len(m.shown) == 0 {
		return common.Info("nothing to export")
	}
	out := make([]Entry, 0, len(m.shown))
	for _, i := range m.shown {
		out = append(out, m.entries[i])
	}
	return common.Cmd(ExportMsg{Entries: out})
}

// copy puts the selected entry on the clipboard as a command line.
func (m *Model) copy(curl bool) tea.Cmd {
	e, ok := m.Selected()
	if !ok {
		return nil
	}
	r := common.Request{OperationID: e.OperationID, Method: e.Method, Path: e.Path, PathParams: e.PathParams,
		Query: url.Values(e.Query), Body: []byte(e.Body)}
	if curl {
		return shellcmd.CopyCurl(r, m.com.Profile.APIURL)
	}
	return shellcmd.CopyAPI(r, shellcmd.Options{Profile: m.com.Profile.Name})
}
