package connect

import (
	"crypto"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"crypto/x509"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"strings"
	"sync"
	"time"

	"github.com/dinero-tui/dinero-tui/sandbox/tokens"
)

var b64 = base64.RawURLEncoding

// processKey is the signing key shared by every Server of this process.
// 2048-bit generation costs from tens of milliseconds to seconds on a busy
// machine, and tests start many servers. Sharing is safe: a token is only
// accepted by the server whose issuer it names and whose registry lists it.
var processKey struct {
	sync.Mutex
	key *rsa.PrivateKey
}

func signingKey() (*rsa.PrivateKey, error) {
	processKey.Lock()
	defer processKey.Unlock()
	if processKey.key == nil {
		key, err := rsa.GenerateKey(rand.Reader, 2048)
		if err != nil {
			return nil, fmt.Errorf("generate signing key: %w", err)
		}
		processKey.key = key
	}
	return processKey.key, nil
}

func (s *Server) loadKey() error {
	key, err := signingKey()
	if err != nil {
		return err
	}
	der, err := x509.MarshalPKIXPublicKey(&key.PublicKey)
	if err != nil {
		return fmt.Errorf("encode signing key: %w", err)
	}
	sum := sha256.Sum256(der)
	s.key = key
	s.kid = strings.ToUpper(hex.EncodeToString(sum[:16]))
	return nil
}

// jwk is the public signing key as published at jwks_uri.
func (s *Server) jwk() map[string]any {
	return map[string]any{
		"kty": "RSA",
		"use": "sig",
		"alg": "RS256",
		"kid": s.kid,
		"n":   b64.EncodeToString(s.key.N.Bytes()),
		"e":   b64.EncodeToString(big.NewInt(int64(s.key.E)).Bytes()),
	}
}

// sign makes a compact RS256 JWS of claims with the given typ header.
func (s *Server) sign(typ string, claims any) (string, error) {
	header, err := json.Marshal(map[string]string{"alg": "RS256", "kid": s.kid, "typ": typ})
	if err != nil {
		return "", fmt.Errorf("encode JWT header: %w", err)
	}
	payload, err := json.Marshal(claims)
	if err != nil {
		return "", fmt.Errorf("encode JWT claims: %w", err)
	}
	input := b64.EncodeToString(header) + "." + b64.EncodeToString(payload)
	digest := sha256.Sum256([]byte(input))
	sig, err := rsa.SignPKCS1v15(rand.Reader, s.key, crypto.SHA256, digest[:])
	if err != nil {
		return "", fmt.Errorf("sign JWT: %w", err)
	}
	return input + "." + b64.EncodeToString(sig), nil
}

// accessClaims is the payload of an access token, shaped like Visma Connect's.
type accessClaims struct {
	Iss      string   `json:"iss"`
	Nbf      int64    `json:"nbf"`
	Iat      int64    `json:"iat"`
	Exp      int64    `json:"exp"`
	Aud      string   `json:"aud"`
	Scope    []string `json:"scope"`
	Amr      []string `json:"amr"`
	ClientID string   `json:"client_id"`
	Sub      string   `json:"sub"`
	AuthTime int64    `json:"auth_time"`
	Idp      string   `json:"idp"`
	Sid      string   `json:"sid"`
	Jti      string   `json:"jti"`
}

// idClaims is the payload of an id_token.
type idClaims struct {
	Iss      string   `json:"iss"`
	Nbf      int64    `json:"nbf"`
	Iat      int64    `json:"iat"`
	Exp      int64    `json:"exp"`
	Aud      string   `json:"aud"`
	Amr      []string `json:"amr"`
	Nonce    string   `json:"nonce,omitempty"`
	AtHash   string   `json:"at_hash,omitempty"`
	Sid      string   `json:"sid"`
	Sub      string   `json:"sub"`
	AuthTime int64    `json:"auth_time"`
	Idp      string   `json:"idp"`
}

