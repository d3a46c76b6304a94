package connect

import (
	"encoding/json"
	"errors"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/dinero-tui/dinero-tui/sandbox/tokens"
)

func decodeJWT(t *testing.T, raw string) (header, claims map[string]any) {
	t.Helper()
	parts := strings.Split(raw, ".")
	if len(parts) != 3 {
		t.Fatalf("not a JWT: %d parts", len(parts))
	}
	for i, dst := range []*map[string]any{&header, &claims} {
		b, err := b64.DecodeString(parts[i])
		if err != nil || json.Unmarshal(b, dst) != nil {
			t.Fatalf("JWT part %d does not decode", i)
		}
	}
	return header, claims
}

func TestCodeExchangeBodyAndBasicAuth(t *testing.T) {
	for _, basic := range []bool{false, true} {
		e := newEnv(t, nil)
		code := e.code(e.authParams())
		f := url.Values{"grant_type": {"authorization_code"}, "code": {code}, "redirect_uri": {e.cbURL}}
		var creds []string
		if basic {
			creds = []string{testClientID, testSecret}
		} else {
			f.Set("client_id", testClientID)
			f.Set("client_secret", testSecret)
		}
		r := e.token(f, creds)
		if r.status != 200 {
			t.Fatalf("basic=%v: %d %s", basic, r.status, r.raw)
		}
		if r.header.Get("Cache-Control") != "no-store" || r.header.Get("Pragma") != "no-cache" {
			t.Errorf("cache headers %v", r.header)
		}
		if r.body["expires_in"] != 3600.0 || r.str("token_type") != "Bearer" ||
			r.str("scope") != "dineropublicapi:read dineropublicapi:write offline_access" || r.body["id_token"] != nil {
			t.Errorf("body %s", r.raw)
		}
		if !regexp.MustCompile(`^[0-9A-F]{64}$`).MatchString(r.str("refresh_token")) {
			t.Errorf("refresh token is not 64 upper-case hex")
		}
		h, c := decodeJWT(t, r.str("access_token"))
		if h["alg"] != "RS256" || h["typ"] != "at+JWT" || h["kid"] != e.srv.kid {
			t.Errorf("header %v", h)
		}
		now := float64(e.clock.Now().Unix())
		if c["iss"] != e.http.URL || c["aud"] != DefaultAudience || c["client_id"] != testClientID ||
			c["sub"] != "1f3ee81c-89aa-4984-a533-8caaba6616be" || c["idp"] != "Visma Connect" ||
			c["iat"] != now || c["nbf"] != now || c["exp"] != now+3600 || c["auth_time"] != now ||
			c["sid"] == nil || c["jti"] == nil || c["amr"] == nil {
			t.Errorf("claims %v", c)
		}
		if sc, ok := c["scope"].([]any); !ok || len(sc) != 3 {
			t.Errorf("scope claim %v is not an array of 3", c["scope"])
		}
		cl, err := e.srv.Validate(r.str("access_token"))
		if err != nil || cl.ClientID != testClientID || !cl.HasScope("dineropublicapi:write") || cl.GrantID == "" ||
			!cl.ExpiresAt.Equal(e.clock.Now().Add(time.Hour)) {
			t.Errorf("Validate = %+v, %v", cl, err)
		}
		if st := e.srv.Stats(); st.CodesRedeemed != 1 || st.TokenRequests["authorization_code"] != 1 {
			t.Errorf("stats %+v", st)
		}
	}
}

