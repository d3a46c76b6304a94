// Package ui is the full-screen explorer: log in, pick an organization,
// pick an endpoint, fill in the request, read the answer. The panes live in
// subpackages; this package is the root model that routes messages between
// them, and the Backend adapter over oauth.Session and api.Client.
package ui

import (
	"context"
	"fmt"
	"time"

	"charm.land/bubbles/v2/help"
	tea "charm.land/bubbletea/v2"

	"github.com/dinero-tui/dinero-tui/api/catalog"
	"github.com/dinero-tui/dinero-tui/ui/common"
	"github.com/dinero-tui/dinero-tui/ui/copymenu"
	"github.com/dinero-tui/dinero-tui/ui/diffview"
	"github.com/dinero-tui/dinero-tui/ui/endpoints"
	"github.com/dinero-tui/dinero-tui/ui/history"
	"github.com/dinero-tui/dinero-tui/ui/keymap"
	"github.com/dinero-tui/dinero-tui/ui/login"
	"github.com/dinero-tui/dinero-tui/ui/orgs"
	"github.com/dinero-tui/dinero-tui/ui/profiles"
	"github.com/dinero-tui/dinero-tui/ui/request"
	"github.com/dinero-tui/dinero-tui/ui/response"
	"github.com/dinero-tui/dinero-tui/ui/styles"
)

// Backend is what the explorer needs from the session and the API client.
type Backend = common.Backend

// Deps is what the explorer is built from.
type Deps struct {
	Backend Backend
	Profile common.Profile
	Catalog *catalog.Catalog
	// LastOrg is the organization chosen last time (Profile.OrgID wins).
	LastOrg int64
	// StateDir is XDG_STATE_HOME/dinero-tui (history); "" keeps no history.
	StateDir string
	// CacheDir is XDG_CACHE_HOME/dinero-tui (editor files, large bodies).
	CacheDir string
	Getenv   func(string) string
	// Now is the clock (tests pin it); nil means time.Now.
	Now func() time.Time
	// LoginTimeout bounds the wait for the browser; 0 means 3 minutes.
	LoginTimeout time.Duration
	// DemoApprove approves a login as the demo user (demo only; see
	// common.Common.DemoApprove).
	DemoApprove func(ctx context.Context, authorizeURL string) error
	// Profiles lists and opens the config's profiles, so ctrl+p switches
	// profile without restarting; nil: this profile only.
	Profiles ProfileSwitcher
}

// Run opens the explorer full screen and returns when the user quits.
func Run(ctx context.Context, deps Deps, opts ...tea.ProgramOption) error {
	m := New(ctx, deps)
	defer m.Close()
	// 30 frames a second is smooth for the explorer and halves the
	// renderer's idle wake-ups compared with the default 60 (idle CPU 0.6%
	// of a core instead of about 1%). `dinero-tui view` keeps 60: there the
	// time from key to frame matters most.
	p := tea.NewProgram(m, append([]tea.ProgramOption{tea.WithContext(ctx), tea.WithFPS(30)}, opts...)...)
	if _, err := p.Run(); err != nil && ctx.Err() == nil {
		return fmt.Errorf("explorer: %w", err)
	}
	return nil
}

type screen int

const (
	screenLogin screen = iota
	screenOrgs
	screenEndpoints
	screenRequest
	screenResponse
	screenHistory
	screenDiff
	screenCopy
	screenProfiles
)

// Model is the root model.
type Model struct {
	com         common.Common
	deps        Deps
	screen      screen
	back        []screen
	login       *login.Model
	orgs        *orgs.Model
	endpoints   *endpoints.Model
	request     *request.Model
	response    *response.Model
	history     *history.Model
	diff        *diffview.Model
	copyMenu    *copymenu.Model
	profiles    *profiles.Model
	answers     answerMemory    // this session's answers, for comparing
	marked      history.Entry   // the history entry marked for comparing
	pending     *pendingCompare // a send-again whose answer is compared
	store       *history.Store
	org         common.Org
	status      common.SessionStatus
	refreshedAt time.Time
	events      <-chan common.SessionEvent
	stopEvents  func()
	tickGen     int
	help        help.Model
	showHelp    bool
	helpTop     int // first row of the help shown when it scrolls
	notice      string
	noticeBad   bool
	// pendingSend is a request held while the user says whether to stop
	// the fetch of every page it would replace.
	pendingSend *common.SendRequestMsg
	// orgNames names companies the history recorded that the list lacks
	orgNames map[int64]string
	width    int
	height   int
	// rootCtx is the explorer's context; each profile's panes work under
	// a child of it that a switch cancels (cancelProfile).
	rootCtx       context.Context
	cancelProfile context.CancelFunc
	// profileGen counts the profiles opened, so an answer about the
	// session or history of a profile left is dropped.
	profileGen int
	listGen    int    // the latest listing of the profiles
	pickerFrom screen // where esc leaves the profile picker to
}

