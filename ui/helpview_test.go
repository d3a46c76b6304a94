package ui

import (
	"fmt"
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

var plainStyle = lipgloss.NewStyle()

func TestLayoutHelpShowsEveryBinding(t *testing.T) {
	b := func(k, d string) key.Binding { return key.NewBinding(key.WithKeys(k), key.WithHelp(k, d)) }
	var groups [][]key.Binding
	for g := range 5 {
		var grp []key.Binding
		for i := range 8 {
			grp = append(grp, b(fmt.Sprintf("k%d%d", g, i), fmt.Sprintf("does thing %d of group %d", i, g)))
		}
		groups = append(groups, grp)
	}
	groups = append(groups, []key.Binding{b("k00", "does thing 0 of group 0")}) // a repeat
	for _, size := range [][2]int{{76, 20}, {116, 36}, {40, 30}} {
		cols := layoutHelp(groups, size[0], size[1])
		out := renderHelp(cols, plainStyle, plainStyle)
		lines := strings.Split(out, "\n")
		// taller than h only when h rows cannot hold it at this width
		// (the overlay scrolls); descriptions are never cut
		if len(lines) > size[1] && helpWidth(packHelp(clean(groups), size[1])) <= size[0] {
			t.Fatalf("%v: %d rows though %d fit", size, len(lines), size[1])
		}
		if strings.Contains(out, "…") {
			t.Fatalf("%v: a description was cut:\n%s", size, out)
		}
		for _, l := range lines {
			if ansi.StringWidth(l) > size[0] {
				t.Fatalf("%v: line %q is %d wide", size, l, ansi.StringWidth(l))
			}
		}
		if strings.Count(out, "k00 ") != 1 {
			t.Fatalf("%v: repeated binding not merged:\n%s", size, out)
		}
		for g := range 5 {
			for i := range 8 {
				if !strings.Contains(out, fmt.Sprintf("k%d%d", g, i)) {
					t.Fatalf("%v: binding k%d%d missing:\n%s", size, g, i, out)
				}
			}
		}
	}
	// groups stay whole: side by side when wide, stacked when narrow
	if cols := layoutHelp(groups[:2], 200, 20); len(cols) != 2 || len(cols[0]) != 8 || cols[1][0].key != "k10" {
		t.Fatalf("two groups of 8, wide: %v", cols)
	}
	if cols := layoutHelp(groups[:2], 30, 20); len(cols) != 1 || len(cols[0]) != 17 || cols[0][8].key != "" {
		t.Fatalf("two groups of 8, narrow: %v", cols)
	}
}

// clean is the groups as layoutHelp lists them, for the test's own count.
func clean(groups [][]key.Binding) [][]helpEntry {
	var out [][]helpEntry
	for _, g := range groups {
		var c []helpEntry
		for _, b := range g {
			c = append(c, helpEntry{b.Help().Key, b.Help().Desc})
		}
		out = append(out, c)
	}
	return out
}

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