// verify checks the signature of a compact JWS made by this server, its alg
// and kid, and that its typ header is wantTyp. It returns the raw payload.
func (s *Server) verify(raw, wantTyp string) ([]byte, error) {
	parts := strings.Split(raw, ".")
	if len(parts) != 3 {
		return nil, errors.New("not a compact JWS")
	}
	hb, err := b64.DecodeString(parts[0])
	if err != nil {
		return nil, errors.New("bad header encoding")
	}
	var h struct{ Alg, Kid, Typ string }
	if err := json.Unmarshal(hb, &h); err != nil {
		return nil, errors.New("bad header")
	}
	if h.Alg != "RS256" || h.Kid != s.kid || h.Typ != wantTyp {
		return nil, errors.New("unexpected header")
	}
	sig, err := b64.DecodeString(parts[2])
	if err != nil {
		return nil, errors.New("bad signature encoding")
	}
	digest := sha256.Sum256([]byte(parts[0] + "." + parts[1]))
	if err := rsa.VerifyPKCS1v15(&s.key.PublicKey, crypto.SHA256, digest[:], sig); err != nil {
		return nil, errors.New("bad signature")
	}
	payload, err := b64.DecodeString(parts[1])
	if err != nil {
		return nil, errors.New("bad payload encoding")
	}
	return payload, nil
}

// parseAccess verifies an access token's signature and decodes its claims,
// without checking time, issuer or revocation.
func (s *Server) parseAccess(raw string) (accessClaims, error) {
	var c accessClaims
	payload, err := s.verify(raw, "at+JWT")
	if err != nil {
		return c, err
	}
	if err := json.Unmarshal(payload, &c); err != nil {
		return c, errors.New("bad claims")
	}
	return c, nil
}

// Validate checks a bearer access token: RS256 signature by this server's
// key, typ at+JWT, iss, aud, nbf and exp against the configured clock, and
// that neither the token nor its grant was revoked. Every failure is
// tokens.ErrInvalid (wrapped with a short reason that never holds the token).
func (s *Server) Validate(raw string) (tokens.Claims, error) {
	c, err := s.parseAccess(raw)
	if err != nil {
		return tokens.Claims{}, fmt.Errorf("%w: %v", tokens.ErrInvalid, err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.now()
	switch {
	case s.issuer == "" || c.Iss != s.issuer:
		return tokens.Claims{}, fmt.Errorf("%w: wrong issuer", tokens.ErrInvalid)
	case c.Aud != s.audience:
		return tokens.Claims{}, fmt.Errorf("%w: wrong audience", tokens.ErrInvalid)
	case now.Unix() >= c.Exp:
		return tokens.Claims{}, fmt.Errorf("%w: expired", tokens.ErrInvalid)
	case now.Unix() < c.Nbf:
		return tokens.Claims{}, fmt.Errorf("%w: not valid yet", tokens.ErrInvalid)
	}
	at, ok := s.access[c.Jti]
	if !ok || at.revoked || s.grants[at.grantID] == nil || s.grants[at.grantID].revoked {
		return tokens.Claims{}, fmt.Errorf("%w: revoked", tokens.ErrInvalid)
	}
	return tokens.Claims{
		Subject:   c.Sub,
		ClientID:  c.ClientID,
		Scopes:    append([]string(nil), c.Scope...),
		Audience:  c.Aud,
		ExpiresAt: time.Unix(c.Exp, 0),
		GrantID:   at.grantID,
	}, nil
}

// atHash is the OIDC at_hash of an access token (left half of its SHA-256).
func atHash(accessToken string) string {
	sum := sha256.Sum256([]byte(accessToken))
	return b64.EncodeToString(sum[:len(sum)/2])
}

// randomHex returns n random bytes as hex.
func randomHex(n int, upper bool) string {
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		panic(fmt.Sprintf("crypto/rand failed: %v", err)) // never happens on supported platforms
	}
	h := hex.EncodeToString(b)
	if upper {
		return strings.ToUpper(h)
	}
	return h
}

// randomUUID returns a random version 4 UUID string.
func randomUUID() string {
	b := make([]byte, 16)
	if _, err := rand.Read(b); err != nil {
		panic(fmt.Sprintf("crypto/rand failed: %v", err))
	}
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	h := hex.EncodeToString(b)
	return h[0:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:]
}
