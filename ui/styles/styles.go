// Package styles holds every Lip Gloss style of the explorer in one struct,
// built for a dark or a light terminal, or without colour (NO_COLOR).
package styles

import (
	"image/color"

	"charm.land/lipgloss/v2"
)

// Styles is the explorer's look. Build it with DefaultStyles or NoColor.
type Styles struct {
	Dark    bool
	NoColor bool

	App       lipgloss.Style // the whole screen
	StatusBar struct {
		Bar, Crumb, CrumbSep, Right, OK, Warn, Bad lipgloss.Style
		// Live marks a profile on the real Dinero; Sandbox one on this
		// machine (the header and the profile picker).
		Live, Sandbox lipgloss.Style
	}
	HelpLine lipgloss.Style // the one-line key hint at the bottom
	Pane     struct {
		Focused, Blurred, Title, TitleBlurred lipgloss.Style
		// BorderFocused and BorderBlurred colour the border runes of a Box.
		BorderFocused, BorderBlurred lipgloss.Style
	}
	List struct {
		Cursor, Item, Dimmed, Group, Match, Empty lipgloss.Style
	}
	Badge struct {
		Pro, Paying, Write lipgloss.Style
		Method             map[string]lipgloss.Style
	}
	Label, Value, Muted, Info, Success, Warning, Error, Key, Link lipgloss.Style
	Input                                                         struct {
		Label, LabelFocused, Hint lipgloss.Style
	}
	Dialog   lipgloss.Style
	Progress struct{ Done, Rest lipgloss.Style }
}

// palette is the handful of colours the styles are made of.
type palette struct {
	fg, muted, dim, accent, border, borderFocus, ok, warn, bad, info color.Color
	get, post, put, del, patch                                       color.Color
	badgeFg                                                          color.Color
}

func darkPalette() palette {
	return palette{
		fg: lipgloss.Color("#E4E4E7"), muted: lipgloss.Color("#A1A1AA"), dim: lipgloss.Color("#71717A"),
		accent: lipgloss.Color("#A78BFA"), border: lipgloss.Color("#52525B"), borderFocus: lipgloss.Color("#A78BFA"),
		ok: lipgloss.Color("#4ADE80"), warn: lipgloss.Color("#FACC15"), bad: lipgloss.Color("#F87171"), info: lipgloss.Color("#60A5FA"),
		get: lipgloss.Color("#4ADE80"), post: lipgloss.Color("#60A5FA"), put: lipgloss.Color("#FBBF24"),
		del: lipgloss.Color("#F87171"), patch: lipgloss.Color("#C084FC"), badgeFg: lipgloss.Color("#18181B"),
	}
}

func lightPalette() palette {
	return palette{
		fg: lipgloss.Color("#18181B"), muted: lipgloss.Color("#52525B"), dim: lipgloss.Color("#A1A1AA"),
		accent: lipgloss.Color("#6D28D9"), border: lipgloss.Color("#A1A1AA"), borderFocus: lipgloss.Color("#6D28D9"),
		ok: lipgloss.Color("#15803D"), warn: lipgloss.Color("#A16207"), bad: lipgloss.Color("#B91C1C"), info: lipgloss.Color("#1D4ED8"),
		get: lipgloss.Color("#15803D"), post: lipgloss.Color("#1D4ED8"), put: lipgloss.Color("#B45309"),
		del: lipgloss.Color("#B91C1C"), patch: lipgloss.Color("#7E22CE"), badgeFg: lipgloss.Color("#FFFFFF"),
	}
}

