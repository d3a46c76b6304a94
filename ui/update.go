package ui

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/dinero-tui/dinero-tui/api/catalog"
	"github.com/dinero-tui/dinero-tui/internal/sanitize"
	"github.com/dinero-tui/dinero-tui/ui/common"
	"github.com/dinero-tui/dinero-tui/ui/history"
	"github.com/dinero-tui/dinero-tui/ui/statusbar"
	"github.com/dinero-tui/dinero-tui/ui/styles"
)

type (
	// sessionEventMsg and the two below carry the profileGen they are
	// about: those of a profile left are dropped.
	sessionEventMsg struct {
		ev  common.SessionEvent
		gen int
	}
	// statusMsg is the session state read off the UI goroutine (reading it
	// may touch the token store or the OS keyring).
	statusMsg struct {
		st         common.SessionStatus
		needsLogin bool
		gen        int
	}
	sessionTickMsg struct{ gen int }
	historyMsg     struct {
		store *history.Store
		err   error
		gen   int
	}
	historySavedMsg struct{ err error }
)

// Update implements tea.Model.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.setSize(msg.Width, msg.Height)
		return m, nil
	case tea.BackgroundColorMsg:
		m.setTheme(msg.IsDark())
		return m, nil
	case tea.KeyPressMsg:
		return m, m.handleKey(msg)
	case tea.MouseWheelMsg:
		return m, m.forward(msg)
	case common.InfoMsg:
		m.notice, m.noticeBad = msg.Text, false
		return m, nil
	case common.ErrorMsg:
		m.notice, m.noticeBad = sanitize.Line(msg.Err.Error()), true
		return m, nil
	}
	if cmd, handled := m.handleNav(msg); handled {
		return m, cmd
	}
	if cmd, handled := m.handleSession(msg); handled {
		return m, cmd
	}
	if cmd, handled := m.handleProfiles(msg); handled {
		return m, cmd
	}
	return m, m.broadcast(msg)
}

// forward sends an input message to the active pane only.
func (m *Model) forward(msg tea.Msg) tea.Cmd {
	_, cmd := m.active().Update(msg)
	return cmd
}

// broadcast gives a non-input message to every pane: each pane's own
// messages carry its identity, so the others ignore them.
func (m *Model) broadcast(msg tea.Msg) tea.Cmd {
	var cmds []tea.Cmd
	for _, p := range m.panes() {
		_, cmd := p.Update(msg)
		cmds = append(cmds, cmd)
	}
	return tea.Batch(cmds...)
}

func (m *Model) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	k := m.com.Keys
	m.notice = ""
	switch {
	case key.Matches(msg, k.ForceQuit):
		return tea.Quit
	case m.showHelp && m.helpScrolls() && common.ScrollKey(msg, k, &m.helpTop, m.height-4):
		return nil
	case m.showHelp:
		m.showHelp, m.helpTop = false, 0
		return nil
	case m.pendingSend != nil:
		return m.handlePendingKey(msg)
	case m.profiles.Opening() != "":
		m.notice = "Opening profile " + sanitize.Line(m.profiles.Opening()) + "…"
		return nil
	case key.Matches(msg, k.HelpAnywhere):
		m.showHelp = true
		return nil
	case m.active().Capturing():
		return m.forward(msg)
	case key.Matches(msg, k.Quit):
		return tea.Quit
	case key.Matches(msg, k.Help):
		m.showHelp = true
		return nil
	case key.Matches(msg, k.Profile):
		return m.openPicker()
	case key.Matches(msg, k.History) && m.screen != screenLogin:
		m.history.SetChosen(m.org.ID)
		m.history.SetEntries(m.entries())
		m.goTo(screenHistory)
		return nil
	case key.Matches(msg, k.Back) && (m.screen == screenLogin && !m.login.Busy()):
		return tea.Quit
	}
	if cmd, handled := m.handleCompareKey(msg); handled {
		return cmd
	}
	return m.forward(msg)
}

