package jsonview

import (
	"bytes"
	"encoding/json"
	"io"
	"reflect"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

var fuzzSeeds = []string{
	sample, `[]`, `{}`, `""`, `0`, `-1.5e+3`, `[{"a":[{}]},[[]],null,true,false]`,
	`{"a\u0000b":"\u001b[2J\u001b]52;c;x\u0007"}`, "<html>oops</html>", `{"a":1`,
	"{\"\xff\":1}", `{"a" 1}`, `[1,]`, "\"\u009b\u202e\"", "a\r\nb\tc\n", `[01]`, `1 2`,
	"\xef\xbb\xbf{\"bom\":1}", "[\"caf\xe9 \xff\xfe\"]", "{\"a\":1}\n{\"a\":2}\n", "1\n[2]\n\"x\"",
	`["` + strings.Repeat(`\"\\\u00e6`, 40) + `"]`, "[\"" + strings.Repeat("ø", 50) + "\"]",
	"\xff\xfe[\x001\x00]\x00", "\x00[\x001\x00]",
}

// FuzzParse checks that any input parses without panicking, that the
// parser agrees with encoding/json on what is JSON (a byte order mark
// skipped, JSON Lines accepted), and that a JSON document rendered fully
// expanded re-parses to the same values.
func FuzzParse(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		d, err := Parse(b)
		if d == nil {
			t.Fatalf("Parse returned no document (err %v)", err)
		}
		_, want := jsonValues(b)
		if (err == nil) != want {
			t.Fatalf("Parse error %v, but encoding/json validity is %v", err, want)
		}
		if err != nil {
			if d.IsJSON() || d.Problem() == "" || strings.Contains(d.Problem(), "\n") {
				t.Fatalf("bad fallback: json=%v problem=%q", d.IsJSON(), d.Problem())
			}
			return
		}
		checkRoundTrip(t, b, d)
	})
}

// jsonValues decodes b as JSON Lines (one value, or values separated by
// newlines) after an optional byte order mark, as encoding/json reads them.
func jsonValues(b []byte) ([]any, bool) {
	b = bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
	dec := json.NewDecoder(bytes.NewReader(b))
	var out []any
	for {
		var v any
		if err := dec.Decode(&v); err == io.EOF {
			return out, len(out) > 0
		} else if err != nil {
			return nil, false
		}
		out = append(out, v)
		rest := b[dec.InputOffset():]
		gap := len(rest) - len(bytes.TrimLeft(rest, " \t\r\n"))
		if gap < len(rest) && bytes.IndexByte(rest[:gap], '\n') < 0 {
			return nil, false
		}
	}
}

func checkRoundTrip(t *testing.T, src []byte, d *Document) {
	t.Helper()
	a, ok := jsonValues(src)
	if !ok {
		t.Fatalf("source is not JSON")
	}
	text := bodyText(d)
	b, ok := jsonValues([]byte(text))
	if !ok {
		t.Fatalf("rendered text is not JSON:\n%s", text)
	}
	if !reflect.DeepEqual(a, b) {
		t.Fatalf("rendered text differs:\n%s", text)
	}
	if root := d.Path(0); root != "@this" && !(len(a) > 1 && root == "..0") {
		t.Fatalf("root path %q", root)
	}
	for i := range d.Lines() {
		_ = d.Path(i)
	}
	checkIndex(t, d)
}

// FuzzRender drives the viewer with random input and keys and checks that
// nothing panics and nothing raw reaches the screen; it also builds valid
// JSON from the bytes and checks the expanded rendering round-trips.
func FuzzRender(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add([]byte(s), []byte("jjClGkKJH/a\rnN2Ew>>w<y"), uint8(30), uint8(8))
	}
	keys := []string{"up", "down", "left", "right", "enter", "pgdown", "pgup", "g", "G", "J", "K", "H",
		"C", "E", "1", "3", "w", "#", "<", ">", "n", "N", "/", "a", "x", "enter", "esc", "y", "v", "p", "k"}
	f.Fuzz(func(t *testing.T, b, script []byte, w, h uint8) {
		d, _ := Parse(b)
		m := New(d, WithStyles(NoColorStyles()))
		m.SetSize(int(w%120)+1, int(h%40)+1)
		for _, c := range script {
			m, _ = m.Update(keyMsg(keys[int(c)%len(keys)]))
			out := m.View()
			if strings.ContainsAny(out, "\a\u009b\x7f") || strings.Contains(out, "\x1b]") {
				t.Fatalf("raw control sequence on screen: %q", out)
			}
			if m.doc.Lines() > 0 && m.visible(m.cursor) != m.cursor {
				t.Fatalf("cursor %d is hidden", m.cursor)
			}
		}
		v := buildValue(&b, 0)
		src, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := Parse(src)
		if err != nil {
			t.Fatalf("Parse(%s): %v", src, err)
		}
		checkRoundTrip(t, src, doc)
	})
}

// buildValue turns fuzz bytes into a JSON value.
func buildValue(b *[]byte, depth int) any {
	next := func() byte {
		if len(*b) == 0 {
			return 0
		}
		c := (*b)[0]
		*b = (*b)[1:]
		return c
	}
	c := next()
	switch kind := c % 7; {
	case kind == 0 || depth > 6:
		return float64(int8(c)) / 4
	case kind == 1:
		n := int(next() % 12)
		s := make([]byte, 0, n)
		for range n {
			s = append(s, next())
		}
		return strings.ToValidUTF8(string(s), "?")
	case kind == 2:
		return c%2 == 0
	case kind == 3:
		return nil
	case kind == 4:
		n := int(next() % 4)
		a := make([]any, n)
		for i := range a {
			a[i] = buildValue(b, depth+1)
		}
		return a
	default:
		n := int(next() % 4)
		o := map[string]any{}
		for range n {
			k := string(rune(next()))
			o[k] = buildValue(b, depth+1)
		}
		return o
	}
}

var _ = tea.KeyPressMsg{}
