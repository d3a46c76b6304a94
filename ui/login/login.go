// Package login is the explorer's login screen: it explains what will
// happen, opens the browser on Visma Connect, waits with a countdown, and
// takes a pasted redirect address when the redirect URI is not loopback.
package login

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/spinner"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/dinero-tui/dinero-tui/internal/sanitize"
	"github.com/dinero-tui/dinero-tui/ui/common"
)

// DefaultTimeout is how long the screen waits for the browser.
const DefaultTimeout = 3 * time.Minute

type state int

const (
	stateIdle state = iota
	stateStarting
	stateWaiting
	stateSubmitting
)

// Model is the login screen.
type Model struct {
	com           common.Common
	state         state
	login         common.Login
	cancel        context.CancelFunc
	deadline      time.Time
	timeout       time.Duration
	gen           int
	spinner       spinner.Model
	input         textinput.Model
	note, problem string
	reveal        bool
	width, height int
}

// New returns the login screen for the profile in com.
func New(com common.Common) *Model {
	in := common.NewInput(com)
	in.Prompt = "› "
	in.Placeholder = "paste the address the browser ended on (or the code)"
	in.CharLimit = 4096
	return &Model{com: com, timeout: DefaultTimeout, input: in,
		spinner: spinner.New(spinner.WithSpinner(spinner.Dot))}
}

// SetTimeout changes how long to wait for the browser.
func (m *Model) SetTimeout(d time.Duration) { m.timeout = d }

// Title implements common.Component.
func (m *Model) Title() string { return "log in" }

// SetSize implements common.Component.
func (m *Model) SetSize(w, h int) {
	m.width, m.height = w, h
	m.input.SetWidth(max(10, w-10))
}

// Capturing implements common.Component: the paste field takes all keys.
func (m *Model) Capturing() bool { return m.pasting() }

// Busy reports whether a login is in progress.
func (m *Model) Busy() bool { return m.state != stateIdle }

// SetProblem shows why a new login is needed (e.g. the refresh token was
// refused) and resets the screen.
func (m *Model) SetProblem(reason string) {
	m.reset()
	m.problem = reason
}

func (m *Model) pasting() bool {
	return m.state == stateWaiting && m.login != nil && m.login.PasteMode()
}

// Messages of the login flow. gen ties an answer to the attempt that asked.
type (
	startedMsg struct {
		gen   int
		login common.Login
		err   error
	}
	browserMsg struct {
		gen int
		err error
	}
	doneMsg struct {
		gen int
		err error
	}
	tickMsg    struct{ gen int }
	approveMsg struct {
		gen int
		err error
	}
)

// Update implements common.Component.
func (m *Model) Update(msg tea.Msg) (common.Component, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		return m, m.handleKey(msg)
	case tea.PasteMsg:
		if m.pasting() {
			var cmd tea.Cmd
			m.input, cmd = m.input.Update(msg)
			return m, cmd
		}
	case startedMsg:
		return m, m.handleStarted(msg)
	case browserMsg:
		if msg.gen == m.gen && msg.err != nil && m.state == stateWaiting {
			m.note = "Couldn't open a browser (" + sanitize.Line(msg.err.Error()) + "). Press c to copy the link and open it yourself."
			if m.canApprove() {
				m.note = "Couldn't open a browser (" + sanitize.Line(msg.err.Error()) + "). Press a to approve as the demo user, or c to copy the link."
			}
		}
	case doneMsg:
		return m, m.handleDone(msg)
	case approveMsg:
		if msg.gen == m.gen && msg.err != nil && m.state == stateWaiting {
			m.note = "Approving as the demo user failed: " + sanitize.Line(msg.err.Error()) + ". Press a to try again."
		}
	case tickMsg:
		if msg.gen == m.gen && m.state != stateIdle {
			return m, m.tick()
		}
	case spinner.TickMsg:
		if m.state != stateIdle {
			var cmd tea.Cmd
			m.spinner, cmd = m.spinner.Update(msg)
			return m, cmd
		}
	}
	return m, nil
}

func (m *Model) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	k := m.com.Keys
	switch {
	case key.Matches(msg, k.Cancel) && m.state != stateIdle:
		m.reset()
		m.note = "Login cancelled. Press enter to try again."
		return nil
	case m.pasting() && msg.String() == "enter":
		return m.submitPaste()
	case m.pasting():
		var cmd tea.Cmd
		m.input, cmd = m.input.Update(msg)
		return cmd
	case key.Matches(msg, k.Login) && m.state == stateIdle:
		return m.start()
	case key.Matches(msg, k.DemoApprove) && m.canApprove():
		return m.approve()
	case key.Matches(msg, k.CopyLink) && m.login != nil:
		m.note = "Link copied to the clipboard (your terminal must allow OSC 52)."
		return tea.SetClipboard(m.login.URL())
	case key.Matches(msg, k.RevealLink) && m.login != nil:
		m.reveal = !m.reveal
	}
	return nil
}