func (m *Model) handleNav(msg tea.Msg) (tea.Cmd, bool) {
	switch msg := msg.(type) {
	case common.BackMsg:
		if m.screen == screenProfiles {
			m.screen = m.pickerFrom
			return nil, true
		}
		return m.goBack(), true
	case common.LoggedInMsg:
		m.screen = screenOrgs
		if m.org.ID != 0 && len(m.back) > 0 {
			m.goBack()
		}
		cmd := m.loadStatus(false)
		if !m.orgs.Loaded() {
			cmd = tea.Batch(cmd, m.orgs.Load())
		}
		return cmd, true
	case common.LoginRequiredMsg:
		m.status.NeedsLogin = true
		m.login.SetProblem(msg.Reason)
		if m.screen != screenLogin {
			m.back = append(m.back, m.screen)
		}
		m.screen = screenLogin
		return m.loadStatus(true), true
	case common.OrgChosenMsg:
		m.org = msg.Org
		m.goTo(screenEndpoints)
		return nil, true
	case common.OperationChosenMsg:
		cmd := m.request.Set(msg.Op, m.org, m.response.Prefill(), nil)
		m.goTo(screenRequest)
		return cmd, true
	case common.SendRequestMsg:
		return m.sendRequest(msg), true
	case common.ResponseMsg:
		return tea.Batch(m.saveHistory(msg), m.loadStatus(false), m.compareAnswered(msg)), true
	case statusMsg:
		if msg.gen != m.profileGen {
			return nil, true
		}
		m.status = msg.st
		m.status.NeedsLogin = m.status.NeedsLogin || msg.needsLogin
		return m.sessionTick(), true
	case common.OpenItemMsg:
		return m.openItem(msg), true
	case history.ResendMsg:
		return m.resend(msg), true
	case history.ExportMsg:
		return history.ExportFile(msg.Entries, m.deps.Catalog, m.com.Profile), true
	case historyMsg:
		if msg.gen != m.profileGen {
			return nil, true
		}
		m.store = msg.store
		if msg.err != nil {
			m.notice, m.noticeBad = sanitize.Line(msg.err.Error()), true
		}
		return nil, true
	case historySavedMsg:
		m.history.SetEntries(m.entries()) // the list follows what is sent
		if msg.err != nil {
			m.notice, m.noticeBad = "History not saved: "+sanitize.Line(msg.err.Error()), true
		}
		return nil, true
	}
	return nil, false
}

// openItem opens one item of a listed collection with the catalogue's
// "get one" operation under the list's path, and sends it.
func (m *Model) openItem(msg common.OpenItemMsg) tea.Cmd {
	op, ok := findGetOne(m.deps.Catalog, msg.From)
	if !ok {
		m.notice, m.noticeBad = "No endpoint in the catalogue opens one item of "+msg.From.Path+".", true
		return nil
	}
	m.request.Set(op, m.org, common.Prefill{Item: map[string]string{"Guid": msg.Guid}, Resource: msg.Resource}, nil)
	return m.response.Open(op, m.request.Request())
}

func findGetOne(cat *catalog.Catalog, list catalog.Operation) (catalog.Operation, bool) {
	if cat == nil {
		return catalog.Operation{}, false
	}
	prefix := strings.TrimSuffix(list.Path, "/") + "/{"
	for _, g := range cat.Groups {
		for _, op := range g.Operations {
			rest, found := strings.CutPrefix(op.Path, prefix)
			if found && op.Method == "GET" && strings.HasSuffix(rest, "}") && !strings.Contains(rest, "/") {
				return op, true
			}
		}
	}
	return catalog.Operation{}, false
}

