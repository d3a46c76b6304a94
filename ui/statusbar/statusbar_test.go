package statusbar

import (
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/dinero-tui/dinero-tui/ui/common"
	"github.com/dinero-tui/dinero-tui/ui/styles"
)

var now = time.Date(2030, 1, 1, 12, 0, 0, 0, time.UTC)

func TestSessionText(t *testing.T) {
	s := styles.NoColor()
	tests := []struct {
		name      string
		st        common.SessionStatus
		refreshed time.Time
		want      string
	}{
		{"none", common.SessionStatus{}, time.Time{}, "not logged in"},
		{"ended", common.SessionStatus{NeedsLogin: true}, time.Time{}, "log in again"},
		{"minutes", common.SessionStatus{LoggedIn: true, Expiry: now.Add(54*time.Minute + 30*time.Second)}, time.Time{}, "session ok · expires in 54m"},
		{"countdown", common.SessionStatus{LoggedIn: true, Expiry: now.Add(83 * time.Second)}, time.Time{}, "session ok · expires in 1:23"},
		{"refreshed", common.SessionStatus{LoggedIn: true, Expiry: now.Add(time.Hour)}, now.Add(-time.Minute), "refreshed · expires in 1h00m"},
		{"unsaved", common.SessionStatus{LoggedIn: true, Unsaved: true, Expiry: now.Add(time.Hour)}, now, "session not saved · log in again after quitting"},
		{"expired with refresh", common.SessionStatus{LoggedIn: true, HasRefreshToken: true, Expiry: now.Add(-time.Second)}, time.Time{}, "session ok · refreshes on the next call"},
	}
	for _, tt := range tests {
		got := ansi.Strip(SessionText(s, Session{Status: tt.st, RefreshedAt: tt.refreshed, Now: now}))
		if got != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestNextTickIsLazy(t *testing.T) {
	tests := []struct {
		name string
		st   common.SessionStatus
		want time.Duration
	}{
		{"not logged in: no tick", common.SessionStatus{}, 0},
		{"expired: no tick", common.SessionStatus{LoggedIn: true, Expiry: now.Add(-time.Second)}, 0},
		{"far: next minute", common.SessionStatus{LoggedIn: true, Expiry: now.Add(54*time.Minute + 30*time.Second)}, 30*time.Second + time.Millisecond},
		{"near: every second", common.SessionStatus{LoggedIn: true, Expiry: now.Add(90 * time.Second)}, time.Second},
		{"crossing into the countdown", common.SessionStatus{LoggedIn: true, Expiry: now.Add(2*time.Minute + 20*time.Second)}, 20*time.Second + time.Millisecond},
	}
	for _, tt := range tests {
		if got := NextTick(tt.st, now); got != tt.want {
			t.Errorf("%s: %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestRenderFitsWidth(t *testing.T) {
	s := styles.DefaultStyles(true)
	for _, w := range []int{40, 80, 120} {
		out := Render(s, w, []string{"dinero-tui", "Kjærgård Tømrer & Snedker ApS", "List invoices", "200 OK"}, "default",
			Session{Status: common.SessionStatus{LoggedIn: true, Expiry: now.Add(time.Hour)}, Now: now})
		if got := ansi.StringWidth(out); got != w {
			t.Errorf("width %d: bar is %d cells", w, got)
		}
		// a cut breadcrumb keeps its distance from the profile
		if plain := ansi.Strip(out); w >= 80 && !strings.Contains(plain, "200 OK   ") {
			t.Errorf("width %d: breadcrumb runs into the profile: %q", w, plain)
		}
	}
}

// The bar badges the profile: LIVE on the real Dinero (kept even when the
// bar is too narrow for the profile name), sandbox on this machine.
func TestRenderBadgesTheService(t *testing.T) {
	s := styles.NoColor()
	sess := Session{Status: common.SessionStatus{LoggedIn: true, Expiry: now.Add(time.Hour)}, Now: now}
	crumbs := []string{"dinero-tui", "organizations"}
	for _, w := range []int{40, 80, 120} {
		live, local, other := sess, sess, sess
		live.Service, local.Service = common.ServiceLive, common.ServiceSandbox
		if got := ansi.Strip(Render(s, w, crumbs, "prod", live)); !strings.Contains(got, "LIVE") || ansi.StringWidth(got) != w {
			t.Errorf("width %d, live: %q", w, got)
		}
		got := ansi.Strip(Render(s, w, crumbs, "local", local))
		if w >= 80 && !strings.Contains(got, "sandbox") || strings.Contains(got, "LIVE") {
			t.Errorf("width %d, sandbox: %q", w, got)
		}
		if got := ansi.Strip(Render(s, w, crumbs, "test", other)); strings.Contains(got, "LIVE") || strings.Contains(got, "sandbox") {
			t.Errorf("width %d, other server badged: %q", w, got)
		}
	}
}
