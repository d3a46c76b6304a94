package connect

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"testing"
	"time"
)

func withClient(mutate func(c *Client)) func(*Config) {
	return func(cfg *Config) { mutate(&cfg.Clients[0]) }
}

func (e *env) wantValid(at string, want bool) {
	e.t.Helper()
	_, err := e.srv.Validate(at)
	if (err == nil) != want {
		e.t.Errorf("Validate: %v, want valid=%v", err, want)
	}
}

func TestOneTimeRotation(t *testing.T) {
	e := newEnv(t, nil)
	r0 := e.login()
	r1 := e.refresh(r0.str("refresh_token"))
	if r1.status != 200 || r1.str("refresh_token") == r0.str("refresh_token") || r1.str("refresh_token") == "" {
		t.Fatalf("rotate: %d, new token differs: %v", r1.status, r1.str("refresh_token") != r0.str("refresh_token"))
	}
	if r1.header.Get("Cache-Control") != "no-store" || r1.str("scope") != r0.str("scope") {
		t.Errorf("refresh answer %v %s", r1.header, r1.str("scope"))
	}
	r2 := e.refresh(r1.str("refresh_token"))
	if r2.status != 200 {
		t.Fatalf("second rotate %d", r2.status)
	}
	e.wantValid(r0.str("access_token"), true) // rotation alone does not revoke access tokens
	if st := e.srv.Stats(); st.Refreshes != 2 || st.TokenRequests["refresh_token"] != 2 {
		t.Errorf("stats %+v", st)
	}
}

func TestOneTimeReuseWithoutGraceRevokesFamily(t *testing.T) {
	e := newEnv(t, nil)
	r0 := e.login()
	r1 := e.refresh(r0.str("refresh_token"))
	wantOAuthError(t, e.refresh(r0.str("refresh_token")), 400, "invalid_grant")
	wantOAuthError(t, e.refresh(r1.str("refresh_token")), 400, "invalid_grant") // the newest dies too
	e.wantValid(r0.str("access_token"), false)
	e.wantValid(r1.str("access_token"), false)
	if st := e.srv.Stats(); st.ReuseDetections != 1 || st.Refreshes != 1 {
		t.Errorf("stats %+v", st)
	}
}

func TestOneTimeGracePeriod(t *testing.T) {
	e := newEnv(t, withClient(func(c *Client) { c.RefreshGrace = 10 * time.Second }))
	other := e.login() // a second, independent grant must survive
	r0 := e.login()
	r1 := e.refresh(r0.str("refresh_token"))
	e.clock.Advance(10 * time.Second)
	again := e.refresh(r0.str("refresh_token"))
	if again.status != 200 || again.str("refresh_token") == r1.str("refresh_token") {
		t.Fatalf("grace reuse: %d %s", again.status, again.raw)
	}
	e.wantValid(again.str("access_token"), true)
	// Both children stay usable: whichever one the client kept works.
	r2 := e.refresh(r1.str("refresh_token"))
	if r2.status != 200 {
		t.Fatalf("first child after grace reuse: %d", r2.status)
	}
	e.clock.Advance(time.Second) // 11 s after first use: outside the grace
	wantOAuthError(t, e.refresh(r0.str("refresh_token")), 400, "invalid_grant")
	for _, rt := range []string{r2.str("refresh_token"), again.str("refresh_token")} {
		wantOAuthError(t, e.refresh(rt), 400, "invalid_grant")
	}
	for _, at := range []string{r0.str("access_token"), r1.str("access_token"), again.str("access_token"), r2.str("access_token")} {
		e.wantValid(at, false)
	}
	e.wantValid(other.str("access_token"), true)
	if r := e.refresh(other.str("refresh_token")); r.status != 200 {
		t.Errorf("independent grant was revoked: %d", r.status)
	}
	if st := e.srv.Stats(); st.GraceReuses != 1 || st.ReuseDetections != 1 {
		t.Errorf("stats %+v", st)
	}
}

