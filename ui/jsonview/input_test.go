package jsonview

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/tidwall/gjson"
)

func TestImperfectInputKeepsStructure(t *testing.T) {
	t.Run("byte order mark", func(t *testing.T) {
		d := mustParse(t, "\xef\xbb\xbf{\"a\":[1]}")
		if !d.IsJSON() || d.Path(2) != "a.0" || !strings.HasPrefix(bodyText(d), "{\n  \"a\": [") {
			t.Fatalf("json %v path %q\n%s", d.IsJSON(), d.Path(2), bodyText(d))
		}
	})
	t.Run("invalid UTF-8 in a string", func(t *testing.T) {
		d := mustParse(t, "{\"caf\xe9\":\"\xff ok\"}")
		m := New(d, WithStyles(NoColorStyles()))
		m.SetSize(40, 6)
		m = press(t, m, "j")
		s := screen(m)
		if !strings.Contains(s, "\"caf\uFFFD\": \"\uFFFD ok\"") || m.CurrentPath() != "caf\xe9" {
			t.Fatalf("path %q\n%s", m.CurrentPath(), s)
		}
	})
	t.Run("JSON Lines", func(t *testing.T) {
		d := mustParse(t, "{\"a\":1}\n{\"a\":2}\r\n[3]\n")
		if d.Lines() != 9 || d.Path(0) != "..0" || d.Path(4) != "..1.a" || d.Path(7) != "..2.0" {
			t.Fatalf("%d lines, paths %q %q %q", d.Lines(), d.Path(0), d.Path(4), d.Path(7))
		}
		if strings.Contains(bodyText(d), "},") {
			t.Fatalf("roots joined with commas:\n%s", bodyText(d))
		}
		for q, want := range map[string]string{"..#": "3", "..1.a": "2", "..#.a": "[1,2]"} {
			msg := evalQuery(d, q, 1)
			if msg.doc == nil || string(msg.doc.Bytes()) != want {
				t.Errorf("query %s = %v, want %s", q, msg.doc, want)
			}
		}
		m := New(d, WithStyles(NoColorStyles()))
		m.SetSize(40, 12)
		m = press(t, m, "J", "J")
		if m.CurrentPath() != "..2" {
			t.Fatalf("J over the roots went to %q", m.CurrentPath())
		}
		m = press(t, m, "K")
		if m.CurrentPath() != "..1" {
			t.Fatalf("K over the roots went to %q", m.CurrentPath())
		}
	})
}

func TestQueryResultSharesTheDocumentBytes(t *testing.T) {
	d := mustParse(t, "\xef\xbb\xbf"+bigJSON(100, "")+"\n ")
	msg := evalQuery(d, "Collection", 1)
	msg.doc.Wait()
	if msg.doc == nil || within(d.Bytes(), unsafeString(msg.doc.Bytes())) == nil {
		t.Fatal("the result was copied")
	}
	if msg.doc.Lines() != 100*7+2 || msg.doc.Path(1) != "0" {
		t.Fatalf("result: %d lines, path %q", msg.doc.Lines(), msg.doc.Path(1))
	}
	for q, lines := range map[string]int{"Collection": 702, "@this": d.Lines(), "Collection.3": 7, "Collection.3.Number": 1, "Pagination": -1} {
		msg := evalQuery(d, q, 1)
		if msg.doc == nil || msg.doc.lines != d.lines {
			t.Fatalf("%s: the result was indexed again", q)
		}
		own := mustParse(t, string(msg.doc.Bytes()))
		if bodyText(msg.doc) != bodyText(own) || lines > 0 && msg.doc.Lines() != lines {
			t.Fatalf("%s: %d lines\n%s\nwant\n%s", q, msg.doc.Lines(), bodyText(msg.doc), bodyText(own))
		}
		checkIndex(t, msg.doc)
		for i := range msg.doc.Lines() {
			if msg.doc.Path(i) != own.Path(i) {
				t.Fatalf("%s: line %d path %q, want %q", q, i, msg.doc.Path(i), own.Path(i))
			}
		}
	}
	// Parts of a value are not one indexed value: they get an index of their own.
	data := d.Bytes()
	for _, part := range []string{`"Collection"`, `Collection`, `"Number":3`} {
		at := strings.Index(string(data), part)
		if v := d.subDocument(data[at : at+len(part)]); v != nil {
			t.Fatalf("%s gave a view of %d lines", part, v.Lines())
		}
	}
	// Computed results have bytes of their own.
	if msg := evalQuery(d, "Collection.#", 2); string(msg.doc.Bytes()) != "100" {
		t.Fatalf("count: %s", msg.doc.Bytes())
	}
}

