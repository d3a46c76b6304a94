// Package orgs is the organizations pane: the user's companies with a PRO
// badge, a filter, and a detail panel that explains why a non-Pro company
// cannot use the API.
package orgs

import (
	"context"
	"errors"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/spinner"
	tea "charm.land/bubbletea/v2"

	"github.com/dinero-tui/dinero-tui/internal/sanitize"
	"github.com/dinero-tui/dinero-tui/ui/common"
)

// NotProReason is the one-line explanation shown for a company without Pro.
const NotProReason = "Not Pro: Dinero answers every API call for this company with 403 (code 90). Upgrade the company to Pro to integrate."

// Model is the organizations pane.
type Model struct {
	com       common.Common
	all       []common.Org
	shown     []int // indices into all after filtering
	list      common.ScrollList
	filter    common.Filter
	preferred int64 // org to put the cursor on once loaded
	loading   bool
	loaded    bool
	cancel    context.CancelFunc
	gen       int
	spinner   spinner.Model
	problem   string
	warned    int64 // non-Pro org the user was warned about (second enter goes on)
	focusInfo bool
	infoTop   int // first line of the details shown when they have the focus
	width     int
	height    int
}

// New returns the pane; preferred is the organization to preselect (from
// DINERO_ORG_ID, the profile, or the last choice), 0 for none.
func New(com common.Common, preferred int64) *Model {
	return &Model{com: com, preferred: preferred, filter: common.NewFilter(com, "type to filter"),
		spinner: spinner.New(spinner.WithSpinner(spinner.Dot))}
}

type loadedMsg struct {
	gen  int
	orgs []common.Org
	err  error
}

// Load starts fetching the organizations.
func (m *Model) Load() tea.Cmd {
	m.stop()
	m.gen++
	m.loading, m.problem = true, ""
	ctx, cancel := context.WithCancel(m.com.Ctx)
	m.cancel = cancel
	gen, be := m.gen, m.com.Backend
	fetch := func() tea.Msg {
		orgs, err := be.Organizations(ctx)
		return loadedMsg{gen: gen, orgs: orgs, err: err}
	}
	return tea.Batch(fetch, m.spinner.Tick)
}

// Loaded reports whether the list has been fetched.
func (m *Model) Loaded() bool { return m.loaded }

// Busy reports whether a fetch is in progress.
func (m *Model) Busy() bool { return m.loading }

func (m *Model) stop() {
	if m.cancel != nil {
		m.cancel()
		m.cancel = nil
	}
	m.loading = false
}

// Title implements common.Component.
func (m *Model) Title() string { return "organizations" }

// Capturing implements common.Component.
func (m *Model) Capturing() bool { return m.filter.Active() }

// SetSize implements common.Component.
func (m *Model) SetSize(w, h int) {
	m.width, m.height = w, h
	l := m.layout()
	m.filter.SetWidth(max(5, l.ListWidth-6))
	m.filter.FitList(&m.list, l.ListHeight)
}

// Selected returns the organization under the cursor.
func (m *Model) Selected() (common.Org, bool) {
	if len(m.shown) == 0 {
		return common.Org{}, false
	}
	return m.all[m.shown[m.list.Cursor]], true
}

// Find returns the listed organization with id, if the list has it.
func (m *Model) Find(id int64) (common.Org, bool) {
	for _, o := range m.all {
		if o.ID == id {
			return o, true
		}
	}
	return common.Org{}, false
}

// Update implements common.Component.
func (m *Model) Update(msg tea.Msg) (common.Component, tea.Cmd) {
	if m.filter.Captures(msg) {
		return m, m.filter.UpdateList(msg, &m.list, m.applyFilter)
	}
	switch msg := msg.(type) {
	case loadedMsg:
		return m, m.handleLoaded(msg)
	case spinner.TickMsg:
		if m.loading {
			var cmd tea.Cmd
			m.spinner, cmd = m.spinner.Update(msg)
			return m, cmd
		}
	case tea.MouseWheelMsg:
		m.wheel(msg)
	case tea.KeyPressMsg:
		return m, m.handleKey(msg)
	}
	return m, nil
}

