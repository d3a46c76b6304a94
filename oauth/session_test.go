package oauth

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/oauth2"
)

func TestDiscovery(t *testing.T) {
	doc := func(iss string, extra string) string {
		return fmt.Sprintf(`{"issuer":%q,"authorization_endpoint":%q,"token_endpoint":%q%s}`, iss, iss+"/connect/authorize", iss+"/connect/token", extra)
	}
	cases := []struct {
		name    string
		serve   func(h *harness) http.HandlerFunc
		wantErr string
	}{
		{"missing: documented paths", func(h *harness) http.HandlerFunc { return http.NotFound }, ""},
		{"malformed", func(h *harness) http.HandlerFunc {
			return func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "<html>") }
		}, "not valid JSON"},
		{"wrong issuer", func(h *harness) http.HandlerFunc {
			return func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, doc("https://evil.example", "")) }
		}, "issuer"},
		{"issuer with a trailing slash", func(h *harness) http.HandlerFunc {
			return func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, doc(h.srv.URL+"/", "")) }
		}, "issuer"},
		{"issuer in other case", func(h *harness) http.HandlerFunc {
			return func(w http.ResponseWriter, r *http.Request) {
				io.WriteString(w, doc(strings.Replace(h.srv.URL, "http://", "HTTP://", 1), ""))
			}
		}, "issuer"},
		{"no S256", func(h *harness) http.HandlerFunc {
			return func(w http.ResponseWriter, r *http.Request) {
				io.WriteString(w, doc(h.srv.URL, `,"code_challenge_methods_supported":["plain"]`))
			}
		}, "S256"},
		{"no form_post", func(h *harness) http.HandlerFunc {
			return func(w http.ResponseWriter, r *http.Request) {
				io.WriteString(w, doc(h.srv.URL, `,"response_modes_supported":["query"]`))
			}
		}, "form_post"},
		{"http token endpoint off loopback", func(h *harness) http.HandlerFunc {
			return func(w http.ResponseWriter, r *http.Request) {
				fmt.Fprintf(w, `{"issuer":%q,"authorization_endpoint":%q,"token_endpoint":"http://evil.example/token"}`, h.srv.URL, h.srv.URL+"/connect/authorize")
			}
		}, "token_endpoint"},
		{"server error", func(h *harness) http.HandlerFunc {
			return func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(503) }
		}, "HTTP 503"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			h := newHarness(t)
			h.discover = c.serve(h)
			s := h.session()
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			l, err := s.StartLogin(ctx)
			if c.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), c.wantErr) {
					t.Fatalf("StartLogin = %v, want error with %q", err, c.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			l.Close()
			h.login(s) // the documented paths work
		})
	}
	t.Run("unreachable", func(t *testing.T) {
		h := newHarness(t)
		h.env["DINERO_CONNECT_URL"] = "http://127.0.0.1:1"
		if _, err := h.session().StartLogin(context.Background()); err == nil || !strings.Contains(err.Error(), "cannot reach") {
			t.Fatalf("StartLogin = %v", err)
		}
	})
}

// exchangeWithFault runs a login whose token request meets fault f.
func exchangeWithFault(t *testing.T, hc *http.Client, f func(http.ResponseWriter, *http.Request) bool) (*harness, *Session, error) {
	h := newHarness(t)
	s := h.session(WithHTTPClient(hc))
	h.setFault(func(w http.ResponseWriter, r *http.Request) bool {
		h.faultHits.Add(1)
		return f(w, r)
	})
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	l, done := startWaiting(ctx, t, s)
	browse(ctx, l.URL(), "accept")
	return h, s, <-done
}

