package oauth

import (
	"context"
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	"golang.org/x/oauth2"

	"github.com/dinero-tui/dinero-tui/config"
)

// Login is one authorization attempt: a link for the browser, and either a
// loopback receiver (Wait) or paste mode (SubmitPaste).
type Login struct {
	s        *Session
	cfg      oauth2.Config // per-login copy with the exact redirect URI
	ep       endpoints
	state    string
	nonce    string
	verifier string
	url      string
	paste    bool

	rc        *receiver
	srv       *http.Server
	closeOnce sync.Once
	doneMu    sync.Mutex
	finished  bool
}

// StartLogin discovers the endpoints, starts the loopback receiver when the
// redirect URI is loopback, and builds the authorize link.
func (s *Session) StartLogin(ctx context.Context) (*Login, error) {
	if err := s.p.Validate(); err != nil {
		return nil, err
	}
	red, err := config.ParseRedirect(s.p.RedirectURI)
	if err != nil {
		return nil, err
	}
	mode := "form_post"
	if !red.Loopback {
		mode = "query"
	}
	ep, err := s.discover(ctx, mode)
	if err != nil {
		return nil, err
	}
	l := &Login{s: s, ep: ep, paste: !red.Loopback, state: randomString(32), nonce: randomString(16)}
	redirect := red.URL.String()
	if red.Loopback {
		if redirect, err = l.listen(red.URL); err != nil {
			return nil, err
		}
	}
	l.cfg = oauth2.Config{
		ClientID:     s.p.ClientID,
		ClientSecret: s.p.ClientSecret,
		Endpoint:     oauth2.Endpoint{AuthURL: ep.Authorize, TokenURL: ep.Token, AuthStyle: authStyle(s.p)},
		RedirectURL:  redirect,
		Scopes:       s.p.Scopes,
	}
	opts := []oauth2.AuthCodeOption{
		oauth2.SetAuthURLParam("response_mode", mode),
		oauth2.SetAuthURLParam("ui_locales", s.p.UILocale),
	}
	for k, vs := range s.p.AuthParams { // a Postman authUrl's own parameters (config keeps out the ones set here)
		if len(vs) > 0 && k != "response_mode" && k != "nonce" && k != "state" {
			opts = append(opts, oauth2.SetAuthURLParam(k, vs[len(vs)-1]))
		}
	}
	opts = append(opts, oauth2.SetAuthURLParam("nonce", l.nonce))
	if s.p.PKCE {
		l.verifier = oauth2.GenerateVerifier()
		opts = append(opts, oauth2.S256ChallengeOption(l.verifier))
	}
	l.url = l.cfg.AuthCodeURL(l.state, opts...)
	return l, nil
}

// authStyle is how the client secret reaches the token endpoint: in the
// form body (default) or as HTTP Basic ("client_authentication": "header"
// in a Postman collection).
func authStyle(p config.Profile) oauth2.AuthStyle {
	if p.ClientAuth == "header" {
		return oauth2.AuthStyleInHeader
	}
	return oauth2.AuthStyleInParams
}

// listen binds the loopback receiver and returns the redirect URI with the
// real port.
func (l *Login) listen(u *url.URL) (string, error) {
	host := u.Hostname()
	bind := []string{host}
	if strings.EqualFold(host, "localhost") {
		bind = []string{"127.0.0.1", "::1"}
	}
	var ln net.Listener
	var err error
	for _, b := range bind {
		if ln, err = net.Listen("tcp", net.JoinHostPort(b, u.Port())); err == nil {
			break
		}
	}
	if err != nil {
		return "", fmt.Errorf("cannot listen for the login answer on %s port %s (in use by another program?): %w", host, u.Port(), err)
	}
	port := strconv.Itoa(ln.Addr().(*net.TCPAddr).Port)
	red := *u
	red.Host = net.JoinHostPort(host, port)
	if strings.Contains(host, ":") {
		red.Host = "[" + host + "]:" + port
	}
	l.rc = newReceiver(u.Path, []string{red.Host}, l.state, l.s.issuer, l.ep.IssParam)
	l.rc.locale = l.s.p.UILocale
	l.srv = &http.Server{
		Handler:           l.rc,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       10 * time.Second,
		WriteTimeout:      10 * time.Second,
		IdleTimeout:       10 * time.Second,
		MaxHeaderBytes:    8 << 10,
		ErrorLog:          log.New(io.Discard, "", 0),
	}
	go l.srv.Serve(ln)
	return red.String(), nil
}

// URL is the authorize link to open in the browser.
func (l *Login) URL() string { return l.url }

// OpenBrowser opens the link with the session's opener ($BROWSER or the
// platform opener by default).
func (l *Login) OpenBrowser() error { return l.s.open(l.url) }

// PasteMode reports whether the user must paste the final URL or code
// (the redirect URI is not served locally).
func (l *Login) PasteMode() bool { return l.paste }

// RedirectURI is the redirect URI this login sent (with the real port).
func (l *Login) RedirectURI() string { return l.cfg.RedirectURL }

