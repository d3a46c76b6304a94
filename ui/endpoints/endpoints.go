// Package endpoints is the endpoint picker: the catalogue's groups (the
// Postman folders) with method badges, a fuzzy filter and a detail panel.
package endpoints

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/dinero-tui/dinero-tui/api/catalog"
	"github.com/dinero-tui/dinero-tui/ui/common"
)

// row is one line of the list: a group header (op == nil) or an operation.
type row struct {
	group string
	op    *catalog.Operation
}

// Model is the endpoint picker.
type Model struct {
	com       common.Common
	cat       *catalog.Catalog
	rows      []row
	list      common.ScrollList
	filter    textinput.Model
	filtering bool
	focusInfo bool
	infoTop   int // scroll of the detail panel
	width     int
	height    int
}

// New returns the picker over cat.
func New(com common.Common, cat *catalog.Catalog) *Model {
	f := common.NewInput(com)
	f.Prompt = "/"
	f.Placeholder = "fuzzy filter: name, path or method"
	m := &Model{com: com, cat: cleanCatalog(cat), filter: f}
	m.list.Selectable = func(i int) bool { return m.rows[i].op != nil }
	m.rebuild()
	m.list.Top()
	return m
}

// Title implements common.Component.
func (m *Model) Title() string { return "endpoints" }

// Capturing implements common.Component.
func (m *Model) Capturing() bool { return m.filtering }

// SetSize implements common.Component.
func (m *Model) SetSize(w, h int) {
	m.width, m.height = w, h
	m.filter.SetWidth(max(5, m.listWidth()-6))
	m.list.Height = m.listRows()
	m.list.Clamp()
}

// Selected returns the operation under the cursor.
func (m *Model) Selected() (catalog.Operation, bool) {
	if m.list.Cursor >= len(m.rows) || m.rows[m.list.Cursor].op == nil {
		return catalog.Operation{}, false
	}
	return *m.rows[m.list.Cursor].op, true
}

// SelectID puts the cursor on the operation with the given id.
func (m *Model) SelectID(id string) bool {
	for i, r := range m.rows {
		if r.op != nil && r.op.ID == id {
			m.list.Cursor = i
			m.list.Clamp()
			return true
		}
	}
	return false
}

// Update implements common.Component.
func (m *Model) Update(msg tea.Msg) (common.Component, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.MouseWheelMsg:
		d := map[tea.MouseButton]int{tea.MouseWheelUp: -1, tea.MouseWheelDown: 1}[msg.Button]
		if m.focusInfo {
			m.infoTop = max(0, m.infoTop+d)
		} else {
			m.move(d)
		}
	case tea.KeyPressMsg:
		if m.filtering {
			return m, m.handleFilterKey(msg)
		}
		return m, m.handleKey(msg)
	case tea.PasteMsg:
		if m.filtering {
			var cmd tea.Cmd
			m.filter, cmd = m.filter.Update(msg)
			m.rebuild()
			return m, cmd
		}
	}
	return m, nil
}

func (m *Model) move(d int) {
	m.list.Move(d)
	m.infoTop = 0
}

func (m *Model) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	k := m.com.Keys
	switch {
	case key.Matches(msg, k.ClearFilter) && m.filter.Value() != "":
		m.filter.Reset()
		m.rebuild()
	case key.Matches(msg, k.Back):
		return common.Cmd(common.BackMsg{})
	case key.Matches(msg, k.SwitchPane):
		m.focusInfo = !m.focusInfo
	case key.Matches(msg, k.Up) && m.focusInfo:
		m.infoTop = max(0, m.infoTop-1)
	case key.Matches(msg, k.Down) && m.focusInfo:
		m.infoTop++
	case key.Matches(msg, k.Up):
		m.move(-1)
	case key.Matches(msg, k.Down):
		m.move(1)
	case key.Matches(msg, k.PageUp):
		m.move(-m.list.Height)
	case key.Matches(msg, k.PageDown):
		m.move(m.list.Height)
	case key.Matches(msg, k.Top):
		m.list.Top()
	case key.Matches(msg, k.Bottom):
		m.list.Bottom()
	case key.Matches(msg, k.Filter):
		// a new / starts a new filter
		m.filtering = true
		m.filter.Reset()
		m.applyFilterChange()
		return m.filter.Focus()
	case key.Matches(msg, k.Choose):
		if op, ok := m.Selected(); ok {
			return common.Cmd(common.OperationChosenMsg{Op: op})
		}
	}
	return nil
}

func (m *Model) handleFilterKey(msg tea.KeyPressMsg) tea.Cmd {
	switch msg.String() {
	case "esc":
		m.filtering = false
		m.filter.Blur()
		m.filter.Reset()
		m.rebuild()
		return nil
	case "enter":
		m.filtering = false
		m.filter.Blur()
		return nil
	case "up", "down":
		m.move(map[string]int{"up": -1, "down": 1}[msg.String()])
		return nil
	}
	var cmd tea.Cmd
	m.filter, cmd = m.filter.Update(msg)
	m.rebuild()
	return cmd
}

// rebuild recomputes the rows for the filter, keeping the cursor on the
// same operation when it is still listed.
func (m *Model) rebuild() {
	prev, _ := m.Selected()
	q := strings.TrimSpace(m.filter.Value())
	m.rows = m.rows[:0]
	if m.cat != nil {
		for gi := range m.cat.Groups {
			g := &m.cat.Groups[gi]
			header := false
			for oi := range g.Operations {
				op := &g.Operations[oi]
				if !matches(q, g.Name, *op) {
					continue
				}
				if !header {
					m.rows = append(m.rows, row{group: g.Name})
					header = true
				}
				m.rows = append(m.rows, row{group: g.Name, op: op})
			}
		}
	}
	m.list.Len = len(m.rows)
	m.list.Offset = 0
	if prev.ID == "" || !m.SelectID(prev.ID) {
		m.list.Top()
	}
	m.infoTop = 0
}

// matches reports whether the filter q selects op: a plain substring of
// its group, name, method or path, or a fuzzy match of its group and name
// (fuzzy matching across paths would select nearly everything).
func matches(q, group string, op catalog.Operation) bool {
	if q == "" {
		return true
	}
	lq := strings.ToLower(q)
	if strings.Contains(strings.ToLower(group+" "+op.Name+" "+op.Method+" "+op.Path), lq) {
		return true
	}
	_, ok := common.FuzzyMatch(q, op.Method+" "+group+" "+op.Name)
	return ok
}

func (m *Model) applyFilterChange() { m.rebuild() }
