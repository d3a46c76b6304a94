package cli

import (
	"bytes"
	"context"
	"errors"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/dinero-tui/dinero-tui/oauth"
	"github.com/dinero-tui/dinero-tui/sandbox"
	"github.com/dinero-tui/dinero-tui/sandbox/connect"
	"github.com/dinero-tui/dinero-tui/sandbox/sandboxtest"
)

// refusingStore is the real file store with saves that fail on demand, as
// on a full disk.
type refusingStore struct {
	oauth.Store
	fail *atomic.Bool
}

func (r refusingStore) Save(t *oauth.Tokens) error {
	if r.fail.Load() {
		return errors.New("no space left on device")
	}
	return r.Store.Save(t)
}

// TestCommandsSayTheSessionCouldNotBeSaved: access tokens that live 30 s
// are renewed on every command; when the store refuses the renewed pair,
// every command says so on stderr, and no spent refresh token is ever
// presented again.
func TestCommandsSayTheSessionCouldNotBeSaved(t *testing.T) {
	sb := sandboxtest.Start(t, sandbox.Options{AutoApprove: true, TokenTTL: 30 * time.Second})
	home := t.TempDir()
	vars := map[string]string{"HOME": home, "DINERO_CLIENT_ID": sb.ClientID, "DINERO_CLIENT_SECRET": sb.ClientSecret,
		"DINERO_CONNECT_URL": sb.ConnectURL, "DINERO_API_URL": sb.APIURL, "DINERO_TOKEN_STORE": "file",
		"DINERO_REDIRECT_URI": "http://127.0.0.1:0/callback"}
	var fail atomic.Bool
	dir := filepath.Join(home, ".local", "state", "dinero-tui", "default")
	sessionOptions = []oauth.Option{oauth.WithStore(refusingStore{oauth.NewFileStore(dir, sb.ConnectURL, sb.ClientID), &fail})}
	oldOpener := browserOpener
	browserOpener = func(u string, _ func(string) string) error {
		go connect.Approve(context.Background(), nil, u, "accept")
		return nil
	}
	t.Cleanup(func() { sessionOptions, browserOpener = nil, oldOpener })
	run := func(args ...string) (int, string) {
		var out, errb bytes.Buffer
		env := &Env{Ctx: context.Background(), Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb,
			Getenv: func(k string) string { return vars[k] }}
		return Run(env, args), errb.String()
	}
	for _, args := range [][]string{{"api", "/v1/organizations"}, {"orgs"}} {
		fail.Store(false)
		if code, errs := run("login", "--timeout", "20s"); code != 0 {
			t.Fatalf("login: %d %s", code, errs)
		}
		fail.Store(true)
		code, errs := run(args...)
		if code != 0 || !strings.Contains(errs, "session could not be saved") || !strings.Contains(errs, "log in again") {
			t.Errorf("%v: exit %d, stderr %q", args, code, errs)
		}
	}
	// The spent record was removed: the next command asks for a login
	// instead of presenting a spent refresh token.
	if code, errs := run("api", "/v1/organizations"); code != 1 || !strings.Contains(errs, "login") {
		t.Errorf("after the unsaved session ended: exit %d, stderr %q", code, errs)
	}
	if st := sb.Connect.Stats(); st.ReuseDetections != 0 || st.GraceReuses != 0 {
		t.Errorf("server stats %+v: a spent refresh token was presented", st)
	}
}