func TestExchangeErrors(t *testing.T) {
	cases := []struct {
		name    string
		timeout time.Duration
		fault   func(w http.ResponseWriter, r *http.Request) bool
		want    string
	}{
		{"invalid_grant", 0, func(w http.ResponseWriter, r *http.Request) bool {
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(400)
			io.WriteString(w, `{"error":"invalid_grant","error_description":"code `+canarySecret+`"}`)
			return true
		}, "invalid_grant"},
		{"200 with error", 0, func(w http.ResponseWriter, r *http.Request) bool {
			w.Header().Set("Content-Type", "application/json")
			io.WriteString(w, `{"error":"invalid_client"}`)
			return true
		}, "invalid_client"},
		{"HTML 502", 0, func(w http.ResponseWriter, r *http.Request) bool {
			w.Header().Set("Content-Type", "text/html")
			w.WriteHeader(502)
			io.WriteString(w, "<html>Bad gateway "+canarySecret+"</html>")
			return true
		}, "HTTP 502 (text/html)"},
		{"200 without access_token", 0, func(w http.ResponseWriter, r *http.Request) bool {
			w.Header().Set("Content-Type", "application/json")
			io.WriteString(w, `{"token_type":"Bearer","expires_in":3600}`)
			return true
		}, "access_token"},
		{"DPoP token", 0, func(w http.ResponseWriter, r *http.Request) bool {
			w.Header().Set("Content-Type", "application/json")
			io.WriteString(w, `{"access_token":"abcd","token_type":"DPoP","expires_in":3600}`)
			return true
		}, "only Bearer"},
		{"slow beyond timeout", 300 * time.Millisecond, func(w http.ResponseWriter, r *http.Request) bool {
			select {
			case <-r.Context().Done():
			case <-time.After(3 * time.Second):
			}
			return true
		}, "Timeout"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			hc := &http.Client{Timeout: 5 * time.Second}
			if c.timeout > 0 {
				hc.Timeout = c.timeout
			}
			start := time.Now()
			h, s, err := exchangeWithFault(t, hc, c.fault)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("login = %v, want an error with %q", err, c.want)
			}
			if time.Since(start) > 3*time.Second {
				t.Error("the failing exchange took too long")
			}
			h.assertNoSecrets("exchange error", err.Error())
			if n := h.faultHits.Load(); n != 1 {
				t.Errorf("the exchange was sent %d times, want once", n)
			}
			if s.Status().LoggedIn {
				t.Error("logged in after a failed exchange")
			}
		})
	}
}

func TestRefreshRotation(t *testing.T) {
	h := newHarness(t)
	clk := newClock()
	s := h.session(WithClock(clk.Now))
	h.login(s)
	old, _ := s.store.Load()
	events, stop := s.Events()
	defer stop()
	t1, err := s.validToken("")
	if err != nil || t1.AccessToken != old.AccessToken {
		t.Fatalf("fresh token was not reused: %v", err)
	}
	clk.Advance(time.Hour - 30*time.Second) // within refreshAhead of expiry
	t2, err := s.validToken("")
	if err != nil {
		t.Fatal(err)
	}
	if t2.AccessToken == old.AccessToken || t2.RefreshToken == old.RefreshToken {
		t.Fatal("refresh did not rotate the tokens")
	}
	stored, _ := s.store.Load()
	if stored.RefreshToken != t2.RefreshToken {
		t.Fatal("rotated refresh token was not persisted")
	}
	if st := h.cs.Stats(); st.Refreshes != 1 || st.TokenRequests["refresh_token"] != 1 {
		t.Errorf("stats %+v", st)
	}
	select {
	case e := <-events:
		if e.Kind != EventRefreshed || !e.Expiry.Equal(t2.Expiry) {
			t.Errorf("event %+v", e)
		}
	case <-time.After(time.Second):
		t.Error("no refreshed event")
	}
	checkStorePerms(t, (&FileStore{dir: s.p.ProfileStateDir()}).Path())
}

