package common

import "testing"

func TestScrollListSkipsHeaders(t *testing.T) {
	// rows 0 and 3 are headers
	l := ScrollList{Len: 6, Height: 3, Selectable: func(i int) bool { return i != 0 && i != 3 }}
	l.Top()
	if l.Cursor != 1 {
		t.Fatalf("Top: cursor %d, want 1", l.Cursor)
	}
	l.Move(1)
	l.Move(1)
	if l.Cursor != 4 {
		t.Fatalf("after 2 moves: cursor %d, want 4 (skipping header 3)", l.Cursor)
	}
	if s, e := l.Window(); s > 4 || e <= 4 {
		t.Fatalf("window %d-%d does not show cursor 4", s, e)
	}
	l.Move(10)
	if l.Cursor != 5 {
		t.Fatalf("move past end: cursor %d, want 5", l.Cursor)
	}
	l.Move(-10)
	if l.Cursor != 1 || l.Offset != 0 {
		t.Fatalf("move past start: cursor %d offset %d, want 1 0", l.Cursor, l.Offset)
	}
	l.Bottom()
	if l.Cursor != 5 {
		t.Fatalf("Bottom: %d", l.Cursor)
	}
}

func TestScrollListEmpty(t *testing.T) {
	l := ScrollList{Height: 5}
	l.Move(1)
	l.Top()
	l.Bottom()
	if l.Cursor != 0 || l.Offset != 0 {
		t.Fatalf("empty list: cursor %d offset %d", l.Cursor, l.Offset)
	}
}

func TestFuzzyMatch(t *testing.T) {
	tests := []struct {
		pattern, s string
		ok         bool
	}{
		{"", "anything", true},
		{"inv", "List invoices", true},
		{"lstinv", "List invoices", true},
		{"get inv", "GET Get invoice", true},
		{"xyz", "List invoices", false},
		{"INV", "invoices", true},
		{"invoicess", "invoices", false},
	}
	for _, tt := range tests {
		if _, ok := FuzzyMatch(tt.pattern, tt.s); ok != tt.ok {
			t.Errorf("FuzzyMatch(%q, %q) = %v, want %v", tt.pattern, tt.s, ok, tt.ok)
		}
	}
	a, _ := FuzzyMatch("inv", "invoices")
	b, _ := FuzzyMatch("inv", "i n v")
	if a <= b {
		t.Errorf("consecutive match should score higher: %d <= %d", a, b)
	}
}
