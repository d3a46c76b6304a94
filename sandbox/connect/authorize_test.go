package connect

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
)

func TestDiscoveryAndJWKS(t *testing.T) {
	e := newEnv(t, nil)
	resp, body := get(t, e.http.URL+"/.well-known/openid-configuration")
	if resp.StatusCode != 200 {
		t.Fatalf("status %d", resp.StatusCode)
	}
	var d map[string]any
	if err := json.Unmarshal([]byte(body), &d); err != nil {
		t.Fatal(err)
	}
	wantURL := map[string]string{
		"issuer": "", "authorization_endpoint": "/connect/authorize", "token_endpoint": "/connect/token",
		"userinfo_endpoint": "/connect/userinfo", "end_session_endpoint": "/connect/endsession",
		"revocation_endpoint": "/connect/revocation", "check_session_iframe": "/connect/checksession",
		"jwks_uri": "/.well-known/jwks.json",
	}
	for k, path := range wantURL {
		if d[k] != e.http.URL+path {
			t.Errorf("%s = %v, want %s", k, d[k], e.http.URL+path)
		}
	}
	wantList := map[string]string{
		"response_modes_supported":              "form_post query",
		"code_challenge_methods_supported":      "plain S256",
		"grant_types_supported":                 "authorization_code refresh_token client_credentials",
		"token_endpoint_auth_methods_supported": "client_secret_post client_secret_basic",
	}
	for k, want := range wantList {
		var got []string
		for _, x := range d[k].([]any) {
			got = append(got, x.(string))
		}
		if strings.Join(got, " ") != want {
			t.Errorf("%s = %v, want %s", k, got, want)
		}
	}
	resp, body = get(t, e.http.URL+"/.well-known/jwks.json")
	var jwks struct{ Keys []map[string]string }
	if resp.StatusCode != 200 || json.Unmarshal([]byte(body), &jwks) != nil || len(jwks.Keys) != 1 {
		t.Fatalf("jwks: %d %s", resp.StatusCode, body)
	}
	if k := jwks.Keys[0]; k["kty"] != "RSA" || k["alg"] != "RS256" || k["kid"] != e.srv.kid || k["e"] != "AQAB" || len(k["n"]) < 340 {
		t.Errorf("jwk = %v", k)
	}
}

func TestAuthorizeUntrustedTargetShowsErrorPage(t *testing.T) {
	e := newEnv(t, nil)
	cases := map[string]func(v url.Values){
		"unknown client":          func(v url.Values) { v.Set("client_id", "isv_other") },
		"missing client":          func(v url.Values) { v.Del("client_id") },
		"duplicate client_id":     func(v url.Values) { v.Add("client_id", testClientID) },
		"missing redirect":        func(v url.Values) { v.Del("redirect_uri") },
		"unregistered path":       func(v url.Values) { v.Set("redirect_uri", strings.Replace(e.cbURL, "/callback", "/other", 1)) },
		"non-loopback case":       func(v url.Values) { v.Set("redirect_uri", "https://app.example.com/callback") },
		"non-loopback port":       func(v url.Values) { v.Set("redirect_uri", "https://app.example.com:443/Callback") },
		"non-loopback http":       func(v url.Values) { v.Set("redirect_uri", "http://app.example.com/Callback") },
		"loopback other host":     func(v url.Values) { v.Set("redirect_uri", strings.Replace(e.cbURL, "127.0.0.1", "localhost", 1)) },
		"loopback https":          func(v url.Values) { v.Set("redirect_uri", strings.Replace(e.cbURL, "http:", "https:", 1)) },
		"fragment":                func(v url.Values) { v.Set("redirect_uri", e.cbURL+"#x") },
		"duplicate redirect":      func(v url.Values) { v.Add("redirect_uri", e.cbURL) },
		"bad response_type too":   func(v url.Values) { v.Set("client_id", "nope"); v.Set("response_type", "token") },
		"open redirect attempt":   func(v url.Values) { v.Set("redirect_uri", "https://evil.example/Callback") },
		"userinfo loopback trick": func(v url.Values) { v.Set("redirect_uri", "http://evil@127.0.0.1/callback") },
	}
	for name, mutate := range cases {
		t.Run(name, func(t *testing.T) {
			v := e.authParams()
			mutate(v)
			resp, body := get(t, e.authorizeURL(v))
			if resp.StatusCode != 400 || resp.Header.Get("Location") != "" {
				t.Fatalf("status %d, Location %q", resp.StatusCode, resp.Header.Get("Location"))
			}
			if !regexp.MustCompile(`Error ID: <code class="error-id">[0-9a-f-]{36}</code>`).MatchString(body) {
				t.Errorf("no Error ID in page:\n%s", body)
			}
			if strings.Contains(body, "<form") || strings.Contains(body, "st-123") {
				t.Error("error page must not carry a form or echo the state")
			}
		})
	}
}

