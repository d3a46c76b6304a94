// Package sandboxtest helps tests in other packages use the sandbox: it
// starts one for the length of a test, logs in to its Visma Connect as an
// independent OAuth client (not the project's oauth package), and wraps the
// access token in an HTTP client.
package sandboxtest

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dinero-tui/dinero-tui/sandbox"
	"github.com/dinero-tui/dinero-tui/sandbox/connect"
)

// DefaultScopes are the scopes AccessToken asks for when given none.
var DefaultScopes = []string{"dineropublicapi:read", "dineropublicapi:write"}

// redirectURI is where the sandbox sends the code. It is a loopback URI,
// which matches sandbox.DefaultRedirectURI on any port; nothing listens on
// it, because captureTransport answers in its place.
const redirectURI = "http://127.0.0.1:9/callback"

// Start runs a sandbox with o and closes it when the test ends.
func Start(t testing.TB, o sandbox.Options) *sandbox.Sandbox {
	t.Helper()
	sb, err := sandbox.Start(o)
	if err != nil {
		t.Fatalf("start sandbox: %v", err)
	}
	t.Cleanup(func() { _ = sb.Close() })
	return sb
}

// AccessToken logs in to sb's Visma Connect with the authorization code
// flow (query response mode, PKCE S256), pressing Accept on the consent
// page when the sandbox does not approve by itself, and exchanges the code
// for an access token with scopes (DefaultScopes when none are given). It
// works whatever sb's AutoApprove and PKCERequired options are, as long as
// sandbox.DefaultRedirectURI is registered.
func AccessToken(t testing.TB, sb *sandbox.Sandbox, scopes ...string) string {
	t.Helper()
	if len(scopes) == 0 {
		scopes = DefaultScopes
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	verifier, state := random(), random()
	sum := sha256.Sum256([]byte(verifier))
	q := url.Values{"client_id": {sb.ClientID}, "redirect_uri": {redirectURI}, "response_type": {"code"},
		"response_mode": {"query"}, "scope": {strings.Join(scopes, " ")}, "state": {state},
		"code_challenge": {base64.RawURLEncoding.EncodeToString(sum[:])}, "code_challenge_method": {"S256"}}
	capture := &captureTransport{}
	err := connect.Approve(ctx, &http.Client{Transport: capture}, sb.ConnectURL+"/connect/authorize?"+q.Encode(), "accept")
	if err != nil {
		t.Fatalf("sandbox login: %v", err)
	}
	answer := capture.query()
	if answer.Get("state") != state || answer.Get("code") == "" {
		t.Fatalf("sandbox login: the redirect lacks the code or the state (error %q)", answer.Get("error"))
	}
	return exchange(ctx, t, sb, url.Values{"grant_type": {"authorization_code"}, "code": {answer.Get("code")},
		"redirect_uri": {redirectURI}, "code_verifier": {verifier}})
}

// exchange posts form to the token endpoint with the client's credentials
// and returns the access token.
func exchange(ctx context.Context, t testing.TB, sb *sandbox.Sandbox, form url.Values) string {
	t.Helper()
	form.Set("client_id", sb.ClientID)
	form.Set("client_secret", sb.ClientSecret)
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, sb.ConnectURL+"/connect/token", strings.NewReader(form.Encode()))
	if err != nil {
		t.Fatalf("token request: %v", err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("token request: %v", err)
	}
	defer resp.Body.Close()
	var tok struct {
		AccessToken string `json:"access_token"`
		Error       string `json:"error"`
	}
	if err := json.NewDecoder(io.LimitReader(resp.Body, 1<<20)).Decode(&tok); err != nil || tok.AccessToken == "" {
		t.Fatalf("token endpoint answered %d %q: %v", resp.StatusCode, tok.Error, err)
	}
	return tok.AccessToken
}

// captureTransport is the browser's network: requests to the redirect URI
// are caught (their query kept, a blank page answered) and the rest go to
// the sandbox.
type captureTransport struct {
	mu  sync.Mutex
	got url.Values
}

func (c *captureTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	if r.URL.Scheme+"://"+r.URL.Host+r.URL.Path != redirectURI {
		return http.DefaultTransport.RoundTrip(r)
	}
	c.mu.Lock()
	c.got = r.URL.Query()
	c.mu.Unlock()
	return &http.Response{StatusCode: http.StatusOK, Status: "200 OK", Proto: "HTTP/1.1", ProtoMajor: 1, ProtoMinor: 1,
		Header: http.Header{}, Body: http.NoBody, Request: r}, nil
}

func (c *captureTransport) query() url.Values {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.got
}

// random is a fresh, URL-safe value for a state or PKCE verifier.
func random() string {
	b := make([]byte, 32)
	_, _ = rand.Read(b)
	return base64.RawURLEncoding.EncodeToString(b)
}

// BearerClient returns an HTTP client whose requests carry token in the
// Authorization header, as the OAuth session's client does.
func BearerClient(token string) *http.Client {
	return &http.Client{Transport: bearer{token: token, base: http.DefaultTransport}}
}

type bearer struct {
	token string
	base  http.RoundTripper
}

func (b bearer) RoundTrip(r *http.Request) (*http.Response, error) {
	r = r.Clone(r.Context())
	r.Header.Set("Authorization", "Bearer "+b.token)
	return b.base.RoundTrip(r)
}
