package oauth

import (
	"context"
	"errors"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dinero-tui/dinero-tui/sandbox/connect"
)

func TestLoginFormPostPKCE(t *testing.T) {
	h := newHarness(t)
	s := h.session()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	l, done := startWaiting(ctx, t, s)
	u, _ := url.Parse(l.URL())
	q := u.Query()
	want := map[string]string{
		"client_id": h.client.ID, "response_type": "code", "response_mode": "form_post",
		"scope": "dineropublicapi:read dineropublicapi:write offline_access", "ui_locales": "da-DK",
		"code_challenge_method": "S256",
	}
	for k, v := range want {
		if q.Get(k) != v {
			t.Errorf("authorize %s = %q, want %q", k, q.Get(k), v)
		}
	}
	if u.Path != "/connect/authorize" || len(q.Get("state")) < 40 || q.Get("nonce") == "" || len(q.Get("code_challenge")) != 43 {
		t.Errorf("authorize link lacks path/state/nonce/challenge: %v", q)
	}
	red, _ := url.Parse(q.Get("redirect_uri"))
	if red.Hostname() != "127.0.0.1" || red.Port() == "0" || red.Path != "/callback" {
		t.Fatalf("redirect_uri = %q, want the real loopback port", red)
	}
	if strings.Contains(l.URL(), canarySecret) {
		t.Error("authorize link contains the client secret")
	}
	page, err := browse(ctx, l.URL(), "accept")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(page, "Du er logget ind") {
		t.Errorf("browser page = %q", page)
	}
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	st := s.Status()
	if !st.LoggedIn || !st.HasRefreshToken || st.StoreKind != "file" || len(st.Scopes) != 3 {
		t.Errorf("status after login = %+v", st)
	}
	if n := h.cs.Stats().TokenRequests["authorization_code"]; n != 1 {
		t.Errorf("token requests for the exchange = %d, want 1", n)
	}
	// The listener is gone once the login is done.
	if c, err := net.DialTimeout("tcp", red.Host, time.Second); err == nil {
		c.Close()
		t.Error("loopback listener still accepts connections after the login")
	}
	checkStorePerms(t, filepath.Join(s.p.ProfileStateDir(), tokenFile))
}

func checkStorePerms(t *testing.T, path string) {
	t.Helper()
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("token file mode %v, want 0600", fi.Mode().Perm())
	}
	di, _ := os.Stat(filepath.Dir(path))
	if di.Mode().Perm() != 0o700 {
		t.Errorf("token dir mode %v, want 0700", di.Mode().Perm())
	}
}

func TestLoginCancel(t *testing.T) {
	h := newHarness(t)
	s := h.session()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	l, done := startWaiting(ctx, t, s)
	if err := connect.Approve(ctx, nil, l.URL(), "cancel"); err != nil {
		t.Fatal(err)
	}
	err := <-done
	if !errors.Is(err, ErrLoginCancelled) || err.Error() != "login cancelled" {
		t.Fatalf("Wait = %v, want login cancelled", err)
	}
	if n := len(h.cs.Stats().TokenRequests); n != 0 {
		t.Errorf("token requests after cancel: %v", h.cs.Stats().TokenRequests)
	}
	if s.Status().LoggedIn {
		t.Error("logged in after cancel")
	}
}

