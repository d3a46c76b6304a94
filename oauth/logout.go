package oauth

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
)

// Logout revokes the refresh token (or the access token when there is no
// refresh token) at Visma Connect and deletes the stored tokens, and does
// the same for every record the store keeps aside (other Connect URLs or
// client ids) or set aside as unusable. Logging out with nothing stored
// succeeds. When only a revocation fails, the tokens are still deleted and
// the error wraps ErrRevokeFailed.
func (s *Session) Logout(ctx context.Context) error {
	var revokeErr error
	err := s.withLock(ctx, func() error {
		t, lerr := s.store.Load()
		s.stateMu.Lock()
		if p := s.unsaved; p != nil && (lerr != nil || !newer(t, p)) {
			t, lerr = p.clone(), nil // the live pair is the unsaved one
		}
		s.stateMu.Unlock()
		if lerr == nil && t != nil {
			revokeErr = s.revoke(ctx, t)
		}
		if as, ok := s.store.(asideStore); ok {
			for _, a := range as.Aside() {
				if err := s.revoke(ctx, a); err != nil && revokeErr == nil {
					revokeErr = err
				}
			}
			if err := as.ClearAside(); err != nil {
				return err
			}
		}
		if err := s.store.Delete(); err != nil {
			return err
		}
		s.stateMu.Lock()
		s.unsaved = nil
		s.stateMu.Unlock()
		s.setCurrent(nil)
		return nil
	})
	if err != nil {
		return fmt.Errorf("log out: %w", err)
	}
	s.emit(Event{Kind: EventLoggedOut, Message: "logged out"})
	if revokeErr != nil {
		return fmt.Errorf("%w: %v (the local tokens were deleted)", ErrRevokeFailed, revokeErr)
	}
	return nil
}

// revoke sends one RFC 7009 revocation: with Basic client authentication
// for this application's tokens, with only the client id for another's
// (its secret is not ours to send).
func (s *Session) revoke(ctx context.Context, t *Tokens) error {
	endpoint := t.RevokeURL
	if endpoint == "" || checkEndpoint(endpoint) != nil {
		endpoint = strings.TrimRight(t.Issuer, "/") + "/connect/revocation"
	}
	if checkEndpoint(endpoint) != nil {
		return errors.New("the tokens name no usable revocation endpoint")
	}
	form := url.Values{}
	if t.RefreshToken != "" {
		form.Set("token", t.RefreshToken)
		form.Set("token_type_hint", "refresh_token")
	} else {
		form.Set("token", t.AccessToken)
		form.Set("token_type_hint", "access_token")
	}
	own := t.ClientID == s.p.ClientID
	if !own {
		form.Set("client_id", t.ClientID)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, endpoint, strings.NewReader(form.Encode()))
	if err != nil {
		return errors.New("bad revocation endpoint")
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	if own {
		req.SetBasicAuth(url.QueryEscape(s.p.ClientID), url.QueryEscape(s.p.ClientSecret))
	}
	resp, err := s.hc.Do(req)
	if err != nil {
		return &safeError{msg: s.redact(err.Error(), t.RefreshToken, t.AccessToken), err: err}
	}
	defer resp.Body.Close()
	io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("revocation endpoint answered HTTP %d", resp.StatusCode)
	}
	return nil
}
