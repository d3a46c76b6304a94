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
// refresh token) at Visma Connect and deletes the stored tokens. Logging
// out with nothing stored succeeds. When only the revocation fails, the
// tokens are still deleted and the error wraps ErrRevokeFailed.
func (s *Session) Logout(ctx context.Context) error {
	var revokeErr error
	err := s.withLock(ctx, func() error {
		t, lerr := s.store.Load()
		if lerr == nil && t != nil {
			revokeErr = s.revoke(ctx, t)
		}
		if err := s.store.Delete(); err != nil {
			return err
		}
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

// revoke sends one RFC 7009 revocation with Basic client authentication.
func (s *Session) revoke(ctx context.Context, t *Tokens) error {
	endpoint := t.RevokeURL
	if endpoint == "" {
		endpoint = s.documented().Revocation
	}
	form := url.Values{}
	if t.RefreshToken != "" {
		form.Set("token", t.RefreshToken)
		form.Set("token_type_hint", "refresh_token")
	} else {
		form.Set("token", t.AccessToken)
		form.Set("token_type_hint", "access_token")
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, endpoint, strings.NewReader(form.Encode()))
	if err != nil {
		return errors.New("bad revocation endpoint")
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.SetBasicAuth(url.QueryEscape(s.p.ClientID), url.QueryEscape(s.p.ClientSecret))
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
