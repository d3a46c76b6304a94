package ui

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"github.com/dinero-tui/dinero-tui/api/catalog"
	"github.com/dinero-tui/dinero-tui/config"
	"github.com/dinero-tui/dinero-tui/oauth"
	"github.com/dinero-tui/dinero-tui/sandbox"
	"github.com/dinero-tui/dinero-tui/sandbox/connect"
	"github.com/dinero-tui/dinero-tui/ui/internal/keytest"
)

// screenTap wraps the root model and keeps the last rendered screen, so
// the test can wait on what a person would see.
type screenTap struct {
	*Model
	screen *atomic.Value
}

func (s screenTap) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	_, cmd := s.Model.Update(msg)
	s.screen.Store(ansi.Strip(s.Model.Render()))
	return s, cmd
}

// TestEndToEndSandbox drives the real program (renderer, event loop,
// oauth.Session, api.Client) against the sandbox: log in through the
// consent page, pick a Pro company, list invoices, open one, page forward,
// and cancel a write at the confirmation.
func TestEndToEndSandbox(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end test")
	}
	p, getenv := sandboxProfile(t, 250, "e2e")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	approve := func(u string) error {
		go func() { _ = connect.Approve(ctx, nil, u, "accept") }() // the headless browser
		return nil
	}
	s, err := oauth.NewSession(p, oauth.WithOpener(approve))
	if err != nil {
		t.Fatal(err)
	}
	deps := NewDeps(p, s, catalog.Builtin(), getenv)
	rb := deps.Backend.(*realBackend)
	rb.open = approve
	m := New(ctx, deps)
	defer m.Close()
	var screen atomic.Value
	screen.Store("")
	tm := teatest.NewTestModel(t, screenTap{m, &screen}, teatest.WithInitialTermSize(120, 40),
		teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.ANSI256)))
	waitFor := func(want ...string) {
		t.Helper()
		deadline := time.Now().Add(10 * time.Second)
		for time.Now().Before(deadline) {
			got := screen.Load().(string)
			ok := true
			for _, w := range want {
				ok = ok && strings.Contains(got, w)
			}
			if ok {
				return
			}
			time.Sleep(20 * time.Millisecond)
		}
		t.Fatalf("screen never showed %q; last screen:\n%s", want, screen.Load())
	}
	press := func(keys ...string) {
		for _, k := range keys {
			tm.Send(keytest.Press(k))
		}
	}

	press("enter") // log in: the opener accepts on the consent page
	waitFor("Your companies", "PRO", "session ok")
	press("enter") // the first company is Pro
	waitFor("› endpoints", "List accounting years")
	press("/")
	tm.Type("List invoices")
	waitFor("/List invoices")
	press("enter", "enter")
	waitFor("(from the chosen company)")
	press("enter")
	waitFor("200 OK", "page 1 of 3")
	press("j", "j", "j", "o") // open the first invoice of the list
	waitFor("Get invoice › 200 OK", "PaymentStatus")
	press("esc") // back to the list answer
	press("]")
	waitFor("page 2 of 3")
	// a write: stop at the confirmation and say no
	press("esc", "esc") // request editor, endpoints
	waitFor("› endpoints")
	press("/")
	tm.Type("Create invoice")
	waitFor("/Create invoice")
	press("enter", "enter")
	waitFor("Body (JSON)")
	press("enter")
	waitFor("will change data in", "Send it?")
	press("n")
	waitFor("Not sent.")
	if err := tm.Quit(); err != nil {
		t.Fatal(err)
	}
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
	if _, err := os.Stat(filepath.Join(p.StateDir, "history", "e2e.json")); err != nil {
		t.Fatalf("history not written: %v", err)
	}
}

// sandboxProfile starts a sandbox of size invoices for the test and loads
// a profile named name that logs in to it, with its config, state and
// cache under a temporary folder and tokens in a file store.
func sandboxProfile(t *testing.T, size int, name string) (config.Profile, func(string) string) {
	t.Helper()
	sb, err := sandbox.Start(sandbox.Options{Size: size})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { sb.Close() })
	dir := t.TempDir()
	env := map[string]string{
		"DINERO_PROFILE": name, "DINERO_CLIENT_ID": sb.ClientID, "DINERO_CLIENT_SECRET": sb.ClientSecret,
		"DINERO_CONNECT_URL": sb.ConnectURL, "DINERO_API_URL": sb.APIURL,
		"DINERO_REDIRECT_URI": "http://127.0.0.1:0/callback", "DINERO_TOKEN_STORE": "file",
		"XDG_CONFIG_HOME": filepath.Join(dir, "c"), "XDG_STATE_HOME": filepath.Join(dir, "s"), "XDG_CACHE_HOME": filepath.Join(dir, "k"),
	}
	getenv := func(k string) string { return env[k] }
	p, err := config.Load(config.LoadOptions{Getenv: getenv})
	if err != nil {
		t.Fatal(err)
	}
	return p, getenv
}
