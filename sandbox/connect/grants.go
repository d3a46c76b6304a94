package connect

// exchangeCode runs grant_type=authorization_code. Callers hold s.mu.
//
// Like IdentityServer, a code presented by its own client is spent by that
// attempt even when the attempt then fails (wrong redirect_uri or verifier):
// a second try gets invalid_grant.
func (s *Server) exchangeCode(c *Client, params map[string]string) (tokenSet, *oauthError) {
	codeValue, redirect := params["code"], params["redirect_uri"]
	if codeValue == "" {
		return tokenSet{}, errReq("code is required")
	}
	if redirect == "" {
		return tokenSet{}, errReq("redirect_uri is required")
	}
	now := s.now()
	ac := s.codes[codeValue]
	if ac == nil || !now.Before(ac.expires) || ac.clientID != c.ID {
		return tokenSet{}, errGrant("the code is invalid or expired")
	}
	if ac.used {
		// RFC 6749 4.1.2: a replayed code revokes what it produced.
		s.stats.CodeReplays++
		if ac.grantID != "" {
			s.revokeGrant(ac.grantID)
		}
		return tokenSet{}, errGrant("the code was already used")
	}
	ac.used = true
	if redirect != ac.redirectURI {
		return tokenSet{}, errGrant("redirect_uri does not match the authorize request")
	}
	verifier, hasVerifier := params["code_verifier"]
	switch {
	case ac.challenge == "" && hasVerifier:
		return tokenSet{}, errGrant("code_verifier sent but no code_challenge was")
	case ac.challenge != "" && !hasVerifier:
		return tokenSet{}, errGrant("code_verifier is required")
	case ac.challenge != "" && !pkceMatches(verifier, ac.challenge, ac.method):
		return tokenSet{}, errGrant("code_verifier does not match the code_challenge")
	}
	g := &grant{
		id: randomHex(16, true), clientID: c.ID, sub: ac.sub, sid: ac.sid, nonce: ac.nonce,
		scopes: ac.scopes, authTime: ac.authTime, created: now,
	}
	s.grants[g.id] = g
	ac.grantID = g.id
	set, err := s.issueTokens(g, c, g.scopes)
	if err != nil {
		return tokenSet{}, &oauthError{status: 500, code: "server_error", desc: "could not issue tokens"}
	}
	if contains(g.scopes, "offline_access") {
		set.RefreshToken = s.newRefresh(g)
	}
	s.stats.CodesRedeemed++
	return set, nil
}

// refreshGrant runs grant_type=refresh_token. Callers hold s.mu.
func (s *Server) refreshGrant(c *Client, params map[string]string) (tokenSet, *oauthError) {
	handle := params["refresh_token"]
	if handle == "" {
		return tokenSet{}, errReq("refresh_token is required")
	}
	now := s.now()
	rt := s.refresh[handle]
	if rt == nil || rt.clientID != c.ID {
		return tokenSet{}, errGrant("the refresh token is invalid")
	}
	g := s.grants[rt.grantID]
	if g == nil || g.revoked {
		return tokenSet{}, errGrant("the refresh token was revoked")
	}
	if !now.Before(refreshExpiry(rt, g, c)) {
		delete(s.refresh, handle)
		return tokenSet{}, errGrant("the refresh token has expired")
	}
	scopes := g.scopes
	if v, ok := params["scope"]; ok {
		scopes = splitScopes(v)
		for _, sc := range scopes {
			if !contains(g.scopes, sc) {
				return tokenSet{}, &oauthError{status: 400, code: "invalid_scope", desc: "scope exceeds the grant"}
			}
		}
	}
	grace := false
	if c.RefreshMode == RefreshOneTime && !rt.consumed.IsZero() {
		if c.RefreshGrace == 0 || now.Sub(rt.consumed) > c.RefreshGrace {
			// Replay after the grace period: revoke the whole family.
			s.revokeGrant(g.id)
			s.stats.ReuseDetections++
			return tokenSet{}, errGrant("the refresh token was already used")
		}
		grace = true
	}
	set, err := s.issueTokens(g, c, scopes)
	if err != nil {
		return tokenSet{}, &oauthError{status: 500, code: "server_error", desc: "could not issue tokens"}
	}
	if c.RefreshMode == RefreshReuse {
		rt.lastUsed = now
		set.RefreshToken = handle
	} else {
		if rt.consumed.IsZero() {
			rt.consumed = now
		}
		set.RefreshToken = s.newRefresh(g)
	}
	s.stats.Refreshes++
	if grace {
		s.stats.GraceReuses++
	}
	return set, nil
}