// DefaultStyles returns the coloured styles for a dark or light background.
func DefaultStyles(dark bool) *Styles {
	p := lightPalette()
	if dark {
		p = darkPalette()
	}
	s := &Styles{Dark: dark}
	n := lipgloss.NewStyle
	s.StatusBar.Bar = n()
	s.StatusBar.Crumb = n().Bold(true).Foreground(p.accent)
	s.StatusBar.CrumbSep = n().Foreground(p.dim)
	s.StatusBar.Right = n().Foreground(p.muted)
	s.StatusBar.OK = n().Foreground(p.ok)
	s.StatusBar.Warn = n().Foreground(p.warn)
	s.StatusBar.Bad = n().Foreground(p.bad).Bold(true)
	s.StatusBar.Live = n().Bold(true).Foreground(p.badgeFg).Background(p.bad).Padding(0, 1)
	s.StatusBar.Sandbox = n().Foreground(p.info)
	s.HelpLine = n().Foreground(p.muted)
	s.Pane.Focused = n().Border(lipgloss.RoundedBorder()).BorderForeground(p.borderFocus)
	s.Pane.Blurred = n().Border(lipgloss.RoundedBorder()).BorderForeground(p.border)
	s.Pane.Title = n().Bold(true).Foreground(p.accent)
	s.Pane.BorderFocused = n().Foreground(p.borderFocus)
	s.Pane.BorderBlurred = n().Foreground(p.border)
	s.Pane.TitleBlurred = n().Foreground(p.muted)
	s.List.Cursor = n().Bold(true).Foreground(p.accent)
	s.List.Item = n().Foreground(p.fg)
	s.List.Dimmed = n().Foreground(p.dim)
	s.List.Group = n().Bold(true).Foreground(p.muted)
	s.List.Match = n().Underline(true)
	s.List.Empty = n().Foreground(p.dim).Italic(true)
	s.Badge.Pro = n().Bold(true).Foreground(p.badgeFg).Background(p.ok).Padding(0, 1)
	s.Badge.Paying = n().Foreground(p.ok)
	s.Badge.Write = n().Foreground(p.put)
	s.Badge.Method = map[string]lipgloss.Style{
		"GET": n().Bold(true).Foreground(p.get), "POST": n().Bold(true).Foreground(p.post),
		"PUT": n().Bold(true).Foreground(p.put), "DELETE": n().Bold(true).Foreground(p.del),
		"PATCH": n().Bold(true).Foreground(p.patch),
	}
	s.Label = n().Foreground(p.muted)
	s.Value = n().Foreground(p.fg)
	s.Muted = n().Foreground(p.dim)
	s.Info = n().Foreground(p.info)
	s.Success = n().Foreground(p.ok)
	s.Warning = n().Foreground(p.warn)
	s.Error = n().Foreground(p.bad)
	s.Key = n().Bold(true).Foreground(p.fg)
	s.Link = n().Underline(true).Foreground(p.info)
	s.Input.Label = n().Foreground(p.muted)
	s.Input.LabelFocused = n().Bold(true).Foreground(p.accent)
	s.Input.Hint = n().Foreground(p.dim)
	s.Dialog = n().Border(lipgloss.RoundedBorder()).BorderForeground(p.warn).Padding(1, 2)
	s.Progress.Done = n().Foreground(p.accent)
	s.Progress.Rest = n().Foreground(p.border)
	return s
}

// NoColor returns styles that use no colour at all (for NO_COLOR): the
// cursor and badges are shown with bold, reverse and underline instead.
func NoColor() *Styles {
	s := &Styles{NoColor: true, Dark: true}
	n := lipgloss.NewStyle
	plain := n()
	s.StatusBar.Bar, s.StatusBar.Right, s.StatusBar.OK, s.StatusBar.CrumbSep = plain, plain, plain, plain
	s.StatusBar.Crumb = n().Bold(true)
	s.StatusBar.Warn = n().Underline(true)
	s.StatusBar.Bad = n().Bold(true).Underline(true)
	s.StatusBar.Live = n().Bold(true).Reverse(true).Padding(0, 1)
	s.StatusBar.Sandbox = plain
	s.HelpLine = plain
	s.Pane.Focused = n().Border(lipgloss.RoundedBorder())
	s.Pane.Blurred = n().Border(lipgloss.NormalBorder())
	s.Pane.Title = n().Bold(true)
	s.Pane.TitleBlurred = plain
	s.Pane.BorderFocused, s.Pane.BorderBlurred = n().Bold(true), plain
	s.List.Cursor = n().Reverse(true)
	s.List.Item, s.List.Match = plain, n().Underline(true)
	s.List.Dimmed = n().Faint(true)
	s.List.Group = n().Bold(true)
	s.List.Empty = n().Italic(true)
	s.Badge.Pro = n().Reverse(true).Padding(0, 1)
	s.Badge.Paying, s.Badge.Write = plain, n().Underline(true)
	s.Badge.Method = map[string]lipgloss.Style{}
	for _, m := range []string{"GET", "POST", "PUT", "DELETE", "PATCH"} {
		s.Badge.Method[m] = n().Bold(true)
	}
	s.Label, s.Value, s.Info, s.Success, s.Link = plain, plain, plain, plain, n().Underline(true)
	s.Muted = n().Faint(true)
	s.Warning = n().Underline(true)
	s.Error = n().Bold(true)
	s.Key = n().Bold(true)
	s.Input.Label, s.Input.Hint = plain, n().Faint(true)
	s.Input.LabelFocused = n().Bold(true).Underline(true)
	s.Dialog = n().Border(lipgloss.DoubleBorder()).Padding(1, 2)
	s.Progress.Done, s.Progress.Rest = plain, n().Faint(true)
	return s
}

// MethodBadge renders an HTTP method padded to 6 cells in its verb colour.
func (s *Styles) MethodBadge(method string) string {
	st, ok := s.Badge.Method[method]
	if !ok {
		st = s.Value
	}
	return st.Render(padRight(method, 6))
}

func padRight(s string, w int) string {
	for len(s) < w {
		s += " "
	}
	return s
}