func TestLoginTimeoutAndInterrupt(t *testing.T) {
	h := newHarness(t)
	s := h.session()
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	l, err := s.StartLogin(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	if err := l.Wait(ctx); !errors.Is(err, context.DeadlineExceeded) || !strings.Contains(err.Error(), "timed out") {
		t.Fatalf("Wait = %v, want a timeout", err)
	}
	if time.Since(start) > 2*time.Second {
		t.Error("Wait overran its deadline")
	}
	red, _ := url.Parse(l.RedirectURI())
	if c, err := net.DialTimeout("tcp", red.Host, time.Second); err == nil {
		c.Close()
		t.Error("listener still open after a timed-out login")
	}
	l2, err := s.StartLogin(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	ictx, icancel := context.WithCancel(context.Background())
	icancel()
	if err := l2.Wait(ictx); !errors.Is(err, context.Canceled) {
		t.Fatalf("Wait after Ctrl-C = %v", err)
	}
}

// post sends one raw request to the loopback receiver.
func post(t *testing.T, method, target, host, ctype, body string) int {
	t.Helper()
	req, err := http.NewRequest(method, target, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if host != "" {
		req.Host = host
	}
	if ctype != "" {
		req.Header.Set("Content-Type", ctype)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return -1
	}
	resp.Body.Close()
	return resp.StatusCode
}

func TestCallbackRejectsForgeriesAndKeepsWaiting(t *testing.T) {
	h := newHarness(t)
	s := h.session()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	l, done := startWaiting(ctx, t, s)
	cb := l.RedirectURI()
	red, _ := url.Parse(cb)
	base := "http://" + red.Host
	form := "application/x-www-form-urlencoded"
	good := "code=abc&state=" + url.QueryEscape(l.state)
	cases := []struct {
		name, method, target, host, ctype, body string
		want                                    int
	}{
		{"wrong state", "POST", cb, "", form, "code=abc&state=nope", 400},
		{"missing state", "POST", cb, "", form, "code=abc", 400},
		{"duplicate state", "POST", cb, "", form, good + "&state=other", 400},
		{"error with wrong state", "POST", cb, "", form, "error=access_denied&state=nope", 400},
		{"error without state", "POST", cb, "", form, "error=access_denied", 400},
		{"state only in query", "POST", cb + "?" + good, "", form, "code=abc", 400},
		{"GET with query", "GET", cb + "?" + good, "", "", "", 405},
		{"JSON body", "POST", cb, "", "application/json", `{"code":"abc","state":"` + l.state + `"}`, 415},
		{"multipart body", "POST", cb, "", "multipart/form-data; boundary=x", "--x--", 415},
		{"oversized body", "POST", cb, "", form, good + "&pad=" + strings.Repeat("a", 10<<20), 413},
		{"wrong path root", "POST", base + "/", "", form, good, 404},
		{"wrong path favicon", "GET", base + "/favicon.ico", "", "", "", 404},
		{"dot-dot path", "POST", base + "/callback/%2e%2e/x", "", form, good, 404},
		{"rebinding Host", "POST", cb, "evil.example", form, good, 403},
		{"Host without port", "POST", cb, "127.0.0.1", form, good, 403},
	}
	for _, c := range cases {
		if got := post(t, c.method, c.target, c.host, c.ctype, c.body); got != c.want && !(c.name == "oversized body" && got == -1) {
			t.Errorf("%s: HTTP %d, want %d", c.name, got, c.want)
		}
	}
	select {
	case err := <-done:
		t.Fatalf("login ended on a forged callback: %v", err)
	default:
	}
	if n := len(h.cs.Stats().TokenRequests); n != 0 {
		t.Fatalf("token requests after forged callbacks: %v", h.cs.Stats().TokenRequests)
	}
	// The real answer still completes the login.
	if _, err := browse(ctx, l.URL(), "accept"); err != nil {
		t.Fatal(err)
	}
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	// A second valid-looking callback finds nobody listening.
	if got := post(t, "POST", cb, "", form, good); got != -1 {
		t.Errorf("second callback after success answered HTTP %d, want connection refused", got)
	}
}

func TestCallbackAuthenticatedButBroken(t *testing.T) {
	cases := []struct {
		name, extra string
		want        string
	}{
		{"missing code", "", "has no code"},
		{"two codes", "code=a&code=b", `repeats the "code"`},
		{"server error", "error=server_error&error_description=%3Cscript%3Ealert(1)%3C%2Fscript%3E", "server_error"},
		{"foreign iss", "code=a&iss=https%3A%2F%2Fevil.example", "another issuer"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			h := newHarness(t)
			s := h.session()
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			l, done := startWaiting(ctx, t, s)
			body := "state=" + url.QueryEscape(l.state)
			if c.extra != "" {
				body += "&" + c.extra
			}
			if got := post(t, "POST", l.RedirectURI(), "", "application/x-www-form-urlencoded", body); got != 400 {
				t.Errorf("HTTP %d, want 400", got)
			}
			err := <-done
			if err == nil || !strings.Contains(err.Error(), c.want) || strings.Contains(err.Error(), "<script") {
				t.Fatalf("Wait = %v, want an error mentioning %q", err, c.want)
			}
			if n := len(h.cs.Stats().TokenRequests); n != 0 {
				t.Errorf("token requests: %v", h.cs.Stats().TokenRequests)
			}
		})
	}
}

func TestPasteMode(t *testing.T) {
	h := newHarness(t)
	h.env["DINERO_REDIRECT_URI"] = "https://app.example.com/dinero/callback"
	s := h.session()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	l, err := s.StartLogin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !l.PasteMode() {
		t.Fatal("https redirect URI should mean paste mode")
	}
	q, _ := url.Parse(l.URL())
	if m := q.Query().Get("response_mode"); m != "query" {
		t.Fatalf("paste mode response_mode = %q, want query", m)
	}
	if err := l.Wait(ctx); err == nil {
		t.Error("Wait in paste mode should refuse")
	}
	final, err := browse(ctx, l.URL(), "accept")
	if err != nil || !strings.HasPrefix(final, "https://app.example.com/dinero/callback?") {
		t.Fatalf("final URL %q, %v", final, err)
	}
	// A URL from another login is refused without spending the code.
	fu0, _ := url.Parse(final)
	fq := fu0.Query()
	fq.Set("state", "x"+fq.Get("state"))
	fu0.RawQuery = fq.Encode()
	other := fu0.String()
	if err := l.SubmitPaste(ctx, other); err == nil || !strings.Contains(err.Error(), "another login") {
		t.Fatalf("foreign paste: %v", err)
	}
	if err := l.SubmitPaste(ctx, "  "+final+"\n"); err != nil {
		t.Fatal(err)
	}
	if !s.Status().LoggedIn {
		t.Error("not logged in after paste")
	}

	// A bare code works too.
	l2, err := s.StartLogin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	final, err = browse(ctx, l2.URL(), "accept")
	if err != nil {
		t.Fatal(err)
	}
	fu, _ := url.Parse(final)
	if err := l2.SubmitPaste(ctx, fu.Query().Get("code")); err != nil {
		t.Fatal(err)
	}
	if n := h.cs.Stats().TokenRequests["authorization_code"]; n != 2 {
		t.Errorf("exchanges = %d, want 2", n)
	}
}

func TestLoginPKCEOff(t *testing.T) {
	h := newHarness(t, withClient(func(c *connectClient) { c.PKCERequired = false }))
	h.env["DINERO_PKCE"] = "false"
	s := h.session()
	h.login(s)
	if !s.Status().LoggedIn {
		t.Fatal("not logged in")
	}
}
