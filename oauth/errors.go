package oauth

import (
	"errors"
	"fmt"
	"mime"
	"strings"

	"golang.org/x/oauth2"
)

// ErrLoginCancelled is returned when the user pressed Cancel on the consent
// page (error=access_denied).
var ErrLoginCancelled = errors.New("login cancelled")

// ErrRevokeFailed is wrapped by Logout when the local tokens were removed
// but Visma Connect could not be told to revoke them.
var ErrRevokeFailed = errors.New("could not revoke the tokens at Visma Connect")

// TokenError is a refusal from the token endpoint. It holds only the
// status, the (sanitized) OAuth error code and the content type, never the
// response body.
type TokenError struct {
	Status      int
	Code        string // e.g. invalid_grant; empty when the answer was not an OAuth error
	ContentType string
}

// Error explains the refusal and what to do.
func (e *TokenError) Error() string {
	if e.Code == "" {
		return fmt.Sprintf("Visma Connect's token endpoint answered HTTP %d (%s) instead of a token; try again later", e.Status, e.ContentType)
	}
	hint := ""
	switch e.Code {
	case "invalid_grant":
		hint = ": the code or token was already used or has expired; log in again"
	case "invalid_client", "unauthorized_client":
		hint = ": check the client id and client secret (DINERO_CLIENT_ID, DINERO_CLIENT_SECRET)"
	case "invalid_scope":
		hint = ": check DINERO_SCOPES against the scopes granted to the application"
	case "invalid_request":
		hint = ": the request was refused as malformed (PKCE or redirect URI setting?)"
	}
	return fmt.Sprintf("Visma Connect refused the token request: %s (HTTP %d)%s", e.Code, e.Status, hint)
}

// asTokenError converts an x/oauth2 RetrieveError (whose Error text quotes
// the response body) into a TokenError; nil for other errors.
func asTokenError(err error) *TokenError {
	var re *oauth2.RetrieveError
	if !errors.As(err, &re) {
		return nil
	}
	te := &TokenError{Code: sanitizeCode(re.ErrorCode), ContentType: "no content type"}
	if re.Response != nil {
		te.Status = re.Response.StatusCode
		if mt, _, err := mime.ParseMediaType(re.Response.Header.Get("Content-Type")); err == nil {
			te.ContentType = sanitizeCode(mt)
		}
	}
	return te
}

// sanitizeCode keeps an error code from the network short and free of
// control or markup characters.
func sanitizeCode(s string) string {
	var b strings.Builder
	for _, r := range s {
		if b.Len() >= 64 {
			break
		}
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("_-./+", r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// safeError carries a message already cleaned of secrets; Unwrap keeps
// errors.Is working for timeouts and cancellation.
type safeError struct {
	msg string
	err error
}

func (e *safeError) Error() string { return e.msg }
func (e *safeError) Unwrap() error { return e.err }

// redact removes the client secret and the given values from msg.
func (s *Session) redact(msg string, secrets ...string) string {
	for _, v := range append(secrets, s.p.ClientSecret) {
		if len(v) >= 4 {
			msg = strings.ReplaceAll(msg, v, "[redacted]")
		}
	}
	return msg
}

// exchangeError classifies a failed code exchange without quoting secrets.
func (s *Session) exchangeError(err error, code, verifier string) error {
	if te := asTokenError(err); te != nil {
		return fmt.Errorf("exchange the login code: %w", te)
	}
	return &safeError{msg: "exchange the login code: " + s.redact(err.Error(), code, verifier), err: err}
}
