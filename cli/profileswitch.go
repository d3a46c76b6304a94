package cli

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/dinero-tui/dinero-tui/api/catalog"
	"github.com/dinero-tui/dinero-tui/config"
	"github.com/dinero-tui/dinero-tui/oauth"
	"github.com/dinero-tui/dinero-tui/ui"
	"github.com/dinero-tui/dinero-tui/ui/common"
)

// profileSwitch lets the explorer switch profile without restarting (it
// is the explorer's ui.ProfileSwitcher). The profile the explorer started
// on is loaded as it started, with its flags and Postman files; any other
// from the config file and the DINERO_* environment, plus --read-only
// when that was given (a promise for the whole run). Every session opened
// is kept until finish flushes it; one whose newest tokens the store
// refused is reused when its profile is opened again, so a refresh token
// is never dropped.
type profileSwitch struct {
	env   *Env
	start string
	cat   *catalog.Catalog
	// startFlags and startLayers are the flags and Postman settings the
	// explorer started with; otherFlags what applies to other profiles.
	startFlags, otherFlags map[string]string
	startLayers            []config.Layer

	mu       sync.Mutex
	current  string
	sessions map[string]*oauth.Session
}

// newProfileSwitch starts on profile p and its open session s.
func newProfileSwitch(env *Env, pf *profileFlags, p config.Profile, s *oauth.Session, cat *catalog.Catalog) *profileSwitch {
	other := map[string]string{}
	if ro, ok := pf.readOnly(); ok {
		other[readOnlyFlag] = ro
	}
	return &profileSwitch{env: env, start: p.Name, cat: cat, startFlags: pf.setFlags(), otherFlags: other,
		startLayers: pf.layers, current: p.Name, sessions: map[string]*oauth.Session{p.Name: s}}
}

// load resolves the profile name.
func (sw *profileSwitch) load(name string) (config.Profile, error) {
	if name == sw.start {
		return config.Load(config.LoadOptions{Getenv: sw.env.Getenv, Flags: sw.startFlags, Layers: sw.startLayers})
	}
	return config.Load(config.LoadOptions{Getenv: sw.env.Getenv, Profile: name, Flags: sw.otherFlags})
}

// List implements ui.ProfileSwitcher: the config file's profiles (and the
// one the explorer started on), read side by side.
func (sw *profileSwitch) List(ctx context.Context) ([]common.ProfileEntry, error) {
	names, err := config.ProfileNames(sw.env.Getenv)
	if err != nil {
		return nil, err
	}
	if !slices.Contains(names, sw.start) {
		names = append([]string{sw.start}, names...)
	}
	entries := make([]common.ProfileEntry, len(names))
	var wg sync.WaitGroup
	for i, name := range names {
		wg.Go(func() { entries[i] = sw.entry(name) })
	}
	wg.Wait()
	return entries, ctx.Err()
}

// entry describes one profile: its settings (never the secret), whether
// it can be opened, and whether its token store holds a session.
func (sw *profileSwitch) entry(name string) common.ProfileEntry {
	e := common.ProfileEntry{Name: name}
	p, err := sw.load(name)
	if err != nil {
		e.Problem = firstProblem(name, err)
		return e
	}
	e.ClientID, e.APIURL, e.ConnectURL, e.ReadOnly = p.ClientID, p.APIURL, p.ConnectURL, p.ReadOnly
	if err := p.Validate(); err != nil {
		e.Problem = firstProblem(name, err)
		return e
	}
	e.LoggedIn = sw.loggedIn(p)
	return e
}

// loggedIn reads whether the profile's token store holds a usable session:
// a read of the store (a file or the OS keyring), with no network I/O and
// no refresh.
func (sw *profileSwitch) loggedIn(p config.Profile) bool {
	sw.mu.Lock()
	s := sw.sessions[p.Name]
	sw.mu.Unlock()
	if s == nil {
		var err error
		if s, err = oauth.NewSession(p, sessionOptions...); err != nil {
			return false
		}
	}
	return s.Status().LoggedIn
}

// Open implements ui.ProfileSwitcher: it loads and checks the profile,
// opens its session (or keeps the one holding unsaved tokens) and saves
// what the session left still holds only in memory.
func (sw *profileSwitch) Open(ctx context.Context, name string) (ui.Opened, error) {
	p, err := sw.load(name)
	if err != nil {
		return ui.Opened{}, fmt.Errorf("profile %s: %s", name, firstProblem(name, err))
	}
	if err := p.Validate(); err != nil {
		return ui.Opened{}, fmt.Errorf("profile %s cannot be used: %s", name, firstProblem(name, err))
	}
	sw.mu.Lock()
	defer sw.mu.Unlock()
	s := sw.sessions[name]
	if s == nil || s.Flush(ctx) == nil {
		if s, err = openSession(sw.env, p); err != nil {
			return ui.Opened{}, fmt.Errorf("profile %s: %w", name, err)
		}
	}
	notice := ""
	if prev := sw.sessions[sw.current]; prev != nil && sw.current != name {
		if prev.Flush(ctx) != nil {
			// the store's reason is in its status bar and at quit
			notice = fmt.Sprintf("Profile %s's newest tokens are not saved yet: kept in memory, saving is retried.", sw.current)
		}
	}
	sw.sessions[name], sw.current = s, name
	deps := ui.NewDeps(p, s, sw.cat, sw.env.Getenv)
	deps.DemoApprove = sw.env.demoApprove
	return ui.Opened{Deps: deps, Notice: notice}, nil
}

// finish flushes every session the explorer opened, saying on stderr when
// newest tokens are still only in memory.
func (sw *profileSwitch) finish() {
	sw.mu.Lock()
	defer sw.mu.Unlock()
	names := make([]string, 0, len(sw.sessions))
	for n := range sw.sessions {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		finishSession(sw.env, explorerCommand, sw.sessions[n])
	}
}

// firstProblem is the first line of a profile error (Validate lists one
// problem a line), saying how many more there are.
func firstProblem(name string, err error) string {
	lines := strings.Split(strings.TrimSpace(err.Error()), "\n")
	if len(lines) > 1 {
		return fmt.Sprintf("%s (and %d more: dinero-tui login --profile %s lists them)", lines[0], len(lines)-1, name)
	}
	return lines[0]
}
