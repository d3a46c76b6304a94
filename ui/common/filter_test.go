package common

import (
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/dinero-tui/dinero-tui/ui/internal/keytest"
	"github.com/dinero-tui/dinero-tui/ui/keymap"
	"github.com/dinero-tui/dinero-tui/ui/styles"
)

func newTestFilter(t *testing.T) Filter {
	t.Helper()
	return NewFilter(Common{Styles: styles.NoColor(), Keys: keymap.DefaultKeyMap()}, "type to filter")
}

func TestFilterUpdate(t *testing.T) {
	tests := []struct {
		name       string
		start      string // text before the message, typed into an open filter
		msg        tea.Msg
		move       int
		change     FilterChange
		value      string
		active     bool
		shown      bool
		rowsIn10   int // ListRows(10) afterwards
		capturesOn bool
	}{
		{name: "typing edits", msg: keytest.Press("a"), change: FilterEdited, value: "a", active: true, shown: true, rowsIn10: 7},
		{name: "paste edits", start: "a", msg: tea.PasteMsg{Content: "bc"}, change: FilterEdited, value: "abc", active: true, shown: true, rowsIn10: 7},
		{name: "backspace edits", start: "ab", msg: keytest.Press("backspace"), change: FilterEdited, value: "a", active: true, shown: true, rowsIn10: 7},
		{name: "cursor key leaves the text", start: "ab", msg: keytest.Press("left"), change: FilterSame, value: "ab", active: true, shown: true, rowsIn10: 7},
		{name: "up moves the list", start: "ab", msg: keytest.Press("up"), move: -1, value: "ab", active: true, shown: true, rowsIn10: 7},
		{name: "down moves the list", start: "ab", msg: keytest.Press("down"), move: 1, value: "ab", active: true, shown: true, rowsIn10: 7},
		{name: "enter keeps the text", start: "ab", msg: keytest.Press("enter"), value: "ab", shown: true, rowsIn10: 7},
		{name: "enter on nothing hides it", msg: keytest.Press("enter"), rowsIn10: 8},
		{name: "esc clears", start: "ab", msg: keytest.Press("esc"), change: FilterCleared, rowsIn10: 8},
		{name: "esc on nothing still clears", msg: keytest.Press("esc"), change: FilterCleared, rowsIn10: 8},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newTestFilter(t)
			if f.Shown() || f.Active() || f.Captures(keytest.Press("a")) {
				t.Fatal("a new filter is shown or active")
			}
			f.Start()
			if !f.Captures(keytest.Press("a")) || !f.Captures(tea.PasteMsg{Content: "x"}) || f.Captures(tea.MouseWheelMsg{}) {
				t.Fatal("an active filter must take keys and pastes, nothing else")
			}
			for _, r := range tt.start {
				f.Update(keytest.Press(string(r)))
			}
			move, change, _ := f.Update(tt.msg)
			if move != tt.move || change != tt.change {
				t.Errorf("move %d change %d, want %d %d", move, change, tt.move, tt.change)
			}
			if f.Value() != tt.value || f.Active() != tt.active || f.Shown() != tt.shown {
				t.Errorf("value %q active %v shown %v, want %q %v %v", f.Value(), f.Active(), f.Shown(), tt.value, tt.active, tt.shown)
			}
			if got := f.ListRows(10); got != tt.rowsIn10 {
				t.Errorf("ListRows(10) = %d, want %d", got, tt.rowsIn10)
			}
			if got := len(f.Lines()); got != map[bool]int{true: 1, false: 0}[tt.shown] {
				t.Errorf("%d filter lines while shown=%v", got, tt.shown)
			}
		})
	}
}

func TestFilterStartOpensEmpty(t *testing.T) {
	f := newTestFilter(t)
	f.SetValue("kept")
	if !f.Shown() || f.Active() {
		t.Fatal("a kept filter must show without taking keys")
	}
	f.Start()
	if f.Value() != "" || !f.Active() {
		t.Fatalf("Start: value %q active %v, want an empty open filter", f.Value(), f.Active())
	}
	if got := f.ListRows(2); got != 1 {
		t.Fatalf("ListRows(2) = %d, want at least 1", got)
	}
}

func TestFilterUpdateList(t *testing.T) {
	f := newTestFilter(t)
	f.Start()
	list := ScrollList{Len: 5, Height: 5}
	applied := 0
	apply := func() { applied++ }
	for _, k := range []string{"down", "down", "up"} {
		f.UpdateList(keytest.Press(k), &list, apply)
	}
	if list.Cursor != 1 || applied != 0 {
		t.Fatalf("cursor %d applied %d after down down up, want 1 0", list.Cursor, applied)
	}
	f.UpdateList(keytest.Press("x"), &list, apply)
	f.UpdateList(keytest.Press("left"), &list, apply)
	if applied != 1 {
		t.Fatalf("applied %d times, want once: only the edit changes the text", applied)
	}
	f.UpdateList(keytest.Press("esc"), &list, apply)
	if applied != 2 || f.Active() {
		t.Fatalf("esc: applied %d active %v, want 2 false", applied, f.Active())
	}
}

func TestMoveKey(t *testing.T) {
	k := keymap.DefaultKeyMap()
	tests := []struct {
		key    string
		cursor int
		ok     bool
	}{
		{"down", 6, true}, {"j", 6, true}, {"up", 4, true}, {"k", 4, true},
		{"pgdown", 8, true}, {"ctrl+d", 8, true}, {"pgup", 2, true},
		{"g", 0, true}, {"home", 0, true}, {"G", 19, true}, {"end", 19, true},
		{"x", 5, false}, {"enter", 5, false},
	}
	for _, tt := range tests {
		t.Run(tt.key, func(t *testing.T) {
			l := ScrollList{Len: 20, Height: 3, Cursor: 5}
			if got := l.MoveKey(keytest.Press(tt.key), k); got != tt.ok {
				t.Fatalf("MoveKey(%s) = %v, want %v", tt.key, got, tt.ok)
			}
			if l.Cursor != tt.cursor {
				t.Fatalf("cursor %d, want %d", l.Cursor, tt.cursor)
			}
		})
	}
}
