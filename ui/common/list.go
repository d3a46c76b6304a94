package common

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/dinero-tui/dinero-tui/ui/keymap"
)

// ScrollList is the cursor and scroll window of a list whose rows may
// include headers that cannot be selected.
type ScrollList struct {
	Cursor, Offset, Height, Len int
	// Selectable reports whether row i can hold the cursor; nil means all.
	Selectable func(i int) bool
}

func (l *ScrollList) ok(i int) bool {
	return i >= 0 && i < l.Len && (l.Selectable == nil || l.Selectable(i))
}

// Move moves the cursor by d selectable rows, stopping at the ends.
func (l *ScrollList) Move(d int) {
	step := 1
	if d < 0 {
		step, d = -1, -d
	}
	for ; d > 0; d-- {
		next := l.Cursor + step
		for next >= 0 && next < l.Len && !l.ok(next) {
			next += step
		}
		if !l.ok(next) {
			break
		}
		l.Cursor = next
	}
	l.Clamp()
}

// MoveKey moves the cursor for one of k's list keys (up, down, page up,
// page down, top, bottom) and reports whether msg was one of them.
func (l *ScrollList) MoveKey(msg tea.KeyPressMsg, k *keymap.KeyMap) bool {
	switch {
	case key.Matches(msg, k.Up):
		l.Move(-1)
	case key.Matches(msg, k.Down):
		l.Move(1)
	case key.Matches(msg, k.PageUp):
		l.Move(-l.Height)
	case key.Matches(msg, k.PageDown):
		l.Move(l.Height)
	case key.Matches(msg, k.Top):
		l.Top()
	case key.Matches(msg, k.Bottom):
		l.Bottom()
	default:
		return false
	}
	return true
}

// Top puts the cursor on the first selectable row.
func (l *ScrollList) Top() {
	l.Cursor = -1
	l.Offset = 0
	l.Move(1)
	if l.Cursor < 0 {
		l.Cursor = 0
	}
	l.Clamp()
}

// Bottom puts the cursor on the last selectable row.
func (l *ScrollList) Bottom() {
	l.Cursor = l.Len
	l.Move(-1)
	if l.Cursor >= l.Len {
		l.Cursor = l.Len - 1
	}
	l.Clamp()
}

// Clamp keeps the cursor in range and visible in the window.
func (l *ScrollList) Clamp() {
	if l.Len == 0 {
		l.Cursor, l.Offset = 0, 0
		return
	}
	l.Cursor = max(0, min(l.Cursor, l.Len-1))
	if !l.ok(l.Cursor) {
		l.Move(1)
		if !l.ok(l.Cursor) {
			l.Move(-1)
		}
	}
	h := max(1, l.Height)
	if l.Cursor < l.Offset {
		l.Offset = l.Cursor
		// show the header just above the first item of a group
		if l.Offset > 0 && !l.ok(l.Offset-1) {
			l.Offset--
		}
	}
	if l.Cursor >= l.Offset+h {
		l.Offset = l.Cursor - h + 1
	}
	// show a group header sitting just above the window when there is room
	if l.Offset > 0 && !l.ok(l.Offset-1) && l.Cursor < l.Offset+h-1 {
		l.Offset--
	}
	l.Offset = max(0, min(l.Offset, l.Len-h))
}

// Window returns the visible rows [start, end).
func (l *ScrollList) Window() (start, end int) {
	h := max(1, l.Height)
	return l.Offset, min(l.Len, l.Offset+h)
}

// FuzzyMatch reports whether every rune of pattern appears in s in order
// (case-insensitive) and scores the match: higher is better, with bonuses
// for consecutive runes and for runes at the start of a word.
func FuzzyMatch(pattern, s string) (score int, ok bool) {
	if pattern == "" {
		return 0, true
	}
	p := []rune(strings.ToLower(pattern))
	r := []rune(strings.ToLower(s))
	pi, prev := 0, -2
	for i := 0; i < len(r) && pi < len(p); i++ {
		if p[pi] == ' ' {
			pi++
			if pi == len(p) {
				break
			}
		}
		if r[i] != p[pi] {
			continue
		}
		score++
		if prev == i-1 {
			score += 3
		}
		if i == 0 || strings.ContainsRune(" /_-.{", r[i-1]) {
			score += 2
		}
		prev = i
		pi++
	}
	return score, pi == len(p)
}

// ScrollKey moves a scroll offset for one of k's list keys (the details
// pane when it has the focus) and reports whether msg was one of them;
// page is the rows a page key moves.
func ScrollKey(msg tea.KeyPressMsg, k *keymap.KeyMap, top *int, page int) bool {
	switch {
	case key.Matches(msg, k.Up):
		*top--
	case key.Matches(msg, k.Down):
		*top++
	case key.Matches(msg, k.PageUp):
		*top -= max(1, page)
	case key.Matches(msg, k.PageDown):
		*top += max(1, page)
	case key.Matches(msg, k.Top):
		*top = 0
	case key.Matches(msg, k.Bottom):
		*top = 1 << 30 // the view clamps it to the last page
	default:
		return false
	}
	*top = max(0, *top)
	return true
}
