package connect

import (
	"crypto/sha256"
	"mime"
	"net/http"
	"net/url"
	"strings"
	"time"
)

const maxFormBytes = 64 << 10

// authError is an error the client hears about through its redirect URI.
type authError struct{ code, desc string }

// serveAuthorize handles GET (and form POST) /connect/authorize.
func (s *Server) serveAuthorize(w http.ResponseWriter, r *http.Request) {
	var raw url.Values
	switch r.Method {
	case http.MethodGet:
		q, err := url.ParseQuery(r.URL.RawQuery)
		if err != nil {
			s.errorPage(w, "The request could not be read.")
			return
		}
		raw = q
	case http.MethodPost:
		form, ok := readForm(w, r)
		if !ok {
			s.errorPage(w, "The request could not be read.")
			return
		}
		raw = form
	default:
		w.Header().Set("Allow", "GET, POST")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	p, ok := s.trustedTarget(w, raw)
	if !ok {
		return
	}
	params, dup := singleValues(raw)
	if dup != "" {
		s.redirectError(w, r, p, authError{"invalid_request", "a parameter was given more than once"})
		return
	}
	if e := s.checkAuthorize(p, params); e != nil {
		s.redirectError(w, r, p, *e)
		return
	}
	s.mu.Lock()
	now := s.now()
	s.prunePending(now)
	if params["prompt"] == "none" && !s.autoApprove {
		s.mu.Unlock()
		s.redirectError(w, r, p, authError{"login_required", "the user must sign in"})
		return
	}
	if s.autoApprove {
		code, ac := s.issueCode(p, now)
		idt, err := s.authIDToken(p, ac, now)
		s.mu.Unlock()
		s.respondCode(w, r, p, code, ac.sid, idt, err)
		return
	}
	id := randomHex(16, false)
	p.expires = now.Add(pendingTTL)
	s.pending[id] = p
	s.mu.Unlock()
	s.consentPage(w, p, id)
}

// trustedTarget checks client_id and redirect_uri, the two parameters that
// decide whether errors may be sent to the client at all. When they fail the
// user gets an error page with an Error ID and no redirect.
func (s *Server) trustedTarget(w http.ResponseWriter, raw url.Values) (*pendingAuth, bool) {
	ids, uris := raw["client_id"], raw["redirect_uri"]
	if len(ids) != 1 || ids[0] == "" {
		s.errorPage(w, "The request has no valid client_id.")
		return nil, false
	}
	c := s.clients[ids[0]]
	if c == nil {
		s.errorPage(w, "The application is not known.")
		return nil, false
	}
	if len(uris) != 1 || !redirectAllowed(c, uris[0]) {
		s.errorPage(w, "The redirect_uri is not registered for this application.")
		return nil, false
	}
	p := &pendingAuth{client: c, redirectURI: uris[0], responseMode: "form_post"}
	if st := raw["state"]; len(st) == 1 {
		p.state = st[0]
	}
	if m := raw["response_mode"]; len(m) == 1 && m[0] == "query" {
		p.responseMode = "query"
	}
	return p, true
}

// checkAuthorize validates the remaining parameters into p.
func (s *Server) checkAuthorize(p *pendingAuth, params map[string]string) *authError {
	p.danish = isDanish(params["ui_locales"])
	p.nonce = params["nonce"]
	switch params["response_mode"] {
	case "", "form_post", "query":
	default:
		return &authError{"invalid_request", "response_mode must be form_post or query"}
	}
	switch rt := params["response_type"]; rt {
	case "code":
	case "":
		return &authError{"invalid_request", "response_type is required"}
	case "code id_token", "id_token", "code token", "code id_token token", "id_token token", "token":
		return &authError{"unauthorized_client", "the application may only use response_type code"}
	default:
		return &authError{"unsupported_response_type", "response_type must be code"}
	}
	if _, ok := params["request"]; ok {
		return &authError{"request_not_supported", "request objects are not supported"}
	}
	if _, ok := params["request_uri"]; ok {
		return &authError{"request_uri_not_supported", "request_uri is not supported"}
	}
	p.scopes = splitScopes(params["scope"])
	if code, desc := checkScopes(p.client, p.scopes); code != "" {
		return &authError{code, desc}
	}
	ch, method := params["code_challenge"], params["code_challenge_method"]
	switch {
	case ch == "" && p.client.PKCERequired:
		return &authError{"invalid_request", "code_challenge is required"}
	case ch == "" && method != "":
		return &authError{"invalid_request", "code_challenge_method without code_challenge"}
	case ch == "":
		return nil
	case method == "" && p.client.PKCERequired:
		return &authError{"invalid_request", "code_challenge_method is required"}
	case method == "":
		method = "plain" // RFC 7636 4.3
	case method != "S256" && method != "plain":
		return &authError{"invalid_request", "code_challenge_method must be S256 or plain"}
	}
	if !validChallenge(ch, method) {
		return &authError{"invalid_request", "code_challenge is malformed"}
	}
	p.challenge, p.method = ch, method
	return nil
}

// isDanish reports whether the first supported entry of ui_locales is Danish.
func isDanish(locales string) bool {
	for _, l := range strings.Fields(locales) {
		l = strings.ToLower(l)
		switch {
		case l == "da" || strings.HasPrefix(l, "da-"):
			return true
		case strings.HasPrefix(l, "en"), strings.HasPrefix(l, "fi"), strings.HasPrefix(l, "nb"),
			strings.HasPrefix(l, "nl"), strings.HasPrefix(l, "sv"), strings.HasPrefix(l, "lv"):
			return false
		}
	}
	return false
}

// serveDecision handles the consent form's POST.
func (s *Server) serveDecision(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", "POST")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	form, ok := readForm(w, r)
	if !ok {
		s.errorPage(w, "The request could not be read.")
		return
	}
	params, dup := singleValues(form)
	decision := params["decision"]
	if dup != "" || (decision != "accept" && decision != "cancel") {
		s.errorPage(w, "The sign-in request is not valid.")
		return
	}
	s.mu.Lock()
	now := s.now()
	s.prunePending(now)
	p := s.pending[params["request"]]
	if p == nil {
		s.mu.Unlock()
		s.errorPage(w, "The sign-in request has expired or was already answered. Start again from the application.")
		return
	}
	delete(s.pending, params["request"])
	if decision == "cancel" {
		s.mu.Unlock()
		s.redirectError(w, r, p, authError{"access_denied", "the user cancelled"})
		return
	}
	code, ac := s.issueCode(p, now)
	idt, err := s.authIDToken(p, ac, now)
	s.mu.Unlock()
	s.respondCode(w, r, p, code, ac.sid, idt, err)
}

// issueCode records a new authorization code for p. Callers hold s.mu.
func (s *Server) issueCode(p *pendingAuth, now time.Time) (string, *authCode) {
	code := randomHex(16, false)
	sid := randomHex(16, true)
	ac := &authCode{
		clientID: p.client.ID, redirectURI: p.redirectURI, scopes: p.scopes,
		challenge: p.challenge, method: p.method, nonce: p.nonce, sub: s.user.Sub,
		sid: sid, authTime: now, expires: now.Add(codeTTL),
	}
	s.codes[code] = ac
	s.stats.CodesIssued++
	return code, ac
}

// authIDToken makes the id_token of the authorization response when openid
// was asked for ("" otherwise). Callers hold s.mu.
func (s *Server) authIDToken(p *pendingAuth, ac *authCode, now time.Time) (string, error) {
	if !contains(p.scopes, "openid") {
		return "", nil
	}
	g := &grant{sub: ac.sub, sid: ac.sid, nonce: ac.nonce, authTime: ac.authTime}
	return s.idToken(g, p.client.ID, "", now)
}

// respondCode sends a new code (and id_token, if any) to the client by its
// response mode.
func (s *Server) respondCode(w http.ResponseWriter, r *http.Request, p *pendingAuth, code, sid, idToken string, err error) {
	if err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	v := url.Values{}
	v.Set("code", code)
	v.Set("scope", strings.Join(p.scopes, " "))
	if p.state != "" {
		v.Set("state", p.state)
	}
	v.Set("session_state", sessionState(p.client.ID, origin(p.redirectURI), sid))
	if idToken != "" {
		v.Set("id_token", idToken)
	}
	// The check session iframe recomputes session_state from this cookie.
	http.SetCookie(w, &http.Cookie{Name: "idsrv.session", Value: sid, Path: "/", SameSite: http.SameSiteLaxMode})
	s.deliver(w, r, p, v)
}

// redirectError sends an OAuth error to the client by its response mode.
func (s *Server) redirectError(w http.ResponseWriter, r *http.Request, p *pendingAuth, e authError) {
	v := url.Values{}
	v.Set("error", e.code)
	v.Set("error_description", e.desc)
	if p.state != "" {
		v.Set("state", p.state)
	}
	s.deliver(w, r, p, v)
}

// deliver hands parameters to the redirect URI: a 302 for query mode, an
// auto-submitting form for form_post.
func (s *Server) deliver(w http.ResponseWriter, r *http.Request, p *pendingAuth, v url.Values) {
	noStore(w)
	if p.responseMode == "query" {
		target := p.redirectURI
		sep := "?"
		if strings.Contains(target, "?") {
			sep = "&"
		}
		w.Header().Set("Location", target+sep+v.Encode())
		w.WriteHeader(http.StatusFound)
		return
	}
	s.formPostPage(w, p.redirectURI, v)
}

// sessionState computes an OIDC Session Management session_state value.
func sessionState(clientID, clientOrigin, sid string) string {
	salt := randomHex(8, false)
	sum := sha256.Sum256([]byte(clientID + " " + clientOrigin + " " + sid + " " + salt))
	return b64.EncodeToString(sum[:]) + "." + salt
}

// readForm reads an application/x-www-form-urlencoded body of at most
// maxFormBytes, ignoring the URL query.
func readForm(w http.ResponseWriter, r *http.Request) (url.Values, bool) {
	mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil || mt != "application/x-www-form-urlencoded" {
		return nil, false
	}
	body, err := readLimited(w, r, maxFormBytes)
	if err != nil {
		return nil, false
	}
	v, err := url.ParseQuery(string(body))
	if err != nil {
		return nil, false
	}
	return v, true
}

func noStore(w http.ResponseWriter) {
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("Pragma", "no-cache")
}
