// Package endpoints is the endpoint picker: the catalogue's groups (the
// Postman folders) with method badges, a fuzzy filter and a detail panel.
package endpoints

import (
	"sort"

	"charm.land/bubbles/v2/key"
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
	filter    common.Filter
	focusInfo bool
	infoTop   int // scroll of the detail panel
	width     int
	height    int
}

// New returns the picker over cat.
func New(com common.Common, cat *catalog.Catalog) *Model {
	m := &Model{com: com, cat: cleanCatalog(cat), filter: common.NewFilter(com, "fuzzy filter: name, path or method")}
	m.list.Selectable = func(i int) bool { return m.rows[i].op != nil }
	m.rebuild()
	m.list.Top()
	return m
}

// Title implements common.Component.
func (m *Model) Title() string { return "endpoints" }

// Capturing implements common.Component.
func (m *Model) Capturing() bool { return m.filter.Active() }

// SetSize implements common.Component.
func (m *Model) SetSize(w, h int) {
	m.width, m.height = w, h
	l := m.layout()
	m.filter.SetWidth(max(5, l.ListWidth-6))
	m.filter.FitList(&m.list, l.ListHeight)
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
	if m.filter.Captures(msg) {
		return m, m.updateFilter(msg)
	}
	switch msg := msg.(type) {
	case tea.MouseWheelMsg:
		d := map[tea.MouseButton]int{tea.MouseWheelUp: -1, tea.MouseWheelDown: 1}[msg.Button]
		if m.focusInfo {
			m.infoTop = max(0, m.infoTop+d)
		} else {
			m.move(d)
		}
	case tea.KeyPressMsg:
		return m, m.handleKey(msg)
	}
	return m, nil
}

// move moves the cursor; a new operation's details start at the top.
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
	case m.focusInfo && common.ScrollKey(msg, k, &m.infoTop, m.height/2):
		// the details have the focus: the list keys scroll them
	case m.list.MoveKey(msg, k):
		m.infoTop = 0 // a new operation's details start at the top
	case key.Matches(msg, k.Filter):
		// a new / starts a new filter
		cmd := m.filter.Start()
		m.rebuild()
		return cmd
	case key.Matches(msg, k.Choose):
		if op, ok := m.Selected(); ok {
			return common.Cmd(common.OperationChosenMsg{Op: op})
		}
	}
	return nil
}

// updateFilter passes a key or paste to the active filter. An edited
// filter lists its operations with the cursor on the best match; a cleared
// one keeps the cursor where it was.
func (m *Model) updateFilter(msg tea.Msg) tea.Cmd {
	move, change, cmd := m.filter.Update(msg)
	if move != 0 {
		m.move(move)
	}
	switch change {
	case common.FilterEdited:
		m.rebuild()
		m.list.Top()
	case common.FilterCleared:
		m.rebuild()
	}
	return cmd
}

// rebuild recomputes the rows for the filter, keeping the cursor on the
// same operation when it is still listed. With a filter, the groups and
// the operations in them are ordered by how well they match (best first),
// and only groups with a match keep their header.
func (m *Model) rebuild() {
	prev, _ := m.Selected()
	m.rows = m.rows[:0]
	for _, g := range rankGroups(m.cat, m.filter.Value()) {
		m.rows = append(m.rows, row{group: g.name})
		for _, op := range g.ops {
			m.rows = append(m.rows, row{group: g.name, op: op})
		}
	}
	m.list.Len = len(m.rows)
	m.list.Offset = 0
	if prev.ID == "" || !m.SelectID(prev.ID) {
		m.list.Top()
	}
	m.infoTop = 0
}

// rankedGroup is a group with the operations the filter selects, best
// match first.
type rankedGroup struct {
	name  string
	ops   []*catalog.Operation
	best  int
	index int
}

// rankGroups returns the groups of cat with an operation matching q, in
// catalogue order when q is empty, else best match first (ties keep the
// catalogue order).
func rankGroups(cat *catalog.Catalog, q string) []rankedGroup {
	if cat == nil {
		return nil
	}
	var out []rankedGroup
	for gi := range cat.Groups {
		g := &cat.Groups[gi]
		rg := rankedGroup{name: g.Name, index: gi}
		scores := map[*catalog.Operation]int{}
		for oi := range g.Operations {
			op := &g.Operations[oi]
			if s := score(q, g.Name, *op); s > 0 {
				scores[op] = s
				rg.ops = append(rg.ops, op)
				rg.best = max(rg.best, s)
			}
		}
		if len(rg.ops) == 0 {
			continue
		}
		sort.SliceStable(rg.ops, func(i, j int) bool { return scores[rg.ops[i]] > scores[rg.ops[j]] })
		out = append(out, rg)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].best > out[j].best })
	return out
}