func TestCopyRefusesHugeValuesWithoutDecoding(t *testing.T) {
	huge := `{"s":"` + strings.Repeat("a", 6*maxClipboard+1) + `","n":[` + strings.Repeat("1,", maxClipboard/2) + `1]}`
	m := New(mustParse(t, huge), WithStyles(NoColorStyles()))
	m.SetSize(80, 10)
	for _, line := range []string{"j", "j"} {
		m = press(t, m, line)
		m, _ = m.Update(keyMsg("y"))
		var cmd tea.Cmd
		m, cmd = m.Update(keyMsg("v"))
		if cmd != nil || !strings.Contains(m.status, "too large for the clipboard") {
			t.Fatalf("copy of line %d: status %q", m.cursor, m.status)
		}
	}
}

func TestSidewaysScrollKeepsGraphemeClusters(t *testing.T) {
	segs := []seg{{`"❤️🇩🇰x"`, segString}}
	for from := range 8 {
		for _, s := range sliceCols(segs, from, from+3) {
			for _, broken := range []string{"\u2764", "\U0001F1E9", "\U0001F1F0"} {
				if strings.Contains(s.text, broken) && !strings.Contains(s.text, "❤️") && !strings.Contains(s.text, "🇩🇰") {
					t.Fatalf("columns %d-%d split a cluster: %q", from, from+3, s.text)
				}
			}
		}
	}
}

func TestSearchScrollsToAMatchInALongLine(t *testing.T) {
	long := strings.Repeat("æbler ", 2000) + "NEEDLE" + strings.Repeat(" pærer", 100)
	m := plainModel(t, `{"a":1,"text":"`+long+`"}`, 60, 8)
	m = press(t, m, "/")
	m = typeText(t, m, "NEEDLE")
	m = press(t, m, "enter")
	if m.CurrentPath() != "text" || m.xoff == 0 || !strings.Contains(screen(m), "NEEDLE") {
		t.Fatalf("path %q xoff %d\n%s", m.CurrentPath(), m.xoff, screen(m))
	}
}

func TestEmptyKeysHavePaths(t *testing.T) {
	src := `{"":{"":1},"a":{"":2}}`
	d := mustParse(t, src)
	for line, want := range map[int]string{1: `@key:["",1]`, 2: `@key:["",1].@key:["",1]`, 5: `a.@key:["",1]`} {
		p := d.Path(line)
		if p != want {
			t.Errorf("Path(%d) = %q, want %q", line, p, want)
		}
		if got := gjson.Get(src, p).Raw; got != string(d.Value(line)) {
			t.Errorf("gjson %q = %q, want %s", p, got, d.Value(line))
		}
	}
}

func TestSkipPlainFindsEverySpecialByte(t *testing.T) {
	for c := range 256 {
		for at := range 20 {
			b := []byte(strings.Repeat("aé", 10))
			b[at] = byte(c)
			want := len(b)
			for i, x := range b {
				if !strPlain[x] {
					want = i
					break
				}
			}
			if got := skipPlain(b, 0); got != want {
				t.Fatalf("byte %#x at %d: skipPlain = %d, want %d", c, at, got, want)
			}
		}
	}
}