// Wait waits for the browser's form_post, then exchanges the code and
// stores the tokens. ctx bounds the whole login (deadline, Ctrl-C).
func (l *Login) Wait(ctx context.Context) error {
	if l.paste || l.rc == nil {
		return errors.New("this login is in paste mode: submit the final URL or code instead")
	}
	defer l.Close()
	select {
	case res := <-l.rc.results:
		l.Close() // stop listening before the (slower) exchange
		if res.err != nil {
			return res.err
		}
		return l.exchange(ctx, res.code)
	case <-ctx.Done():
		if errors.Is(ctx.Err(), context.DeadlineExceeded) {
			return fmt.Errorf("login timed out before the browser answered: %w", ctx.Err())
		}
		return fmt.Errorf("login interrupted: %w", ctx.Err())
	}
}

// SubmitPaste takes what the user pasted in paste mode: the final URL of
// the redirect (or just its query) or the bare code. A URL whose state
// belongs to another login is refused and the login can take another try.
func (l *Login) SubmitPaste(ctx context.Context, input string) error {
	input = strings.TrimSpace(input)
	if input == "" {
		return errors.New("nothing pasted: paste the address the browser ended on, or the code")
	}
	form, isForm := parsePasted(input)
	if !isForm {
		if !printable(input) || len(input) > 4096 {
			return errors.New("that does not look like a login code or URL")
		}
		return l.exchange(ctx, input)
	}
	if st := form["state"]; len(st) != 1 || subtle.ConstantTimeCompare([]byte(st[0]), []byte(l.state)) != 1 {
		return errors.New("the pasted address belongs to another login attempt; paste the address from this login")
	}
	res := evaluateResponse(form, l.s.issuer, l.ep.IssParam)
	if res.err != nil {
		return res.err
	}
	return l.exchange(ctx, res.code)
}

// parsePasted reads a pasted URL or query string; false means a bare code.
func parsePasted(in string) (url.Values, bool) {
	q := in
	if i := strings.IndexAny(in, "?#"); i >= 0 {
		q = in[i+1:]
	} else if !strings.Contains(in, "=") {
		return nil, false
	}
	q = strings.Replace(q, "#", "&", 1)
	form, err := url.ParseQuery(q)
	if err != nil {
		return url.Values{}, true
	}
	return form, true
}

// exchange trades the code for tokens with exactly one token request and
// stores them under the profile lock.
func (l *Login) exchange(ctx context.Context, code string) error {
	l.doneMu.Lock()
	defer l.doneMu.Unlock()
	if l.finished {
		return errors.New("this login has already used its code; start a new login")
	}
	l.finished = true
	s := l.s
	ctx = context.WithValue(ctx, oauth2.HTTPClient, s.hc)
	var opts []oauth2.AuthCodeOption
	if l.verifier != "" {
		opts = append(opts, oauth2.VerifierOption(l.verifier))
	}
	tok, err := l.cfg.Exchange(ctx, code, opts...)
	if err != nil {
		return s.exchangeError(err, code, l.verifier)
	}
	if err := checkNonce(tok, l.nonce); err != nil {
		return err
	}
	t, err := s.tokensFrom(tok, &Tokens{TokenURL: l.ep.Token, RevokeURL: l.ep.Revocation})
	if err != nil {
		return err
	}
	err = s.withLock(ctx, func() error { return s.keep(t) })
	if err != nil {
		return fmt.Errorf("store the new tokens: %w", err)
	}
	s.stateMu.Lock()
	s.warning = ""
	s.stateMu.Unlock()
	s.emit(Event{Kind: EventLoggedIn, Expiry: t.Expiry, Message: "logged in"})
	if t.RefreshToken == "" {
		s.setWarning("Visma Connect issued no refresh token (is offline_access enabled for the application?); you will need to log in again when the access token expires")
	}
	return nil
}

// checkNonce compares the nonce of an id_token, when one was issued. The
// token came straight from the token endpoint over TLS, so the payload is
// read without verifying the signature.
func checkNonce(tok *oauth2.Token, nonce string) error {
	raw, _ := tok.Extra("id_token").(string)
	if raw == "" {
		return nil
	}
	parts := strings.Split(raw, ".")
	if len(parts) != 3 {
		return errors.New("Visma Connect returned a malformed id_token")
	}
	payload, err := base64.RawURLEncoding.DecodeString(parts[1])
	var claims struct {
		Nonce string `json:"nonce"`
	}
	if err != nil || json.Unmarshal(payload, &claims) != nil {
		return errors.New("Visma Connect returned a malformed id_token")
	}
	if claims.Nonce != "" && subtle.ConstantTimeCompare([]byte(claims.Nonce), []byte(nonce)) != 1 {
		return errors.New("the id_token belongs to another login (nonce mismatch); start the login again")
	}
	return nil
}

// Close stops the loopback receiver (idempotent).
func (l *Login) Close() error {
	l.closeOnce.Do(func() {
		if l.srv == nil {
			return
		}
		ctx, cancel := context.WithTimeout(context.Background(), time.Second)
		defer cancel()
		if err := l.srv.Shutdown(ctx); err != nil {
			l.srv.Close()
		}
	})
	return nil
}

// randomString returns n random bytes, base64url encoded.
func randomString(n int) string {
	b := make([]byte, n)
	rand.Read(b) // never fails (crypto/rand panics on an unusable source)
	return base64.RawURLEncoding.EncodeToString(b)
}
