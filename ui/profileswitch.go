package ui

import (
	"context"
	"fmt"

	tea "charm.land/bubbletea/v2"

	"github.com/dinero-tui/dinero-tui/internal/sanitize"
	"github.com/dinero-tui/dinero-tui/ui/common"
	"github.com/dinero-tui/dinero-tui/ui/profiles"
)

// ProfileSwitcher lists and opens the config's profiles while the
// explorer runs; `dinero-tui` implements it over the config file and the
// token stores. Both are called from tea.Cmds only.
type ProfileSwitcher interface {
	// List is every profile of the config, each with whether its token
	// store holds a session: read from the store, with no network I/O and
	// no refresh.
	List(ctx context.Context) ([]common.ProfileEntry, error)
	// Open loads the profile name and opens its session, after saving what
	// the session in use still holds only in memory. An error leaves the
	// profile in use as it is.
	Open(ctx context.Context, name string) (Opened, error)
}

// Opened is a profile ready for the explorer.
type Opened struct {
	// Deps gives Backend, Profile, LastOrg, StateDir and CacheDir; the
	// catalogue and the rest stay the explorer's.
	Deps Deps
	// Notice is something the user should know, without secrets (e.g. the
	// newest tokens of the profile left are not saved yet).
	Notice string
}

type (
	profilesListedMsg struct {
		gen     int
		entries []common.ProfileEntry
		err     error
	}
	profileOpenedMsg struct {
		name   string
		opened Opened
		status common.SessionStatus
		err    error
	}
)

// openPicker shows the profile picker and reads the profiles, unless
// work of this profile is in flight (its answer must not reach the next
// profile's screens).
func (m *Model) openPicker() tea.Cmd {
	if m.deps.Profiles == nil {
		m.notice, m.noticeBad = "This explorer runs on one profile only.", true
		return nil
	}
	if why := m.busyReason(); why != "" {
		m.notice, m.noticeBad = why, true
		return nil
	}
	if m.screen != screenProfiles {
		m.pickerFrom = m.screen
	}
	m.screen = screenProfiles
	m.profiles.Start(m.deps.Profile.Name)
	m.listGen++
	sw, ctx, gen := m.deps.Profiles, m.rootCtx, m.listGen
	return func() tea.Msg {
		entries, err := sw.List(ctx)
		return profilesListedMsg{gen: gen, entries: entries, err: err}
	}
}

// busyReason says what must end before the profile can change.
func (m *Model) busyReason() string {
	const then = ", then ctrl+p switches profile."
	switch {
	case m.login.Busy():
		return "A login is in progress: esc cancels it" + then
	case m.orgs.Busy():
		return "The companies are loading: esc cancels" + then
	case m.response.Busy() || m.pendingSend != nil:
		return "A request is in flight: esc cancels it" + then
	}
	return ""
}

func (m *Model) handleProfiles(msg tea.Msg) (tea.Cmd, bool) {
	switch msg := msg.(type) {
	case profilesListedMsg:
		if msg.gen == m.listGen {
			m.profiles.SetEntries(m.withCurrent(msg.entries), msg.err)
		}
		return nil, true
	case profiles.ChosenMsg:
		return m.switchTo(msg.Name), true
	case profileOpenedMsg:
		return m.profileOpened(msg), true
	}
	return nil, false
}

// withCurrent puts the profile in use into the list as the explorer
// knows it (its flags and environment, its session right now), first
// when the config file does not have it.
func (m *Model) withCurrent(entries []common.ProfileEntry) []common.ProfileEntry {
	p := m.deps.Profile
	cur := common.ProfileEntry{Name: p.Name, ClientID: p.ClientID, APIURL: p.APIURL, ConnectURL: p.ConnectURL,
		ReadOnly: p.ReadOnly, LoggedIn: m.status.LoggedIn && !m.status.NeedsLogin}
	for i, e := range entries {
		if e.Name == p.Name {
			out := append([]common.ProfileEntry(nil), entries...)
			out[i] = cur
			return out
		}
	}
	return append([]common.ProfileEntry{cur}, entries...)
}

// switchTo opens the profile name in a command; the one in use stays
// until it has opened.
func (m *Model) switchTo(name string) tea.Cmd {
	if name == m.deps.Profile.Name {
		m.screen = m.pickerFrom
		m.notice, m.noticeBad = "Already on profile "+sanitize.Line(name)+".", false
		return nil
	}
	m.profiles.SetOpening(name)
	sw, ctx := m.deps.Profiles, m.rootCtx
	return func() tea.Msg {
		o, err := sw.Open(ctx, name)
		out := profileOpenedMsg{name: name, opened: o, err: err}
		if err == nil && o.Deps.Backend != nil {
			out.status = o.Deps.Backend.Status() // reads the token store: here, not in Update
		}
		return out
	}
}

// profileOpened makes the opened profile the one in use, or says why it
// could not open (the profile in use stays usable).
func (m *Model) profileOpened(msg profileOpenedMsg) tea.Cmd {
	m.profiles.SetOpening("")
	if msg.err == nil && msg.opened.Deps.Backend == nil {
		msg.err = fmt.Errorf("profile %s has no session", msg.name)
	}
	if msg.err != nil {
		m.notice, m.noticeBad = sanitize.Line(msg.err.Error()), true
		return nil
	}
	m.closeProfile()
	d := msg.opened.Deps
	m.deps.Backend, m.deps.Profile, m.deps.LastOrg = d.Backend, d.Profile, d.LastOrg
	m.deps.StateDir, m.deps.CacheDir = d.StateDir, d.CacheDir
	m.openProfile(msg.status)
	m.setSize(m.width, m.height)
	m.notice, m.noticeBad = "Switched to profile "+sanitize.Line(d.Profile.Name)+".", false
	if msg.opened.Notice != "" {
		m.notice, m.noticeBad = sanitize.Line(msg.opened.Notice), true
	}
	return m.startProfile()
}
