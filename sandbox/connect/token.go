package connect

import (
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strings"
)

// oauthError is an RFC 6749 5.2 error answer. Descriptions are fixed texts
// and never carry secrets, codes or tokens.
type oauthError struct {
	status int
	code   string
	desc   string
	basic  bool // failed HTTP Basic client auth: 401 with WWW-Authenticate
}

func errReq(desc string) *oauthError {
	return &oauthError{status: 400, code: "invalid_request", desc: desc}
}
func errGrant(desc string) *oauthError {
	return &oauthError{status: 400, code: "invalid_grant", desc: desc}
}

func writeOAuthError(w http.ResponseWriter, e *oauthError) {
	status := e.status
	if e.basic {
		w.Header().Set("WWW-Authenticate", `Basic realm="Visma Connect"`)
		status = http.StatusUnauthorized
	}
	writeJSON(w, status, map[string]string{"error": e.code, "error_description": e.desc})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=UTF-8")
	noStore(w)
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

// readLimited reads the request body, refusing more than limit bytes.
func readLimited(w http.ResponseWriter, r *http.Request, limit int64) ([]byte, error) {
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, limit))
	if err != nil {
		return nil, fmt.Errorf("read body: %w", err)
	}
	return body, nil
}

// readTokenForm reads and checks an endpoint's form body: the right content
// type, a bounded size, valid encoding and no repeated parameter.
func readTokenForm(w http.ResponseWriter, r *http.Request) (map[string]string, *oauthError) {
	mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil || mt != "application/x-www-form-urlencoded" {
		return nil, errReq("the body must be application/x-www-form-urlencoded")
	}
	body, err := readLimited(w, r, maxFormBytes)
	if err != nil {
		return nil, errReq("the body is too large or could not be read")
	}
	raw, err := url.ParseQuery(string(body))
	if err != nil {
		return nil, errReq("the body is not valid form encoding")
	}
	params, dup := singleValues(raw)
	if dup != "" {
		return nil, errReq("a parameter was given more than once")
	}
	return params, nil
}

// authenticateClient finds and checks the client from HTTP Basic or the
// body's client_id/client_secret (one method; equal values in both are
// tolerated, conflicting ones are not).
func (s *Server) authenticateClient(r *http.Request, params map[string]string) (*Client, *oauthError) {
	id, secret := params["client_id"], params["client_secret"]
	usedBasic := false
	if h := r.Header.Get("Authorization"); h != "" {
		bid, bsecret, err := parseBasic(h)
		if err != nil {
			return nil, &oauthError{status: 401, code: "invalid_client", desc: "malformed Basic credentials", basic: true}
		}
		_, hasID := params["client_id"]
		_, hasSecret := params["client_secret"]
		if (hasID && id != bid) || (hasSecret && !secretEqual(secret, bsecret)) {
			return nil, errReq("client credentials in the header and the body differ")
		}
		id, secret, usedBasic = bid, bsecret, true
	}
	fail := &oauthError{status: 400, code: "invalid_client", desc: "client authentication failed", basic: usedBasic}
	if id == "" {
		return nil, fail
	}
	c := s.clients[id]
	if c == nil {
		secretEqual(secret, "unknown-client-padding") // keep timing alike
		return nil, fail
	}
	if !secretEqual(secret, c.Secret) {
		return nil, fail
	}
	return c, nil
}

// parseBasic decodes an HTTP Basic Authorization header. Both parts are
// form-url-decoded as RFC 6749 2.3.1 asks.
func parseBasic(h string) (string, string, error) {
	scheme, cred, ok := strings.Cut(h, " ")
	if !ok || !strings.EqualFold(scheme, "Basic") {
		return "", "", errors.New("not Basic")
	}
	dec, err := base64.StdEncoding.DecodeString(strings.TrimSpace(cred))
	if err != nil {
		return "", "", errors.New("bad base64")
	}
	rawID, rawSecret, ok := strings.Cut(string(dec), ":")
	if !ok {
		return "", "", errors.New("no colon")
	}
	id, err1 := url.QueryUnescape(rawID)
	secret, err2 := url.QueryUnescape(rawSecret)
	if err1 != nil || err2 != nil || id == "" {
		return "", "", errors.New("bad encoding")
	}
	return id, secret, nil
}

// ServeToken serves POST /connect/token without the fault hook. A fault hook
// may call it to let the real endpoint act (e.g. rotate a refresh token)
// before it spoils the answer.
func (s *Server) ServeToken(w http.ResponseWriter, r *http.Request) {
	if refuseNonPost(w, r) {
		return
	}
	params, oe := readTokenForm(w, r)
	gt := "other"
	if oe == nil {
		switch params["grant_type"] {
		case "", "authorization_code", "refresh_token", "client_credentials", "password":
			gt = params["grant_type"]
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.stats.TokenRequests[gt]++
	if oe != nil {
		writeOAuthError(w, oe)
		return
	}
	c, oe := s.authenticateClient(r, params)
	if oe != nil {
		writeOAuthError(w, oe)
		return
	}
	var set tokenSet
	switch params["grant_type"] {
	case "authorization_code":
		set, oe = s.exchangeCode(c, params)
	case "refresh_token":
		set, oe = s.refreshGrant(c, params)
	case "client_credentials":
		oe = &oauthError{status: 400, code: "unauthorized_client", desc: "Dinero applications cannot use client_credentials"}
	case "":
		oe = errReq("grant_type is required")
	default:
		oe = &oauthError{status: 400, code: "unsupported_grant_type", desc: "grant_type is not supported"}
	}
	if oe != nil {
		writeOAuthError(w, oe)
		return
	}
	writeJSON(w, http.StatusOK, set)
}
