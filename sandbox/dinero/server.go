// Package dinero is a strict local emulation of the Dinero API
// (api.dinero.dk): the full route table with exact version segments, bearer
// token checks, organization access and Pro checks, a sliding-window rate
// limit, and in-memory bookkeeping for the operations it models. Operations
// it does not model answer 501.
package dinero

import (
	"errors"
	"net/http"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"github.com/dinero-tui/dinero-tui/sandbox/demodata"
	"github.com/dinero-tui/dinero-tui/sandbox/tokens"
)

// Scope names checked by the API.
const (
	ScopeRead  = "dineropublicapi:read"
	ScopeWrite = "dineropublicapi:write"
)

// DefaultAudience is the aud access tokens must carry.
const DefaultAudience = "https://api.dinero.dk"

// maxJSONBody bounds JSON request bodies.
const maxJSONBody = 1 << 20

// Config configures a Server.
type Config struct {
	Validator  tokens.Validator
	Data       *demodata.Dataset // the server takes ownership and mutates it
	RateLimit  int               // requests per window per (organizationId, client_id); 0 means 100; <0 disables
	RateWindow time.Duration     // sliding window; 0 means one minute
	Now        func() time.Time  // clock; nil means time.Now
	Audience   string            // required aud when the token carries one; "" means DefaultAudience
}

// Server is the Dinero API emulation.
type Server struct {
	cfg     Config
	router  *router
	limiter *limiter
	orgs    map[int]*orgState
	reach   map[string]map[int]bool // sub -> organization ids
	stamp   atomic.Uint64
}

// New builds a Server over cfg.Data (a fresh demo dataset when nil).
func New(cfg Config) *Server {
	if cfg.Data == nil {
		cfg.Data = demodata.Generate(1, 0)
	}
	if cfg.RateLimit == 0 {
		cfg.RateLimit = 100
	}
	if cfg.RateWindow <= 0 {
		cfg.RateWindow = time.Minute
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Audience == "" {
		cfg.Audience = DefaultAudience
	}
	s := &Server{cfg: cfg, limiter: newLimiter(cfg.RateLimit, cfg.RateWindow),
		orgs: map[int]*orgState{}, reach: map[string]map[int]bool{}}
	s.stamp.Store(cfg.Data.NextTimeStamp)
	for _, o := range cfg.Data.Organizations {
		s.orgs[o.ID] = newOrgState(o)
	}
	for _, u := range cfg.Data.Users {
		m := map[int]bool{}
		for _, id := range u.OrganizationIDs {
			m[id] = true
		}
		s.reach[u.Sub] = m
	}
	s.router = newRouter(routeTable, handlers())
	return s
}

// Handler serves the API.
func (s *Server) Handler() http.Handler { return s }

// Operations returns the full route table, marking what the sandbox models.
func (s *Server) Operations() []Operation {
	out := make([]Operation, 0, len(s.router.routes))
	for _, r := range s.router.routes {
		out = append(out, Operation{Method: r.spec.Method, Path: r.spec.Path, OperationID: r.spec.OperationID,
			Tag: r.spec.Tag, Deprecated: r.spec.Deprecated, Modeled: r.handler != nil})
	}
	return out
}

// nextStamp returns a fresh entity version.
func (s *Server) nextStamp() uint64 { return s.stamp.Add(1) }

// handlerFunc serves one modeled operation. A returned *apiError is written
// as Dinero's error body; the handler writes success itself.
type handlerFunc func(c *call) error

// call is one request that passed the pipeline.
type call struct {
	s      *Server
	w      http.ResponseWriter
	r      *http.Request
	spec   routeSpec
	params map[string]string
	claims tokens.Claims
	org    *orgState // nil for routes outside an organization
	now    time.Time
}

// today is the request's date in Dinero's YYYY-MM-DD form.
func (c *call) today() string { return c.now.UTC().Format("2006-01-02") }

// ServeHTTP runs the pipeline: route, auth, scope, organization, rate limit, handler.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	rt, params, ok := s.router.match(r.Method, r.URL.EscapedPath())
	if !ok {
		writeHTMLNotFound(w)
		return
	}
	claims, err := s.authenticate(r)
	if err != nil {
		writeError(w, errUnauthorized)
		return
	}
	if r.Method != http.MethodGet && !claims.HasScope(ScopeWrite) {
		writeError(w, errNoWriteScope)
		return
	}
	c := &call{s: s, w: w, r: r, spec: rt.spec, params: params, claims: claims, now: s.cfg.Now()}
	limitKey := "client:" + claims.ClientID
	if rt.orgScope {
		org, apiErr := s.organization(claims.Subject, params["organizationId"])
		if apiErr != nil {
			writeError(w, apiErr)
			return
		}
		c.org = org
		limitKey = "org:" + strconv.Itoa(org.data.ID) + "|" + claims.ClientID
	}
	if ok, wait := s.limiter.allow(limitKey, c.now); !ok {
		w.Header().Set("Retry-After", strconv.Itoa(retrySeconds(wait)))
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.WriteHeader(http.StatusTooManyRequests)
		_, _ = w.Write([]byte(s.limiter.message()))
		return
	}
	if rt.handler == nil {
		writeNotModeled(w, rt.spec)
		return
	}
	if err := rt.handler(c); err != nil {
		var apiErr *apiError
		if errors.As(err, &apiErr) {
			writeError(w, apiErr)
			return
		}
		writeError(w, &apiError{Status: http.StatusInternalServerError, Code: 50, Message: "Internal server error"})
	}
}

func (s *Server) authenticate(r *http.Request) (tokens.Claims, error) {
	h := r.Header.Get("Authorization")
	scheme, raw, found := strings.Cut(h, " ")
	raw = strings.TrimSpace(raw)
	if !found || !strings.EqualFold(scheme, "Bearer") || raw == "" || strings.ContainsAny(raw, " \t") {
		return tokens.Claims{}, tokens.ErrInvalid
	}
	if s.cfg.Validator == nil {
		return tokens.Claims{}, tokens.ErrInvalid
	}
	claims, err := s.cfg.Validator.Validate(raw)
	if err != nil {
		return tokens.Claims{}, err
	}
	if claims.Audience != "" && claims.Audience != s.cfg.Audience {
		return tokens.Claims{}, tokens.ErrInvalid
	}
	if !claims.ExpiresAt.IsZero() && !s.cfg.Now().Before(claims.ExpiresAt) {
		return tokens.Claims{}, tokens.ErrInvalid
	}
	return claims, nil
}

// organization resolves the {organizationId} segment for user sub.
func (s *Server) organization(sub, raw string) (*orgState, *apiError) {
	id, err := strconv.ParseInt(raw, 10, 32)
	if err != nil || id <= 0 {
		return nil, errNoAccess
	}
	org, ok := s.orgs[int(id)]
	if !ok || !s.reach[sub][int(id)] {
		return nil, errNoAccess
	}
	if !org.data.IsPro() {
		return nil, errNoPro
	}
	return org, nil
}