func TestOpenIDAndScopes(t *testing.T) {
	e := newEnv(t, nil)
	v := e.authParams()
	v.Set("scope", "dineropublicapi:read openid email")
	v.Set("nonce", "n-42")
	r := e.exchange(e.code(v), nil)
	if r.status != 200 || r.body["refresh_token"] != nil {
		t.Fatalf("%d %s (no refresh token without offline_access)", r.status, r.raw)
	}
	h, c := decodeJWT(t, r.str("id_token"))
	if h["typ"] != "JWT" || c["aud"] != testClientID || c["nonce"] != "n-42" || c["at_hash"] != atHash(r.str("access_token")) {
		t.Errorf("id_token %v %v", h, c)
	}
	if _, err := e.srv.Validate(r.str("id_token")); err == nil {
		t.Error("an id_token passes as an access token")
	}
	req, _ := http.NewRequest("GET", e.http.URL+"/connect/userinfo", nil)
	req.Header.Set("Authorization", "Bearer "+r.str("access_token"))
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	var ui map[string]string
	_ = json.NewDecoder(resp.Body).Decode(&ui)
	resp.Body.Close()
	if resp.StatusCode != 200 || ui["email"] != "demo@example.com" || ui["name"] != "" || ui["sub"] == "" {
		t.Errorf("userinfo %d %v", resp.StatusCode, ui)
	}
}

func TestTokenRequestRules(t *testing.T) {
	good := func(e *env) url.Values {
		return url.Values{"grant_type": {"authorization_code"}, "code": {e.code(e.authParams())}, "redirect_uri": {e.cbURL},
			"client_id": {testClientID}, "client_secret": {testSecret}}
	}
	cases := []struct {
		name   string
		send   func(e *env) tokenResp
		status int
		code   string
	}{
		{"json body", func(e *env) tokenResp {
			b, _ := json.Marshal(map[string]string{"grant_type": "authorization_code", "client_id": testClientID, "client_secret": testSecret})
			return e.post("/connect/token", "application/json", string(b), nil)
		}, 400, "invalid_request"},
		{"no content type", func(e *env) tokenResp { return e.post("/connect/token", "", good(e).Encode(), nil) }, 400, "invalid_request"},
		{"multipart", func(e *env) tokenResp {
			return e.post("/connect/token", "multipart/form-data; boundary=x", good(e).Encode(), nil)
		}, 400, "invalid_request"},
		{"charset param ok", func(e *env) tokenResp {
			return e.post("/connect/token", formType+"; charset=utf-8", good(e).Encode(), nil)
		}, 200, ""},
		{"duplicate param", func(e *env) tokenResp { f := good(e); f.Add("code", "x"); return e.token(f, nil) }, 400, "invalid_request"},
		{"bad encoding", func(e *env) tokenResp { return e.post("/connect/token", formType, "grant_type=%zz", nil) }, 400, "invalid_request"},
		{"body too large", func(e *env) tokenResp {
			f := good(e)
			f.Set("pad", strings.Repeat("a", maxFormBytes))
			return e.token(f, nil)
		}, 400, "invalid_request"},
		{"basic and body conflict", func(e *env) tokenResp {
			f := good(e)
			f.Set("client_id", "isv_other")
			f.Del("client_secret")
			return e.token(f, []string{testClientID, testSecret})
		}, 400, "invalid_request"},
		{"basic and body secret conflict", func(e *env) tokenResp {
			f := good(e)
			f.Set("client_secret", "different")
			return e.token(f, []string{testClientID, testSecret})
		}, 400, "invalid_request"},
		{"basic and equal body ok", func(e *env) tokenResp { return e.token(good(e), []string{testClientID, testSecret}) }, 200, ""},
		{"unknown client body", func(e *env) tokenResp { f := good(e); f.Set("client_id", "isv_x"); return e.token(f, nil) }, 400, "invalid_client"},
		{"wrong secret body", func(e *env) tokenResp { f := good(e); f.Set("client_secret", "nope"); return e.token(f, nil) }, 400, "invalid_client"},
		{"missing secret", func(e *env) tokenResp { f := good(e); f.Del("client_secret"); return e.token(f, nil) }, 400, "invalid_client"},
		{"no client at all", func(e *env) tokenResp {
			f := good(e)
			f.Del("client_secret")
			f.Del("client_id")
			return e.token(f, nil)
		}, 400, "invalid_client"},
		{"wrong secret basic", func(e *env) tokenResp {
			f := good(e)
			f.Del("client_secret")
			f.Del("client_id")
			return e.token(f, []string{testClientID, "nope"})
		}, 401, "invalid_client"},
		{"malformed basic", func(e *env) tokenResp {
			req, _ := http.NewRequest("POST", e.http.URL+"/connect/token", strings.NewReader("grant_type=refresh_token"))
			req.Header.Set("Content-Type", formType)
			req.Header.Set("Authorization", "Basic !!!")
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			out := tokenResp{status: resp.StatusCode, header: resp.Header, body: map[string]any{}}
			_ = json.NewDecoder(resp.Body).Decode(&out.body)
			return out
		}, 401, "invalid_client"},
		{"missing grant_type", func(e *env) tokenResp { f := good(e); f.Del("grant_type"); return e.token(f, nil) }, 400, "invalid_request"},
		{"client_credentials", func(e *env) tokenResp {
			return e.token(url.Values{"grant_type": {"client_credentials"}, "scope": {"dineropublicapi:read"},
				"client_id": {testClientID}, "client_secret": {testSecret}}, nil)
		}, 400, "unauthorized_client"},
		{"password grant", func(e *env) tokenResp { f := good(e); f.Set("grant_type", "password"); return e.token(f, nil) }, 400, "unsupported_grant_type"},
		{"missing code", func(e *env) tokenResp { f := good(e); f.Del("code"); return e.token(f, nil) }, 400, "invalid_request"},
		{"missing redirect_uri", func(e *env) tokenResp { f := good(e); f.Del("redirect_uri"); return e.token(f, nil) }, 400, "invalid_request"},
		{"missing refresh_token", func(e *env) tokenResp {
			return e.token(url.Values{"grant_type": {"refresh_token"}, "client_id": {testClientID}, "client_secret": {testSecret}}, nil)
		}, 400, "invalid_request"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			e := newEnv(t, nil)
			r := tc.send(e)
			if tc.status == 200 {
				if r.status != 200 {
					t.Fatalf("got %d %s", r.status, r.raw)
				}
				return
			}
			wantOAuthError(t, r, tc.status, tc.code)
			if tc.status == 401 && !strings.HasPrefix(r.header.Get("WWW-Authenticate"), "Basic") {
				t.Errorf("401 without WWW-Authenticate: Basic")
			}
		})
	}
}

