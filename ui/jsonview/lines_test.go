package jsonview

import (
	"strings"
	"testing"
)

// checkIndex compares the stored and derived facts of every line (parent,
// partner, position among siblings, child count) with a plain reading of
// the decoded lines: depths and kinds.
func checkIndex(t *testing.T, d *Document) {
	t.Helper()
	n := d.Lines()
	var stack []int
	count := map[int]int{-1: 0} // children seen, per container (-1: the roots)
	for i := range n {
		l := d.line(i)
		top := -1
		if len(stack) > 0 {
			top = stack[len(stack)-1]
		}
		if isClose(l.kind) {
			stack = stack[:len(stack)-1]
			if d.pair(i) != top || d.pair(top) != i || d.children(top) != count[top] {
				t.Fatalf("line %d closes %d (pair %d, %d children, want %d)", i, top, d.pair(i), d.children(top), count[top])
			}
			continue
		}
		if l.depth != len(stack) || d.parent(i) != top || d.ord(i) != count[top] {
			t.Fatalf("line %d: depth %d parent %d ord %d, want %d %d %d", i, l.depth, d.parent(i), d.ord(i), len(stack), top, count[top])
		}
		count[top]++
		if isOpen(l.kind) {
			stack = append(stack, i)
			count[i] = 0
		}
	}
}

func TestIndexFactsOnDeepWideAndLongInput(t *testing.T) {
	long := strings.Repeat("x", 70000) // a block spanning more than 64 KB
	var sb strings.Builder
	sb.WriteString(`{"flat":[`)
	for i := range 1000 {
		if i > 0 {
			sb.WriteByte(',')
		}
		sb.WriteString("1")
	}
	sb.WriteString(`],"deep":` + strings.Repeat(`[1,`, 300) + `2` + strings.Repeat(`]`, 300))
	sb.WriteString(`,"long":["` + long + `",{"a":"` + long + `"},2,"` + long + `"]`)
	sb.WriteString(`,"objs":[` + strings.Repeat(`{"a":{"b":[]},"c":3},`, 200) + `{}]}`)
	d := mustParse(t, sb.String())
	checkIndex(t, d)
	last := d.lineAt(len(sb.String()) - 1)
	if d.Path(last-4) != "objs.199.c" || d.Path(1001) != "flat.999" {
		t.Fatalf("paths %q %q", d.Path(last-4), d.Path(1001))
	}
	for i := range d.Lines() {
		checkPathLeadsToValue(t, sb.String(), d, i)
	}
}

func TestIndexKeepsOffsetsBeyond4GiB(t *testing.T) {
	x := newLineIndex(8 << 30)
	offs := []int{0, 10, 1 << 20, 5 << 30, 5<<30 + 3, 6 << 30}
	for k := range 200 {
		offs = append(offs, 6<<30+k*100)
	}
	for i, off := range offs {
		if err := x.add(off, 1, kindNumber, 0, 0, 0); err != nil {
			t.Fatal(err)
		}
		if got := x.at(i).off; got != off {
			t.Fatalf("line %d: offset %d, want %d", i, got, off)
		}
	}
	for i, off := range offs {
		if got := x.at(i); got.off != off || got.depth != 1 || got.kind != kindNumber {
			t.Fatalf("line %d read back as %+v, want offset %d", i, got, off)
		}
	}
}
