// Package sanitize makes text from the network safe to print on a terminal:
// escape sequences (CSI, OSC, DCS, ...) and control characters are removed so
// that an API value can never move the cursor, clear the screen, set the
// clipboard or change the window title.
package sanitize

import (
	"strings"
	"unicode"

	"github.com/charmbracelet/x/ansi"
)

// Line returns s as a single inert line: escape sequences and control
// characters are removed, and newlines and tabs become spaces.
func Line(s string) string {
	return clean(s, false)
}

// Text returns s with escape sequences and control characters removed,
// keeping newlines (tabs become spaces). Use it for multi-line bodies.
func Text(s string) string {
	return clean(s, true)
}

func clean(s string, keepNewlines bool) string {
	if isPlain(s) {
		return s
	}
	// ansi.Strip understands the terminal's parser states, so an OSC 52
	// payload or a CSI sequence disappears entirely, not just its ESC byte.
	s = ansi.Strip(s)
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r == '\n' && keepNewlines:
			b.WriteRune(r)
		case r == '\n' || r == '\t' || r == '\r':
			b.WriteByte(' ')
		case r == unicode.ReplacementChar:
			b.WriteRune(r)
		case unicode.IsControl(r), isBidiControl(r):
			// dropped: C0, DEL, C1 and bidirectional overrides
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// isPlain reports whether s is printable ASCII only (the common case).
func isPlain(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= 0x7f {
			return false
		}
	}
	return true
}

// isBidiControl reports the Unicode bidirectional formatting characters,
// which can make text display in a different order than it is stored.
func isBidiControl(r rune) bool {
	return (r >= 0x202A && r <= 0x202E) || (r >= 0x2066 && r <= 0x2069) || r == 0x200E || r == 0x200F
}
