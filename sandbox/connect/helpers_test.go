package connect

import (
	"context"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dinero-tui/dinero-tui/internal/testclock"
)

const (
	testClientID = "isv_test"
	testSecret   = "s3cret-Value+/%"
	testVerifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk" // RFC 7636 appendix B
)

// env is one running sandbox with a callback receiver.
type env struct {
	t        testing.TB
	srv      *Server
	http     *httptest.Server
	clock    *testclock.Clock
	callback *callbackRecorder
	cbURL    string // the redirect URI on the callback server
}

// callbackRecorder stands in for the client's loopback listener.
type callbackRecorder struct {
	mu     sync.Mutex
	calls  []callbackCall
	status int
}

type callbackCall struct {
	method, contentType, origin string
	params                      url.Values
}

func (c *callbackRecorder) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	_ = r.ParseForm()
	c.mu.Lock()
	defer c.mu.Unlock()
	p := r.URL.Query()
	if r.Method == http.MethodPost {
		p = r.PostForm
	}
	c.calls = append(c.calls, callbackCall{r.Method, r.Header.Get("Content-Type"), r.Header.Get("Origin"), p})
	if c.status != 0 {
		w.WriteHeader(c.status)
	}
}

func (c *callbackRecorder) last(t testing.TB) callbackCall {
	t.Helper()
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.calls) == 0 {
		t.Fatal("callback never called")
	}
	return c.calls[len(c.calls)-1]
}

func testClient() Client {
	return Client{
		ID: testClientID, Secret: testSecret,
		RedirectURIs:  []string{"http://127.0.0.1/callback", "https://app.example.com/Callback"},
		OfflineAccess: true,
	}
}

// newEnv starts a sandbox. mutate may change the config before New.
func newEnv(t testing.TB, mutate func(*Config)) *env {
	t.Helper()
	clock := testclock.New(time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC))
	cfg := Config{
		Clients: []Client{testClient()},
		User:    User{Sub: "1f3ee81c-89aa-4984-a533-8caaba6616be", Name: "Demo Bruger", Email: "demo@example.com"},
		Now:     clock.Now,
	}
	if mutate != nil {
		mutate(&cfg)
	}
	s, err := New(cfg)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	hs := httptest.NewServer(s.Handler())
	t.Cleanup(hs.Close)
	s.SetIssuer(hs.URL)
	cb := &callbackRecorder{}
	cs := httptest.NewServer(cb)
	t.Cleanup(cs.Close)
	return &env{t: t, srv: s, http: hs, clock: clock, callback: cb, cbURL: cs.URL + "/callback"}
}

// authParams are the usual parameters of an authorize request.
func (e *env) authParams() url.Values {
	return url.Values{
		"client_id":     {testClientID},
		"redirect_uri":  {e.cbURL},
		"response_type": {"code"},
		"scope":         {"dineropublicapi:read dineropublicapi:write offline_access"},
		"state":         {"st-123"},
	}
}

func (e *env) authorizeURL(v url.Values) string {
	return e.http.URL + "/connect/authorize?" + v.Encode()
}

// noFollow is a client that does not follow redirects.
var noFollow = &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}

func get(t *testing.T, u string) (*http.Response, string) {
	t.Helper()
	resp, err := noFollow.Get(u)
	if err != nil {
		t.Fatalf("GET: %v", err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, string(b)
}

// code runs an approved authorize request and returns the code the
// callback received.
func (e *env) code(v url.Values) string {
	e.t.Helper()
	if err := Approve(context.Background(), e.http.Client(), e.authorizeURL(v), "accept"); err != nil {
		e.t.Fatalf("Approve: %v", err)
	}
	got := e.callback.last(e.t).params
	if got.Get("code") == "" {
		e.t.Fatalf("callback got no code, error=%q", got.Get("error"))
	}
	return got.Get("code")
}

// tokenResp is a decoded token endpoint answer.
type tokenResp struct {
	status int
	header http.Header
	body   map[string]any
	raw    string
}

func (r tokenResp) str(k string) string { s, _ := r.body[k].(string); return s }

// post sends a form body to path with optional Basic credentials.
func (e *env) post(path, contentType, body string, basic []string) tokenResp {
	e.t.Helper()
	req, _ := http.NewRequest(http.MethodPost, e.http.URL+path, strings.NewReader(body))
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	if basic != nil {
		req.SetBasicAuth(url.QueryEscape(basic[0]), url.QueryEscape(basic[1]))
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		e.t.Fatalf("POST %s: %v", path, err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	out := tokenResp{status: resp.StatusCode, header: resp.Header, raw: string(b), body: map[string]any{}}
	_ = json.Unmarshal(b, &out.body)
	return out
}

const formType = "application/x-www-form-urlencoded"

func (e *env) token(form url.Values, basic []string) tokenResp {
	e.t.Helper()
	return e.post("/connect/token", formType, form.Encode(), basic)
}

// exchange redeems code with body client authentication.
func (e *env) exchange(code string, extra url.Values) tokenResp {
	e.t.Helper()
	f := url.Values{"grant_type": {"authorization_code"}, "code": {code}, "redirect_uri": {e.cbURL},
		"client_id": {testClientID}, "client_secret": {testSecret}}
	for k, v := range extra {
		f[k] = v
	}
	return e.token(f, nil)
}

func (e *env) refresh(rt string) tokenResp {
	e.t.Helper()
	return e.token(url.Values{"grant_type": {"refresh_token"}, "refresh_token": {rt},
		"client_id": {testClientID}, "client_secret": {testSecret}}, nil)
}

// login runs authorize + exchange and fails the test unless it succeeds.
func (e *env) login() tokenResp {
	e.t.Helper()
	r := e.exchange(e.code(e.authParams()), nil)
	if r.status != 200 {
		e.t.Fatalf("exchange: %d %s", r.status, r.raw)
	}
	return r
}

func s256(v string) string {
	sum := sha256.Sum256([]byte(v))
	return base64.RawURLEncoding.EncodeToString(sum[:])
}

func wantOAuthError(t *testing.T, r tokenResp, status int, code string) {
	t.Helper()
	if r.status != status || r.str("error") != code {
		t.Fatalf("got %d %s, want %d error %q", r.status, r.raw, status, code)
	}
	if !strings.HasPrefix(r.header.Get("Content-Type"), "application/json") {
		t.Errorf("error Content-Type = %q", r.header.Get("Content-Type"))
	}
	if strings.Contains(r.raw, testSecret) {
		t.Error("error body echoes the client secret")
	}
}
