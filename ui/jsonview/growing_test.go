package jsonview

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// items writes n small objects of a merged array: "[" then the items,
// comma separated, without the closing bracket.
func items(from, n int) string {
	var sb strings.Builder
	for i := from; i < from+n; i++ {
		if i > 0 {
			sb.WriteByte(',')
		} else {
			sb.WriteByte('[')
		}
		fmt.Fprintf(&sb, `{"Number":%d,"Text":"a, [b] \"c\"","Lines":[1,{"N":%d}]}`, i, i)
	}
	return sb.String()
}

// growingFile writes s to a new file and returns its path and an append
// function.
func growingFile(t *testing.T, s string) (string, func(string)) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "pages.json")
	if err := os.WriteFile(path, []byte(s), 0o600); err != nil {
		t.Fatal(err)
	}
	return path, func(more string) {
		f, err := os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		if _, err := f.WriteString(more); err != nil {
			t.Fatal(err)
		}
	}
}

// The start of an array still being written opens as JSON with every
// complete item, whether it is read into memory or mapped, however short,
// and the missing end is no problem; the file growing after it is no
// change either.
func TestOpenUnfinishedShowsTheItemsSoFar(t *testing.T) {
	for _, limit := range []int64{copyLimit, 0} {
		t.Run(fmt.Sprintf("copyLimit=%d", limit), func(t *testing.T) {
			old := copyLimit
			copyLimit = limit
			defer func() { copyLimit = old }()
			for _, n := range []int{1, 3, 2000} { // 2000 items pass the first screen
				s := items(0, n)
				path, appendFile := growingFile(t, s)
				d, err := OpenUnfinished(path, int64(len(s)))
				if err != nil {
					t.Fatal(err)
				}
				d.Wait()
				appendFile(items(n, 5))
				if !d.IsJSON() || d.Problem() != "" || d.Err() != nil || !d.Unfinished() || d.Changed() {
					t.Fatalf("%d items: json %v, problem %q, err %v, changed %v", n, d.IsJSON(), d.Problem(), d.Err(), d.Changed())
				}
				// the root, then per item its 10 lines
				if d.Lines() != 1+10*n || d.children(0) != -1 {
					t.Fatalf("%d items: %d lines, root children %d", n, d.Lines(), d.children(0))
				}
				if got := d.Path(d.Lines() - 4); got != fmt.Sprintf("%d.Lines.1.N", n-1) {
					t.Fatalf("%d items: last path %q", n, got)
				}
				d.Close()
			}
		})
	}
}

// A real syntax error in the part written is still one, and a prefix that
// is longer than the file or empty is refused.
func TestOpenUnfinishedErrors(t *testing.T) {
	s := items(0, 3) + `,{"Number":x}`
	path, _ := growingFile(t, s)
	d, err := OpenUnfinished(path, int64(len(s)))
	if err != nil {
		t.Fatal(err)
	}
	d.Wait()
	if d.Err() == nil || !strings.Contains(d.Err().Error(), "unexpected 'x'") {
		t.Fatalf("syntax error: %v", d.Err())
	}
	d.Close()
	for _, size := range []int64{0, int64(len(s)) + 1} {
		if d, err := OpenUnfinished(path, size); err == nil {
			d.Close()
			t.Fatalf("size %d opened", size)
		}
	}
	if _, err := OpenUnfinished(filepath.Join(t.TempDir(), "none"), 1); err == nil {
		t.Fatal("a missing file opened")
	}
}

