package jsonview

import (
	"encoding/json"
	"strings"
	"testing"
)

// checkTail checks that the preview of src's end within budget shows the
// document's last lines exactly, and maps each to its document line.
func checkTail(t *testing.T, src string, budget int) *tailDoc {
	t.Helper()
	d, err := Parse([]byte(src))
	if err != nil {
		return nil
	}
	tail := tailOf(d, budget)
	if tail == nil {
		return nil
	}
	m := Model{doc: tail.doc, base: d, tail: tail}
	row := func(d *Document, i int) string {
		var sb strings.Builder
		for _, s := range d.rowSegs(i, false, 0) {
			sb.WriteString(s.text)
		}
		return sb.String()
	}
	want := d.Lines() - (tail.doc.Lines() - tail.lines)
	for i := tail.lines; i < tail.doc.Lines(); i++ {
		j := m.wholeLine(i)
		if j != want || row(tail.doc, i) != row(d, j) {
			t.Fatalf("preview line %d %q is document line %d %q, want line %d\n%s", i, row(tail.doc, i), j, row(d, j), want, src)
		}
		want++
	}
	return tail
}

func TestTailShowsTheLastLines(t *testing.T) {
	tricky := `{"s":"a \"}] ,\\","t":"\\\\\"[{","u":[1,-2.5e3,true,null,{}],"v":{"w":[[],[{"x":"}"}]]}}`
	tests := []struct {
		name, src string
		budget    int
		lines     int // openers standing for the unread part
	}{
		{"invoices", bigJSON(50, ""), 200, 3},
		{"escaped quotes and brackets in strings", `[` + strings.Repeat(tricky+",", 20) + tricky + `]`, 150, 2},
		{"pretty printed", func() string {
			var v any
			_ = json.Unmarshal([]byte(bigJSON(20, "")), &v)
			b, _ := json.MarshalIndent(v, "", "  ")
			return string(b) + "\n"
		}(), 300, 3},
		{"json lines", strings.Repeat("{\"a\":[1,2]}\n\"x\"\n", 40), 50, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tail := checkTail(t, tt.src, tt.budget)
			if tail == nil || tail.lines != tt.lines || tail.doc.Lines()-tail.lines < 3 {
				t.Fatalf("no preview, or %+v", tail)
			}
		})
	}
	if tail := checkTail(t, `{"a":[1,2,3]`, 4); tail != nil {
		t.Fatal("a preview of a truncated document")
	}
}

func TestTailKeysAndHandOver(t *testing.T) {
	path := writeTemp(t, bigJSON(3000, ""))
	resume := pauseIndexing(t)
	d, err := OpenLazy(path)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	defer resume()
	m := New(d, WithStyles(NoColorStyles()))
	m.SetSize(80, 10)
	m = press(t, m, "G", "up", "up", "pgup")
	if m.tail == nil || m.pending != pendBottom || strings.Contains(screen(m), "Pagination") || m.CurrentPath() != "" {
		t.Fatalf("moving in the preview: tail %v pending %v\n%s", m.tail != nil, m.pending, screen(m))
	}
	at := m.tail.doc.line(m.cursor).off - m.tail.prefix + m.tail.from
	resume()
	d.Wait()
	m, _ = m.Update(indexTickMsg{m.tickSeq})
	if m.tail != nil || m.doc != d || d.line(m.cursor).off != at || m.CurrentPath() == "" || m.CurrentPath() == "@this" {
		t.Fatalf("after indexing: tail %v, cursor at byte %d, want %d", m.tail != nil, d.line(m.cursor).off, at)
	}
	m = press(t, m, "G")
	if m.tail != nil || m.cursor != d.Lines()-1 {
		t.Fatalf("G once indexed: cursor %d of %d", m.cursor, d.Lines())
	}
}

func TestTailLeavesOnOtherKeys(t *testing.T) {
	resume := pauseIndexing(t)
	d, err := OpenLazy(writeTemp(t, bigJSON(3000, "")))
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	defer resume()
	m := New(d, WithStyles(NoColorStyles()))
	m.SetSize(80, 10)
	m = press(t, m, "G", "g")
	if m.tail != nil || m.doc != d || m.cursor != 0 || m.pending != pendNone {
		t.Fatalf("g from the preview: tail %v cursor %d pending %v", m.tail != nil, m.cursor, m.pending)
	}
	m = press(t, m, "G", "/")
	if m.tail != nil || m.mode != modeSearch {
		t.Fatalf("/ from the preview: tail %v mode %v", m.tail != nil, m.mode)
	}
}

// FuzzTail checks previews of random documents against the documents.
func FuzzTail(f *testing.F) {
	f.Add([]byte("\x05\x04\x01abc\x04\x00\x02"), uint8(5))
	f.Add([]byte(`{"a":[1,2,{"b":"\"}"}]}`), uint8(3))
	f.Fuzz(func(t *testing.T, b []byte, budget uint8) {
		v := buildValue(&b, 0)
		src, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		checkTail(t, string(src), int(budget))
		indented, _ := json.MarshalIndent(v, "", " ")
		checkTail(t, string(indented), int(budget))
	})
}