func (m *Model) handleLoaded(msg loadedMsg) tea.Cmd {
	if msg.gen != m.gen {
		return nil
	}
	m.stop()
	if msg.err != nil {
		if errors.Is(msg.err, common.ErrLoginRequired) {
			return common.Cmd(common.LoginRequiredMsg{Reason: "The session has ended. Log in again to continue."})
		}
		if errors.Is(msg.err, context.Canceled) {
			m.problem = "Cancelled. Press r to load the organizations again."
			return nil
		}
		m.problem = "Couldn't load your organizations: " + sanitize.Line(msg.err.Error()) + ". Press r to retry."
		return nil
	}
	m.all, m.loaded = msg.orgs, true
	for i := range m.all {
		m.all[i].Name = sanitize.Line(m.all[i].Name)
		m.all[i].VatNumber = sanitize.Line(m.all[i].VatNumber)
		m.all[i].Email = sanitize.Line(m.all[i].Email)
		m.all[i].City = sanitize.Line(m.all[i].City)
	}
	m.applyFilter()
	for i, idx := range m.shown {
		if m.all[idx].ID == m.preferred {
			m.list.Cursor = i
		}
	}
	m.list.Clamp()
	return nil
}

func (m *Model) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	k := m.com.Keys
	switch {
	case key.Matches(msg, k.Cancel) && m.loading:
		m.stop()
		m.gen++
		m.problem = "Cancelled. Press r to load the organizations again."
	case key.Matches(msg, k.ClearFilter) && m.filter.Value() != "":
		m.filter.Reset()
		m.applyFilter()
	case key.Matches(msg, k.Filter):
		// a new / starts a new filter
		cmd := m.filter.Start()
		m.applyFilter()
		return cmd
	case key.Matches(msg, k.Reload) && !m.loading:
		return m.Load()
	case key.Matches(msg, k.SwitchPane):
		m.focusInfo = !m.focusInfo
	case key.Matches(msg, k.Choose):
		return m.choose()
	case m.focusInfo && common.ScrollKey(msg, k, &m.infoTop, m.height/2):
		// the details have the focus: the list keys scroll them
	case m.list.MoveKey(msg, k):
		m.infoTop = 0
	}
	return nil
}

func (m *Model) wheel(msg tea.MouseWheelMsg) {
	d := map[tea.MouseButton]int{tea.MouseWheelUp: -1, tea.MouseWheelDown: 1}[msg.Button]
	if m.focusInfo {
		m.infoTop = max(0, m.infoTop+d)
		return
	}
	m.list.Move(d)
	m.infoTop = 0
}

func (m *Model) choose() tea.Cmd {
	org, ok := m.Selected()
	if !ok {
		return nil
	}
	if !org.IsPro && m.warned != org.ID {
		m.warned = org.ID
		return nil
	}
	m.warned = 0
	be, id := m.com.Backend, org.ID
	save := func() tea.Msg {
		if err := be.SaveLastOrg(id); err != nil {
			return common.ErrorMsg{Err: err}
		}
		return nil
	}
	return tea.Batch(save, common.Cmd(common.OrgChosenMsg{Org: org}))
}

func (m *Model) applyFilter() {
	var sel int64 = -1
	if o, ok := m.Selected(); ok {
		sel = o.ID
	}
	q := strings.TrimSpace(m.filter.Value())
	m.shown = m.shown[:0]
	for i, o := range m.all {
		if _, ok := common.FuzzyMatch(q, o.Name+" "+itoa(o.ID)); ok {
			m.shown = append(m.shown, i)
		}
	}
	m.list.Len = len(m.shown)
	m.list.Cursor = 0
	for i, idx := range m.shown {
		if m.all[idx].ID == sel {
			m.list.Cursor = i
		}
	}
	m.list.Clamp()
}