// Grow keeps the cursor, the scroll position, folds and the search while
// a longer version of the document comes in; the end key then reaches
// the new end, and a query result holds the swap off.
func TestGrowKeepsThePlace(t *testing.T) {
	first := items(0, 30)
	path, appendFile := growingFile(t, first)
	d1, err := OpenUnfinished(path, int64(len(first)))
	if err != nil {
		t.Fatal(err)
	}
	d1.Wait()
	m := New(d1, WithStyles(NoColorStyles()))
	m.SetSize(60, 12)
	m = press(t, m, "j", "j", "j", "j", "j", "j", "j", "j", "j", "j", "j") // into item 1
	m = press(t, m, "/")
	m = typeText(t, m, "Number")
	m = press(t, m, "enter")
	cursor, top, path1 := m.cursor, m.top, m.CurrentPath()
	before := screen(m)

	more := items(30, 70)
	appendFile(more)
	d2, err := OpenUnfinished(path, int64(len(first+more)))
	if err != nil {
		t.Fatal(err)
	}
	d2.Wait()
	ok, _ := m.Grow(d2)
	if !ok || m.Document() != d2 || m.cursor != cursor || m.top != top || m.CurrentPath() != path1 || m.term != "Number" {
		t.Fatalf("after Grow: ok %v, cursor %d/%d top %d/%d path %q/%q term %q", ok, m.cursor, cursor, m.top, top,
			m.CurrentPath(), path1, m.term)
	}
	if after := screen(m); body(after) != body(before) { // the gutter widens: 301 lines, then 1,001
		t.Fatalf("the screen moved:\n%s\nwas\n%s", after, before)
	}
	d1.Close()
	m = press(t, m, "G")
	if !strings.Contains(screen(m), `"N": 99`) {
		t.Fatalf("G does not reach the new end:\n%s", screen(m))
	}

	// while a query result is shown, the swap waits
	m = press(t, m, ":")
	m = typeText(t, m, "#.Number")
	m, cmd := m.Update(keyMsg("enter"))
	if cmd != nil {
		m, _ = m.Update(cmd())
	}
	if m.Query() == "" {
		t.Fatal("no query result shown")
	}
	d3, _ := OpenUnfinished(path, int64(len(first+more)))
	defer d3.Close()
	if ok, _ := m.Grow(d3); ok || m.Document() != d2 {
		t.Fatal("Grow swapped the document under a query result")
	}
	d2.Close()
}

// body is a screen without its header and footer, spaces collapsed.
func body(screen string) string {
	lines := strings.Split(screen, "\n")
	return strings.Join(strings.Fields(strings.Join(lines[1:len(lines)-1], "\n")), " ")
}

// Saving an unfinished document closes what it leaves open, so the file
// is the values so far as valid JSON.
func TestSaveUnfinishedClosesItsBrackets(t *testing.T) {
	for _, s := range []string{items(0, 3), `{"a":[1,{"b":2}`, `[[1,2],[3`} {
		path, _ := growingFile(t, s)
		d, err := OpenUnfinished(path, int64(len(s)))
		if err != nil {
			t.Fatal(err)
		}
		d.Wait()
		m := New(d)
		out := filepath.Join(t.TempDir(), "saved.json")
		msg := m.saveCmd(out, false)().(savedMsg)
		data, _ := os.ReadFile(out)
		if msg.err != nil || !json.Valid(data) || !strings.HasPrefix(string(data), s) {
			t.Fatalf("%s: saved %q (%v)", s, data, msg.err)
		}
		d.Close()
	}
}

// BenchmarkOpenUnfinished is one re-open of the merged array so far at
// the size up to which the explorer re-opens it at the pace of the pages
// (32 MB, ui/response liveSmall): its cost bounds each refresh.
func BenchmarkOpenUnfinished(b *testing.B) {
	var sb strings.Builder
	sb.WriteString(items(0, 1))
	for i := 1; sb.Len() < 32<<20; i++ {
		fmt.Fprintf(&sb, `,{"Guid":"00000000-0000-4000-8000-%012d","ContactName":"Kunde %d A/S","Date":"2030-01-02","Description":"Levering af varer"}`, i, i)
	}
	path := filepath.Join(b.TempDir(), "pages.json")
	if err := os.WriteFile(path, []byte(sb.String()), 0o600); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(sb.Len()))
	for b.Loop() {
		d, err := OpenUnfinished(path, int64(sb.Len()))
		if err != nil {
			b.Fatal(err)
		}
		d.Wait()
		d.Close()
	}
}