func TestRefreshInvalidGrant(t *testing.T) {
	h := newHarness(t)
	clk := newClock()
	s := h.session(WithClock(clk.Now))
	h.login(s)
	tok, _ := s.store.Load()
	// Revoke the grant behind the client's back.
	form := url.Values{"token": {tok.RefreshToken}, "token_type_hint": {"refresh_token"}}
	req, _ := http.NewRequest("POST", h.srv.URL+"/connect/revocation", strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.SetBasicAuth(h.client.ID, canarySecret)
	if resp, err := http.DefaultClient.Do(req); err != nil || resp.StatusCode != 200 {
		t.Fatalf("revoke: %v", err)
	}
	events, stop := s.Events()
	defer stop()
	clk.Advance(2 * time.Hour)
	_, err := s.HTTPClient().Get(h.api.URL + "/v1/organizations")
	if !errors.Is(err, ErrLoginRequired) || !strings.Contains(err.Error(), "log in again") {
		t.Fatalf("request = %v, want ErrLoginRequired", err)
	}
	if st := s.Status(); st.LoggedIn || !st.NeedsLogin {
		t.Errorf("status after invalid_grant: %+v", st)
	}
	if e := <-events; e.Kind != EventLoginRequired {
		t.Errorf("event %+v", e)
	}
	if n := h.cs.Stats().TokenRequests["refresh_token"]; n != 1 {
		t.Errorf("refresh requests = %d, want exactly 1 (no retry)", n)
	}
	h.assertNoSecrets("error", err.Error())
}

func TestRefreshAmbiguousFailureNotRetried(t *testing.T) {
	h := newHarness(t)
	clk := newClock()
	s := h.session(WithClock(clk.Now), WithHTTPClient(&http.Client{Timeout: 300 * time.Millisecond}))
	h.login(s)
	before, _ := s.store.Load()
	// The server rotates, then the answer is lost.
	h.setFault(func(w http.ResponseWriter, r *http.Request) bool {
		h.cs.ServeToken(httptestDiscard{}, r)
		time.Sleep(time.Second)
		return true
	})
	clk.Advance(2 * time.Hour)
	_, err := s.validToken("")
	if err == nil || !strings.Contains(err.Error(), "not repeated") {
		t.Fatalf("validToken = %v", err)
	}
	if n := h.cs.Stats().TokenRequests["refresh_token"]; n != 1 {
		t.Errorf("refresh requests = %d, want 1", n)
	}
	after, _ := s.store.Load()
	if after == nil || after.RefreshToken != before.RefreshToken {
		t.Error("the store lost the refresh token after an ambiguous failure")
	}
	h.assertNoSecrets("error", err.Error())
}

// httptestDiscard is a ResponseWriter that drops everything.
type httptestDiscard struct{}

func (httptestDiscard) Header() http.Header         { return http.Header{} }
func (httptestDiscard) Write(b []byte) (int, error) { return len(b), nil }
func (httptestDiscard) WriteHeader(int)             {}

func Test401RecoveryOneRefreshOneRetry(t *testing.T) {
	h := newHarness(t)
	s := h.session()
	h.login(s)
	// The API no longer accepts the token although it looks fresh to us.
	tok, _ := s.store.Load()
	tok.AccessToken = "Zm9yZ2Vk.eyJ4IjoxfQ.c2ln"
	if err := s.store.Save(tok); err != nil {
		t.Fatal(err)
	}
	s.reload()
	resp, err := s.HTTPClient().Get(h.api.URL + "/v1/organizations")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 || h.calls() != 2 || h.cs.Stats().Refreshes != 1 {
		t.Fatalf("status %d, api calls %d, refreshes %d; want 200, 2, 1", resp.StatusCode, h.calls(), h.cs.Stats().Refreshes)
	}

	// A PUT with a body is retried with the same body.
	tok, _ = s.store.Load()
	tok.AccessToken = "Zm9yZ2Vk.eyJ4IjoyfQ.c2ln"
	s.store.Save(tok)
	s.reload()
	req, _ := http.NewRequest("PUT", h.api.URL+"/v1/1/contacts/x", strings.NewReader(`{"Name":"A"}`))
	resp, err = s.HTTPClient().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(b), `{\"Name\":\"A\"}`) {
		t.Fatalf("PUT retry: %d %s", resp.StatusCode, b)
	}

	// Repeated 401s: one refresh, one retry, then the 401 is returned.
	h.apiMu.Lock()
	h.apiFail, h.apiCalls = true, 0
	h.apiMu.Unlock()
	refreshes := h.cs.Stats().Refreshes
	resp, err = s.HTTPClient().Get(h.api.URL + "/v1/organizations")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 401 || h.calls() != 2 || h.cs.Stats().Refreshes != refreshes+1 {
		t.Fatalf("repeated 401: status %d, calls %d, refreshes +%d", resp.StatusCode, h.calls(), h.cs.Stats().Refreshes-refreshes)
	}

	// POST is not retried.
	h.apiMu.Lock()
	h.apiCalls = 0
	h.apiMu.Unlock()
	resp, err = s.HTTPClient().Post(h.api.URL+"/v1/1/contacts", "application/json", strings.NewReader("{}"))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 401 || h.calls() != 1 {
		t.Fatalf("POST: status %d, calls %d; want 401 once", resp.StatusCode, h.calls())
	}
}