func TestRedirectMatching(t *testing.T) {
	c := &Client{RedirectURIs: []string{"http://127.0.0.1/cb", "http://[::1]:5000/cb", "http://localhost/cb", "https://app.example.com:8443/Cb", "com.example.app:/oauth"}}
	cases := []struct {
		uri  string
		want bool
	}{
		{"http://127.0.0.1/cb", true},
		{"http://127.0.0.1:49152/cb", true},
		{"http://127.0.0.1:65535/cb", true},
		{"http://127.0.0.1:65536/cb", false},
		{"http://127.0.0.1:0/cb", false},
		{"http://127.0.0.1:080/cb", false},
		{"http://127.0.0.1:8080/cb/", false},
		{"http://127.0.0.1:8080/CB", false},
		{"http://127.0.0.1:8080/cb?x=1", false},
		{"http://[::1]/cb", true},
		{"http://[::1]:1234/cb", true},
		{"http://localhost:9999/cb", true},
		{"http://127.0.0.2:8080/cb", false},
		{"http://user@127.0.0.1:8080/cb", false},
		{"https://127.0.0.1:8080/cb", false},
		{"https://app.example.com:8443/Cb", true},
		{"https://app.example.com/Cb", false},
		{"https://app.example.com:8444/Cb", false},
		{"https://APP.example.com:8443/Cb", false},
		{"com.example.app:/oauth", true}, // RFC 8252 private-use scheme
		{"com.example.app:/oauth/", false},
		{"mailto:a@b", false},
		{"", false},
	}
	for _, tc := range cases {
		if got := redirectAllowed(c, tc.uri); got != tc.want {
			t.Errorf("redirectAllowed(%q) = %v, want %v", tc.uri, got, tc.want)
		}
	}
}

func TestAuthorizeErrorsGoToClient(t *testing.T) {
	cases := []struct {
		name   string
		client func(*Client)
		mutate func(v url.Values)
		code   string
	}{
		{"missing response_type", nil, func(v url.Values) { v.Del("response_type") }, "invalid_request"},
		{"implicit", nil, func(v url.Values) { v.Set("response_type", "token") }, "unauthorized_client"},
		{"hybrid not enabled", nil, func(v url.Values) { v.Set("response_type", "code id_token") }, "unauthorized_client"},
		{"unknown response_type", nil, func(v url.Values) { v.Set("response_type", "magic") }, "unsupported_response_type"},
		{"empty scope", nil, func(v url.Values) { v.Del("scope") }, "invalid_scope"},
		{"unknown scope", nil, func(v url.Values) { v.Set("scope", "dineropublicapi:read admin") }, "invalid_scope"},
		{"scope not allowed", func(c *Client) { c.Scopes = []string{"dineropublicapi:read", "offline_access"} },
			func(v url.Values) { v.Set("scope", "dineropublicapi:write") }, "invalid_scope"},
		{"offline without setting", func(c *Client) { c.OfflineAccess = false }, nil, "invalid_scope"},
		{"email without openid", nil, func(v url.Values) { v.Set("scope", "dineropublicapi:read email") }, "invalid_scope"},
		{"pkce required, no challenge", func(c *Client) { c.PKCERequired = true }, nil, "invalid_request"},
		{"pkce required, no method", func(c *Client) { c.PKCERequired = true },
			func(v url.Values) { v.Set("code_challenge", s256(testVerifier)) }, "invalid_request"},
		{"pkce bad method", nil, func(v url.Values) {
			v.Set("code_challenge", s256(testVerifier))
			v.Set("code_challenge_method", "S512")
		}, "invalid_request"},
		{"pkce short challenge", nil, func(v url.Values) {
			v.Set("code_challenge", "abc")
			v.Set("code_challenge_method", "plain")
		}, "invalid_request"},
		{"pkce S256 not base64url", nil, func(v url.Values) {
			v.Set("code_challenge", strings.Repeat("~", 43))
			v.Set("code_challenge_method", "S256")
		}, "invalid_request"},
		{"method without challenge", nil, func(v url.Values) { v.Set("code_challenge_method", "S256") }, "invalid_request"},
		{"bad response_mode", nil, func(v url.Values) { v.Set("response_mode", "fragment") }, "invalid_request"},
		{"duplicate scope param", nil, func(v url.Values) { v.Add("scope", "openid") }, "invalid_request"},
		{"request object", nil, func(v url.Values) { v.Set("request", "eyJ") }, "request_not_supported"},
		{"prompt none without session", nil, func(v url.Values) { v.Set("prompt", "none") }, "login_required"},
	}
	for _, tc := range cases {
		for _, mode := range []string{"query", "form_post"} {
			t.Run(tc.name+"/"+mode, func(t *testing.T) {
				e := newEnv(t, func(cfg *Config) {
					if tc.client != nil {
						tc.client(&cfg.Clients[0])
					}
				})
				v := e.authParams()
				if mode == "query" && tc.name != "bad response_mode" {
					v.Set("response_mode", "query")
				}
				if tc.mutate != nil {
					tc.mutate(v)
				}
				if err := Approve(context.Background(), nil, e.authorizeURL(v), "accept"); err != nil {
					t.Fatalf("Approve: %v", err)
				}
				got := e.callback.last(t)
				wantMethod := http.MethodPost
				if v.Get("response_mode") == "query" {
					wantMethod = http.MethodGet
				}
				if got.method != wantMethod || got.params.Get("error") != tc.code || got.params.Get("state") != "st-123" || got.params.Get("code") != "" {
					t.Fatalf("callback %s %v, want %s error=%s state=st-123", got.method, got.params, wantMethod, tc.code)
				}
			})
		}
	}
}

