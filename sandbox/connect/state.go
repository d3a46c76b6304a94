package connect

import (
	"strings"
	"time"
)

// pendingAuth is a validated authorize request waiting for the user's
// decision on the consent page. Only its opaque id travels in the page.
type pendingAuth struct {
	client       *Client
	redirectURI  string
	responseMode string
	scopes       []string
	state        string
	nonce        string
	challenge    string
	method       string
	danish       bool
	expires      time.Time
}

// authCode is an issued authorization code and everything it is bound to.
type authCode struct {
	clientID    string
	redirectURI string
	scopes      []string
	challenge   string
	method      string
	nonce       string
	sub         string
	sid         string
	authTime    time.Time
	expires     time.Time
	used        bool
	grantID     string // set once redeemed
}

// grant is one authorization (one code exchange): the family of every
// refresh and access token that descends from it.
type grant struct {
	id       string
	clientID string
	sub      string
	sid      string
	nonce    string
	scopes   []string
	authTime time.Time
	created  time.Time
	revoked  bool
}

// refreshToken is one refresh token handle.
type refreshToken struct {
	grantID  string
	clientID string
	lastUsed time.Time // when handed out, or (re-use mode) last used
	consumed time.Time // one-time mode: the first use; zero while unused
}

// accessToken is what the server remembers of an access token it issued.
type accessToken struct {
	grantID string
	expires time.Time
	revoked bool
}

// tokenSet is a token endpoint success answer.
type tokenSet struct {
	AccessToken  string `json:"access_token"`
	ExpiresIn    int64  `json:"expires_in"`
	TokenType    string `json:"token_type"`
	Scope        string `json:"scope"`
	RefreshToken string `json:"refresh_token,omitempty"`
	IDToken      string `json:"id_token,omitempty"`
}

// issueTokens mints an access token (and an id_token when openid was
// granted) for g with the given scopes. Callers hold s.mu.
func (s *Server) issueTokens(g *grant, c *Client, scopes []string) (tokenSet, error) {
	now := s.now()
	jti := randomHex(16, true)
	exp := now.Add(c.AccessTokenTTL)
	at, err := s.sign("at+JWT", accessClaims{
		Iss: s.issuer, Nbf: now.Unix(), Iat: now.Unix(), Exp: exp.Unix(), Aud: s.audience,
		Scope: scopes, Amr: []string{"pwd"}, ClientID: c.ID, Sub: g.sub,
		AuthTime: g.authTime.Unix(), Idp: "Visma Connect", Sid: g.sid, Jti: jti,
	})
	if err != nil {
		return tokenSet{}, err
	}
	s.pruneAccess(now)
	s.access[jti] = &accessToken{grantID: g.id, expires: exp}
	set := tokenSet{
		AccessToken: at,
		ExpiresIn:   int64(c.AccessTokenTTL / time.Second),
		TokenType:   "Bearer",
		Scope:       strings.Join(scopes, " "),
	}
	if contains(scopes, "openid") {
		set.IDToken, err = s.idToken(g, c.ID, at, now)
		if err != nil {
			return tokenSet{}, err
		}
	}
	return set, nil
}

func (s *Server) idToken(g *grant, clientID, accessToken string, now time.Time) (string, error) {
	c := idClaims{
		Iss: s.issuer, Nbf: now.Unix(), Iat: now.Unix(), Exp: now.Add(idTokenTTL).Unix(),
		Aud: clientID, Amr: []string{"pwd"}, Nonce: g.nonce, Sid: g.sid, Sub: g.sub,
		AuthTime: g.authTime.Unix(), Idp: "Visma Connect",
	}
	if accessToken != "" {
		c.AtHash = atHash(accessToken)
	}
	return s.sign("JWT", c)
}

// newRefresh hands out a new refresh token handle for g. Callers hold s.mu.
func (s *Server) newRefresh(g *grant) string {
	h := randomHex(32, true)
	now := s.now()
	s.refresh[h] = &refreshToken{grantID: g.id, clientID: g.clientID, lastUsed: now}
	return h
}

// refreshExpiry is when handle rt stops working: the absolute lifetime of its
// family or the sliding window since it was issued or last used.
func refreshExpiry(rt *refreshToken, g *grant, c *Client) time.Time {
	abs := g.created.Add(c.RefreshLifetime)
	slide := rt.lastUsed.Add(c.RefreshSliding)
	if slide.Before(abs) {
		return slide
	}
	return abs
}

// revokeGrant revokes a whole family: every refresh and access token of it.
// Callers hold s.mu.
func (s *Server) revokeGrant(id string) {
	g := s.grants[id]
	if g == nil {
		return
	}
	g.revoked = true
	for h, rt := range s.refresh {
		if rt.grantID == id {
			delete(s.refresh, h)
		}
	}
	for _, at := range s.access {
		if at.grantID == id {
			at.revoked = true
		}
	}
}

// pruneAccess forgets access tokens that have expired anyway.
func (s *Server) pruneAccess(now time.Time) {
	for jti, at := range s.access {
		if now.After(at.expires) {
			delete(s.access, jti)
		}
	}
}

// prunePending forgets expired consent requests and codes.
func (s *Server) prunePending(now time.Time) {
	for id, p := range s.pending {
		if now.After(p.expires) {
			delete(s.pending, id)
		}
	}
	for c, ac := range s.codes {
		if now.After(ac.expires) {
			delete(s.codes, c)
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
