package oauth

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"html"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/dinero-tui/dinero-tui/config"
	"github.com/dinero-tui/dinero-tui/internal/testclock"
	"github.com/dinero-tui/dinero-tui/sandbox/connect"
)

// Canary secret: must never show up outside the token store.
const canarySecret = "CANARY-client-secret-5f1d2c"

// newClock is a settable clock, starting now, shared by a test and its
// sessions.
func newClock() *testclock.Clock { return testclock.New(time.Now()) }

// harness is a sandbox Connect server, a Dinero-like API that checks its
// tokens, and a profile pointing at them.
type harness struct {
	t        *testing.T
	cs       *connect.Server
	srv      *httptest.Server
	api      *httptest.Server
	apiCalls int
	apiMu    sync.Mutex
	apiFail  bool // answer 401 to everything
	home     string
	env      map[string]string
	client   connect.Client
	secrets  sync.Map // every code, verifier and token seen on the wire
	discover http.HandlerFunc
	// faultHits counts token requests that reached a fault hook.
	faultHits atomic.Int32
}

type harnessOpt func(*harness)

type connectClient = connect.Client

func withClient(f func(*connect.Client)) harnessOpt { return func(h *harness) { f(&h.client) } }

func newHarness(t *testing.T, opts ...harnessOpt) *harness {
	t.Helper()
	h := &harness{t: t, home: t.TempDir(), client: connect.Client{
		ID: "isv_dinero_tui_test", Secret: canarySecret,
		RedirectURIs:  []string{"http://127.0.0.1/callback", "https://app.example.com/dinero/callback"},
		PKCERequired:  true,
		OfflineAccess: true,
	}}
	for _, o := range opts {
		o(h)
	}
	cs, err := connect.New(connect.Config{Clients: []connect.Client{h.client}, User: connect.User{Sub: "0d9e3f4a-1111-4222-8333-944455556666", Name: "Test User"}})
	if err != nil {
		t.Fatal(err)
	}
	h.cs = cs
	inner := cs.Handler()
	h.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/.well-known/openid-configuration" && h.discover != nil {
			h.discover(w, r)
			return
		}
		inner.ServeHTTP(w, r)
	}))
	t.Cleanup(h.srv.Close)
	cs.SetIssuer(h.srv.URL)
	cs.SetFault(h.recordSecrets(nil))
	h.api = httptest.NewServer(http.HandlerFunc(h.serveAPI))
	t.Cleanup(h.api.Close)
	h.env = map[string]string{
		"HOME":                 h.home,
		"DINERO_CLIENT_ID":     h.client.ID,
		"DINERO_CLIENT_SECRET": canarySecret,
		"DINERO_CONNECT_URL":   h.srv.URL,
		"DINERO_API_URL":       h.api.URL,
		"DINERO_REDIRECT_URI":  "http://127.0.0.1:0/callback",
		"DINERO_TOKEN_STORE":   "file",
	}
	return h
}

// recordSecrets wraps a fault hook so every code, verifier and token sent
// to the token endpoint is remembered for the hygiene checks.
func (h *harness) recordSecrets(next func(http.ResponseWriter, *http.Request) bool) func(http.ResponseWriter, *http.Request) bool {
	return func(w http.ResponseWriter, r *http.Request) bool {
		body, _ := io.ReadAll(r.Body)
		r.Body = io.NopCloser(bytes.NewReader(body))
		if v, err := url.ParseQuery(string(body)); err == nil {
			for _, k := range []string{"code", "code_verifier", "refresh_token"} {
				if s := v.Get(k); s != "" {
					h.secrets.Store(s, k)
				}
			}
		}
		if next != nil {
			return next(w, r)
		}
		return false
	}
}

// setFault installs a token endpoint fault (still recording secrets).
func (h *harness) setFault(f func(http.ResponseWriter, *http.Request) bool) {
	h.cs.SetFault(h.recordSecrets(f))
}

