// Package oauth is the Visma Connect client side of dinero-tui: the login
// (authorize link, loopback form_post receiver or paste mode, code
// exchange), the token store, and one Session per profile whose
// *http.Client adds the bearer token and refreshes it safely across
// goroutines and processes.
package oauth

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/gofrs/flock"

	"github.com/dinero-tui/dinero-tui/config"
)

// ErrLoginRequired means there is no usable token: none was stored, or the
// refresh token was rejected (invalid_grant).
var ErrLoginRequired = errors.New("not logged in or the session has ended: log in again (dinero-tui login)")

// Timing defaults.
const (
	refreshAhead    = 60 * time.Second // refresh when less than this remains
	lockTimeout     = 15 * time.Second
	tokenHTTPTimout = 30 * time.Second
	unknownLifetime = 5 * time.Minute // for a token response without expires_in
	maxLifetime     = 24 * time.Hour
)

// Session is the OAuth state of one profile, shared by every pane and
// command. It is safe for concurrent use.
type Session struct {
	p           config.Profile
	issuer      string
	hc          *http.Client
	now         func() time.Time
	open        func(string) error
	store       Store
	storeReason string
	lock        *flock.Flock

	mu         sync.Mutex // serializes token work in this process (held with lock)
	stateMu    sync.Mutex // guards the fields below
	cur        *Tokens
	needsLogin bool
	warning    string
	// unsaved is the newest pair when the store refused it: it stays
	// authoritative over any older record until a save succeeds.
	unsaved *Tokens

	evMu    sync.Mutex
	subs    map[int]chan Event
	nextSub int

	apiClient *http.Client
	apiOrigin string // the only origin the bearer token is sent to
}

// Option changes how a Session is built.
type Option func(*Session)

// WithHTTPClient sets the client used for discovery, the token endpoint and
// revocation. It should have a timeout.
func WithHTTPClient(hc *http.Client) Option { return func(s *Session) { s.hc = hc } }

// WithClock sets the clock used for expiry decisions.
func WithClock(now func() time.Time) Option { return func(s *Session) { s.now = now } }

// WithStore replaces the token store chosen from the profile.
func WithStore(st Store) Option {
	return func(s *Session) { s.store, s.storeReason = st, "set by the program" }
}

// WithOpener sets how the login link is opened (default: OpenBrowser).
func WithOpener(open func(url string) error) Option { return func(s *Session) { s.open = open } }

// NewSession opens the session of a profile and loads its stored tokens.
// An unusable store is set aside and reported in Status as logged out.
func NewSession(p config.Profile, opts ...Option) (*Session, error) {
	if p.ClientID == "" {
		return nil, errors.New("no client id: set DINERO_CLIENT_ID or client_id in the config file")
	}
	if p.StateDir == "" || p.Name == "" {
		return nil, errors.New("profile has no state directory: load it with config.Load")
	}
	s := &Session{
		p:      p,
		issuer: strings.TrimRight(p.ConnectURL, "/"),
		hc:     &http.Client{Timeout: tokenHTTPTimout},
		now:    time.Now,
		subs:   map[int]chan Event{},
	}
	s.open = func(u string) error { return OpenBrowser(u, nil) }
	for _, o := range opts {
		o(s)
	}
	dir := p.ProfileStateDir()
	if err := ensureDir(dir); err != nil {
		return nil, err
	}
	s.lock = flock.New(filepath.Join(dir, "token.lock"), flock.SetPermissions(0o600))
	if s.store == nil {
		fs := NewFileStore(dir, s.issuer, p.ClientID)
		fs.now = s.now
		fs.warn = s.setWarning
		kr := NewKeyringStore(p.Name, s.issuer, p.ClientID)
		kr.warn = s.setWarning
		st, why, err := chooseStore(p.TokenStore, kr, fs)
		if err != nil {
			return nil, err
		}
		s.store, s.storeReason = st, why
	}
	s.apiOrigin = apiOrigin(p.APIURL)
	s.apiClient = &http.Client{Transport: &transport{s: s, base: defaultAPITransport()}, CheckRedirect: s.checkRedirect}
	s.reload()
	return s, nil
}

