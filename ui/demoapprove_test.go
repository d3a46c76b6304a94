package ui

import (
	"context"
	"errors"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"github.com/dinero-tui/dinero-tui/api/catalog"
	"github.com/dinero-tui/dinero-tui/oauth"
	"github.com/dinero-tui/dinero-tui/sandbox/connect"
	"github.com/dinero-tui/dinero-tui/ui/internal/keytest"
)

// TestDemoWithoutBrowserApproves: in the demo, when no browser can be
// opened, the login screen offers a; pressing it approves on the demo's
// own consent page and the explorer reaches the companies.
func TestDemoWithoutBrowserApproves(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end test")
	}
	p, getenv := sandboxProfile(t, 5, "demo")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	noBrowser := func(string) error { return errors.New("no browser found") }
	s, err := oauth.NewSession(p, oauth.WithOpener(noBrowser))
	if err != nil {
		t.Fatal(err)
	}
	deps := NewDeps(p, s, catalog.Builtin(), getenv)
	deps.Backend.(*realBackend).open = noBrowser
	var approvals atomic.Int32
	deps.DemoApprove = func(ctx context.Context, u string) error {
		approvals.Add(1)
		return connect.Approve(ctx, nil, u, "accept")
	}
	m := New(ctx, deps)
	defer m.Close()
	var screen atomic.Value
	screen.Store("")
	tm := teatest.NewTestModel(t, screenTap{m, &screen}, teatest.WithInitialTermSize(80, 24),
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
	tm.Send(keytest.Press("enter"))
	waitFor("Couldn't open a browser", "Press a to approve as the demo", "a approve as demo user")
	tm.Send(keytest.Press("a"))
	waitFor("Your companies", "PRO", "session ok")
	if approvals.Load() != 1 {
		t.Fatalf("%d approvals, want 1", approvals.Load())
	}
	tm.Send(keytest.Press("ctrl+c"))
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
}
