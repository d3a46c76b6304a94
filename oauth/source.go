package oauth

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"

	"golang.org/x/oauth2"
)

// fresh reports whether t can be used without a refresh.
func (s *Session) fresh(t *Tokens) bool {
	return t != nil && s.now().Add(refreshAhead).Before(t.Expiry)
}

// validToken returns tokens whose access token is good for at least
// refreshAhead. rejected, when set, is an access token the API refused:
// it is renewed even if it looks fresh, unless the store already holds a
// different one. Refreshing happens under the cross-process lock after
// re-reading the store, with exactly one token request.
func (s *Session) validToken(rejected string) (*Tokens, error) {
	if t := s.current(); rejected == "" && s.fresh(t) {
		return t, nil
	}
	var out *Tokens
	err := s.withLock(context.Background(), func() error {
		t, err := s.loadLocked()
		if err != nil {
			s.setCurrent(nil)
			s.setWarning(err.Error())
			if errors.Is(err, ErrStoreCorrupt) {
				return fmt.Errorf("%v: %w", err, ErrLoginRequired)
			}
			return err
		}
		if t == nil {
			s.setCurrent(nil)
			s.emit(Event{Kind: EventLoginRequired, Message: ErrLoginRequired.Error()})
			return ErrLoginRequired
		}
		if s.fresh(t) && t.AccessToken != rejected {
			s.setCurrent(t)
			out = t
			return nil
		}
		if t.RefreshToken == "" {
			s.setCurrent(t)
			s.emit(Event{Kind: EventLoginRequired, Message: "the access token expired and there is no refresh token"})
			return fmt.Errorf("the access token expired and no refresh token is held (offline_access): %w", ErrLoginRequired)
		}
		out, err = s.refresh(t)
		return err
	})
	return out, err
}

// refresh sends one refresh request and persists the result before it is
// used. It must run under withLock.
func (s *Session) refresh(old *Tokens) (*Tokens, error) {
	cfg := oauth2.Config{
		ClientID:     s.p.ClientID,
		ClientSecret: s.p.ClientSecret,
		Endpoint:     oauth2.Endpoint{TokenURL: old.TokenURL, AuthStyle: authStyle(s.p)},
	}
	// A background context: an abandoned UI request must not cut a refresh
	// short after it reached the server. The client's timeout bounds it.
	watch := &rotationWatch{}
	ctx := context.WithValue(context.Background(), oauth2.HTTPClient, watch.client(s.hc))
	hook("refresh-start")
	tok, err := cfg.TokenSource(ctx, &oauth2.Token{RefreshToken: old.RefreshToken}).Token()
	if err != nil {
		var re *oauth2.RetrieveError
		if !errors.As(err, &re) {
			// A 2xx answer x/oauth2 refused may still have rotated.
			s.keepRotated(watch.refreshToken(), old)
		}
		return nil, s.refreshFailed(err, old)
	}
	hook("refresh-answered")
	nt, err := s.tokensFrom(tok, old)
	if err != nil {
		s.keepRotated(tok.RefreshToken, old)
		return nil, err
	}
	// Once saved or not, the new pair is the one to use: the old refresh
	// token is spent. keep says so when it could not be saved.
	msg := "session renewed"
	if s.keep(nt) != nil {
		msg = unsavedPrefix
	}
	s.emit(Event{Kind: EventRefreshed, Expiry: nt.Expiry, Message: msg})
	return nt.clone(), nil
}

// keepRotated keeps a new refresh token from an answer that failed
// validation: the server has rotated, so the old one is spent. The record
// keeps the old access token marked expired, so the next use refreshes
// with the new refresh token.
func (s *Session) keepRotated(refresh string, old *Tokens) {
	if refresh == "" || refresh == old.RefreshToken || !printable(refresh) {
		return
	}
	kept := old.clone()
	kept.RefreshToken = refresh
	kept.Expiry, kept.SavedAt = s.now().UTC(), s.now().UTC()
	_ = s.keep(kept)
}

// refreshFailed classifies a failed refresh without quoting the response.
func (s *Session) refreshFailed(err error, old *Tokens) error {
	var re *oauth2.RetrieveError
	if errors.As(err, &re) && re.ErrorCode == "invalid_grant" {
		if derr := s.store.Delete(); derr != nil {
			s.setWarning(derr.Error())
		}
		s.setCurrent(nil)
		s.emit(Event{Kind: EventLoginRequired, Message: "Visma Connect ended the session; log in again"})
		return fmt.Errorf("Visma Connect rejected the refresh token (invalid_grant): %w", ErrLoginRequired)
	}
	if te := asTokenError(err); te != nil {
		return fmt.Errorf("renew the session: %w", te)
	}
	msg := "could not renew the session: " + s.redact(err.Error(), old.RefreshToken) +
		"; the request may have reached Visma Connect, so it was not repeated. Try again shortly; if that fails, log in again"
	s.emit(Event{Kind: EventWarning, Message: msg})
	return &safeError{msg: msg, err: err}
}

