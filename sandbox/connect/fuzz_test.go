package connect

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
)

// FuzzTokenForm throws arbitrary content types, bodies and Authorization
// headers at the token endpoint. The server holds exactly one live grant: a
// re-use mode refresh token. Nothing may panic, every answer must be a JSON
// OAuth answer, and a 200 is only allowed for a well-formed refresh request
// with that token and the right client credentials.
func FuzzTokenForm(f *testing.F) {
	e := newEnv(f, withClient(func(c *Client) { c.RefreshMode = RefreshReuse }))
	rt := e.login().str("refresh_token")
	basic := "Basic " + base64.StdEncoding.EncodeToString([]byte(testClientID+":"+url.QueryEscape(testSecret)))
	good := "grant_type=refresh_token&refresh_token=RT&client_id=" + testClientID + "&client_secret=" + url.QueryEscape(testSecret)
	f.Add(formType, []byte(good), "")
	f.Add(formType, []byte("grant_type=refresh_token&refresh_token=RT"), basic)
	f.Add(formType, []byte("grant_type=refresh_token&refresh_token=RT&refresh_token=RT&client_id="+testClientID), basic)
	f.Add("application/json", []byte(`{"grant_type":"refresh_token","refresh_token":"RT"}`), basic)
	f.Add(formType+"; charset=utf-8", []byte("grant_type=authorization_code&code=00&redirect_uri=x"), basic)
	f.Add(formType, []byte("grant_type=%zz&;;=&"), "Basic Og==")
	f.Add("", []byte{0, 0xff, '='}, "Bearer x")
	f.Add(formType, []byte("grant_type=client_credentials"), basic)
	f.Fuzz(func(t *testing.T, contentType string, body []byte, auth string) {
		body = bytes.ReplaceAll(body, []byte("RT"), []byte(rt))
		req := httptest.NewRequest(http.MethodPost, "/connect/token", bytes.NewReader(body))
		req.Header.Set("Content-Type", contentType)
		if auth != "" {
			req.Header.Set("Authorization", auth)
		}
		w := httptest.NewRecorder()
		e.srv.Handler().ServeHTTP(w, req)
		var out map[string]any
		if err := json.Unmarshal(w.Body.Bytes(), &out); err != nil {
			t.Fatalf("answer %d is not JSON", w.Code)
		}
		if strings.Contains(w.Body.String(), testSecret) || (w.Code != 200 && strings.Contains(w.Body.String(), rt)) {
			t.Fatal("answer echoes a secret")
		}
		if w.Code != 200 {
			if w.Code != 400 && w.Code != 401 || out["error"] == nil {
				t.Fatalf("status %d body %v", w.Code, out)
			}
			return
		}
		if !validRefreshRequest(req, contentType, body, rt) {
			t.Fatalf("200 for a request without valid credentials and grant")
		}
	})
}

// validRefreshRequest is an independent statement of when a refresh request
// deserves tokens.
func validRefreshRequest(req *http.Request, contentType string, body []byte, rt string) bool {
	if !strings.HasPrefix(contentType, formType) {
		return false
	}
	v, err := url.ParseQuery(string(body))
	if err != nil || v.Get("grant_type") != "refresh_token" || v.Get("refresh_token") != rt {
		return false
	}
	for _, vals := range v {
		if len(vals) != 1 {
			return false
		}
	}
	id, secret := v.Get("client_id"), v.Get("client_secret")
	if u, p, ok := req.BasicAuth(); ok {
		uu, _ := url.QueryUnescape(u)
		pp, _ := url.QueryUnescape(p)
		if (id != "" && id != uu) || (secret != "" && secret != pp) {
			return false
		}
		id, secret = uu, pp
	}
	return id == testClientID && secret == testSecret
}

// FuzzAuthorizeQuery sends arbitrary query strings to the authorize
// endpoint. Nothing may panic, and the server must never send the browser
// (by redirect or by form_post) anywhere but a registered redirect URI.
func FuzzAuthorizeQuery(f *testing.F) {
	e := newEnv(f, func(c *Config) {
		c.Clients[0].PKCERequired = true
		c.Clients = append(c.Clients, Client{ID: "isv_auto", Secret: "x", RedirectURIs: []string{"https://app.example.com/cb"}})
	})
	auto := newEnv(f, func(c *Config) { c.AutoApprove = true })
	v := e.authParams()
	v.Set("redirect_uri", "http://127.0.0.1:8080/callback")
	f.Add(v.Encode())
	v.Set("code_challenge", s256(testVerifier))
	v.Set("code_challenge_method", "S256")
	f.Add(v.Encode())
	v.Set("response_mode", "query")
	f.Add(v.Encode())
	f.Add("client_id=isv_test&redirect_uri=http://127.0.0.1:1/callback&response_type=token&response_mode=query&state=%00")
	f.Add("client_id=isv_auto&redirect_uri=https://app.example.com/cb&scope=openid&response_type=code")
	f.Add("client_id=isv_test&redirect_uri=http://evil.example/callback")
	f.Add("%zz&;&client_id=isv_test")
	registered := []string{"http://127.0.0.1/callback", "https://app.example.com/Callback", "https://app.example.com/cb"}
	f.Fuzz(func(t *testing.T, rawQuery string) {
		for _, srv := range []*env{e, auto} {
			srv.clock.Advance(pendingTTL + 1) // let expired codes and consent requests be pruned
			req := httptest.NewRequest(http.MethodGet, "/connect/authorize", nil)
			req.URL.RawQuery = rawQuery
			w := httptest.NewRecorder()
			srv.srv.Handler().ServeHTTP(w, req)
			var target string
			switch w.Code {
			case http.StatusFound:
				target = w.Header().Get("Location")
			case http.StatusOK:
				p := &loaded{body: w.Body.String()}
				if fm := p.form(); fm != nil && !fm.hasDecision {
					target = fm.action
				}
			case http.StatusBadRequest:
				if !strings.Contains(w.Body.String(), "Error ID") {
					t.Fatal("400 without an Error ID page")
				}
			default:
				t.Fatalf("status %d", w.Code)
			}
			if target == "" {
				continue
			}
			if i := strings.IndexByte(target, '?'); i >= 0 && w.Code == http.StatusFound {
				target = target[:i]
			}
			ok := false
			for _, reg := range registered {
				c := &Client{RedirectURIs: []string{reg}}
				ok = ok || redirectAllowed(c, target)
			}
			if !ok {
				t.Fatalf("browser sent to unregistered %q", target)
			}
		}
	})
}
