package sanitize

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestText(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"plain", "Faktura 12 – æøå", "Faktura 12 – æøå"},
		{"newlines kept", "a\nb\tc", "a\nb\tc"},
		{"carriage return dropped", "abc\rxyz", "abcxyz"},
		{"colour", "\x1b[31mred\x1b[0m", "red"},
		{"cursor move", "a\x1b[2;5Hb", "ab"},
		{"title OSC BEL", "\x1b]0;pwned\x07ok", "ok"},
		{"OSC 8 hyperlink ST", "\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\", "link"},
		{"C1 CSI", "a\u009b31mb", "ab"},
		{"bell and backspace", "a\x07\x08b", "ab"},
		{"DEL", "a\x7fb", "ab"},
		{"two-byte escape", "a\x1b(Bb", "ab"},
		{"lone ESC at end", "abc\x1b", "abc"},
		{"invalid utf8", "a\xffb", "a\uFFFDb"},
		{"DCS", "x\x1bPqsixel\x1b\\y", "xy"},
		{"bidi override", "abc\u202edef", "abcdef"},
		{"OSC 52 clipboard", "a\x1b]52;c;Y3VybA==\x07b", "ab"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Text(tt.in); got != tt.want {
				t.Errorf("Text(%q) = %q, want %q", tt.in, got, tt.want)
			}
			if got := string(Bytes([]byte(tt.in))); got != tt.want {
				t.Errorf("Bytes(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestLine(t *testing.T) {
	if got := Line("a\nb\tc\x1b[1m"); got != "a b c" {
		t.Errorf("Line = %q", got)
	}
	// values the explorer prints on one line (company names, errors)
	tests := []struct{ name, in, want string }{
		{"osc52 in a name", "Evil\x1b]52;c;Y3VybCBldmlsLnNo\x07 Corp", "Evil Corp"},
		{"osc title ST terminated", "a\x1b]0;title\x1b\\b", "ab"},
		{"clear screen", "\x1b[2JHi", "Hi"},
		{"C1 CSI with its parameters", "x\u009b2Jy", "xy"},
		{"newline tab and CR", "a\nb\tc\rd", "a b cd"},
		{"danish letters kept", "Bageriet Ørsted – Åløkken", "Bageriet Ørsted – Åløkken"},
		{"bidi isolate", "abc\u2066def\u2069", "abcdef"},
	}
	for _, tt := range tests {
		if got := Line(tt.in); got != tt.want {
			t.Errorf("%s: Line(%q) = %q, want %q", tt.name, tt.in, got, tt.want)
		}
	}
}

func FuzzText(f *testing.F) {
	for _, s := range []string{"", "plain", "\x1b[31mx", "\x1b]0;t\x07", "\u009b1m", "a\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := Text(s)
		if !utf8.ValidString(out) {
			t.Fatalf("invalid UTF-8 out of %q", s)
		}
		for _, r := range out {
			if (r < 0x20 && r != '\n' && r != '\t') || r == 0x7f || (r >= 0x80 && r <= 0x9f) {
				t.Fatalf("control %U survived in %q (from %q)", r, out, s)
			}
		}
		if Text(out) != out {
			t.Fatalf("not idempotent on %q", s)
		}
		if l := Line(s); strings.ContainsAny(l, "\n\t") {
			t.Fatalf("Line kept a newline: %q", l)
		}
	})
}
