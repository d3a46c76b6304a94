package jsonview

import "charm.land/lipgloss/v2"

// Styles holds the viewer's styles.
type Styles struct {
	Key, String, Number, Bool, Null, Bracket, Text lipgloss.Style
	Folded                                         lipgloss.Style // the "… 12 items" hint of a folded node
	LineNumber                                     lipgloss.Style
	Cursor                                         lipgloss.Style // the current row
	Match                                          lipgloss.Style // search matches
	Path                                           lipgloss.Style // the current node's path line
	Status                                         lipgloss.Style // messages and counts
	Problem                                        lipgloss.Style // the explanation above non-JSON input
	Prompt                                         lipgloss.Style // search, query and save prompts
}

// DefaultStyles returns coloured styles for a dark or light background.
func DefaultStyles(hasDarkBG bool) Styles {
	ld := lipgloss.LightDark(hasDarkBG)
	c := func(light, dark string) lipgloss.Style {
		return lipgloss.NewStyle().Foreground(ld(lipgloss.Color(light), lipgloss.Color(dark)))
	}
	return Styles{
		Key:        c("#1f5fbf", "#7cb7ff").Bold(true),
		String:     c("#1a7f37", "#8ddb8c"),
		Number:     c("#a0522d", "#f0a868"),
		Bool:       c("#8250df", "#d2a8ff"),
		Null:       c("#6e7781", "#8b949e"),
		Bracket:    lipgloss.NewStyle(),
		Text:       lipgloss.NewStyle(),
		Folded:     c("#6e7781", "#8b949e").Italic(true),
		LineNumber: c("#8c959f", "#6e7681"),
		Cursor:     lipgloss.NewStyle().Background(ld(lipgloss.Color("#dde6f3"), lipgloss.Color("#2d333b"))),
		Match:      lipgloss.NewStyle().Reverse(true),
		Path:       c("#57606a", "#adbac7"),
		Status:     c("#57606a", "#adbac7"),
		Problem:    c("#9a6700", "#e3b341").Bold(true),
		Prompt:     c("#1f5fbf", "#7cb7ff"),
	}
}

// NoColorStyles returns styles without colours (for NO_COLOR), keeping the
// cursor and matches visible through reverse video and underline.
func NoColorStyles() Styles {
	p := lipgloss.NewStyle()
	return Styles{
		Key: p, String: p, Number: p, Bool: p, Null: p, Bracket: p, Text: p,
		Folded: p, LineNumber: p, Path: p, Status: p, Problem: p.Bold(true), Prompt: p,
		Cursor: p.Reverse(true),
		Match:  p.Underline(true),
	}
}
