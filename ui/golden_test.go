package ui

import (
	"fmt"
	"testing"
)

// TestGoldenScreens pins every screen at 80x24 and 120x40 (256 colours,
// dark theme). Run `go test ./ui -update` after an intended change.
func TestGoldenScreens(t *testing.T) {
	screens := []struct {
		name     string
		loggedIn bool
		keys     []string
	}{
		{"login", false, nil},
		{"orgs", true, nil},
		{"orgs_notpro", true, []string{"G", "enter"}},
		{"endpoints", true, []string{"enter"}},
		{"endpoints_filter", true, []string{"enter", "/", "g", "e", "t", "i"}},
		{"request", true, []string{"enter", "enter"}},
		{"request_write_confirm", true, []string{"enter", "down", "enter", "enter"}},
		{"response", true, []string{"enter", "enter", "enter"}},
		{"response_headers", true, []string{"enter", "enter", "enter", "i"}},
		{"response_error", true, []string{"G", "enter", "enter", "enter", "enter"}},
		{"history", true, []string{"enter", "enter", "enter", "ctrl+r"}},
		{"help", true, []string{"enter", "?"}},
		{"help_response", true, []string{"enter", "enter", "enter", "?"}},
		{"request_write_prefill", true, []string{"enter", "/", "c", "o", "n", "t", "a", "c", "t", " ", "n", "o", "t", "e", "enter", "enter"}},
	}
	for _, sc := range screens {
		for _, size := range [][2]int{{80, 24}, {120, 40}} {
			t.Run(fmt.Sprintf("%s_%dx%d", sc.name, size[0], size[1]), func(t *testing.T) {
				h := newHarness(t, sc.loggedIn, size[0], size[1])
				h.key(sc.keys...)
				h.golden()
			})
		}
	}
}

// TestGoldenSmallScreens pins the screens a small terminal (40x12) must
// still make usable, and the login while it waits, at every size.
func TestGoldenSmallScreens(t *testing.T) {
	screens := []struct {
		name     string
		loggedIn bool
		waiting  bool // the login waits for the browser
		keys     []string
	}{
		{"login", false, false, nil},
		{"login_waiting", false, true, []string{"enter"}},
		{"orgs", true, false, nil},
		{"orgs_notpro", true, false, []string{"G", "enter"}},
		{"request", true, false, []string{"enter", "enter"}},
		{"request_write_confirm", true, false, []string{"enter", "down", "enter", "enter"}},
		{"help", true, false, []string{"enter", "?"}},
		{"help_request", true, false, []string{"enter", "enter", "f1"}},
		{"help_response", true, false, []string{"enter", "enter", "enter", "?"}},
	}
	for _, sc := range screens {
		for _, size := range [][2]int{{40, 12}, {80, 24}, {120, 40}} {
			name := fmt.Sprintf("%s_%dx%d", sc.name, size[0], size[1])
			if size[0] != 40 && !sc.waiting && sc.name != "help_request" {
				continue // TestGoldenScreens has it
			}
			t.Run(name, func(t *testing.T) {
				h := newHarness(t, sc.loggedIn, size[0], size[1])
				if sc.waiting {
					h.be.Approve = make(chan error)
					t.Cleanup(func() { close(h.be.Approve) })
				}
				h.key(sc.keys...)
				h.golden()
			})
		}
	}
}