func (m *Model) start() tea.Cmd {
	m.reset()
	m.gen++
	m.state = stateStarting
	ctx, cancel := context.WithTimeout(m.com.Ctx, m.timeout)
	m.cancel = cancel
	m.deadline = m.com.Now().Add(m.timeout)
	gen, be := m.gen, m.com.Backend
	start := func() tea.Msg {
		l, err := be.StartLogin(ctx)
		return startedMsg{gen: gen, login: l, err: err}
	}
	return tea.Batch(start, m.spinner.Tick, m.tick())
}

func (m *Model) handleStarted(msg startedMsg) tea.Cmd {
	if msg.gen != m.gen || m.state != stateStarting {
		if msg.login != nil {
			msg.login.Close()
		}
		return nil
	}
	if msg.err != nil {
		m.reset()
		m.problem = explain(msg.err, m.timeout)
		return nil
	}
	m.login, m.state = msg.login, stateWaiting
	gen, be, u := m.gen, m.com.Backend, msg.login.URL()
	open := func() tea.Msg { return browserMsg{gen: gen, err: be.OpenBrowser(u)} }
	if msg.login.PasteMode() {
		m.input.Reset()
		return tea.Batch(open, m.input.Focus())
	}
	l, ctx := msg.login, m.ctx()
	wait := func() tea.Msg { return doneMsg{gen: gen, err: l.Wait(ctx)} }
	return tea.Batch(open, wait)
}

// canApprove reports whether a can approve the waiting login: only in the
// demo, which owns its sandbox and so may press Accept itself.
func (m *Model) canApprove() bool {
	return m.com.DemoApprove != nil && m.state == stateWaiting && m.login != nil && !m.login.PasteMode()
}

// approve answers the consent page as the demo user; the waiting login
// then ends as with a browser (doneMsg).
func (m *Model) approve() tea.Cmd {
	m.note = "Approving as the demo user…"
	gen, u, ctx, approve := m.gen, m.login.URL(), m.ctx(), m.com.DemoApprove
	return func() tea.Msg { return approveMsg{gen: gen, err: approve(ctx, u)} }
}

func (m *Model) submitPaste() tea.Cmd {
	input := m.input.Value()
	if input == "" {
		m.note = "Paste the address your browser ended on, then press enter."
		return nil
	}
	m.state = stateSubmitting
	gen, l, ctx := m.gen, m.login, m.ctx()
	return func() tea.Msg { return doneMsg{gen: gen, err: l.SubmitPaste(ctx, input)} }
}

func (m *Model) handleDone(msg doneMsg) tea.Cmd {
	if msg.gen != m.gen || m.state == stateIdle {
		return nil
	}
	if msg.err != nil {
		if m.state == stateSubmitting && m.com.Now().Before(m.deadline) && !isCtxErr(msg.err) {
			// a bad paste: let the user try again with the same login
			m.state = stateWaiting
			m.note = "That didn't work: " + sanitize.Line(msg.err.Error())
			return nil
		}
		m.reset()
		m.problem = explain(msg.err, m.timeout)
		return nil
	}
	m.reset()
	m.note = "Logged in."
	return common.Cmd(common.LoggedInMsg{})
}

// ctx is a context for the current attempt (already cancelled on reset).
func (m *Model) ctx() context.Context {
	ctx, cancel := context.WithDeadline(m.com.Ctx, m.deadline)
	prev := m.cancel
	m.cancel = func() { cancel(); prev() }
	return ctx
}

func (m *Model) tick() tea.Cmd {
	gen := m.gen
	return tea.Tick(time.Second, func(time.Time) tea.Msg { return tickMsg{gen: gen} })
}

func (m *Model) reset() {
	if m.cancel != nil {
		m.cancel()
		m.cancel = nil
	}
	if m.login != nil {
		m.login.Close()
		m.login = nil
	}
	m.state = stateIdle
	m.note, m.problem, m.reveal = "", "", false
	m.input.Blur()
	m.gen++
}

func isCtxErr(err error) bool {
	return errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded)
}

// explain turns a login failure into a sentence that says what to do next.
func explain(err error, timeout time.Duration) string {
	switch {
	case errors.Is(err, context.DeadlineExceeded):
		return fmt.Sprintf("Timed out after %s waiting for the browser. Press enter to try again.", timeout)
	case errors.Is(err, context.Canceled):
		return "Login cancelled. Press enter to try again."
	case errors.Is(err, common.ErrLoginCancelled):
		return "Cancel was pressed in the browser, so nothing was stored. Press enter to log in again."
	}
	return "Login failed: " + sanitize.Line(err.Error()) + ". Press enter to try again."
}

// redactURL shortens the link to its address without the query, which
// holds values that must not sit on the screen (state, nonce).
func redactURL(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return "(hidden)"
	}
	if u.RawQuery != "" {
		u.RawQuery = ""
		return u.String() + "?…"
	}
	return u.String()
}