// New builds the root model.
func New(ctx context.Context, deps Deps) *Model {
	if deps.Getenv == nil {
		deps.Getenv = func(string) string { return "" }
	}
	if deps.Now == nil {
		deps.Now = time.Now
	}
	st := styles.DefaultStyles(true)
	if deps.Getenv("NO_COLOR") != "" {
		st = styles.NoColor()
	}
	com := common.Common{Ctx: ctx, Styles: st, Keys: keymap.DefaultKeyMap(), Now: deps.Now, Getenv: deps.Getenv,
		DemoApprove: deps.DemoApprove}
	m := &Model{com: com, deps: deps, help: help.New(), profiles: profiles.New(com), width: 80, height: 24, rootCtx: ctx}
	m.applyHelpStyles()
	m.openProfile(deps.Backend.Status())
	m.setSize(m.width, m.height)
	return m
}

// openProfile builds the panes for the profile of m.deps, whose session
// stands at st: the login when it needs one, else its companies (the last
// one chosen under the cursor).
func (m *Model) openProfile(st common.SessionStatus) {
	deps := m.deps
	ctx, cancel := context.WithCancel(m.rootCtx)
	m.cancelProfile = cancel
	m.profileGen++
	com := m.com
	com.Ctx, com.Backend, com.Profile, com.CacheDir = ctx, deps.Backend, deps.Profile, deps.CacheDir
	m.com = com
	preferred := deps.Profile.OrgID
	if preferred == 0 {
		preferred = deps.LastOrg
	}
	m.login, m.orgs, m.endpoints = login.New(com), orgs.New(com, preferred), endpoints.New(com, deps.Catalog)
	m.request, m.response, m.history = request.New(com), response.New(com), history.New(com)
	m.diff, m.copyMenu = diffview.New(com), copymenu.New(com)
	m.request.SetOrgLookup(func(id int64) (common.Org, bool) {
		o := m.orgOf(id, "")
		return o, o.Name != ""
	})
	if deps.LoginTimeout > 0 {
		m.login.SetTimeout(deps.LoginTimeout)
	}
	m.back, m.answers, m.marked, m.pending, m.store = nil, answerMemory{}, history.Entry{}, nil, nil
	m.org, m.refreshedAt, m.pendingSend, m.orgNames = common.Org{}, time.Time{}, nil, map[int64]string{}
	m.status = st
	m.screen = screenLogin
	if m.status.LoggedIn && !m.status.NeedsLogin {
		m.screen = screenOrgs
	}
}

// Close releases what the explorer holds (event subscription, mapped body).
func (m *Model) Close() { m.closeProfile() }

// closeProfile releases what the profile in use holds: its event
// subscription, the mapped body, its large body file and its work in
// flight (cancelled).
func (m *Model) closeProfile() {
	if m.stopEvents != nil {
		m.stopEvents()
		m.stopEvents = nil
	}
	m.events = nil
	m.response.Close()
	if c, ok := m.com.Backend.(interface{ Cleanup() }); ok {
		c.Cleanup()
	}
	if m.cancelProfile != nil {
		m.cancelProfile()
	}
}

// Init implements tea.Model.
func (m *Model) Init() tea.Cmd {
	return tea.Batch(tea.RequestBackgroundColor, m.startProfile())
}

// startProfile is the work a profile starts with: its history, its
// session's events and countdown, and its companies when logged in.
func (m *Model) startProfile() tea.Cmd {
	cmds := []tea.Cmd{m.loadHistory(), m.listenEvents(), m.sessionTick()}
	if m.screen == screenOrgs {
		cmds = append(cmds, m.orgs.Load())
	}
	return tea.Batch(cmds...)
}

func (m *Model) active() common.Component {
	switch m.screen {
	case screenLogin:
		return m.login
	case screenOrgs:
		return m.orgs
	case screenEndpoints:
		return m.endpoints
	case screenRequest:
		return m.request
	case screenResponse:
		return m.response
	case screenDiff:
		return m.diff
	case screenCopy:
		return m.copyMenu
	case screenProfiles:
		return m.profiles
	}
	return m.history
}

func (m *Model) panes() []common.Component {
	return []common.Component{m.login, m.orgs, m.endpoints, m.request, m.response, m.history, m.diff, m.copyMenu, m.profiles}
}

// go switches to s, remembering where we were for esc.
func (m *Model) goTo(s screen) {
	if s == m.screen {
		return
	}
	if s != screenLogin && m.screen != screenLogin {
		m.back = append(m.back, m.screen)
	}
	m.screen = s
}

func (m *Model) goBack() tea.Cmd {
	if len(m.back) == 0 {
		if m.screen == screenLogin {
			return tea.Quit
		}
		return nil
	}
	m.screen = m.back[len(m.back)-1]
	m.back = m.back[:len(m.back)-1]
	return nil
}

func (m *Model) setSize(w, h int) {
	m.width, m.height = w, h
	m.help.SetWidth(w - 2)
	for _, p := range m.panes() {
		p.SetSize(w, max(3, h-2))
	}
}

func (m *Model) applyHelpStyles() {
	hs := help.DefaultStyles(m.com.Styles.Dark)
	if m.com.Styles.NoColor {
		hs = help.Styles{}
	}
	m.help.Styles = hs
}
