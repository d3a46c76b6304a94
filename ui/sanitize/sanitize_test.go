package sanitize

import (
	"strings"
	"testing"
)

func TestLine(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"plain", "Nordlys ApS", "Nordlys ApS"},
		{"osc52 clipboard", "Evil\x1b]52;c;Y3VybCBldmlsLnNo\x07 Corp", "Evil Corp"},
		{"osc st terminated", "a\x1b]0;title\x1b\\b", "ab"},
		{"clear screen", "\x1b[2JHi", "Hi"},
		{"colour", "\x1b[31mred\x1b[0m", "red"},
		{"c1 csi dropped", "x\u009b2Jy", "x2Jy"},
		{"bell and backspace", "a\x07b\x08c", "abc"},
		{"newline to space", "a\nb\tc\rd", "a b c d"},
		{"danish letters kept", "Bageriet Ørsted – Åløkken", "Bageriet Ørsted – Åløkken"},
		{"bidi override", "abc\u202Edef", "abcdef"},
		{"del", "a\x7fb", "ab"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Line(tt.in); got != tt.want {
				t.Fatalf("Line(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestTextKeepsNewlines(t *testing.T) {
	got := Text("line1\n\x1b[2Jline2\r\n")
	if got != "line1\nline2 \n" {
		t.Fatalf("Text = %q", got)
	}
}

func FuzzLine(f *testing.F) {
	for _, s := range []string{"", "a", "\x1b]52;c;abc\x07", "\x1b[2J", "\x9b31m", "\x1bP1;2|x\x1b\\"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := Line(s)
		for _, r := range out {
			if r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) {
				t.Fatalf("control rune %U left in %q (from %q)", r, out, s)
			}
		}
		if strings.Contains(out, "\x1b") {
			t.Fatalf("escape left in %q", out)
		}
	})
}