// tokensFrom turns a token response into a store record. base, when set,
// supplies what the response may omit (refresh token, scopes, endpoints).
func (s *Session) tokensFrom(tok *oauth2.Token, base *Tokens) (*Tokens, error) {
	typ := tok.TokenType
	if typ == "" {
		typ = "Bearer"
	}
	if !strings.EqualFold(typ, "bearer") {
		return nil, fmt.Errorf("Visma Connect issued a %q token; only Bearer tokens are supported", sanitizeCode(typ))
	}
	if !printable(tok.AccessToken) || !printable(tok.RefreshToken) {
		return nil, errors.New("the token response holds a malformed token")
	}
	life := unknownLifetime
	switch {
	case tok.ExpiresIn > int64(maxLifetime/time.Second):
		life = maxLifetime
	case tok.ExpiresIn > 0:
		life = time.Duration(tok.ExpiresIn) * time.Second
	}
	now := s.now()
	t := base.clone()
	t.Version, t.Issuer, t.ClientID = storeVersion, s.issuer, s.p.ClientID
	t.TokenType, t.AccessToken = "Bearer", tok.AccessToken
	if tok.RefreshToken != "" {
		t.RefreshToken = tok.RefreshToken
	}
	t.Expiry, t.SavedAt = now.Add(life).UTC(), now.UTC()
	if sc, ok := tok.Extra("scope").(string); ok && sc != "" {
		t.Scopes = strings.Fields(sc)
	}
	if len(t.Scopes) == 0 {
		t.Scopes = append([]string(nil), s.p.Scopes...)
	}
	return t, nil
}

// transport adds the bearer token and recovers from one 401.
type transport struct {
	s    *Session
	base http.RoundTripper
}

func defaultAPITransport() http.RoundTripper {
	if t, ok := http.DefaultTransport.(*http.Transport); ok {
		return t.Clone()
	}
	return http.DefaultTransport
}

// HTTPClient is the client for the Dinero API: it adds the bearer token
// (only to the API base's exact origin, following redirects only within
// it), refreshes ahead of expiry, and on a 401 renews the token once and
// retries an idempotent request once. All callers share one token source.
func (s *Session) HTTPClient() *http.Client { return s.apiClient }

// RoundTrip implements http.RoundTripper.
func (t *transport) RoundTrip(req *http.Request) (*http.Response, error) {
	if t.s.apiOrigin == "" || origin(req.URL) != t.s.apiOrigin {
		closeBody(req)
		return nil, t.s.errOtherOrigin(req.URL)
	}
	tok, err := t.s.validToken("")
	if err != nil {
		closeBody(req)
		return nil, err
	}
	resp, err := t.base.RoundTrip(withBearer(req, tok))
	if err != nil || resp.StatusCode != http.StatusUnauthorized || !retryable(req) {
		return resp, err
	}
	tok2, err := t.s.validToken(tok.AccessToken)
	if err != nil {
		resp.Body.Close()
		return nil, fmt.Errorf("the API refused the access token and renewing it failed: %w", err)
	}
	r2 := withBearer(req, tok2)
	if req.GetBody != nil && req.Body != nil && req.Body != http.NoBody {
		body, err := req.GetBody()
		if err != nil {
			return resp, nil
		}
		r2.Body = body
	}
	resp.Body.Close()
	return t.base.RoundTrip(r2)
}

func withBearer(req *http.Request, t *Tokens) *http.Request {
	r := req.Clone(req.Context())
	r.Header.Set("Authorization", "Bearer "+t.AccessToken)
	return r
}

// retryable: idempotent methods whose body can be sent again.
func retryable(req *http.Request) bool {
	switch req.Method {
	case "", http.MethodGet, http.MethodHead, http.MethodOptions, http.MethodPut, http.MethodDelete:
	default:
		return false
	}
	return req.Body == nil || req.Body == http.NoBody || req.GetBody != nil
}

func closeBody(req *http.Request) {
	if req.Body != nil {
		req.Body.Close()
	}
}
