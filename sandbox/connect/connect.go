// Package connect is a strict local emulation of Visma Connect, the OAuth 2.0 /
// OpenID Connect provider in front of the Dinero API. It follows the sandbox
// contract in the project's reference notes: form_post and query responses,
// PKCE, one-time codes, one-time or re-use refresh tokens with a grace period
// and family revocation, RFC 7009 revocation and RS256 access tokens that the
// Dinero sandbox checks through tokens.Validator.
//
// It is written from the real service's documented behaviour and imports
// neither the project's oauth nor api packages.
package connect

import (
	"crypto/rsa"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/dinero-tui/dinero-tui/sandbox/tokens"
)

// Refresh token usage modes of a client (the "Refresh Token usage" setting).
const (
	RefreshOneTime = "one-time"
	RefreshReuse   = "reuse"
)

// DefaultAudience is the aud claim of Dinero access tokens.
const DefaultAudience = "https://api.dinero.dk"

// DefaultScopes are the scopes a client may ask for unless configured otherwise.
var DefaultScopes = []string{"dineropublicapi:read", "dineropublicapi:write", "offline_access", "openid", "email", "profile"}

// Lifetimes used when a client leaves them zero, and fixed lifetimes.
const (
	defaultAccessTTL      = time.Hour
	defaultRefreshLife    = 365 * 24 * time.Hour
	defaultRefreshSliding = 30 * 24 * time.Hour
	codeTTL               = 5 * time.Minute
	pendingTTL            = 15 * time.Minute
	idTokenTTL            = 5 * time.Minute
)

// Config describes the emulated authorization server.
type Config struct {
	Issuer      string           // base URL of this server, e.g. "http://127.0.0.1:PORT"; may be set later with SetIssuer
	Audience    string           // aud of access tokens; default DefaultAudience
	Clients     []Client         // registered applications
	User        User             // the demo user who "logs in" on the consent page
	AutoApprove bool             // skip the consent page and approve at once
	Now         func() time.Time // clock; default time.Now
}

// Client is one registered application, as set up in the Visma developer portal.
type Client struct {
	ID, Secret      string        // "isv_..."; an empty Secret makes a public (PKCE) client
	RedirectURIs    []string      // exact match; loopback http URIs match with any port (RFC 8252 7.3)
	Scopes          []string      // allowed scopes; default DefaultScopes
	PKCERequired    bool          // the PKCE toggle
	OfflineAccess   bool          // the "Offline Access" checkbox
	RefreshMode     string        // RefreshOneTime (default) or RefreshReuse
	RefreshGrace    time.Duration // one-time reuse grace: 0 or 5s-60s
	AccessTokenTTL  time.Duration // default 1h
	RefreshLifetime time.Duration // absolute refresh lifetime, default 365 days
	RefreshSliding  time.Duration // a refresh token unused this long expires; default 30 days
}

// User is the demo user who signs in.
type User struct{ Sub, Name, Email string }

// Stats are counters of what the server has seen, for tests.
type Stats struct {
	TokenRequests   map[string]int // token endpoint requests by grant_type ("" missing, "other" unknown or unreadable body)
	Faults          int            // token requests answered by the fault hook
	CodesIssued     int            // authorization codes handed out
	CodesRedeemed   int            // codes exchanged successfully
	CodeReplays     int            // used codes presented again (their grant is revoked)
	Refreshes       int            // successful refresh_token grants (grace reuses included)
	ReuseDetections int            // one-time refresh tokens replayed after the grace: family revoked
	GraceReuses     int            // one-time refresh tokens reused within the grace period
	Revocations     int            // tokens revoked through the revocation endpoint
}

// Server is the emulated Visma Connect. It is safe for concurrent use.
type Server struct {
	audience    string
	user        User
	autoApprove bool
	now         func() time.Time
	clients     map[string]*Client
	key         *rsa.PrivateKey
	kid         string

	mu      sync.Mutex
	issuer  string
	fault   func(http.ResponseWriter, *http.Request) bool
	pending map[string]*pendingAuth
	codes   map[string]*authCode
	grants  map[string]*grant
	refresh map[string]*refreshToken
	access  map[string]*accessToken // by jti
	stats   Stats
}

var _ tokens.Validator = (*Server)(nil)