func (h *harness) serveAPI(w http.ResponseWriter, r *http.Request) {
	h.apiMu.Lock()
	h.apiCalls++
	fail := h.apiFail
	h.apiMu.Unlock()
	raw, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	if _, err := h.cs.Validate(raw); fail || !ok || err != nil {
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	h.secrets.Store(raw, "access_token")
	body, _ := io.ReadAll(r.Body)
	fmt.Fprintf(w, `{"ok":true,"method":%q,"body":%q}`, r.Method, body)
}

func (h *harness) calls() int { h.apiMu.Lock(); defer h.apiMu.Unlock(); return h.apiCalls }

func (h *harness) getenv(k string) string { return h.env[k] }

func (h *harness) profile() config.Profile {
	h.t.Helper()
	p, err := config.Load(config.LoadOptions{Getenv: h.getenv})
	if err != nil {
		h.t.Fatal(err)
	}
	return p
}

func (h *harness) session(opts ...Option) *Session {
	h.t.Helper()
	opts = append([]Option{WithHTTPClient(&http.Client{Timeout: 5 * time.Second}), WithOpener(func(string) error { return nil })}, opts...)
	s, err := NewSession(h.profile(), opts...)
	if err != nil {
		h.t.Fatal(err)
	}
	return s
}

// login performs a whole loopback login with the headless browser.
func (h *harness) login(s *Session) { approveLogin(h.t, s) }

// approveLogin performs a whole loopback login on s, pressing Accept with
// the sandbox's headless browser.
func approveLogin(t *testing.T, s *Session) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	l, done := startWaiting(ctx, t, s)
	if err := connect.Approve(ctx, nil, l.URL(), "accept"); err != nil {
		t.Fatal(err)
	}
	if err := <-done; err != nil {
		t.Fatal(err)
	}
}

// startWaiting starts a login on s and runs its Wait in the background;
// the channel yields what Wait returns.
func startWaiting(ctx context.Context, t *testing.T, s *Session) (*Login, <-chan error) {
	t.Helper()
	l, err := s.StartLogin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- l.Wait(ctx) }()
	return l, done
}

var (
	formRe  = regexp.MustCompile(`<form method="post" action="([^"]*)">`)
	inputRe = regexp.MustCompile(`<input type="hidden" name="([^"]*)" value="([^"]*)">`)
)

// browse plays the browser: opens the authorize link, presses Accept or
// Cancel on the consent page and submits the form_post page to the
// redirect URI. In query mode it returns the Location it was sent to.
func browse(ctx context.Context, authURL, decision string) (string, error) {
	hc := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	get := func(method, target string, form url.Values, origin string) (*http.Response, string, error) {
		var body io.Reader
		if form != nil {
			body = strings.NewReader(form.Encode())
		}
		req, err := http.NewRequestWithContext(ctx, method, target, body)
		if err != nil {
			return nil, "", err
		}
		if form != nil {
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			req.Header.Set("Origin", origin)
		}
		resp, err := hc.Do(req)
		if err != nil {
			return nil, "", err
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp, string(b), nil
	}
	au, _ := url.Parse(authURL)
	origin := au.Scheme + "://" + au.Host
	resp, page, err := get(http.MethodGet, authURL, nil, "")
	if err != nil {
		return "", err
	}
	for i := 0; i < 3; i++ {
		if loc := resp.Header.Get("Location"); resp.StatusCode == http.StatusFound {
			return loc, nil
		}
		m := formRe.FindStringSubmatch(page)
		if m == nil {
			return "", fmt.Errorf("unexpected page (HTTP %d)", resp.StatusCode)
		}
		action := html.UnescapeString(m[1])
		form := url.Values{}
		for _, in := range inputRe.FindAllStringSubmatch(page, -1) {
			form.Add(html.UnescapeString(in[1]), html.UnescapeString(in[2]))
		}
		target := action
		if strings.HasPrefix(action, "/") {
			target = origin + action
		} else {
			// The form_post page: deliver it to the client and stop.
			resp, page, err = get(http.MethodPost, target, form, origin)
			if err != nil {
				return "", err
			}
			if resp.StatusCode != http.StatusOK {
				return "", fmt.Errorf("callback answered HTTP %d: %s", resp.StatusCode, page)
			}
			return page, nil
		}
		form.Set("decision", decision)
		if resp, page, err = get(http.MethodPost, target, form, origin); err != nil {
			return "", err
		}
	}
	return "", errors.New("too many pages")
}

// assertNoSecrets fails when text contains the client secret or any code,
// verifier or token seen on the wire.
func (h *harness) assertNoSecrets(where, text string) {
	h.t.Helper()
	if strings.Contains(text, canarySecret) {
		h.t.Errorf("%s contains the client secret", where)
	}
	h.secrets.Range(func(k, v any) bool {
		if strings.Contains(text, k.(string)) {
			h.t.Errorf("%s contains a %s", where, v)
		}
		return true
	})
}
