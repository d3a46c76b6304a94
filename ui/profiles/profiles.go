// Package profiles is the profile picker: the config's profiles with
// their client id, whether each is logged in and whether it points at the
// real Dinero; enter switches the explorer to one without restarting.
// The root lists and opens the profiles (in tea.Cmds); this pane only
// shows them and says which one was chosen.
package profiles

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/dinero-tui/dinero-tui/internal/sanitize"
	"github.com/dinero-tui/dinero-tui/ui/common"
)

// ChosenMsg asks the root to switch to the profile Name.
type ChosenMsg struct{ Name string }

// Model is the profile picker.
type Model struct {
	com     common.Common
	all     []common.ProfileEntry
	shown   []int // indices into all after filtering
	list    common.ScrollList
	filter  common.Filter
	current string // the profile in use
	loading bool
	opening string // the profile being opened, "" when none
	problem string
	width   int
	height  int
}

// New returns an empty picker.
func New(com common.Common) *Model {
	return &Model{com: com, filter: common.NewFilter(com, "type a profile name")}
}

// Start empties the picker while the profiles are read; current is the
// profile in use (its row is marked).
func (m *Model) Start(current string) {
	m.all, m.shown, m.current, m.loading, m.opening, m.problem = nil, nil, current, true, "", ""
	m.filter.Reset()
	m.list = common.ScrollList{}
}

// SetEntries shows the profiles (err: they could not be read), with the
// cursor on the one in use.
func (m *Model) SetEntries(entries []common.ProfileEntry, err error) {
	m.loading = false
	if err != nil {
		m.problem = "Couldn't read the profiles: " + sanitize.Line(err.Error())
		return
	}
	m.all = entries
	for i := range m.all {
		e := &m.all[i]
		e.Name, e.ClientID, e.Problem = sanitize.Line(e.Name), sanitize.Line(e.ClientID), sanitize.Line(e.Problem)
		e.APIURL, e.ConnectURL = sanitize.Line(e.APIURL), sanitize.Line(e.ConnectURL)
	}
	m.applyFilter()
	for i, idx := range m.shown {
		if m.all[idx].Name == m.current {
			m.list.Cursor = i
		}
	}
	m.list.Clamp()
}

// SetOpening says the profile name is being opened ("" when that ended).
func (m *Model) SetOpening(name string) { m.opening = name }

// Opening is the profile being opened, "" when none.
func (m *Model) Opening() string { return m.opening }

// Selected returns the profile under the cursor.
func (m *Model) Selected() (common.ProfileEntry, bool) {
	if len(m.shown) == 0 {
		return common.ProfileEntry{}, false
	}
	return m.all[m.shown[m.list.Cursor]], true
}

// Title implements common.Component.
func (m *Model) Title() string { return "profiles" }

// Capturing implements common.Component.
func (m *Model) Capturing() bool { return m.filter.Active() }

// SetSize implements common.Component.
func (m *Model) SetSize(w, h int) {
	m.width, m.height = w, h
	l := m.layout()
	m.filter.SetWidth(max(5, l.ListWidth-6))
	m.filter.FitList(&m.list, l.ListHeight)
}

// Update implements common.Component.
func (m *Model) Update(msg tea.Msg) (common.Component, tea.Cmd) {
	if m.filter.Captures(msg) {
		if k, ok := msg.(tea.KeyPressMsg); ok && k.String() == "enter" && m.filter.Value() != "" {
			// typing a name and enter switches to it, like :profile NAME
			m.filter.Update(msg)
			return m, m.choose()
		}
		return m, m.filter.UpdateList(msg, &m.list, m.applyFilter)
	}
	switch msg := msg.(type) {
	case tea.MouseWheelMsg:
		d := map[tea.MouseButton]int{tea.MouseWheelUp: -1, tea.MouseWheelDown: 1}[msg.Button]
		m.list.Move(d)
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
	case key.Matches(msg, k.Choose):
		return m.choose()
	default:
		m.list.MoveKey(msg, k)
	}
	return nil
}

// choose asks to switch to the profile under the cursor, unless one is
// already being opened.
func (m *Model) choose() tea.Cmd {
	e, ok := m.Selected()
	if !ok || m.opening != "" || m.loading {
		return nil
	}
	return common.Cmd(ChosenMsg{Name: e.Name})
}

func (m *Model) applyFilter() {
	sel := ""
	if e, ok := m.Selected(); ok {
		sel = e.Name
	}
	q := strings.TrimSpace(m.filter.Value())
	m.shown = m.shown[:0]
	best, bestScore := -1, -1
	for i, e := range m.all {
		score, ok := common.FuzzyMatch(q, e.Name)
		if !ok {
			continue
		}
		if strings.EqualFold(e.Name, q) {
			score = 1 << 20 // a name typed in full wins
		}
		if q != "" && score > bestScore {
			best, bestScore = len(m.shown), score
		}
		m.shown = append(m.shown, i)
	}
	m.list.Len = len(m.shown)
	m.list.Cursor = 0
	for i, idx := range m.shown {
		if m.all[idx].Name == sel {
			m.list.Cursor = i
		}
	}
	if best >= 0 {
		m.list.Cursor = best
	}
	m.list.Clamp()
}

// ShortHelp implements help.KeyMap.
func (m *Model) ShortHelp() []key.Binding {
	k := m.com.Keys
	if m.filter.Active() {
		return m.filter.ShortHelp()
	}
	return []key.Binding{k.Up, switchKey(k.Choose), k.Filter, k.Back, k.Help}
}

// FullHelp implements help.KeyMap.
func (m *Model) FullHelp() [][]key.Binding {
	k := m.com.Keys
	return [][]key.Binding{k.ListKeys(), {switchKey(k.Choose), k.Filter, k.ClearFilter, k.Back}}
}

// switchKey is enter, described as what it does here.
func switchKey(b key.Binding) key.Binding {
	return key.NewBinding(key.WithKeys(b.Keys()...), key.WithHelp(b.Help().Key, "switch to it"))
}
