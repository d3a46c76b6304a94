package common

import (
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/dinero-tui/dinero-tui/ui/styles"
)

// Box draws content in a rounded border of exactly width x height cells,
// with title set into the top edge. Content lines are cut to fit; missing
// lines are blank.
func Box(s *styles.Styles, title, content string, width, height int, focused bool) string {
	if width < 4 || height < 2 {
		return ""
	}
	border, titleStyle := s.Pane.BorderBlurred, s.Pane.TitleBlurred
	if focused {
		border, titleStyle = s.Pane.BorderFocused, s.Pane.Title
	}
	inner := width - 2
	var b strings.Builder
	top := "─"
	if title != "" {
		t := ansi.Truncate(" "+title+" ", inner-1, "… ")
		top += titleStyle.Render(t)
		inner -= ansi.StringWidth(t)
	}
	b.WriteString(border.Render("╭") + border.Render(top) + border.Render(strings.Repeat("─", max(0, inner-1))+"╮") + "\n")
	lines := strings.Split(content, "\n")
	for i := 0; i < height-2; i++ {
		l := ""
		if i < len(lines) {
			l = lines[i]
		}
		b.WriteString(border.Render("│") + Fit(l, width-2) + border.Render("│") + "\n")
	}
	b.WriteString(border.Render("╰" + strings.Repeat("─", width-2) + "╯"))
	return b.String()
}

// Fit cuts or pads a (possibly styled) line to exactly w cells.
func Fit(line string, w int) string {
	if w <= 0 {
		return ""
	}
	if ansi.StringWidth(line) > w {
		line = ansi.Truncate(line, w, "…")
	}
	if pad := w - ansi.StringWidth(line); pad > 0 {
		line += strings.Repeat(" ", pad)
	}
	return line
}

// FitBlock cuts or pads every line of a block to w cells and the block to
// h lines.
func FitBlock(block string, w, h int) string {
	lines := strings.Split(block, "\n")
	out := make([]string, h)
	for i := range out {
		l := ""
		if i < len(lines) {
			l = lines[i]
		}
		out[i] = Fit(l, w)
	}
	return strings.Join(out, "\n")
}

// Wrap word-wraps text to width w minus the indent, puts indent before
// every line and styles each line with render.
func Wrap(text string, w int, indent string, render func(...string) string) string {
	lines := strings.Split(ansi.Wordwrap(text, max(4, w-ansi.StringWidth(indent)), " /"), "\n")
	for i, l := range lines {
		lines[i] = indent + render(l)
	}
	return strings.Join(lines, "\n")
}