func TestTokenMethodNotAllowed(t *testing.T) {
	e := newEnv(t, nil)
	resp, _ := get(t, e.http.URL+"/connect/token?grant_type=client_credentials")
	if resp.StatusCode != 405 {
		t.Errorf("GET /connect/token: %d", resp.StatusCode)
	}
}

func TestCodeGrantErrors(t *testing.T) {
	other := Client{ID: "isv_other", Secret: "other-secret", RedirectURIs: []string{"http://127.0.0.1/callback"}}
	cases := []struct {
		name      string
		challenge string // "" none, "S256" or "plain"
		prepare   func(e *env)
		form      func(e *env, f url.Values) url.Values
		creds     []string
		ok        bool
	}{
		{"S256 right verifier", "S256", nil, func(e *env, f url.Values) url.Values { f.Set("code_verifier", testVerifier); return f }, nil, true},
		{"plain right verifier", "plain", nil, func(e *env, f url.Values) url.Values { f.Set("code_verifier", testVerifier); return f }, nil, true},
		{"S256 wrong verifier", "S256", nil, func(e *env, f url.Values) url.Values {
			f.Set("code_verifier", strings.Repeat("a", 43))
			return f
		}, nil, false},
		{"S256 verifier is the challenge", "S256", nil, func(e *env, f url.Values) url.Values { f.Set("code_verifier", s256(testVerifier)); return f }, nil, false},
		{"S256 missing verifier", "S256", nil, nil, nil, false},
		{"verifier too short", "plain", nil, func(e *env, f url.Values) url.Values { f.Set("code_verifier", testVerifier[:42]); return f }, nil, false},
		{"verifier without challenge", "", nil, func(e *env, f url.Values) url.Values { f.Set("code_verifier", testVerifier); return f }, nil, false},
		{"redirect mismatch", "", nil, func(e *env, f url.Values) url.Values {
			f.Set("redirect_uri", strings.Replace(e.cbURL, "127.0.0.1:", "127.0.0.1:1", 1))
			return f
		}, nil, false},
		{"redirect trailing slash", "", nil, func(e *env, f url.Values) url.Values { f.Set("redirect_uri", e.cbURL+"/"); return f }, nil, false},
		{"other client's code", "", nil, func(e *env, f url.Values) url.Values {
			f.Set("client_id", other.ID)
			f.Set("client_secret", other.Secret)
			return f
		}, nil, false},
		{"unknown code", "", nil, func(e *env, f url.Values) url.Values { f.Set("code", strings.Repeat("0", 32)); return f }, nil, false},
		{"expired code", "", func(e *env) { e.clock.Advance(codeTTL) }, nil, nil, false},
		{"code just in time", "", func(e *env) { e.clock.Advance(codeTTL - time.Second) }, nil, nil, true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			e := newEnv(t, func(c *Config) { c.Clients = append(c.Clients, other) })
			v := e.authParams()
			if tc.challenge != "" {
				ch := testVerifier
				if tc.challenge == "S256" {
					ch = s256(testVerifier)
				}
				v.Set("code_challenge", ch)
				v.Set("code_challenge_method", tc.challenge)
			}
			code := e.code(v)
			if tc.prepare != nil {
				tc.prepare(e)
			}
			f := url.Values{"grant_type": {"authorization_code"}, "code": {code}, "redirect_uri": {e.cbURL},
				"client_id": {testClientID}, "client_secret": {testSecret}}
			if tc.form != nil {
				f = tc.form(e, f)
			}
			r := e.token(f, tc.creds)
			if tc.ok {
				if r.status != 200 {
					t.Fatalf("%d %s", r.status, r.raw)
				}
				return
			}
			wantOAuthError(t, r, 400, "invalid_grant")
			if strings.Contains(r.raw, code) {
				t.Error("error echoes the code")
			}
		})
	}
}