func (m *Model) resend(msg history.ResendMsg) tea.Cmd {
	e := msg.Entry
	op, ok := findOp(m.deps.Catalog, e.OperationID)
	if !ok {
		op = catalog.Operation{ID: e.OperationID, Name: e.Name, Method: e.Method, Path: e.Path,
			Write: e.Method != "GET"}
		if len(e.Parts) > 0 {
			op.BodyType = "multipart/form-data" // its form has the file field back
		}
	}
	req := common.Request{OperationID: e.OperationID, Method: e.Method, Path: e.Path,
		PathParams: e.PathParams, Query: url.Values(e.Query), Body: []byte(e.Body), RawQuery: e.RawQuery, ContentType: e.ContentType,
		Parts: requestParts(e.Parts)}
	if e.Accept != "" {
		req.Header = http.Header{"Accept": {e.Accept}}
	}
	// the entry goes to the company it was sent to; the chosen company
	// stays as it is (switching company is done in the list, visibly)
	org := m.orgOf(e.OrgID, e.OrgName)
	if org.ID == 0 {
		org = m.org
	}
	if msg.Edit {
		return m.openRequest(op, org, req)
	}
	return m.sendRequest(common.SendRequestMsg{Op: op, Req: req})
}

// sendRequest sends a request, unless it is a write not yet confirmed:
// then the request editor opens on it with the confirmation naming the
// company it goes to.
func (m *Model) sendRequest(msg common.SendRequestMsg) tea.Cmd {
	org := m.requestOrg(msg.Req)
	if m.deps.Profile.ReadOnly && common.IsWrite(msg.Op, msg.Req) {
		// refused before anything is sent: the explorer, the history and
		// the answer's re-send all come through here
		m.notice, m.noticeBad = common.ReadOnlyRefusal(msg.Req.Method), true
		return nil
	}
	if common.IsWrite(msg.Op, msg.Req) && !msg.Confirmed {
		cmd := m.openRequest(msg.Op, org, msg.Req)
		m.request.AskConfirm()
		return cmd
	}
	if m.response.FetchingAll() && !m.confirmStopFetch(msg) {
		return nil
	}
	m.goTo(screenResponse)
	if org.ID != 0 && org.ID != m.org.ID {
		m.notice, m.noticeBad = "Sent to "+orgLabel(org)+", not the chosen "+orgLabel(m.org)+".", false
	}
	return m.response.Send(msg.Op, msg.Req)
}

// openRequest shows the request editor on req for org.
func (m *Model) openRequest(op catalog.Operation, org common.Org, req common.Request) tea.Cmd {
	cmd := m.request.Set(op, org, common.Prefill{}, &req)
	m.goTo(screenRequest)
	return cmd
}

// requestOrg is the company req goes to (its organizationId), named when
// the list of companies knows it.
func (m *Model) requestOrg(req common.Request) common.Org {
	id, err := strconv.ParseInt(req.PathParams["organizationId"], 10, 64)
	if err != nil || id == 0 {
		return m.org
	}
	return m.orgOf(id, "")
}

// orgOf names the company id: the chosen one, one of the listed ones, or
// name (what the history recorded).
func (m *Model) orgOf(id int64, name string) common.Org {
	if id == 0 || id == m.org.ID {
		return m.org
	}
	if o, ok := m.orgs.Find(id); ok {
		return o
	}
	if name == "" {
		name = m.orgNames[id]
	} else {
		m.orgNames[id] = name
	}
	return common.Org{ID: id, Name: name}
}

// orgLabel is how a company is named in a notice.
func orgLabel(o common.Org) string {
	if o.Name == "" {
		return fmt.Sprintf("organization %d", o.ID)
	}
	return fmt.Sprintf("%s (%d)", sanitize.Line(o.Name), o.ID)
}

func findOp(cat *catalog.Catalog, id string) (catalog.Operation, bool) {
	if cat == nil || id == "" {
		return catalog.Operation{}, false
	}
	for _, g := range cat.Groups {
		for _, op := range g.Operations {
			if op.ID == id {
				return op, true
			}
		}
	}
	return catalog.Operation{}, false
}