// reload reads the store into memory (without the lock: saves are atomic).
// An unsaved newer pair is never replaced by an older stored record.
func (s *Session) reload() *Tokens {
	t, err := s.store.Load()
	s.stateMu.Lock()
	defer s.stateMu.Unlock()
	if s.unsaved != nil && !newer(t, s.unsaved) {
		s.cur, s.needsLogin = s.unsaved.clone(), false
		return s.cur.clone()
	}
	s.unsaved = nil
	if err != nil {
		s.warning = err.Error()
		s.cur, s.needsLogin = nil, true
		return nil
	}
	s.cur = t
	s.needsLogin = t == nil
	return t.clone()
}

func (s *Session) setWarning(w string) {
	s.stateMu.Lock()
	s.warning = w
	s.stateMu.Unlock()
	s.emit(Event{Kind: EventWarning, Message: w})
}

func (s *Session) current() *Tokens {
	s.stateMu.Lock()
	defer s.stateMu.Unlock()
	return s.cur.clone()
}

func (s *Session) setCurrent(t *Tokens) {
	s.stateMu.Lock()
	s.cur, s.needsLogin = t.clone(), t == nil
	s.stateMu.Unlock()
}

// withLock runs fn holding this process's token mutex and the cross-process
// lock file of the profile, waiting at most lockTimeout for the latter.
func (s *Session) withLock(ctx context.Context, fn func() error) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	ctx, cancel := context.WithTimeout(ctx, lockTimeout)
	defer cancel()
	ok, err := s.lock.TryLockContext(ctx, 10*time.Millisecond)
	if err != nil || !ok {
		return fmt.Errorf("another dinero-tui process holds the token lock %s; try again (%v)", s.lock.Path(), err)
	}
	defer s.lock.Unlock()
	return fn()
}

// Status describes the session for `status` and the status bar. It never
// contains a secret.
type Status struct {
	LoggedIn        bool
	NeedsLogin      bool
	Scopes          []string
	Expiry          time.Time // access token expiry
	HasRefreshToken bool
	StoreKind       string // file | keyring
	StoreReason     string // why this store (visible for auto)
	Warning         string // a store problem worth showing, if any
	// Unsaved: the newest tokens live only in this process because the
	// store refused them; saving is retried on the next use.
	Unsaved bool
}

// Status re-reads the store (another process may have changed it; a
// keyring read is time-boxed, so call it on events, not every frame) and
// reports the session state. Tokens the store refused earlier are saved
// again first, waiting at most a second for the lock.
func (s *Session) Status() Status {
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	_ = s.Flush(ctx)
	cancel()
	s.reload()
	s.stateMu.Lock()
	defer s.stateMu.Unlock()
	st := Status{StoreKind: s.store.Kind(), StoreReason: s.storeReason, Warning: s.warning, Unsaved: s.unsaved != nil}
	if t := s.cur; t != nil {
		st.Scopes = append([]string(nil), t.Scopes...)
		st.Expiry = t.Expiry
		st.HasRefreshToken = t.RefreshToken != ""
		st.LoggedIn = t.RefreshToken != "" || s.now().Before(t.Expiry)
	}
	st.NeedsLogin = !st.LoggedIn
	return st
}

// Profile is the profile the session was opened with.
func (s *Session) Profile() config.Profile { return s.p }

// EventKind says what happened to the session.
type EventKind int

// Event kinds.
const (
	EventLoggedIn      EventKind = iota + 1 // a login stored new tokens
	EventRefreshed                          // the access token was renewed (Expiry is the new one)
	EventLoginRequired                      // log in again (dinero-tui login)
	EventLoggedOut                          // tokens were removed
	EventWarning                            // a store or refresh problem worth showing
)

// Event is a status change for the UI. Message is plain text without
// secrets; Expiry is the access token expiry when known.
type Event struct {
	Kind    EventKind
	Expiry  time.Time
	Message string
}

// Events subscribes to status events. Slow readers miss events rather than
// block the session. Call the returned func to unsubscribe.
func (s *Session) Events() (<-chan Event, func()) {
	ch := make(chan Event, 16)
	s.evMu.Lock()
	id := s.nextSub
	s.nextSub++
	s.subs[id] = ch
	s.evMu.Unlock()
	var once sync.Once
	return ch, func() {
		once.Do(func() {
			s.evMu.Lock()
			delete(s.subs, id)
			s.evMu.Unlock()
			close(ch)
		})
	}
}

func (s *Session) emit(e Event) {
	s.evMu.Lock()
	defer s.evMu.Unlock()
	for _, ch := range s.subs {
		select {
		case ch <- e:
		default:
		}
	}
}
