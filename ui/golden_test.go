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
