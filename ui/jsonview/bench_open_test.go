package jsonview

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/dinero-tui/dinero-tui/bench/invoicegen"
)

// benchFile returns an invoice list of about size bytes, generated once
// into the temporary directory (never into the repository).
func benchFile(b *testing.B, size int64) string {
	b.Helper()
	dir := filepath.Join(os.TempDir(), "dinero-tui-bench")
	path := filepath.Join(dir, fmt.Sprintf("inv-%dm.json", size>>20))
	if _, err := os.Stat(path); err == nil {
		return path
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		b.Fatal(err)
	}
	tmp := path + ".part"
	f, err := os.Create(tmp)
	if err != nil {
		b.Fatal(err)
	}
	w := bufio.NewWriterSize(f, 1<<20)
	if _, err := invoicegen.Write(w, size, 2); err != nil {
		b.Fatal(err)
	}
	if err := w.Flush(); err != nil {
		b.Fatal(err)
	}
	if err := f.Close(); err != nil {
		b.Fatal(err)
	}
	if err := os.Rename(tmp, path); err != nil {
		b.Fatal(err)
	}
	return path
}

var openSizes = []struct {
	name string
	size int64
}{{"100MB", 100 << 20}, {"1GB", 1 << 30}}

// benchOpen runs measure on a freshly opened document of each size, once
// per iteration; closing it is not timed.
func benchOpen(b *testing.B, setBytes bool, measure func(b *testing.B, d *Document)) {
	for _, s := range openSizes {
		b.Run(s.name, func(b *testing.B) {
			path := benchFile(b, s.size)
			if setBytes {
				b.SetBytes(s.size)
			}
			for b.Loop() {
				d, err := OpenLazy(path)
				if err != nil {
					b.Fatal(err)
				}
				measure(b, d)
				b.StopTimer()
				d.Close()
				b.StartTimer()
			}
		})
	}
}

// firstScreen is the model of d at 120x40 after key (none when "").
func firstScreen(d *Document, key string) Model {
	m := New(d)
	m.SetSize(120, 40)
	if key != "" {
		m, _ = m.Update(keyMsg(key))
	}
	return m
}

// BenchmarkOpenFirstScreen measures OpenLazy up to the first screen drawn.
func BenchmarkOpenFirstScreen(b *testing.B) {
	benchOpen(b, false, func(b *testing.B, d *Document) {
		_ = firstScreen(d, "").View()
	})
}

// BenchmarkIndexFile measures opening and indexing a whole file.
func BenchmarkIndexFile(b *testing.B) {
	benchOpen(b, true, func(b *testing.B, d *Document) {
		d.Wait()
		if d.Err() != nil {
			b.Fatal(d.Err())
		}
	})
}

// BenchmarkBottomFromFirstScreen is G pressed on the first screen: from
// OpenLazy to the end of the document drawn.
func BenchmarkBottomFromFirstScreen(b *testing.B) {
	benchOpen(b, false, func(b *testing.B, d *Document) {
		m := firstScreen(d, "G")
		d.Wait()
		m, _ = m.Update(indexTickMsg{m.tickSeq})
		if m.cursor != d.Lines()-1 {
			b.Fatal("not at the end")
		}
		_ = m.View()
	})
}

// BenchmarkEndPreview is G pressed on the first screen, up to the end of
// the document drawn from the preview read ahead of the indexer.
func BenchmarkEndPreview(b *testing.B) {
	benchOpen(b, false, func(b *testing.B, d *Document) {
		m := firstScreen(d, "G")
		if m.tail == nil || !bytes.Contains([]byte(m.View()), []byte("ResultWithoutFilter")) {
			b.Fatal("the end is not shown")
		}
	})
}

// BenchmarkKeysIndexedFile measures page down, G, a search and the query
// @this with their redraws on a fully indexed mapped file.
func BenchmarkKeysIndexedFile(b *testing.B) {
	for _, s := range openSizes {
		b.Run(s.name, func(b *testing.B) {
			d, err := Open(benchFile(b, s.size))
			if err != nil {
				b.Fatal(err)
			}
			defer d.Close()
			m := New(d)
			m.SetSize(120, 40)
			for _, k := range []string{"pgdown", "G"} {
				b.Run(k, func(b *testing.B) {
					for b.Loop() {
						n, _ := m.Update(keyMsg(k))
						_ = n.View()
					}
				})
			}
			// A query whose result is the whole document shares its bytes
			// and lines: no copy, no second index.
			b.Run("query@this", func(b *testing.B) {
				for b.Loop() {
					msg := evalQuery(d, "@this", 1)
					if msg.doc.lines != d.lines {
						b.Fatal("indexed again")
					}
					n := m
					n = n.applyQuery(msg)
					_ = n.View()
				}
			})
			b.Run("search", func(b *testing.B) {
				n := m
				n.term = "ResultWithoutFilter"
				for b.Loop() {
					k := n
					k.findNext(1)
					_ = k.View()
				}
			})
		})
	}
}

// escapedString is a JSON array holding one string of about size bytes
// made of escapes and multi-byte characters.
func escapedString(size int) []byte {
	unit := []byte(`<p>\u00e6bler og Ærø</p>\\ \n`) // no \": the worst case of the old scanner
	var buf bytes.Buffer
	buf.Grow(size + 64)
	buf.WriteString(`["`)
	for buf.Len() < size {
		buf.Write(unit)
	}
	buf.WriteString(`"]`)
	return buf.Bytes()
}

// BenchmarkEscapedString shows the string scan is linear: MB/s is the
// same for 1 MB and 100 MB strings of escapes and non-ASCII text.
func BenchmarkEscapedString(b *testing.B) {
	for _, size := range []int{1 << 20, 100 << 20} {
		data := escapedString(size)
		b.Run(fmt.Sprintf("%dMB", size>>20), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				d, err := Parse(data)
				if err != nil || d.Lines() != 3 {
					b.Fatal(err)
				}
				m := New(d)
				m.SetSize(120, 40)
				_ = m.View()
			}
		})
	}
}