func (m *Model) handleSession(msg tea.Msg) (tea.Cmd, bool) {
	switch msg := msg.(type) {
	case sessionEventMsg:
		if msg.gen != m.profileGen {
			return nil, true
		}
		switch msg.ev.Kind {
		case common.SessionRefreshed:
			m.refreshedAt = m.com.Now()
		case common.SessionLoginRequired:
			msg.ev.Status.NeedsLogin = true
		}
		m.status = msg.ev.Status
		return tea.Batch(m.listenEvents(), m.sessionTick()), true
	case sessionTickMsg:
		if msg.gen != m.tickGen {
			return nil, true
		}
		return m.sessionTick(), true
	}
	return nil, false
}

// listenEvents waits for the next session event (no polling: the goroutine
// sleeps on the channel).
func (m *Model) listenEvents() tea.Cmd {
	if m.events == nil {
		m.events, m.stopEvents = m.com.Backend.Events()
	}
	ch, gen := m.events, m.profileGen
	if ch == nil {
		return nil
	}
	return func() tea.Msg {
		ev, ok := <-ch
		if !ok {
			return nil
		}
		return sessionEventMsg{ev: ev, gen: gen}
	}
}

// loadStatus reads the session state in a command; needsLogin keeps the
// "log in again" state a refused token put the UI in.
func (m *Model) loadStatus(needsLogin bool) tea.Cmd {
	be, gen := m.com.Backend, m.profileGen
	return func() tea.Msg { return statusMsg{st: be.Status(), needsLogin: needsLogin, gen: gen} }
}

// sessionTick schedules the next repaint of the expiry countdown: once a
// minute, once a second in the last two minutes, never when idle.
func (m *Model) sessionTick() tea.Cmd {
	m.tickGen++
	d := statusbar.NextTick(m.status, m.com.Now())
	if d == 0 {
		return nil
	}
	gen := m.tickGen
	return tea.Tick(d, func(time.Time) tea.Msg { return sessionTickMsg{gen: gen} })
}

func (m *Model) setTheme(dark bool) {
	if m.com.Styles.NoColor || m.com.Styles.Dark == dark {
		return
	}
	*m.com.Styles = *styles.DefaultStyles(dark)
	m.applyHelpStyles()
	m.response.RefreshStyles()
}

func (m *Model) loadHistory() tea.Cmd {
	if m.deps.StateDir == "" {
		return nil
	}
	path, gen := history.Path(m.deps.StateDir, m.deps.Profile.Name), m.profileGen
	return func() tea.Msg {
		s, err := history.Open(path)
		return historyMsg{store: s, err: err, gen: gen}
	}
}

func (m *Model) entries() []history.Entry {
	if m.store == nil {
		return nil
	}
	return m.store.Entries()
}

func (m *Model) saveHistory(msg common.ResponseMsg) tea.Cmd {
	if m.store == nil || errors.Is(msg.Err, common.ErrLoginRequired) {
		return nil
	}
	org := m.requestOrg(msg.Req)
	e := history.Entry{Time: m.com.Now().UTC(), OrgID: org.ID, OrgName: org.Name, OperationID: msg.Op.ID,
		Name: msg.Op.Name, Method: msg.Req.Method, Path: msg.Req.Path, PathParams: msg.Req.PathParams,
		Query: msg.Req.Query, Body: string(msg.Req.Body), RawQuery: msg.Req.RawQuery, ContentType: msg.Req.ContentType,
		Accept: msg.Req.Header.Get("Accept"), Parts: historyParts(msg.Req.Parts)}
	if msg.Resp != nil {
		e.Status, e.DurationMS = msg.Resp.Status, msg.Resp.Duration.Milliseconds()
	}
	m.answers.keep(e.Time, msg.Resp)
	store := m.store
	return func() tea.Msg {
		if err := store.Add(e); err != nil {
			return historySavedMsg{err: fmt.Errorf("%w", err)}
		}
		return historySavedMsg{}
	}
}
