package oauth

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"
)

// storeVersion is the schema version of a stored token record.
const storeVersion = 1

// Tokens is one stored token set. It is kept only in memory and in the
// token store; String redacts it so it cannot leak through a log line.
type Tokens struct {
	Version      int       `json:"version"`
	Issuer       string    `json:"issuer"`    // the Connect base URL the tokens came from
	ClientID     string    `json:"client_id"` // the application they belong to
	TokenType    string    `json:"token_type"`
	AccessToken  string    `json:"access_token"`
	RefreshToken string    `json:"refresh_token,omitempty"`
	Expiry       time.Time `json:"expiry"` // absolute UTC expiry of the access token
	Scopes       []string  `json:"scopes,omitempty"`
	TokenURL     string    `json:"token_url"`
	RevokeURL    string    `json:"revocation_url,omitempty"`
	SavedAt      time.Time `json:"saved_at"`
}

// String never shows a token.
func (t *Tokens) String() string {
	if t == nil {
		return "<no tokens>"
	}
	return fmt.Sprintf("tokens(expiry %s, refresh token %t)", t.Expiry.Format(time.RFC3339), t.RefreshToken != "")
}

// GoString never shows a token either.
func (t *Tokens) GoString() string { return t.String() }

// clone returns a deep copy.
func (t *Tokens) clone() *Tokens {
	if t == nil {
		return nil
	}
	c := *t
	c.Scopes = append([]string(nil), t.Scopes...)
	return &c
}

// Store keeps one profile's tokens. Implementations must make Save atomic:
// after a crash, Load returns either the old or the new record, whole.
type Store interface {
	// Kind names the store ("file" or "keyring").
	Kind() string
	// Load returns the stored tokens, (nil, nil) when there are none, or an
	// error wrapping ErrStoreCorrupt when the record was unusable and has
	// been set aside.
	Load() (*Tokens, error)
	// Save replaces the record durably.
	Save(t *Tokens) error
	// Delete removes the record; deleting nothing is not an error.
	Delete() error
}

// ErrStoreCorrupt is wrapped by Store.Load when the stored record could not
// be used (damaged, foreign or from another version) and was set aside.
var ErrStoreCorrupt = errors.New("token store was unreadable")

// maxRecord bounds the size of a stored record.
const maxRecord = 256 << 10

// encodeTokens serializes a record.
func encodeTokens(t *Tokens) ([]byte, error) {
	c := t.clone()
	c.Version = storeVersion
	c.Expiry = c.Expiry.UTC()
	c.SavedAt = c.SavedAt.UTC()
	b, err := json.MarshalIndent(c, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("encode tokens: %w", err)
	}
	return append(b, '\n'), nil
}

// errForeign: the record is sound but belongs to another Connect URL or
// client id. It is not corrupt: the store keeps it aside.
var errForeign = errors.New("record belongs to another Connect URL or client id")

// decodeTokens parses and checks a record for the given application;
// a sound record of another application is errForeign. Error messages
// never quote the data.
func decodeTokens(data []byte, issuer, clientID string) (*Tokens, error) {
	t, err := decodeRecord(data)
	if err != nil {
		return nil, err
	}
	if t.Issuer != issuer || t.ClientID != clientID {
		return t, errForeign
	}
	return t, nil
}

// decodeRecord parses and checks a record, whoever it belongs to.
func decodeRecord(data []byte) (*Tokens, error) {
	if len(data) > maxRecord {
		return nil, errors.New("record too large")
	}
	var t Tokens
	dec := json.NewDecoder(strings.NewReader(string(data)))
	if err := dec.Decode(&t); err != nil {
		return nil, errors.New("not a JSON token record")
	}
	if dec.More() {
		return nil, errors.New("trailing data after the token record")
	}
	switch {
	case t.Version != storeVersion:
		return nil, fmt.Errorf("unknown record version %d", t.Version)
	case t.ClientID == "" || t.Issuer == "":
		return nil, errors.New("record names no Connect URL or client id")
	case t.AccessToken == "" || t.Expiry.IsZero():
		return nil, errors.New("record has no access token")
	case t.TokenURL == "":
		return nil, errors.New("record has no token endpoint")
	case !printable(t.AccessToken) || !printable(t.RefreshToken):
		return nil, errors.New("record holds a malformed token")
	}
	return &t, nil
}

// appKey names the records of one Connect URL and client id, for the
// records a store keeps aside.
func appKey(issuer, clientID string) string {
	sum := sha256.Sum256([]byte(issuer + "\n" + clientID))
	return hex.EncodeToString(sum[:8])
}

// asideStore is a store that keeps the records of other Connect URLs or
// client ids aside (a mistyped DINERO_CONNECT_URL must not lose the live
// session) and can list and remove them.
type asideStore interface {
	// Aside returns the records kept aside.
	Aside() []*Tokens
	// ClearAside removes every record kept aside and every unusable record
	// set aside.
	ClearAside() error
}

// parkedWarning tells the user a foreign record was kept, not lost.
const parkedWarning = "the token store held a session of another Connect URL or client id; it is kept aside " +
	"and comes back when that Connect URL and client id are used again (logout revokes and removes it)"

// printable reports whether s is safe to put in an HTTP header or form.
func printable(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] <= ' ' || s[i] >= 0x7f {
			return false
		}
	}
	return true
}