func TestConsentPage(t *testing.T) {
	for _, tc := range []struct{ locales, lang, accept, scopeText string }{
		{"", "en", ">Accept<", "Read your data in Dinero"},
		{"en-GB", "en", ">Accept<", "Create and change your data in Dinero"},
		{"da-DK", "da", ">Acceptér<", "Læse dine data i Dinero"},
		{"sv-SE da-DK", "en", ">Accept<", "Read your data in Dinero"},
	} {
		t.Run(tc.locales, func(t *testing.T) {
			e := newEnv(t, nil)
			v := e.authParams()
			if tc.locales != "" {
				v.Set("ui_locales", tc.locales)
			}
			resp, body := get(t, e.authorizeURL(v))
			if resp.StatusCode != 200 || resp.Header.Get("Cache-Control") != "no-store" ||
				!strings.HasPrefix(resp.Header.Get("Content-Security-Policy"), "default-src 'none';") {
				t.Fatalf("status %d, headers %v", resp.StatusCode, resp.Header)
			}
			for _, want := range []string{`lang="` + tc.lang + `"`, tc.accept, tc.scopeText, testClientID,
				`<form method="post" action="/connect/authorize/decision">`,
				`name="decision" value="accept"`, `name="decision" value="cancel"`, "offline_access", "Demo Bruger"} {
				if !strings.Contains(body, want) {
					t.Errorf("consent page lacks %q", want)
				}
			}
			if strings.Contains(body, "<script") || strings.Contains(body, "st-123") || strings.Contains(body, "127.0.0.1") {
				t.Error("consent page must work without scripts and carry only the opaque request id")
			}
			if !regexp.MustCompile(`name="request" value="[0-9a-f]{32}"`).MatchString(body) {
				t.Error("no opaque request id")
			}
		})
	}
}

func TestConsentAcceptFormPost(t *testing.T) {
	e := newEnv(t, nil)
	v := e.authParams()
	v.Set("scope", "dineropublicapi:read offline_access openid profile")
	v.Set("nonce", "n-1")
	if err := Approve(context.Background(), nil, e.authorizeURL(v), "accept"); err != nil {
		t.Fatal(err)
	}
	got := e.callback.last(t)
	if got.method != "POST" || got.contentType != formType || got.origin != e.http.URL {
		t.Fatalf("callback %s %q origin %q", got.method, got.contentType, got.origin)
	}
	p := got.params
	if !regexp.MustCompile(`^[0-9a-f]{32}$`).MatchString(p.Get("code")) {
		t.Errorf("code %q is not 32 lower-case hex", p.Get("code"))
	}
	if p.Get("scope") != "dineropublicapi:read offline_access openid profile" || p.Get("state") != "st-123" ||
		!strings.Contains(p.Get("session_state"), ".") || strings.Count(p.Get("id_token"), ".") != 2 {
		t.Errorf("callback params %v", p)
	}
	if s := e.srv.Stats(); s.CodesIssued != 1 {
		t.Errorf("CodesIssued = %d", s.CodesIssued)
	}
}

