package jsonview

import (
	"bytes"
	"sync"
	"testing"

	"github.com/dinero-tui/dinero-tui/bench/invoicegen"
)

// benchSize is the size of the generated invoice list (100 MB, as in the
// viewer's targets).
const benchSize = 100 << 20

var benchData = sync.OnceValue(func() []byte {
	var buf bytes.Buffer
	buf.Grow(benchSize + 1<<20)
	if _, err := invoicegen.Write(&buf, benchSize, 1); err != nil {
		panic(err)
	}
	return buf.Bytes()
})

var benchDoc = sync.OnceValue(func() *Document {
	d, err := Parse(benchData())
	if err != nil {
		panic(err)
	}
	return d
})

// BenchmarkParse indexes the 100 MB document.
func BenchmarkParse(b *testing.B) {
	data := benchData()
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for b.Loop() {
		if _, err := Parse(data); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkKeyUpdateView measures one key press (Update) plus the redraw
// (View) at the start, middle and end of the 100 MB document.
func BenchmarkKeyUpdateView(b *testing.B) {
	d := benchDoc()
	for _, pos := range []struct {
		name string
		line int
	}{{"start", 0}, {"middle", d.Lines() / 2}, {"end", d.Lines() - 1}} {
		for _, k := range []string{"down", "up", "pgdown", "left", "right", "J"} {
			b.Run(pos.name+"/"+k, func(b *testing.B) {
				m := New(d)
				m.SetSize(120, 40)
				m.moveTo(pos.line)
				_ = m.View()
				msg := keyMsg(k)
				for b.Loop() {
					n, _ := m.Update(msg)
					_ = n.View()
				}
			})
		}
	}
}

// BenchmarkBottom measures G (jump to the end) with its redraw.
func BenchmarkBottom(b *testing.B) {
	m := New(benchDoc())
	m.SetSize(120, 40)
	for b.Loop() {
		n, _ := m.Update(keyMsg("G"))
		_ = n.View()
	}
}

// BenchmarkSearchHit measures a search whose only hit is near the end of the
// document, from the top, with its redraw.
func BenchmarkSearchHit(b *testing.B) {
	d := benchDoc()
	m := New(d)
	m.SetSize(120, 40)
	m.term = "Pagination"
	for b.Loop() {
		n := m
		n.findNext(1)
		if n.cursor == 0 {
			b.Fatal("no hit")
		}
		_ = n.View()
	}
}