func TestReuseMode(t *testing.T) {
	e := newEnv(t, withClient(func(c *Client) {
		c.RefreshMode = RefreshReuse
		c.RefreshLifetime = 48 * time.Hour
		c.RefreshSliding = 30 * time.Hour
	}))
	r0 := e.login()
	rt := r0.str("refresh_token")
	for i := 0; i < 3; i++ {
		e.clock.Advance(12 * time.Hour)
		r := e.refresh(rt)
		if r.status != 200 || r.str("refresh_token") != rt || r.str("access_token") == r0.str("access_token") {
			t.Fatalf("refresh %d: %d, same token %v", i, r.status, r.str("refresh_token") == rt)
		}
	}
	e.clock.Advance(12 * time.Hour) // 48 h after the grant: absolute lifetime reached
	wantOAuthError(t, e.refresh(rt), 400, "invalid_grant")
	if st := e.srv.Stats(); st.ReuseDetections != 0 || st.Refreshes != 3 {
		t.Errorf("stats %+v", st)
	}
}

func TestSlidingExpiry(t *testing.T) {
	for _, mode := range []string{RefreshOneTime, RefreshReuse} {
		e := newEnv(t, withClient(func(c *Client) { c.RefreshMode = mode; c.RefreshSliding = time.Hour }))
		r0 := e.login()
		e.clock.Advance(59 * time.Minute)
		r1 := e.refresh(r0.str("refresh_token"))
		if r1.status != 200 {
			t.Fatalf("%s: within sliding window: %d", mode, r1.status)
		}
		e.clock.Advance(time.Hour)
		wantOAuthError(t, e.refresh(r1.str("refresh_token")), 400, "invalid_grant")
	}
}

func TestDefaultRefreshLifetime(t *testing.T) {
	e := newEnv(t, nil)
	rt := e.login().str("refresh_token")
	for i := 0; i < 13; i++ { // 13 x 28 days = 364 days, each inside the 30-day sliding window
		e.clock.Advance(28 * 24 * time.Hour)
		r := e.refresh(rt)
		if r.status != 200 {
			t.Fatalf("refresh after %d days: %d", (i+1)*28, r.status)
		}
		rt = r.str("refresh_token")
	}
	e.clock.Advance(2 * 24 * time.Hour) // 366 days
	wantOAuthError(t, e.refresh(rt), 400, "invalid_grant")
}

func TestRefreshBelongsToClient(t *testing.T) {
	other := Client{ID: "isv_other", Secret: "other-secret", RedirectURIs: []string{"http://127.0.0.1/cb"}, OfflineAccess: true}
	e := newEnv(t, func(c *Config) { c.Clients = append(c.Clients, other) })
	r0 := e.login()
	r := e.token(url.Values{"grant_type": {"refresh_token"}, "refresh_token": {r0.str("refresh_token")}}, []string{other.ID, other.Secret})
	wantOAuthError(t, r, 400, "invalid_grant")
	if r := e.refresh(r0.str("refresh_token")); r.status != 200 {
		t.Errorf("a foreign client's attempt spent the token: %d", r.status)
	}
}

func TestRefreshScopeNarrowing(t *testing.T) {
	e := newEnv(t, withClient(func(c *Client) { c.RefreshMode = RefreshReuse }))
	rt := e.login().str("refresh_token")
	f := url.Values{"grant_type": {"refresh_token"}, "refresh_token": {rt}, "scope": {"dineropublicapi:read"},
		"client_id": {testClientID}, "client_secret": {testSecret}}
	r := e.token(f, nil)
	if r.status != 200 || r.str("scope") != "dineropublicapi:read" {
		t.Fatalf("%d %s", r.status, r.raw)
	}
	f.Set("scope", "dineropublicapi:read openid")
	wantOAuthError(t, e.token(f, nil), 400, "invalid_scope")
}

func TestAccessTokenTimeRules(t *testing.T) {
	e := newEnv(t, withClient(func(c *Client) { c.AccessTokenTTL = 10 * time.Minute }))
	r := e.login()
	if r.body["expires_in"] != 600.0 {
		t.Errorf("expires_in %v", r.body["expires_in"])
	}
	at := r.str("access_token")
	e.clock.Advance(10*time.Minute - time.Second)
	e.wantValid(at, true)
	e.clock.Advance(time.Second)
	e.wantValid(at, false)
	e.clock.Advance(-time.Hour) // before nbf
	e.wantValid(at, false)
}