func TestFormPostPage(t *testing.T) {
	e := newEnv(t, func(c *Config) { c.AutoApprove = true })
	v := e.authParams()
	v.Set("state", `"><script>x</script>`)
	resp, body := get(t, e.authorizeURL(v))
	if resp.StatusCode != 200 {
		t.Fatalf("status %d", resp.StatusCode)
	}
	for _, want := range []string{
		`<form method="post" action="` + e.cbURL + `">`,
		`<input type="hidden" name="code" value="`, `<input type="hidden" name="scope" value="`,
		`<input type="hidden" name="session_state" value="`, `name="state" value="&#34;&gt;&lt;script&gt;x&lt;/script&gt;"`,
		`<button type="submit">`, `document.forms[0].submit()`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("form_post page lacks %q:\n%s", want, body)
		}
	}
	if strings.Contains(body, "id_token") {
		t.Error("id_token without openid")
	}
	csp := resp.Header.Get("Content-Security-Policy")
	if !strings.Contains(csp, "form-action "+e.http.URL[:0]+origin(e.cbURL)) || !strings.Contains(csp, "script-src 'sha256-") {
		t.Errorf("CSP %q", csp)
	}
	if resp.Header.Get("Cache-Control") != "no-store" {
		t.Error("form_post page may be cached")
	}
}

func TestQueryModeRedirect(t *testing.T) {
	e := newEnv(t, func(c *Config) { c.AutoApprove = true })
	v := e.authParams()
	v.Set("response_mode", "query")
	resp, _ := get(t, e.authorizeURL(v))
	loc, err := url.Parse(resp.Header.Get("Location"))
	if resp.StatusCode != 302 || err != nil {
		t.Fatalf("status %d Location %q", resp.StatusCode, resp.Header.Get("Location"))
	}
	q := loc.Query()
	if loc.Scheme+"://"+loc.Host+loc.Path != e.cbURL || len(q.Get("code")) != 32 || q.Get("state") != "st-123" || q.Get("session_state") == "" || q.Get("scope") == "" {
		t.Errorf("Location %v", loc)
	}
}

func TestConsentCancel(t *testing.T) {
	for _, mode := range []string{"form_post", "query"} {
		e := newEnv(t, nil)
		v := e.authParams()
		v.Set("response_mode", mode)
		if err := Approve(context.Background(), nil, e.authorizeURL(v), "cancel"); err != nil {
			t.Fatal(err)
		}
		p := e.callback.last(t).params
		if p.Get("error") != "access_denied" || p.Get("state") != "st-123" || p.Get("code") != "" {
			t.Errorf("%s: callback %v", mode, p)
		}
		if e.srv.Stats().CodesIssued != 0 {
			t.Errorf("%s: a code was issued", mode)
		}
	}
}

func TestDecisionRules(t *testing.T) {
	e := newEnv(t, nil)
	_, body := get(t, e.authorizeURL(e.authParams()))
	id := regexp.MustCompile(`name="request" value="([0-9a-f]{32})"`).FindStringSubmatch(body)[1]
	decide := func(form string) int {
		r := e.post("/connect/authorize/decision", formType, form, nil)
		return r.status
	}
	if st := decide("request=" + id + "&decision=maybe"); st != 400 {
		t.Errorf("unknown decision: %d", st)
	}
	if st := decide("request=" + id + "&decision=accept&decision=cancel"); st != 400 {
		t.Errorf("two decisions: %d", st)
	}
	if st := decide("request=ffff&decision=accept"); st != 400 {
		t.Errorf("unknown request: %d", st)
	}
	if st := decide("request=" + id + "&decision=accept"); st != 200 {
		t.Errorf("accept: %d", st)
	}
	if st := decide("request=" + id + "&decision=accept"); st != 400 {
		t.Errorf("second answer to one request: %d", st)
	}
	// A consent request expires.
	_, body = get(t, e.authorizeURL(e.authParams()))
	id = regexp.MustCompile(`name="request" value="([0-9a-f]{32})"`).FindStringSubmatch(body)[1]
	e.clock.Advance(pendingTTL + 1)
	if st := decide("request=" + id + "&decision=accept"); st != 400 {
		t.Errorf("expired request: %d", st)
	}
}

func TestApproveErrors(t *testing.T) {
	e := newEnv(t, nil)
	v := e.authParams()
	v.Set("client_id", "isv_unknown")
	err := Approve(context.Background(), nil, e.authorizeURL(v), "accept")
	if err == nil || !strings.Contains(err.Error(), "Error ID") {
		t.Errorf("error page: %v", err)
	}
	if err := Approve(context.Background(), nil, e.authorizeURL(e.authParams()), "later"); err == nil {
		t.Error("bad decision accepted")
	}
	e.callback.status = http.StatusBadRequest
	err = Approve(context.Background(), nil, e.authorizeURL(e.authParams()), "accept")
	if err == nil || !strings.Contains(err.Error(), "400") {
		t.Errorf("callback failure: %v", err)
	}
}