func TestConcurrentGoroutinesOneRefresh(t *testing.T) {
	h := newHarness(t)
	clk := newClock()
	s := h.session(WithClock(clk.Now))
	h.login(s)
	clk.Advance(2 * time.Hour)
	// 25 goroutines share the session; 25 more each open their own.
	var wg sync.WaitGroup
	got := make([]string, 50)
	errs := make([]error, 50)
	for i := range 50 {
		sess := s
		if i%2 == 1 {
			sess = h.session(WithClock(clk.Now))
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			resp, err := sess.HTTPClient().Get(h.api.URL + "/v1/organizations")
			if err == nil {
				resp.Body.Close()
				if resp.StatusCode != 200 {
					err = fmt.Errorf("HTTP %d", resp.StatusCode)
				}
			}
			errs[i] = err
			if t, err := sess.validToken(""); err == nil {
				got[i] = t.AccessToken
			}
		}()
	}
	wg.Wait()
	for i := range 50 {
		if errs[i] != nil || got[i] != got[0] {
			t.Fatalf("goroutine %d: %v (same token: %t)", i, errs[i], got[i] == got[0])
		}
	}
	st := h.cs.Stats()
	if st.TokenRequests["refresh_token"] != 1 || st.ReuseDetections != 0 || st.GraceReuses != 0 {
		t.Errorf("stats %+v, want exactly one refresh and no reuse", st)
	}
}

func TestThousandRefreshCycles(t *testing.T) {
	if testing.Short() {
		t.Skip("long")
	}
	h := newHarness(t)
	clk := newClock()
	s := h.session(WithClock(clk.Now))
	h.login(s)
	start := time.Now()
	const cycles = 1000
	for i := range cycles {
		clk.Advance(time.Hour)
		if _, err := s.validToken(""); err != nil {
			t.Fatalf("cycle %d: %v", i, err)
		}
	}
	st := h.cs.Stats()
	if st.Refreshes != cycles || st.ReuseDetections != 0 || st.TokenRequests["refresh_token"] != cycles {
		t.Errorf("stats %+v", st)
	}
	t.Logf("%d refresh cycles in %v", cycles, time.Since(start))
}

func TestLogoutRevokesAndIsIdempotent(t *testing.T) {
	h := newHarness(t)
	s := h.session()
	h.login(s)
	tok, _ := s.store.Load()
	if err := s.Logout(context.Background()); err != nil {
		t.Fatal(err)
	}
	if st := h.cs.Stats(); st.Revocations != 1 {
		t.Errorf("revocations %d", st.Revocations)
	}
	if _, err := os.Stat((&FileStore{dir: s.p.ProfileStateDir()}).Path()); !os.IsNotExist(err) {
		t.Error("token file still exists")
	}
	if s.Status().LoggedIn {
		t.Error("still logged in")
	}
	// The revoked refresh token is dead at the server.
	cfg := oauth2.Config{ClientID: h.client.ID, ClientSecret: canarySecret, Endpoint: oauth2.Endpoint{TokenURL: tok.TokenURL, AuthStyle: oauth2.AuthStyleInParams}}
	if _, err := cfg.TokenSource(context.Background(), &oauth2.Token{RefreshToken: tok.RefreshToken}).Token(); err == nil {
		t.Error("refresh token still works after logout")
	}
	if err := s.Logout(context.Background()); err != nil {
		t.Fatalf("second logout: %v", err)
	}
}

func TestLogoutWhenRevocationFails(t *testing.T) {
	h := newHarness(t)
	s := h.session()
	h.login(s)
	h.srv.Close()
	err := s.Logout(context.Background())
	if !errors.Is(err, ErrRevokeFailed) {
		t.Fatalf("Logout = %v", err)
	}
	h.assertNoSecrets("logout error", err.Error())
	if s.Status().LoggedIn {
		t.Error("tokens kept after logout")
	}
}
