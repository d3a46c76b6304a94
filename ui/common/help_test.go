package common

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
		cols := LayoutHelp(groups, size[0], size[1])
		out := RenderHelp(cols, plainStyle, plainStyle)
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
	if cols := LayoutHelp(groups[:2], 200, 20); len(cols) != 2 || len(cols[0]) != 8 || cols[1][0].key != "k10" {
		t.Fatalf("two groups of 8, wide: %v", cols)
	}
	if cols := LayoutHelp(groups[:2], 30, 20); len(cols) != 1 || len(cols[0]) != 17 || cols[0][8].key != "" {
		t.Fatalf("two groups of 8, narrow: %v", cols)
	}
}

// clean is the groups as LayoutHelp lists them, for the test's own count.
func clean(groups [][]key.Binding) [][]HelpEntry {
	var out [][]HelpEntry
	for _, g := range groups {
		var c []HelpEntry
		for _, b := range g {
			c = append(c, HelpEntry{b.Help().Key, b.Help().Desc})
		}
		out = append(out, c)
	}
	return out
}
