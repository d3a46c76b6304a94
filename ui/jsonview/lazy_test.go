package jsonview

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// bigJSON is an invoice-like list of n objects (5 lines each), with tail
// appended after the closing bracket.
func bigJSON(n int, tail string) string {
	var sb strings.Builder
	sb.WriteString(`{"Collection":[`)
	for i := range n {
		if i > 0 {
			sb.WriteByte(',')
		}
		fmt.Fprintf(&sb, `{"Number":%d,"Name":"Kunde %d","Lines":[%d]}`, i, i, i)
	}
	sb.WriteString(`],"Pagination":{"ResultWithoutFilter":1}}`)
	sb.WriteString(tail)
	return sb.String()
}

func writeTemp(t *testing.T, s string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "doc.json")
	if err := os.WriteFile(p, []byte(s), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// pauseIndexing holds every indexer after its first publication until the
// returned function is called.
func pauseIndexing(t *testing.T) (resume func()) {
	t.Helper()
	gate := make(chan struct{})
	publishHook = func(*Document) { <-gate }
	resumed := false
	resume = func() {
		if !resumed {
			resumed = true
			close(gate)
		}
	}
	t.Cleanup(func() { resume(); publishHook = nil })
	return resume
}

func TestKeysWaitForTheIndexer(t *testing.T) {
	path := writeTemp(t, bigJSON(3000, ""))
	resume := pauseIndexing(t)
	d, err := OpenLazy(path)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	defer resume() // before Close, also when the test fails
	if !d.Indexing() || d.Lines() < firstScreenLines {
		t.Fatalf("after OpenLazy: indexing %v, %d lines", d.Indexing(), d.Lines())
	}
	m := New(d, WithStyles(NoColorStyles()))
	m.SetSize(80, 10)
	if m.Init() == nil {
		t.Fatal("Init does not follow the indexer")
	}
	s := screen(m)
	if !strings.Contains(s, `"Collection": [`) || !strings.Contains(s, "+") || !strings.Contains(s, "indexing") {
		t.Fatalf("first screen while indexing:\n%s", s)
	}
	m = press(t, m, "G") // the end, read ahead of the indexer
	if s := screen(m); m.tail == nil || !strings.Contains(m.status, "read ahead") ||
		!strings.Contains(s, `"ResultWithoutFilter": 1`) || !strings.HasSuffix(s, "\n}\n"+fit(m.status, 80)) {
		t.Fatalf("G while indexing: tail %v status %q\n%s", m.tail != nil, m.status, s)
	}
	m = press(t, m, "C") // leaves the preview
	if !m.isFolded(1) {
		t.Fatal("fold all did not fold the indexed lines")
	}
	m = press(t, m, "E", "/")
	m = typeText(t, m, "ResultWithoutFilter")
	m = press(t, m, "enter")
	if m.pending != pendMatch || !strings.Contains(m.status, "the match") {
		t.Fatalf("search beyond the index: pending %v status %q", m.pending, m.status)
	}
	resume()
	d.Wait()
	m, _ = m.Update(indexTickMsg{m.tickSeq})
	if p := m.CurrentPath(); p != "Pagination.ResultWithoutFilter" {
		t.Fatalf("the search did not complete: at %q, status %q", p, m.status)
	}
	if strings.Contains(screen(m), "+") {
		t.Fatalf("still shows an open line count:\n%s", screen(m))
	}
	m = press(t, m, "g", "G")
	if m.cursor != d.Lines()-1 {
		t.Fatalf("G after indexing: cursor %d of %d", m.cursor, d.Lines())
	}
}

func TestPendingBottomCompletesOnTick(t *testing.T) {
	resume := pauseIndexing(t)
	d, err := OpenLazy(writeTemp(t, bigJSON(3000, "")))
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	m := New(d, WithStyles(NoColorStyles()))
	m.SetSize(80, 10)
	m = press(t, m, "2", "G") // fold to level 2 while indexing, then wait for the end
	resume()
	d.Wait()
	m, _ = m.Update(indexTickMsg{m.tickSeq})
	if m.cursor != m.last() || m.CurrentPath() != "@this" {
		t.Fatalf("G did not complete: cursor %d path %q", m.cursor, m.CurrentPath())
	}
	if !m.isFolded(d.Lines() - 10) { // an invoice indexed after the fold
		// the last invoice opener is a few lines before the end
		found := false
		for i := d.Lines() - 12; i < d.Lines(); i++ {
			if isOpen(d.line(i).kind) && d.line(i).depth >= 2 && m.isFolded(i) {
				found = true
			}
		}
		if !found {
			t.Fatal("lines indexed after the fold were not folded")
		}
	}
}

func TestErrorAtTheEndKeepsTheStructure(t *testing.T) {
	d, err := OpenLazy(writeTemp(t, bigJSON(3000, "\n  x")))
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	d.Wait()
	if !d.IsJSON() || d.Err() == nil {
		t.Fatalf("json %v err %v", d.IsJSON(), d.Err())
	}
	if p := d.Problem(); !strings.Contains(p, "line 2, column 3") || !strings.Contains(p, "everything before it is shown") {
		t.Fatalf("problem %q", p)
	}
	m := New(d, WithStyles(NoColorStyles()))
	m.SetSize(100, 10)
	m = press(t, m, "G")
	if m.CurrentPath() != "@this" || !strings.Contains(screen(m), "line 2, column 3") {
		t.Fatalf("at the end: %q\n%s", m.CurrentPath(), screen(m))
	}
	// Truncated in the middle of the last value: what came before is kept.
	full := bigJSON(3000, "")
	d2, _ := OpenLazy(writeTemp(t, full[:len(full)-20]))
	defer d2.Close()
	d2.Wait()
	if !d2.IsJSON() || !strings.Contains(d2.Problem(), "truncated") || d2.Path(d2.Lines()-1) != "Pagination" {
		t.Fatalf("truncated: json %v problem %q last path %q", d2.IsJSON(), d2.Problem(), d2.Path(d2.Lines()-1))
	}
	// An early error still shows the input as text.
	d3, _ := OpenLazy(writeTemp(t, `{"a":1,}`+bigJSON(10, "")))
	defer d3.Close()
	d3.Wait()
	if d3.IsJSON() || !strings.Contains(d3.Problem(), "shown as text") {
		t.Fatalf("early error: json %v problem %q", d3.IsJSON(), d3.Problem())
	}
}

func TestChangedFileIsNeverRead(t *testing.T) {
	old := copyLimit
	copyLimit = 0 // map even a small file
	defer func() { copyLimit = old }()
	path := writeTemp(t, bigJSON(3000, ""))
	d, err := OpenLazy(path)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	d.Wait()
	m := New(d, WithStyles(NoColorStyles()))
	m.SetSize(80, 10)
	m = press(t, m, "G")
	if err := os.Truncate(path, 10); err != nil {
		t.Fatal(err)
	}
	// Reading past the new end of a mapped file faults: it must come back
	// as an error, not kill the process.
	if err := d.guardFault(func() { sink = d.data[len(d.data)-1] }); err != errChanged {
		t.Fatalf("fault on a truncated mapping: %v", err)
	}
	m = press(t, m, "g", "j")
	if s := screen(m); !strings.Contains(s, "changed on disk") || strings.Contains(s, "Collection") {
		t.Fatalf("after truncation:\n%s", s)
	}
	// A same-size rewrite is caught by the modification time.
	path2 := writeTemp(t, bigJSON(3000, ""))
	d2, _ := OpenLazy(path2)
	defer d2.Close()
	d2.Wait()
	b, _ := os.ReadFile(path2)
	b[10] = 'X'
	if err := os.WriteFile(path2, b, 0o600); err != nil {
		t.Fatal(err)
	}
	_ = os.Chtimes(path2, timeAfter(t, path2), timeAfter(t, path2))
	if !d2.Changed() {
		t.Fatal("a same-size rewrite went unnoticed")
	}
}

// timeAfter is a modification time certainly different from the file's.
func timeAfter(t *testing.T, path string) time.Time {
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return st.ModTime().Add(time.Second)
}

var sink byte
