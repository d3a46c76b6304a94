package common

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// HelpEntry is one line of a help column; an empty key is a blank line
// between groups.
type HelpEntry struct{ key, desc string }

// helpGap is the space between help columns.
const helpGap = "   "

// LayoutHelp arranges the bindings of groups in columns that fit w cells
// by h rows, using the fewest rows that fit the width so that every
// binding shows. Groups stay whole in a column when they fit, a blank
// line apart. When even h rows are too wide the columns grow taller than
// h (the overlay scrolls them); only when a single column is too wide are
// the descriptions shortened. Disabled and repeated bindings are left out.
func LayoutHelp(groups [][]key.Binding, w, h int) [][]HelpEntry {
	var clean [][]HelpEntry
	seen := map[HelpEntry]bool{}
	n := 0
	for _, g := range groups {
		var out []HelpEntry
		for _, b := range g {
			e := HelpEntry{b.Help().Key, b.Help().Desc}
			if !b.Enabled() || e.key == "" || seen[e] {
				continue
			}
			seen[e] = true
			out = append(out, e)
		}
		if len(out) > 0 {
			clean = append(clean, out)
			n += len(out)
		}
	}
	h = max(1, h)
	longest := 0
	for _, g := range clean {
		longest = max(longest, len(g))
	}
	// first without splitting a group, then splitting them
	for _, from := range []int{longest, max(1, (n+3)/4)} {
		for rows := from; rows <= h; rows++ {
			if cols := packHelp(clean, rows); helpWidth(cols) <= w {
				return cols
			}
		}
	}
	for rows := h + 1; rows <= n+len(clean); rows++ {
		if cols := packHelp(clean, rows); helpWidth(cols) <= w {
			return cols
		}
	}
	return shortenHelp(packHelp(clean, n+len(clean)), w)
}

// packHelp fills columns of at most rows lines with the groups in order.
func packHelp(groups [][]HelpEntry, rows int) [][]HelpEntry {
	var cols [][]HelpEntry
	var cur []HelpEntry
	for _, g := range groups {
		switch {
		case len(cur) > 0 && len(cur)+1+len(g) <= rows:
			cur = append(append(cur, HelpEntry{}), g...)
			continue
		case len(cur) > 0:
			cols = append(cols, cur)
			cur = nil
		}
		for len(g) > rows {
			cols = append(cols, g[:rows])
			g = g[rows:]
		}
		cur = append([]HelpEntry(nil), g...)
	}
	if len(cur) > 0 {
		cols = append(cols, cur)
	}
	return cols
}

func colWidths(col []HelpEntry) (k, d int) {
	for _, e := range col {
		k, d = max(k, ansi.StringWidth(e.key)), max(d, ansi.StringWidth(e.desc))
	}
	return k, d
}

func helpWidth(cols [][]HelpEntry) int {
	w := 0
	for i, c := range cols {
		k, d := colWidths(c)
		if i > 0 {
			w += len(helpGap)
		}
		w += k + 1 + d
	}
	return w
}

// shortenHelp cuts descriptions, the longest first, until cols fit w.
func shortenHelp(cols [][]HelpEntry, w int) [][]HelpEntry {
	for limit := 40; limit > 3 && helpWidth(cols) > w; limit-- {
		for _, c := range cols {
			for i := range c {
				if ansi.StringWidth(c[i].desc) > limit {
					c[i].desc = ansi.Truncate(c[i].desc, limit, "…")
				}
			}
		}
	}
	return cols
}

// RenderHelp draws the columns with key and description styles.
func RenderHelp(cols [][]HelpEntry, keyStyle, descStyle lipgloss.Style) string {
	rows := 0
	for _, c := range cols {
		rows = max(rows, len(c))
	}
	lines := make([]string, rows)
	for ci, c := range cols {
		kw, dw := colWidths(c)
		for r := range rows {
			cell := strings.Repeat(" ", kw+1+dw)
			if r < len(c) && c[r].key != "" {
				cell = keyStyle.Render(padRight(c[r].key, kw)) + " " + descStyle.Render(padRight(c[r].desc, dw))
			}
			if ci > 0 {
				cell = helpGap + cell
			}
			lines[r] += cell
		}
	}
	for i := range lines {
		lines[i] = strings.TrimRight(lines[i], " ")
	}
	return strings.Join(lines, "\n")
}

func padRight(s string, w int) string {
	return s + strings.Repeat(" ", max(0, w-ansi.StringWidth(s)))
}
