package jsonview

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestParseIndexesLines(t *testing.T) {
	d := mustParse(t, `{"a":1,"b":[true,null,{}],"c":{"d":"x"}}`)
	want := `{
  "a": 1,
  "b": [
    true,
    null,
    {}
  ],
  "c": {
    "d": "x"
  }
}
`
	if got := bodyText(d); got != want {
		t.Fatalf("layout:\n%s\nwant:\n%s", got, want)
	}
	if d.Lines() != 11 {
		t.Fatalf("Lines() = %d, want 11", d.Lines())
	}
}

func TestPaths(t *testing.T) {
	d := mustParse(t, `{"Collection":[{"Number":1,"a.b":{"x*":2}}],"Pagination":{"Page":0}}`)
	tests := map[int]string{
		0: "@this",
		1: "Collection",
		2: "Collection.0",
		3: "Collection.0.Number",
		4: `Collection.0.a\.b`,
		5: `Collection.0.a\.b.x\*`,
		6: `Collection.0.a\.b`, // closing brace
		9: "Pagination",
	}
	for line, want := range tests {
		if got := d.Path(line); got != want {
			t.Errorf("Path(%d) = %q, want %q", line, got, want)
		}
	}
}

func TestNonJSONIsShownAsText(t *testing.T) {
	tests := []struct {
		name, input, problem string
	}{
		{"html", "<html>\n<body>Bad gateway</body>\n</html>", "HTML, not JSON"},
		{"truncated", `{"Collection":[{"Number":1},{"Num`, "truncated"},
		{"truncated at", "{\"a\":\n [1,", "line 2, column 5"},
		{"invalid utf8 outside strings", "{\"a\":\xff}", "byte 0xff"},
		{"utf-16", "\xff\xfe{\x00}\x00", "UTF-16LE"},
		{"utf-32", "\x00\x00\x00[\x00\x00\x00]", "UTF-32BE"},
		{"json lines on one line", "{\"a\":1} {\"a\":2}", "line 1, column 9"},
		{"trailing", `{"a":1} x`, "after the end"},
		{"empty", "", "empty"},
		{"bad number", `[01]`, "line 1, column 2"},
		{"control char", "[\"a\tb\"]", "line 1, column 4"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Parse([]byte(tt.input))
			if err == nil || d == nil {
				t.Fatalf("Parse() = %v, %v; want a text document and an error", d, err)
			}
			if d.IsJSON() || !strings.Contains(d.Problem(), tt.problem) {
				t.Fatalf("Problem() = %q, want it to mention %q", d.Problem(), tt.problem)
			}
			if strings.Contains(d.Problem(), "\n") {
				t.Fatalf("Problem() spans lines: %q", d.Problem())
			}
			m := New(d, WithStyles(NoColorStyles()))
			m.SetSize(100, 10)
			if s := screen(m); !strings.Contains(s, tt.problem) {
				t.Fatalf("screen lacks the explanation:\n%s", s)
			}
		})
	}
}

func TestOpenMapsFile(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "doc.json")
	src := `{"Collection":[{"Number":1},{"Number":2}],"Pagination":{"Page":0}}`
	if err := os.WriteFile(p, []byte(src), 0o600); err != nil {
		t.Fatal(err)
	}
	d, err := Open(p)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	defer d.Close()
	var a, b any
	_ = json.Unmarshal([]byte(src), &a)
	if err := json.Unmarshal([]byte(bodyText(d)), &b); err != nil || !reflect.DeepEqual(a, b) {
		t.Fatalf("rendered file differs: %v", err)
	}
	if _, err := Open(filepath.Join(dir, "missing.json")); err == nil {
		t.Fatal("Open of a missing file succeeded")
	}
	empty := filepath.Join(dir, "empty.json")
	_ = os.WriteFile(empty, nil, 0o600)
	if d, err := Open(empty); err == nil || d == nil || !strings.Contains(d.Problem(), "empty") {
		t.Fatalf("Open(empty) = %v, %v", d, err)
	}
}

func TestSanitizeMakesEscapesInert(t *testing.T) {
	d := mustParse(t, `{"k\u001b[31m":"\u001b[2J\u001b]52;c;aGk=\u0007 \u009b1m","t":"`+"\u009b\u202e\x7f"+`"}`)
	m := New(d, WithStyles(NoColorStyles()))
	m.SetSize(120, 10)
	out := m.View()
	for _, bad := range []string{"\x1b[2J", "\x1b]52", "\a", "\u009b", "\u202e", "\x7f"} {
		if strings.Contains(out, bad) {
			t.Fatalf("view contains %q:\n%q", bad, out)
		}
	}
	for _, want := range []string{`\u001b[2J`, `\u001b]52;c;aGk=\u0007`, `\u009b`, `\u202e`, `\u007f`} {
		if !strings.Contains(out, want) {
			t.Fatalf("view lacks the escaped text %q:\n%s", want, out)
		}
	}
	if got := Sanitize("a\x1b[2Jb\xffc"); got != `a\u001b[2Jb\xffc` {
		t.Fatalf("Sanitize = %q", got)
	}
	text, _ := Parse([]byte("<p>\x1b]52;c;x\x07</p>\xff"))
	tm := New(text, WithStyles(NoColorStyles()))
	if out := tm.View(); strings.ContainsAny(out, "\x1b\a") && !strings.Contains(ansiFree(out), `\u001b`) {
		t.Fatalf("text view not sanitized: %q", out)
	}
}

// ansiFree drops the styling a NoColor view may still carry (reverse video).
func ansiFree(s string) string {
	return strings.NewReplacer("\x1b[7m", "", "\x1b[m", "", "\x1b[0m", "").Replace(s)
}

func TestTextLastLineDropsItsNewline(t *testing.T) {
	for _, input := range []string{"<html>\n</html>\n", "<html>\r\n</html>\r\n", "<html>\n</html>"} {
		d, _ := Parse([]byte(input))
		m := New(d, WithStyles(NoColorStyles()))
		m.SetSize(60, 6)
		s := screen(m)
		if strings.Contains(s, `\u000a`) || strings.Contains(s, `\u000d`) || !strings.Contains(s, "</html>") {
			t.Errorf("input %q renders as:\n%s", input, s)
		}
	}
}
