package jsonview

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/mattn/go-runewidth"
)

// inert reports whether r can reach the terminal as is. Control characters
// (C0, DEL, C1), line and paragraph separators, bidirectional overrides and
// invisible format characters are shown escaped instead.
func inert(r rune) bool {
	switch {
	case r < 0x20, r >= 0x7f && r < 0xa0:
		return false
	case r >= 0x200b && r <= 0x200f, r >= 0x2028 && r <= 0x202e,
		r >= 0x2060 && r <= 0x206f, r == 0xfeff:
		return false
	}
	return true
}

// sanitizer writes printable text, escaping everything a terminal could act
// on. Escapes use the \uXXXX form, so a sanitized JSON string literal is
// still a literal with the same value; invalid UTF-8 shows as \xNN.
type sanitizer struct {
	sb      strings.Builder
	cols    int
	maxCols int // stop after this many columns; 0 means no limit
	tabs    bool
	// replaceInvalid shows bytes that are not UTF-8 as U+FFFD, as a JSON
	// decoder reads them, instead of \xNN.
	replaceInvalid bool
}

// full reports whether the column budget is used up.
func (s *sanitizer) full() bool { return s.maxCols > 0 && s.cols >= s.maxCols }

// write appends b and returns how many bytes it consumed before the budget
// ran out.
func (s *sanitizer) write(b []byte) int {
	i := 0
	for i < len(b) && !s.full() {
		c := b[i]
		if c >= 0x20 && c < 0x7f {
			s.sb.WriteByte(c)
			s.cols++
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		i += size
		switch {
		case r == utf8.RuneError && size == 1 && s.replaceInvalid:
			s.sb.WriteRune(utf8.RuneError)
			s.cols++
		case r == utf8.RuneError && size == 1:
			fmt.Fprintf(&s.sb, "\\x%02x", c)
			s.cols += 4
		case r == '\t' && s.tabs:
			s.sb.WriteString("    ")
			s.cols += 4
		case !inert(r):
			fmt.Fprintf(&s.sb, "\\u%04x", r)
			s.cols += 6
		default:
			s.sb.WriteRune(r)
			s.cols += runewidth.RuneWidth(r)
		}
	}
	return i
}

// Sanitize returns s with control and escape sequences made visible and
// inert, for showing text from the network in a terminal.
func Sanitize(s string) string {
	var z sanitizer
	z.write([]byte(s))
	return z.sb.String()
}
