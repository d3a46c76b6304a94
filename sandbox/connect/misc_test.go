package connect

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestNewValidatesConfig(t *testing.T) {
	user := User{Sub: "u"}
	ok := Client{ID: "isv_a", RedirectURIs: []string{"http://127.0.0.1/cb"}}
	cases := map[string]Config{
		"no user":          {Clients: []Client{ok}},
		"empty client id":  {User: user, Clients: []Client{{RedirectURIs: ok.RedirectURIs}}},
		"no redirect":      {User: user, Clients: []Client{{ID: "isv_a"}}},
		"relative uri":     {User: user, Clients: []Client{{ID: "isv_a", RedirectURIs: []string{"/cb"}}}},
		"fragment uri":     {User: user, Clients: []Client{{ID: "isv_a", RedirectURIs: []string{"https://a.example/cb#x"}}}},
		"bad mode":         {User: user, Clients: []Client{func() Client { c := ok; c.RefreshMode = "sometimes"; return c }()}},
		"grace too short":  {User: user, Clients: []Client{func() Client { c := ok; c.RefreshGrace = time.Second; return c }()}},
		"grace too long":   {User: user, Clients: []Client{func() Client { c := ok; c.RefreshGrace = 61 * time.Second; return c }()}},
		"negative ttl":     {User: user, Clients: []Client{func() Client { c := ok; c.AccessTokenTTL = -1; return c }()}},
		"duplicate client": {User: user, Clients: []Client{ok, ok}},
	}
	for name, cfg := range cases {
		if _, err := New(cfg); err == nil {
			t.Errorf("%s: New accepted the config", name)
		}
	}
	s, err := New(Config{User: user, Clients: []Client{ok}})
	if err != nil {
		t.Fatal(err)
	}
	c := s.clients["isv_a"]
	if s.audience != DefaultAudience || c.RefreshMode != RefreshOneTime || c.AccessTokenTTL != time.Hour ||
		c.RefreshLifetime != 365*24*time.Hour || c.RefreshSliding != 30*24*time.Hour || len(c.Scopes) != 6 {
		t.Errorf("defaults not applied: %+v", c)
	}
	s.SetIssuer("http://127.0.0.1:1234/")
	if s.Issuer() != "http://127.0.0.1:1234" {
		t.Errorf("issuer %q", s.Issuer())
	}
}

func TestUserinfoRules(t *testing.T) {
	e := newEnv(t, nil)
	noOpenID := e.login().str("access_token")
	v := e.authParams()
	v.Set("scope", "openid profile")
	withOpenID := e.exchange(e.code(v), nil).str("access_token")
	cases := []struct {
		name, auth string
		status     int
		challenge  string
	}{
		{"no header", "", 401, "Bearer"},
		{"basic", "Basic eDp5", 401, "Bearer"},
		{"garbage", "Bearer abc", 401, `Bearer error="invalid_token"`},
		{"no openid scope", "Bearer " + noOpenID, 403, `Bearer error="insufficient_scope", scope="openid"`},
		{"ok", "Bearer " + withOpenID, 200, ""},
	}
	for _, tc := range cases {
		req, _ := http.NewRequest("GET", e.http.URL+"/connect/userinfo", nil)
		if tc.auth != "" {
			req.Header.Set("Authorization", tc.auth)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != tc.status || resp.Header.Get("WWW-Authenticate") != tc.challenge {
			t.Errorf("%s: %d %q", tc.name, resp.StatusCode, resp.Header.Get("WWW-Authenticate"))
		}
	}
}

func TestEndSession(t *testing.T) {
	e := newEnv(t, nil)
	v := e.authParams()
	v.Set("scope", "openid")
	idt := e.exchange(e.code(v), nil).str("id_token")
	q := url.Values{"id_token_hint": {idt}, "post_logout_redirect_uri": {e.cbURL}, "state": {"bye"}}
	resp, _ := get(t, e.http.URL+"/connect/endsession?"+q.Encode())
	if resp.StatusCode != 302 || resp.Header.Get("Location") != e.cbURL+"?state=bye" {
		t.Errorf("redirect: %d %q", resp.StatusCode, resp.Header.Get("Location"))
	}
	for name, q := range map[string]url.Values{
		"unregistered target": {"id_token_hint": {idt}, "post_logout_redirect_uri": {"https://evil.example/"}},
		"target without hint": {"post_logout_redirect_uri": {e.cbURL}},
		"forged hint":         {"id_token_hint": {idt + "x"}},
	} {
		if resp, body := get(t, e.http.URL+"/connect/endsession?"+q.Encode()); resp.StatusCode != 400 || resp.Header.Get("Location") != "" || !strings.Contains(body, "Error ID") {
			t.Errorf("%s: %d", name, resp.StatusCode)
		}
	}
	if resp, body := get(t, e.http.URL+"/connect/endsession"); resp.StatusCode != 200 || !strings.Contains(body, "signed out") {
		t.Errorf("plain sign-out: %d", resp.StatusCode)
	}
}

func TestCheckSessionPage(t *testing.T) {
	e := newEnv(t, nil)
	resp, body := get(t, e.http.URL+"/connect/checksession")
	if resp.StatusCode != 200 || !strings.Contains(body, "postMessage") ||
		!strings.Contains(resp.Header.Get("Content-Security-Policy"), checkSessionHash) {
		t.Errorf("checksession: %d %q", resp.StatusCode, resp.Header.Get("Content-Security-Policy"))
	}
}

func TestAuthorizeByPost(t *testing.T) {
	e := newEnv(t, func(c *Config) { c.AutoApprove = true })
	r := e.post("/connect/authorize", formType, e.authParams().Encode(), nil)
	if r.status != 200 || !strings.Contains(r.raw, `name="code"`) {
		t.Errorf("POST authorize: %d", r.status)
	}
	if r := e.post("/connect/authorize", "application/json", "{}", nil); r.status != 400 {
		t.Errorf("JSON authorize: %d", r.status)
	}
}

// TestConcurrentRefreshWithinGrace races one one-time refresh token from many
// goroutines: the server serialises them, and within the grace period every
// one succeeds with a distinct new token.
func TestConcurrentRefreshWithinGrace(t *testing.T) {
	e := newEnv(t, withClient(func(c *Client) { c.RefreshGrace = 5 * time.Second }))
	rt := e.login().str("refresh_token")
	const n = 8
	var wg sync.WaitGroup
	got := make(chan string, n)
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if r := e.refresh(rt); r.status == 200 {
				got <- r.str("refresh_token")
			}
		}()
	}
	wg.Wait()
	close(got)
	seen := map[string]bool{}
	for tok := range got {
		seen[tok] = true
	}
	if st := e.srv.Stats(); len(seen) != n || st.Refreshes != n || st.GraceReuses != n-1 || st.ReuseDetections != 0 {
		t.Errorf("distinct tokens %d, stats %+v", len(seen), st)
	}
}

func TestConcurrentRefreshWithoutGrace(t *testing.T) {
	e := newEnv(t, nil)
	rt := e.login().str("refresh_token")
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() { defer wg.Done(); e.refresh(rt) }()
	}
	wg.Wait()
	if st := e.srv.Stats(); st.Refreshes != 1 || st.ReuseDetections != 1 {
		t.Errorf("stats %+v", st)
	}
}

func TestApproveRespectsContext(t *testing.T) {
	e := newEnv(t, nil)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := Approve(ctx, nil, e.authorizeURL(e.authParams()), "accept"); err == nil {
		t.Error("cancelled context ignored")
	}
}
