// Package tokens is the contract between the sandbox's Visma Connect (which
// issues and revokes access tokens) and its Dinero API (which checks them).
package tokens

import (
	"errors"
	"time"
)

// Claims are the parts of a validated access token the Dinero sandbox needs.
type Claims struct {
	Subject   string    // sub: the user
	ClientID  string    // client_id
	Scopes    []string  // scope (a JSON array in the JWT)
	Audience  string    // aud, "https://api.dinero.dk" on the real service
	ExpiresAt time.Time // exp
	GrantID   string    // the grant/family the token came from (for revocation)
}

// HasScope reports whether the token carries scope s.
func (c Claims) HasScope(s string) bool {
	for _, x := range c.Scopes {
		if x == s {
			return true
		}
	}
	return false
}

// ErrInvalid is returned for a token that is malformed, badly signed, has
// the wrong issuer or audience, is expired, or was revoked.
var ErrInvalid = errors.New("invalid access token")

// Validator checks a bearer access token. The Connect sandbox implements it:
// it verifies the RS256 signature, iss, aud and exp, and whether the grant
// the token belongs to has been revoked.
type Validator interface {
	Validate(rawToken string) (Claims, error)
}
