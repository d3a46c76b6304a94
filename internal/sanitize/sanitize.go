// Package sanitize makes text that came from the network safe to print on a
// terminal: it strips escape sequences and control characters so a server
// cannot move the cursor, recolour, retitle or otherwise drive the terminal.
package sanitize

import (
	"unicode/utf8"
)

// Text returns s without terminal escape sequences, control characters and
// bidirectional overrides.
// Newlines and tabs are kept; carriage returns are dropped; invalid UTF-8
// becomes U+FFFD.
func Text(s string) string {
	if clean(s, true) {
		return s
	}
	return string(strip([]byte(s), true))
}

// Line is like Text but also turns newlines and tabs into spaces, for values
// shown on one line (table cells, status bars, error messages).
func Line(s string) string {
	if clean(s, false) {
		return s
	}
	return string(strip([]byte(s), false))
}

// Bytes is Text for a byte slice (large bodies). It returns b itself when
// nothing needs removing.
func Bytes(b []byte) []byte {
	if clean(string(b), true) {
		return b
	}
	return strip(b, true)
}

// clean reports whether s needs no change.
func clean(s string, keepNewlines bool) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '\n' || c == '\t':
			if !keepNewlines {
				return false
			}
		case c < 0x20 || c == 0x7f || c >= 0x80:
			if c >= 0x80 {
				// Multi-byte: check the whole rune below.
				r, size := utf8.DecodeRuneInString(s[i:])
				if r == utf8.RuneError && size <= 1 || isC1(r) || isBidi(r) {
					return false
				}
				i += size - 1
				continue
			}
			return false
		}
	}
	return true
}

func isC1(r rune) bool { return r >= 0x80 && r <= 0x9f }

// isBidi reports the invisible bidirectional controls that can make text
// display in a different order than it reads (U+202A-U+202E, U+2066-U+2069).
func isBidi(r rune) bool { return r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069 }

// strip copies b without escape sequences and control characters.
func strip(b []byte, keepNewlines bool) []byte {
	out := make([]byte, 0, len(b))
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
			out = utf8.AppendRune(out, utf8.RuneError)
			i += max(size, 1)
		case r == 0x1b:
			i = skipEscape(b, i+1)
		case r == 0x9b: // C1 CSI
			i = skipCSI(b, i+size)
		case r == 0x9d || r == 0x90 || r == 0x98 || r == 0x9e || r == 0x9f: // C1 OSC, DCS, SOS, PM, APC
			i = skipString(b, i+size)
		case r == '\n' || r == '\t':
			if keepNewlines {
				out = append(out, byte(r))
			} else {
				out = append(out, ' ')
			}
			i += size
		case r < 0x20 || r == 0x7f || isC1(r) || isBidi(r):
			i += size
		default:
			out = append(out, b[i:i+size]...)
			i += size
		}
	}
	return out
}

// skipEscape skips what follows an ESC starting at i and returns the index
// after the sequence.
func skipEscape(b []byte, i int) int {
	if i >= len(b) {
		return i
	}
	switch b[i] {
	case '[':
		return skipCSI(b, i+1)
	case ']', 'P', 'X', '^', '_':
		return skipString(b, i+1)
	}
	// Two-byte sequences (ESC 7, ESC c, ESC ( B ...): skip intermediates
	// (0x20-0x2f) and the final byte.
	for i < len(b) && b[i] >= 0x20 && b[i] <= 0x2f {
		i++
	}
	if i < len(b) {
		i++
	}
	return i
}

// skipCSI skips parameter and intermediate bytes and the final byte of a
// control sequence.
func skipCSI(b []byte, i int) int {
	for i < len(b) {
		c := b[i]
		i++
		if c >= 0x40 && c <= 0x7e {
			return i
		}
		if c < 0x20 || c > 0x7e {
			// Not part of a well-formed sequence: stop here and let the
			// caller look at it.
			return i - 1
		}
	}
	return i
}

// skipString skips an OSC/DCS/APC-style string up to BEL or ST (ESC \ or
// 0x9c).
func skipString(b []byte, i int) int {
	for i < len(b) {
		switch {
		case b[i] == 0x07:
			return i + 1
		case b[i] == 0x1b:
			if i+1 < len(b) && b[i+1] == '\\' {
				return i + 2
			}
			return i + 1
		case b[i] == 0xc2 && i+1 < len(b) && b[i+1] == 0x9c:
			return i + 2
		}
		i++
	}
	return i
}
