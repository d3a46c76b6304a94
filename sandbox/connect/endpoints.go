package connect

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
)

func getOnly(w http.ResponseWriter, r *http.Request) bool {
	if r.Method == http.MethodGet || r.Method == http.MethodHead {
		return true
	}
	w.Header().Set("Allow", "GET, HEAD")
	http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
	return false
}

// serveDiscovery serves the OpenID Provider metadata.
func (s *Server) serveDiscovery(w http.ResponseWriter, r *http.Request) {
	if !getOnly(w, r) {
		return
	}
	iss := s.Issuer()
	if iss == "" {
		http.Error(w, "issuer not configured", http.StatusInternalServerError)
		return
	}
	scopes := map[string]bool{}
	for _, c := range s.clients {
		for _, sc := range c.Scopes {
			scopes[sc] = true
		}
	}
	supported := []string{}
	for _, sc := range DefaultScopes {
		if scopes[sc] {
			supported = append(supported, sc)
		}
	}
	w.Header().Set("Content-Type", "application/json; charset=UTF-8")
	_ = json.NewEncoder(w).Encode(map[string]any{
		"issuer":                                     iss,
		"jwks_uri":                                   iss + "/.well-known/jwks.json",
		"authorization_endpoint":                     iss + "/connect/authorize",
		"token_endpoint":                             iss + "/connect/token",
		"userinfo_endpoint":                          iss + "/connect/userinfo",
		"end_session_endpoint":                       iss + "/connect/endsession",
		"check_session_iframe":                       iss + "/connect/checksession",
		"revocation_endpoint":                        iss + "/connect/revocation",
		"scopes_supported":                           supported,
		"claims_supported":                           []string{"sub", "name", "email", "auth_time", "idp", "sid", "amr"},
		"grant_types_supported":                      []string{"authorization_code", "refresh_token", "client_credentials"},
		"response_types_supported":                   []string{"code"},
		"response_modes_supported":                   []string{"form_post", "query"},
		"token_endpoint_auth_methods_supported":      []string{"client_secret_post", "client_secret_basic"},
		"revocation_endpoint_auth_methods_supported": []string{"client_secret_post", "client_secret_basic"},
		"id_token_signing_alg_values_supported":      []string{"RS256"},
		"subject_types_supported":                    []string{"public"},
		"code_challenge_methods_supported":           []string{"plain", "S256"},
		"ui_locales_supported":                       []string{"da-DK", "en-GB", "en-US", "fi-FI", "nb-NO", "nl-NL", "sv-SE", "lv-LV"},
		"frontchannel_logout_supported":              false,
		"request_parameter_supported":                false,
	})
}

// serveJWKS publishes the public signing key.
func (s *Server) serveJWKS(w http.ResponseWriter, r *http.Request) {
	if !getOnly(w, r) {
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=UTF-8")
	_ = json.NewEncoder(w).Encode(map[string]any{"keys": []any{s.jwk()}})
}

// serveRevocation implements RFC 7009 token revocation.
func (s *Server) serveRevocation(w http.ResponseWriter, r *http.Request) {
	if refuseNonPost(w, r) {
		return
	}
	params, oe := readTokenForm(w, r)
	if oe != nil {
		writeOAuthError(w, oe)
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	c, oe := s.authenticateClient(r, params)
	if oe != nil {
		writeOAuthError(w, oe)
		return
	}
	tok := params["token"]
	if tok == "" {
		writeOAuthError(w, errReq("token is required"))
		return
	}
	switch params["token_type_hint"] {
	case "", "access_token", "refresh_token":
	default:
		writeOAuthError(w, &oauthError{status: 400, code: "unsupported_token_type", desc: "token_type_hint must be access_token or refresh_token"})
		return
	}
	if rt := s.refresh[tok]; rt != nil {
		if rt.clientID != c.ID {
			writeOAuthError(w, &oauthError{status: 401, code: "unauthorized_client", desc: "the token belongs to another client"})
			return
		}
		s.revokeGrant(rt.grantID)
		s.stats.Revocations++
	} else if ac, err := s.parseAccess(tok); err == nil {
		if at := s.access[ac.Jti]; at != nil {
			if ac.ClientID != c.ID {
				writeOAuthError(w, &oauthError{status: 401, code: "unauthorized_client", desc: "the token belongs to another client"})
				return
			}
			at.revoked = true
			s.stats.Revocations++
		}
	}
	noStore(w)
	w.WriteHeader(http.StatusOK)
}

// serveUserinfo returns the signed-in user's claims for an openid token.
func (s *Server) serveUserinfo(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodPost {
		w.Header().Set("Allow", "GET, POST")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	scheme, tok, _ := strings.Cut(r.Header.Get("Authorization"), " ")
	if !strings.EqualFold(scheme, "Bearer") || tok == "" {
		w.Header().Set("WWW-Authenticate", `Bearer`)
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	claims, err := s.Validate(strings.TrimSpace(tok))
	if err != nil {
		w.Header().Set("WWW-Authenticate", `Bearer error="invalid_token"`)
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	if !claims.HasScope("openid") {
		w.Header().Set("WWW-Authenticate", `Bearer error="insufficient_scope", scope="openid"`)
		w.WriteHeader(http.StatusForbidden)
		return
	}
	out := map[string]string{"sub": claims.Subject}
	if claims.HasScope("profile") && s.user.Name != "" {
		out["name"] = s.user.Name
	}
	if claims.HasScope("email") && s.user.Email != "" {
		out["email"] = s.user.Email
	}
	writeJSON(w, http.StatusOK, out)
}

// serveEndSession ends the browser session. A post_logout_redirect_uri is
// only followed when id_token_hint names a client that registered it.
func (s *Server) serveEndSession(w http.ResponseWriter, r *http.Request) {
	if !getOnly(w, r) {
		return
	}
	q, err := url.ParseQuery(r.URL.RawQuery)
	if err != nil {
		s.errorPage(w, "The request could not be read.")
		return
	}
	params, dup := singleValues(q)
	if dup != "" {
		s.errorPage(w, "A parameter was given more than once.")
		return
	}
	var hint idClaims
	if h := params["id_token_hint"]; h != "" {
		payload, err := s.verify(h, "JWT")
		if err != nil || json.Unmarshal(payload, &hint) != nil || hint.Iss != s.Issuer() {
			s.errorPage(w, "The id_token_hint is not valid.")
			return
		}
	}
	http.SetCookie(w, &http.Cookie{Name: "idsrv.session", Value: "", Path: "/", MaxAge: -1})
	if target := params["post_logout_redirect_uri"]; target != "" {
		c := s.clients[hint.Aud]
		if c == nil || !redirectAllowed(c, target) {
			s.errorPage(w, "The post_logout_redirect_uri is not registered for this application.")
			return
		}
		if st := params["state"]; st != "" {
			sep := "?"
			if strings.Contains(target, "?") {
				sep = "&"
			}
			target += sep + url.Values{"state": {st}}.Encode()
		}
		noStore(w)
		w.Header().Set("Location", target)
		w.WriteHeader(http.StatusFound)
		return
	}
	htmlHeaders(w)
	_ = pages.ExecuteTemplate(w, "signedout", nil)
}

// refuseNonPost answers 405 in the OAuth error shape, and reports true,
// unless r is a POST.
func refuseNonPost(w http.ResponseWriter, r *http.Request) bool {
	if r.Method == http.MethodPost {
		return false
	}
	w.Header().Set("Allow", "POST")
	writeJSON(w, http.StatusMethodNotAllowed, map[string]string{"error": "invalid_request", "error_description": "use POST"})
	return true
}
