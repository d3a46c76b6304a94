package cli

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/spf13/pflag"

	"github.com/dinero-tui/dinero-tui/sandbox/connect"
)

const cliCanarySecret = "CANARY-cli-secret-9b8e77"

// sessionSandbox is a sandbox Connect server plus the environment a new
// user would set up from the README.
type sessionSandbox struct {
	cs      *connect.Server
	srv     *httptest.Server
	env     map[string]string
	home    string
	secrets sync.Map
}

func newSessionSandbox(t *testing.T) *sessionSandbox {
	t.Helper()
	sb := &sessionSandbox{home: t.TempDir()}
	cs, err := connect.New(connect.Config{
		Clients: []connect.Client{{ID: "isv_cli_test", Secret: cliCanarySecret, RedirectURIs: []string{"http://127.0.0.1/callback", "https://app.example.com/cb"},
			PKCERequired: true, OfflineAccess: true}},
		User: connect.User{Sub: "9f0c0c61-0000-4000-8000-000000000001", Name: "Test"},
	})
	if err != nil {
		t.Fatal(err)
	}
	sb.cs = cs
	sb.srv = httptest.NewServer(cs.Handler())
	t.Cleanup(sb.srv.Close)
	cs.SetIssuer(sb.srv.URL)
	cs.SetFault(func(w http.ResponseWriter, r *http.Request) bool {
		body, _ := io.ReadAll(r.Body)
		r.Body = io.NopCloser(bytes.NewReader(body))
		v, _ := url.ParseQuery(string(body))
		for _, k := range []string{"code", "code_verifier", "refresh_token"} {
			if v.Get(k) != "" {
				sb.secrets.Store(v.Get(k), k)
			}
		}
		return false
	})
	sb.env = map[string]string{
		"HOME": sb.home, "DINERO_CLIENT_ID": "isv_cli_test", "DINERO_CLIENT_SECRET": cliCanarySecret,
		"DINERO_CONNECT_URL": sb.srv.URL, "DINERO_REDIRECT_URI": "http://127.0.0.1:0/callback", "DINERO_TOKEN_STORE": "file",
	}
	// The "browser" answers the consent page.
	old := browserOpener
	browserOpener = func(u string, _ func(string) string) error {
		go connect.Approve(context.Background(), nil, u, "accept")
		return nil
	}
	t.Cleanup(func() { browserOpener = old })
	return sb
}

// run executes one command in-process and returns exit code and output.
func (sb *sessionSandbox) run(stdin string, args ...string) (int, string, string) {
	var out, errb bytes.Buffer
	env := &Env{Ctx: context.Background(), Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errb,
		Getenv: func(k string) string { return sb.env[k] }}
	code := Run(env, args)
	return code, out.String(), errb.String()
}

func TestLoginStatusLogout(t *testing.T) {
	sb := newSessionSandbox(t)
	var transcript strings.Builder
	record := func(code int, out, errs string) (int, string, string) {
		transcript.WriteString(out + errs)
		return code, out, errs
	}
	if code, out, _ := record(sb.run("", "status")); code != 1 || !strings.Contains(out, "Logged in:    no") {
		t.Fatalf("status before login: %d %q", code, out)
	}
	code, out, errs := record(sb.run("", "login", "--timeout", "20s"))
	if code != 0 || out != "" || !strings.Contains(errs, "/connect/authorize?") || !strings.Contains(errs, "Logged in.") {
		t.Fatalf("login: %d stdout %q stderr %q", code, out, errs)
	}
	tokenPath := filepath.Join(sb.home, ".local", "state", "dinero-tui", "default", "token.json")
	data, err := os.ReadFile(tokenPath)
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"access_token", "refresh_token"} {
		var rec map[string]any
		if err := json.Unmarshal(data, &rec); err != nil {
			t.Fatal(err)
		}
		sb.secrets.Store(rec[k].(string), k)
	}
	code, out, _ = record(sb.run("", "status"))
	if code != 0 || !strings.Contains(out, "Logged in:    yes") || !strings.Contains(out, "Refresh token: held") || !strings.Contains(out, "Token store:  file") {
		t.Fatalf("status: %d %q", code, out)
	}
	if code, _, errs := record(sb.run("", "logout")); code != 0 || !strings.Contains(errs, "Logged out.") {
		t.Fatalf("logout: %d %q", code, errs)
	}
	if sb.cs.Stats().Revocations != 1 {
		t.Error("logout did not revoke")
	}
	if code, _, _ := record(sb.run("", "logout")); code != 0 {
		t.Error("second logout failed")
	}
	if code, _, _ := record(sb.run("", "status")); code != 1 {
		t.Error("status after logout should exit 1")
	}
	// Failure paths too: a wrong secret, a cancelled login.
	sb.env["DINERO_CLIENT_SECRET"] = cliCanarySecret + "-wrong"
	if code, _, errs := record(sb.run("", "login", "--timeout", "20s")); code != 1 || !strings.Contains(errs, "invalid_client") {
		t.Errorf("login with a wrong secret: %d %q", code, errs)
	}
	sb.secrets.Store(cliCanarySecret+"-wrong", "client secret")
	sb.env["DINERO_CLIENT_SECRET"] = cliCanarySecret
	browserOpener = func(u string, _ func(string) string) error {
		go connect.Approve(context.Background(), nil, u, "cancel")
		return nil
	}
	if code, _, errs := record(sb.run("", "login", "--timeout", "20s")); code != 1 || !strings.Contains(errs, "login cancelled") {
		t.Errorf("cancelled login: %d %q", code, errs)
	}
	// Secret hygiene: no canary in any output or any file but the store.
	sb.secrets.Store(cliCanarySecret, "client secret")
	check := func(where, text string) {
		sb.secrets.Range(func(k, v any) bool {
			if strings.Contains(text, k.(string)) {
				t.Errorf("%s contains a %s", where, v)
			}
			return true
		})
	}
	check("command output", transcript.String())
	filepath.WalkDir(sb.home, func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && d.Name() != "token.json" {
			b, _ := os.ReadFile(path)
			check(path, string(b))
		}
		return nil
	})
}

