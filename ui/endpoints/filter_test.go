package endpoints

import (
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/dinero-tui/dinero-tui/ui/internal/keytest"
)

func typeKeys(m *Model, keys ...string) {
	for _, k := range keys {
		m.Update(keytest.Press(k))
	}
}

// An edit puts the cursor on the best match; esc shows every operation
// again with the cursor still on the one chosen while filtering.
func TestFilterEditAndClear(t *testing.T) {
	m := newPicker(t, "")
	typeKeys(m, "/", "d", "e", "l", "e", "t", "e", " ", "c", "o", "n", "t", "a", "c", "t")
	if !m.Capturing() {
		t.Fatal("the filter is not taking keys after /")
	}
	if op, _ := m.Selected(); op.Name != "Delete contact" {
		t.Fatalf("after typing, cursor on %q, want the best match", op.Name)
	}
	typeKeys(m, "down", "q") // q is typed into the filter, down moves the list
	chosen, _ := m.Selected()
	if chosen.Name == "Delete contact" {
		t.Fatal("down did not move the list while filtering")
	}
	m.Update(tea.PasteMsg{Content: "zzz"})
	if len(m.rows) != 0 {
		t.Fatalf("pasted text did not filter: %d rows", len(m.rows))
	}
	for range 4 {
		m.Update(keytest.Press("backspace"))
	}
	if op, _ := m.Selected(); op.Name != "Delete contact" {
		t.Fatalf("after backspace, cursor on %q, want the best match", op.Name)
	}
	typeKeys(m, "down")
	chosen, _ = m.Selected()
	typeKeys(m, "esc")
	if m.Capturing() || m.filter.Value() != "" {
		t.Fatal("esc did not close and clear the filter")
	}
	if op, _ := m.Selected(); op.ID != chosen.ID {
		t.Fatalf("esc moved the cursor from %q to %q", chosen.Name, op.Name)
	}
	if got, all := len(m.rows), len(newPicker(t, "").rows); got != all {
		t.Fatalf("after esc %d rows, want all %d", got, all)
	}
}

// Every move to another operation shows its details from the top, G and g
// included.
func TestMovingResetsTheDetailScroll(t *testing.T) {
	for _, k := range []string{"down", "G", "g", "pgdown"} {
		m := newPicker(t, "")
		typeKeys(m, "down", "down")
		m.infoTop = 5
		typeKeys(m, k)
		if m.infoTop != 0 {
			t.Errorf("after %s the detail panel stays scrolled to %d", k, m.infoTop)
		}
	}
}
