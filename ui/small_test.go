package ui

import "testing"

// At 40x12 the login still shows what it waits for, the countdown and
// the link.
func TestLoginAtSmallSizeShowsTheWait(t *testing.T) {
	h := newHarness(t, false, 40, 12)
	h.be.Approve = make(chan error)
	defer close(h.be.Approve)
	h.key("enter")
	h.contains("Waiting for you to accept", "(3:00 left)", "https://connect.example/connect/")
	h.checkSize()
}

// At 40x12 a non-Pro company's reason and the way on show whole.
func TestNotProReasonAtSmallSize(t *testing.T) {
	h := newHarness(t, true, 40, 12)
	h.key("G", "enter")
	h.contains("Not Pro: every API call answers 403", "(code 90). Press enter again to go", "on anyway.")
	h.checkSize()
}

// tab gives the details the keys: the list stays where it is until tab
// gives it back.
func TestTabMovesTheKeysToTheDetails(t *testing.T) {
	h := newHarness(t, true, 120, 40)
	first, _ := h.m.orgs.Selected()
	h.key("tab", "down", "j", "G")
	if o, _ := h.m.orgs.Selected(); o.ID != first.ID {
		t.Fatalf("keys moved the list while the details had the focus: %s", o.Name)
	}
	h.key("tab", "down")
	if o, _ := h.m.orgs.Selected(); o.ID == first.ID {
		t.Fatal("down did not move the list after tab gave it back")
	}
	h.key("enter") // endpoints
	op, _ := h.m.endpoints.Selected()
	h.key("tab", "G", "pgdown", "down")
	if got, _ := h.m.endpoints.Selected(); got.ID != op.ID {
		t.Fatalf("keys moved the endpoint list while the details had the focus: %s", got.ID)
	}
}