func TestLoginPasteModeFromStdin(t *testing.T) {
	sb := newSessionSandbox(t)
	sb.env["DINERO_REDIRECT_URI"] = "https://app.example.com/cb"
	// The user's browser ends on the hosted page; capture where.
	final := make(chan string, 1)
	browserOpener = func(u string, _ func(string) string) error {
		hc := &http.Client{Transport: sessionTestRoundTrip(func(r *http.Request) (*http.Response, error) {
			if r.URL.Host == "app.example.com" {
				final <- r.URL.String()
				return &http.Response{StatusCode: 200, Body: http.NoBody, Header: http.Header{}, Request: r}, nil
			}
			return http.DefaultTransport.RoundTrip(r)
		})}
		go connect.Approve(context.Background(), hc, u, "accept")
		return nil
	}
	pr, pw := io.Pipe()
	go func() {
		fmt.Fprintln(pw, "https://app.example.com/cb?code=x&state=not-this-login")
		fmt.Fprintln(pw, <-final)
		pw.Close()
	}()
	var out, errb bytes.Buffer
	env := &Env{Ctx: context.Background(), Stdin: pr, Stdout: &out, Stderr: &errb, Getenv: func(k string) string { return sb.env[k] }}
	if code := Run(env, []string{"login", "--timeout", "20s"}); code != 0 {
		t.Fatalf("paste login: %d %q", code, errb.String())
	}
	if !strings.Contains(errb.String(), "another login attempt") || !strings.Contains(errb.String(), "paste the address") {
		t.Errorf("stderr %q", errb.String())
	}
}

type sessionTestRoundTrip func(*http.Request) (*http.Response, error)

func (f sessionTestRoundTrip) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

func TestSessionCommandUsageErrors(t *testing.T) {
	sb := newSessionSandbox(t)
	delete(sb.env, "DINERO_CLIENT_ID")
	if code, _, errs := sb.run("", "login"); code != 2 || !strings.Contains(errs, "DINERO_CLIENT_ID") {
		t.Errorf("login without client id: %d %q", code, errs)
	}
	if code, _, errs := sb.run("", "login", "--redirect-uri", "http://example.com/cb", "--client-id", "isv_x"); code != 2 || !strings.Contains(errs, "non-loopback") {
		t.Errorf("bad redirect: %d %q", code, errs)
	}
	if code, _, _ := sb.run("", "status", "extra"); code != 2 {
		t.Error("status with an argument should be a usage error")
	}
	if code, _, _ := sb.run("", "login", "--help"); code != 0 {
		t.Error("login --help")
	}
}

func TestProfileFlagsOnlySetFlagsOverride(t *testing.T) {
	sb := newSessionSandbox(t)
	fs := pflag.NewFlagSet("x", pflag.ContinueOnError)
	pf := addProfileFlags(fs)
	if err := fs.Parse([]string{"--token-store", "keyring", "--scopes", "dineropublicapi:read"}); err != nil {
		t.Fatal(err)
	}
	env := &Env{Getenv: func(k string) string { return sb.env[k] }}
	p, err := pf.load(env)
	if err != nil {
		t.Fatal(err)
	}
	if p.TokenStore != "keyring" || len(p.Scopes) != 1 || p.ConnectURL != sb.srv.URL || p.ClientID != "isv_cli_test" {
		t.Errorf("profile %v store %s scopes %v", p, p.TokenStore, p.Scopes)
	}
}

// TestLoginOffersToCopyTheLink: on a terminal, c and Enter copy the link
// through OSC 52 while the login waits.
func TestLoginOffersToCopyTheLink(t *testing.T) {
	sb := newSessionSandbox(t)
	approved := make(chan struct{})
	browserOpener = func(u string, _ func(string) string) error {
		go func() {
			<-approved
			connect.Approve(context.Background(), nil, u, "accept")
		}()
		return nil
	}
	pr, pw := io.Pipe()
	var errb syncBuffer
	env := &Env{Ctx: context.Background(), Stdin: pr, Stdout: io.Discard, Stderr: &errb,
		Getenv: func(k string) string { return sb.env[k] }, StdinIsTerminal: true}
	done := make(chan int)
	go func() { done <- Run(env, []string{"login", "--timeout", "20s"}) }()
	io.WriteString(pw, "c\n")
	deadline := time.Now().Add(5 * time.Second)
	for !strings.Contains(errb.String(), "Copied the link") && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	close(approved)
	if code := <-done; code != 0 {
		t.Fatalf("login exit %d: %s", code, errb.String())
	}
	pw.Close()
	out := errb.String()
	link := out[strings.Index(out, "http"):]
	link = link[:strings.IndexAny(link, " \n")]
	if !strings.Contains(out, "\x1b]52;c;"+base64.StdEncoding.EncodeToString([]byte(link))+"\x07") {
		t.Fatalf("no OSC 52 copy of %q in:\n%q", link, out)
	}
}