func TestValidateRejectsForeignTokens(t *testing.T) {
	e := newEnv(t, nil)
	at := e.login().str("access_token")
	other := newEnv(t, nil)
	other.wantValid(at, false) // another server: other issuer, not in its registry
	e.srv.SetIssuer("https://connect.visma.com")
	e.wantValid(at, false)
	e.srv.SetIssuer(e.http.URL)
	e.wantValid(at, true)
	for _, bad := range []string{"", "a.b", "a.b.c", at + "x", at[:len(at)-4] + "AAAA"} {
		e.wantValid(bad, false)
	}
	aud := newEnv(t, func(c *Config) { c.Audience = "https://other.example" })
	_, err := e.srv.Validate(aud.login().str("access_token"))
	if err == nil {
		t.Error("token of another audience accepted")
	}
}

func TestRevocation(t *testing.T) {
	other := Client{ID: "isv_other", Secret: "other-secret", RedirectURIs: []string{"http://127.0.0.1/cb"}}
	e := newEnv(t, func(c *Config) { c.Clients = append(c.Clients, other) })
	revoke := func(form url.Values, creds []string) tokenResp {
		return e.post("/connect/revocation", formType, form.Encode(), creds)
	}
	mine := []string{testClientID, testSecret}

	r0 := e.login()
	if r := revoke(url.Values{"token": {r0.str("access_token")}, "token_type_hint": {"access_token"}}, mine); r.status != 200 {
		t.Fatalf("revoke access token: %d", r.status)
	}
	e.wantValid(r0.str("access_token"), false)
	r1 := e.refresh(r0.str("refresh_token"))
	if r1.status != 200 {
		t.Fatalf("refresh token died with its access token: %d", r1.status)
	}
	wantOAuthError(t, revoke(url.Values{"token": {r1.str("refresh_token")}}, []string{other.ID, other.Secret}), 401, "unauthorized_client")
	body := url.Values{"token": {r1.str("refresh_token")}, "client_id": {testClientID}, "client_secret": {testSecret}}
	if r := revoke(body, nil); r.status != 200 {
		t.Fatalf("revoke refresh token (body auth): %d", r.status)
	}
	wantOAuthError(t, e.refresh(r1.str("refresh_token")), 400, "invalid_grant")
	e.wantValid(r1.str("access_token"), false)

	if r := revoke(url.Values{"token": {"unknown"}}, mine); r.status != 200 {
		t.Errorf("unknown token: %d", r.status)
	}
	wantOAuthError(t, revoke(url.Values{"token": {"x"}}, []string{testClientID, "wrong"}), 401, "invalid_client")
	wantOAuthError(t, revoke(url.Values{"token": {"x"}, "client_id": {"isv_nobody"}}, nil), 400, "invalid_client")
	wantOAuthError(t, revoke(url.Values{}, mine), 400, "invalid_request")
	wantOAuthError(t, revoke(url.Values{"token": {"x"}, "token_type_hint": {"id_token"}}, mine), 400, "unsupported_token_type")
	wantOAuthError(t, e.post("/connect/revocation", "application/json", `{"token":"x"}`, mine), 400, "invalid_request")
	if st := e.srv.Stats(); st.Revocations != 2 {
		t.Errorf("Revocations = %d", st.Revocations)
	}
}

func TestFaultHook(t *testing.T) {
	e := newEnv(t, nil)
	r0 := e.login()
	// The rotation commits, then the answer is lost behind a proxy error.
	e.srv.SetFault(func(w http.ResponseWriter, r *http.Request) bool {
		e.srv.ServeToken(httptest.NewRecorder(), r)
		w.Header().Set("Content-Type", "text/html")
		w.WriteHeader(http.StatusBadGateway)
		_, _ = w.Write([]byte("<html>Bad Gateway</html>"))
		return true
	})
	if r := e.refresh(r0.str("refresh_token")); r.status != 502 {
		t.Fatalf("fault not applied: %d", r.status)
	}
	e.srv.SetFault(nil)
	wantOAuthError(t, e.refresh(r0.str("refresh_token")), 400, "invalid_grant")
	if st := e.srv.Stats(); st.Faults != 1 || st.Refreshes != 1 || st.ReuseDetections != 1 || st.TokenRequests["refresh_token"] != 2 {
		t.Errorf("stats %+v", st)
	}
}