// New checks cfg, fills in defaults and creates a server with a fresh RSA key.
func New(cfg Config) (*Server, error) {
	s := &Server{
		audience:    cfg.Audience,
		user:        cfg.User,
		autoApprove: cfg.AutoApprove,
		now:         cfg.Now,
		clients:     map[string]*Client{},
		pending:     map[string]*pendingAuth{},
		codes:       map[string]*authCode{},
		grants:      map[string]*grant{},
		refresh:     map[string]*refreshToken{},
		access:      map[string]*accessToken{},
		stats:       Stats{TokenRequests: map[string]int{}},
	}
	if s.audience == "" {
		s.audience = DefaultAudience
	}
	if s.now == nil {
		s.now = time.Now
	}
	if s.user.Sub == "" {
		return nil, errors.New("connect: config needs a user with a Sub")
	}
	for i := range cfg.Clients {
		c, err := normalizeClient(cfg.Clients[i])
		if err != nil {
			return nil, fmt.Errorf("connect: client %d: %w", i, err)
		}
		if _, dup := s.clients[c.ID]; dup {
			return nil, fmt.Errorf("connect: client %q registered twice", c.ID)
		}
		s.clients[c.ID] = c
	}
	s.SetIssuer(cfg.Issuer)
	if err := s.loadKey(); err != nil {
		return nil, fmt.Errorf("connect: %w", err)
	}
	return s, nil
}

func normalizeClient(c Client) (*Client, error) {
	if c.ID == "" {
		return nil, errors.New("empty client ID")
	}
	if len(c.RedirectURIs) == 0 {
		return nil, errors.New("no redirect URIs")
	}
	for _, u := range c.RedirectURIs {
		if !validRedirectURI(u) {
			return nil, fmt.Errorf("redirect URI %q is not an absolute URI without fragment", u)
		}
	}
	c.RedirectURIs = append([]string(nil), c.RedirectURIs...)
	if len(c.Scopes) == 0 {
		c.Scopes = DefaultScopes
	}
	c.Scopes = append([]string(nil), c.Scopes...)
	switch c.RefreshMode {
	case "":
		c.RefreshMode = RefreshOneTime
	case RefreshOneTime, RefreshReuse:
	default:
		return nil, fmt.Errorf("refresh mode %q: want %q or %q", c.RefreshMode, RefreshOneTime, RefreshReuse)
	}
	if c.RefreshGrace != 0 && (c.RefreshGrace < 5*time.Second || c.RefreshGrace > 60*time.Second) {
		return nil, fmt.Errorf("refresh grace %v: want 0 or 5s-60s", c.RefreshGrace)
	}
	if c.AccessTokenTTL < 0 || c.RefreshLifetime < 0 || c.RefreshSliding < 0 {
		return nil, errors.New("negative lifetime")
	}
	if c.AccessTokenTTL == 0 {
		c.AccessTokenTTL = defaultAccessTTL
	}
	if c.RefreshLifetime == 0 {
		c.RefreshLifetime = defaultRefreshLife
	}
	if c.RefreshSliding == 0 {
		c.RefreshSliding = defaultRefreshSliding
	}
	return &c, nil
}

// SetIssuer sets the issuer (this server's base URL). Call it before serving,
// e.g. once the listener's port is known. A trailing slash is dropped.
func (s *Server) SetIssuer(url string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.issuer = strings.TrimRight(url, "/")
}

// Issuer returns the issuer URL in use.
func (s *Server) Issuer() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.issuer
}

// SetFault installs a test hook on /connect/token. When f returns true it has
// written the response itself (an HTML 502, a slow answer, a 200 carrying an
// error...). f may call ServeToken to let the real endpoint act first. A nil
// f removes the hook.
func (s *Server) SetFault(f func(w http.ResponseWriter, r *http.Request) bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.fault = f
}

// Stats returns a snapshot of the counters.
func (s *Server) Stats() Stats {
	s.mu.Lock()
	defer s.mu.Unlock()
	st := s.stats
	st.TokenRequests = make(map[string]int, len(s.stats.TokenRequests))
	for k, v := range s.stats.TokenRequests {
		st.TokenRequests[k] = v
	}
	return st
}

// Handler returns the HTTP handler serving every endpoint under the issuer.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("/.well-known/openid-configuration", s.serveDiscovery)
	mux.HandleFunc("/.well-known/jwks.json", s.serveJWKS)
	mux.HandleFunc("/connect/authorize", s.serveAuthorize)
	mux.HandleFunc("/connect/authorize/decision", s.serveDecision)
	mux.HandleFunc("/connect/token", s.serveTokenWithFault)
	mux.HandleFunc("/connect/revocation", s.serveRevocation)
	mux.HandleFunc("/connect/userinfo", s.serveUserinfo)
	mux.HandleFunc("/connect/endsession", s.serveEndSession)
	mux.HandleFunc("/connect/checksession", s.serveCheckSession)
	return mux
}

func (s *Server) serveTokenWithFault(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	f := s.fault
	s.mu.Unlock()
	if f != nil && f(w, r) {
		s.mu.Lock()
		s.stats.Faults++
		s.mu.Unlock()
		return
	}
	s.ServeToken(w, r)
}
