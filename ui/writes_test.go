package ui

import (
	"strings"
	"testing"

	"github.com/dinero-tui/dinero-tui/ui/history"
)

// Every path that sends a write asks first: R on the answer, enter in the
// history, and e then send.
func TestEveryWritePathConfirms(t *testing.T) {
	h := newHarness(t, true, 80, 24)
	h.key("enter", "down", "enter", "enter", "y") // Nordlys, create draft invoice, send, yes
	if n := len(h.be.Sent); n != 1 {
		t.Fatalf("%d sent, want 1", n)
	}
	h.contains("201 Created")

	h.key("R") // send again from the answer
	h.contains("will change data in Nordlys", "Send it?")
	if h.m.screen != screenRequest || len(h.be.Sent) != 1 {
		t.Fatalf("R sent a write without asking (screen %d, %d sent)", h.m.screen, len(h.be.Sent))
	}
	h.key("n")
	h.contains("Not sent.")
	if len(h.be.Sent) != 1 {
		t.Fatal("n sent the write")
	}

	h.key("ctrl+r", "enter") // history: send again
	h.contains("Send it?")
	if len(h.be.Sent) != 1 {
		t.Fatal("the history re-sent a write without asking")
	}
	h.key("y")
	if len(h.be.Sent) != 2 || h.be.Sent[1].Method != "POST" {
		t.Fatalf("y after the history did not send: %v", h.be.Sent)
	}

	h.key("ctrl+r", "e") // edit from the history: the form, no dialog yet
	if h.m.screen != screenRequest || h.m.request.Confirming() {
		t.Fatal("e should open the form without the dialog")
	}
	h.contains("1048211", "(the company it was sent to)")
	h.key("enter")
	h.contains("Send it?")
	h.key("esc")
	if len(h.be.Sent) != 2 {
		t.Fatal("e then send sent without the confirmation")
	}
}

// A write re-sent from the history goes to the company it was sent to,
// says so in the header and the dialog, and leaves the chosen company as
// it was.
func TestHistoryReplayNamesTheCompanyCalled(t *testing.T) {
	h := newHarness(t, true, 120, 40)
	h.key("enter", "down", "enter", "enter", "y") // a write in Nordlys
	h.key("esc", "esc", "esc")                    // back to the organizations
	if h.m.screen != screenOrgs {
		t.Fatalf("screen %d, want organizations", h.m.screen)
	}
	h.key("down", "enter") // choose Bageriet Ørsted
	h.contains("Bageriet Ørsted ApS › endpoints")

	h.key("ctrl+r")
	h.contains("POST   201 /v1/1048211/invoices  → Nordlys Regnskab ApS") // the row says where it goes
	h.key("enter")
	h.contains("→ Nordlys Regnskab ApS › Create draft invoice", "will change data in Nordlys", "Regnskab ApS (1048211).")
	h.key("y")
	last := h.be.Sent[len(h.be.Sent)-1]
	if last.PathParams["organizationId"] != "1048211" {
		t.Fatalf("sent to %v, want Nordlys (1048211)", last.PathParams)
	}
	h.contains("→ Nordlys Regnskab ApS › Create draft invoice › 201 Created",
		"Sent to Nordlys Regnskab ApS (1048211), not the chosen Bageriet Ørsted ApS (1048212).")
	if h.m.org.ID != 1048212 {
		t.Fatalf("chosen company switched to %d", h.m.org.ID)
	}
	h.key("esc", "esc", "esc") // response → request → history → endpoints
	h.contains("Bageriet Ørsted ApS › endpoints")
	// the history records the company actually called
	if e := h.m.entries()[0]; e.OrgID != 1048211 || !strings.HasPrefix(e.OrgName, "Nordlys") {
		t.Fatalf("history recorded %d %q", e.OrgID, e.OrgName)
	}
}

// Typing another organizationId into the form changes the company the
// dialog names.
func TestConfirmNamesTheCompanyInTheForm(t *testing.T) {
	h := newHarness(t, true, 120, 40)
	h.key("enter", "down", "enter")
	h.key("ctrl+a", "ctrl+k")
	h.typeText("1048213")
	h.key("enter")
	h.contains("will change data in", "Kaffekompagniet I/S (1048213).", "→ Kaffekompagniet I/S")
}

// Sending another request while every page is fetched asks first; n
// keeps the fetch, y stops it and sends.
func TestSendWhileFetchingAllAsks(t *testing.T) {
	h := newHarness(t, true, 80, 24)
	h.key("enter", "enter", "enter")
	gate := make(chan struct{})
	defer close(gate)
	h.be.PageGate = gate
	h.key("A")
	h.contains("Fetching every page")
	sent := len(h.be.Sent)
	h.key("ctrl+r", "enter")
	h.contains("Every page is still being fetched (1 done, 250 items).", "Stop it and send?")
	h.checkSize()
	h.key("n")
	h.contains("Not sent: still fetching every page.", "Fetching every page")
	if len(h.be.Sent) != sent || !h.m.response.FetchingAll() {
		t.Fatal("n stopped the fetch or sent")
	}
	h.key("ctrl+r", "enter", "y")
	if len(h.be.Sent) != sent+1 || h.m.response.FetchingAll() {
		t.Fatal("y did not stop the fetch and send")
	}
	h.contains("200 OK")
}

// The history list follows what is sent, with the cursor on the newest.
func TestHistoryFollowsWhatIsSent(t *testing.T) {
	h := newHarness(t, true, 80, 24)
	h.key("enter", "enter", "enter") // list invoices
	h.key("ctrl+r", "j")
	h.contains("History (1)")
	h.key("enter") // send again: a second entry
	h.key("ctrl+r")
	h.contains("History (2)")
	h.key("j", "enter", "esc") // the older one again, back to the history
	h.contains("History (3)")
	if e, _ := h.m.history.Selected(); !e.Time.Equal(h.m.entries()[0].Time) || h.m.history.Cursor() != 0 {
		t.Fatal("the cursor is not on the newest entry")
	}
}

// A company name read from the history file reaches the screen inert.
func TestHistoryCompanyNameIsSanitized(t *testing.T) {
	h := newHarness(t, true, 120, 40)
	h.key("enter")
	if err := h.m.store.Add(history.Entry{OrgID: 999, OrgName: "Evil\x1b]0;pwned\x07 Co\x1b[2J", Method: "GET",
		Path: "/v1/{organizationId}/invoices", PathParams: map[string]string{"organizationId": "999"}}); err != nil {
		t.Fatal(err)
	}
	h.key("ctrl+r", "e")
	screen := h.m.Render()
	if strings.Contains(screen, "\x07") || strings.Contains(screen, "\x1b]") || strings.Contains(screen, "\x1b[2J") {
		t.Fatalf("escape sequence reached the screen: %q", screen)
	}
	h.contains("→ Evil Co")
}
