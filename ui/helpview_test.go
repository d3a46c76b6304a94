package ui

import (
	"strings"
	"testing"
)

// At 40x12 the help scrolls: every binding of the response pane shows in
// full on one of its pages, and only the scroll keys keep it open.
func TestHelpScrollsOnSmallScreens(t *testing.T) {
	h := newHarness(t, true, 40, 12)
	h.key("enter", "enter", "enter")
	groups := h.m.active().FullHelp()
	h.key("?")
	h.contains("↑/↓ scroll · other keys close", "Keys · response 1-8 of")
	seen := ""
	for range 40 {
		screen := h.plain()
		box := screen[strings.Index(screen, "╭"):strings.LastIndex(screen, "╯")]
		if strings.Contains(box, "…") {
			t.Fatalf("help cut short:\n%s", screen)
		}
		h.checkSize()
		seen += screen
		h.key("j")
	}
	if !h.m.showHelp {
		t.Fatal("a scroll key closed the help")
	}
	for _, g := range groups {
		for _, b := range g {
			if !strings.Contains(seen, b.Help().Desc) {
				t.Errorf("%q (%s) never shown", b.Help().Desc, b.Help().Key)
			}
		}
	}
	h.key("x")
	if h.m.showHelp {
		t.Fatal("another key did not close the help")
	}
}

// The help of a pane that takes text lists no key that types into it.
func TestHelpInTextFieldsListsOnlyKeysThatWork(t *testing.T) {
	h := newHarness(t, true, 120, 40)
	h.key("enter", "enter", "f1")
	screen := h.plain()
	for _, wrong := range []string{"? ", "ctrl+r", "q  "} {
		if strings.Contains(screen, " "+wrong) {
			t.Errorf("the request help lists %q:\n%s", wrong, screen)
		}
	}
	h.contains("f1", "ctrl+c")
}

// TestHelpOverlayFitsEveryPane opens the help on every pane at 80x24 and
// checks that each binding the pane lists is on screen, uncut.
func TestHelpOverlayFitsEveryPane(t *testing.T) {
	panes := []struct {
		name     string
		loggedIn bool
		keys     []string
	}{
		{"log in", false, nil},
		{"organizations", true, nil},
		{"endpoints", true, []string{"enter"}},
		{"response", true, []string{"enter", "enter", "enter"}},
		{"history", true, []string{"enter", "enter", "enter", "ctrl+r"}},
	}
	for _, p := range panes {
		t.Run(p.name, func(t *testing.T) {
			h := newHarness(t, p.loggedIn, 80, 24)
			h.key(p.keys...)
			groups := h.m.active().FullHelp()
			h.key("?")
			h.contains("Keys · " + p.name)
			screen := h.plain()
			box := screen[strings.Index(screen, "╭"):strings.LastIndex(screen, "╯")]
			if strings.Contains(box, "…") {
				t.Fatalf("help cut short:\n%s", screen)
			}
			for _, g := range groups {
				for _, b := range g {
					if !strings.Contains(screen, b.Help().Desc) {
						t.Errorf("%q (%s) not shown:\n%s", b.Help().Desc, b.Help().Key, screen)
					}
				}
			}
			h.checkSize()
		})
	}
}