func TestFailedExchangeSpendsCode(t *testing.T) {
	e := newEnv(t, nil)
	code := e.code(e.authParams())
	wantOAuthError(t, e.exchange(code, url.Values{"redirect_uri": {e.cbURL + "x"}}), 400, "invalid_grant")
	wantOAuthError(t, e.exchange(code, nil), 400, "invalid_grant")
}

func TestCodeReuseRevokesTokens(t *testing.T) {
	e := newEnv(t, nil)
	code := e.code(e.authParams())
	first := e.exchange(code, nil)
	if first.status != 200 {
		t.Fatalf("%d %s", first.status, first.raw)
	}
	second := e.refresh(first.str("refresh_token"))
	if second.status != 200 {
		t.Fatalf("refresh %d", second.status)
	}
	wantOAuthError(t, e.exchange(code, nil), 400, "invalid_grant")
	for _, at := range []string{first.str("access_token"), second.str("access_token")} {
		if _, err := e.srv.Validate(at); !errors.Is(err, tokens.ErrInvalid) {
			t.Errorf("access token still valid after code replay: %v", err)
		}
	}
	wantOAuthError(t, e.refresh(second.str("refresh_token")), 400, "invalid_grant")
	if st := e.srv.Stats(); st.CodeReplays != 1 || st.ReuseDetections != 0 {
		t.Errorf("stats %+v", st)
	}
}

func TestPublicClientEmptySecret(t *testing.T) {
	e := newEnv(t, func(c *Config) { c.Clients[0].Secret = ""; c.Clients[0].PKCERequired = true })
	v := e.authParams()
	v.Set("code_challenge", s256(testVerifier))
	v.Set("code_challenge_method", "S256")
	f := url.Values{"grant_type": {"authorization_code"}, "code": {e.code(v)}, "redirect_uri": {e.cbURL}, "code_verifier": {testVerifier}}
	if r := e.token(f, []string{testClientID, ""}); r.status != 200 {
		t.Fatalf("%d %s", r.status, r.raw)
	}
}
