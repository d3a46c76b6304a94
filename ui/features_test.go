package ui

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/dinero-tui/dinero-tui/ui/history"
	"github.com/dinero-tui/dinero-tui/ui/internal/keytest"
)

// copyKey presses k and returns what its command puts on the clipboard;
// the other messages (the notice) go back to the model.
func (h *harness) copyKey(k string) string {
	h.t.Helper()
	h.m.notice = ""
	_, cmd := h.m.Update(keytest.Press(k))
	clip, found := "", false
	var walk func(c tea.Cmd)
	walk = func(c tea.Cmd) {
		if c == nil {
			return
		}
		switch msg := c().(type) {
		case tea.BatchMsg:
			for _, c := range msg {
				walk(c)
			}
		case nil:
		default:
			if strings.Contains(typeName(msg), "setClipboardMsg") {
				clip, found = reflect.ValueOf(msg).String(), true
				return
			}
			h.send(msg)
		}
	}
	walk(cmd)
	if !found {
		h.t.Fatalf("%s put nothing on the clipboard", k)
	}
	return clip
}

func TestCopyAsCommandFromResponseAndHistory(t *testing.T) {
	h := newHarness(t, true, 80, 24)
	h.key("enter", "enter", "enter") // Nordlys, List invoices, send
	wantAPI := "dinero-tui api /v1/1048211/invoices -f fields=Guid,Number,ContactName,Date,TotalInclVat -f page=0 -f pageSize=100"
	if got := h.copyKey("a"); got != wantAPI {
		t.Fatalf("a copied %q\nwant %q", got, wantAPI)
	}
	h.contains("copied as dinero-tui api command")
	wantCurl := `curl 'https://api.dinero.dk/v1/1048211/invoices?fields=Guid%2CNumber%2CContactName%2CDate%2CTotalInclVat&page=0&pageSize=100' -H "Authorization: Bearer $DINERO_TOKEN" -H 'Accept: application/json'`
	if got := h.copyKey("x"); got != wantCurl {
		t.Fatalf("x copied %q\nwant %q", got, wantCurl)
	}
	h.contains("copied as curl command")

	// a write, then both from the history
	h.key("esc", "esc", "down", "enter", "enter", "y")
	h.contains("201 Created")
	wantWrite := "dinero-tui api -X POST /v1/1048211/invoices -f ContactGuid= -f Date=2030-01-02 --yes"
	if got := h.copyKey("a"); got != wantWrite {
		t.Fatalf("a on a write copied %q\nwant %q", got, wantWrite)
	}
	h.key("ctrl+r")
	h.contains("History (2)")
	if got := h.copyKey("a"); got != wantWrite {
		t.Fatalf("a in the history copied %q\nwant %q", got, wantWrite)
	}
	h.contains("copied as dinero-tui api command")
	h.key("down")
	if got := h.copyKey("x"); got != wantCurl {
		t.Fatalf("x in the history copied %q\nwant %q", got, wantCurl)
	}
	if s := h.plain(); strings.Contains(s, "Bearer") {
		t.Fatalf("the screen shows the header:\n%s", s)
	}
	h.checkSize()
}

func TestFetchAllPagesShowsProgressCancelsAndMerges(t *testing.T) {
	h := newHarness(t, true, 80, 24)
	h.key("enter", "enter", "enter") // List invoices, page 1 of 3 (pageSize 100)
	h.contains("page 1 of 3")
	gate := make(chan struct{})
	h.be.PageGate = gate
	h.key("A") // the fetch waits after the first page; the harness moves on
	h.contains("Fetching every page of GET /v1/1048211/invoices", "1 page · 250 of 250 items", "esc cancels")
	h.checkSize()
	h.key("esc")
	h.contains("Cancelled. Press A to fetch every page again.", "page 1 of 3")
	if n := len(h.be.AllSent); n != 1 {
		t.Fatalf("%d fetches of every page, want 1", n)
	}
	q := h.be.AllSent[0].Query
	if q.Has("page") || q.Get("pageSize") != "1000" || q.Get("fields") == "" {
		t.Fatalf("every page asked with %v: want no page, Dinero's largest pageSize and the user's fields", q)
	}

	h.be.PageGate = nil
	h.key("A")
	h.contains("all pages · 250 items ·", "1 page in", "List invoices › all pages", "Kunde 1 A/S")
	h.key("G")
	h.contains("]")
	var items []map[string]any
	if err := json.Unmarshal(h.m.response.Response().Body, &items); err != nil || len(items) != 250 {
		t.Fatalf("merged answer: %d items, %v", len(items), err)
	}
	if got := h.copyKey("a"); !strings.HasSuffix(got, "-f pageSize=1000 --paginate") || strings.Contains(got, "page=") {
		t.Fatalf("a on every page copied %q", got)
	}
	// the merged fetch is not one request: the history keeps only the list
	if n := len(h.m.entries()); n != 1 {
		t.Fatalf("history holds %d entries, want 1", n)
	}
	close(gate)
}

func TestFetchAllPagesNeedsAPagedEndpoint(t *testing.T) {
	h := newHarness(t, true, 80, 24)
	h.key("enter", "enter", "enter", "j", "j", "j", "o") // open one invoice
	h.contains("Get invoice")
	h.key("A")
	h.contains("This endpoint is not paged")
	if len(h.be.AllSent) != 0 {
		t.Fatal("A fetched pages of an endpoint that is not paged")
	}
}

func TestHistoryFilter(t *testing.T) {
	h := newHarness(t, true, 80, 24)
	at := func(m int) time.Time { return fixedNow.Add(time.Duration(m) * time.Minute) }
	org := map[string]string{"organizationId": "1048211"}
	for _, e := range []history.Entry{
		{Time: at(1), Method: "GET", Path: "/v1/{organizationId}/invoices", PathParams: org, Status: 200},
		{Time: at(2), Method: "POST", Path: "/v1/{organizationId}/invoices", PathParams: org, Status: 201},
		{Time: at(3), Method: "POST", Path: "/v1/{organizationId}/contacts", PathParams: org, Status: 422},
		{Time: at(4), Method: "GET", Path: "/v2/{organizationId}/contacts", PathParams: org, Status: 200},
	} {
		if err := h.m.store.Add(e); err != nil {
			t.Fatal(err)
		}
	}
	h.key("enter", "ctrl+r")
	h.contains("History (4)")
	h.key("/")
	h.typeText("post")
	h.contains("History (2 of 4)", "/post")
	h.typeText(" 4")
	h.contains("History (1 of 4)", "/v1/1048211/contacts")
	h.key("esc")
	h.contains("History (4)")
	h.key("/")
	h.typeText("contacts q") // q goes into the filter, it does not quit
	h.contains("No request matches the filter; esc clears it.")
	for range 2 {
		h.send(tea.KeyPressMsg{Code: tea.KeyBackspace})
	}
	h.contains("History (2 of 4)")
	h.key("enter") // keep the filter, leave the field
	h.contains("History (2 of 4)", "enter send again")
	sel, _ := h.m.history.Selected()
	if sel.Path != "/v2/{organizationId}/contacts" {
		t.Fatalf("cursor on %s, want the newest match", sel.Path)
	}
	h.checkSize()
	h.key("esc") // clears the kept filter
	h.contains("History (4)")
	h.key("esc") // then goes back
	if h.m.screen == screenHistory {
		t.Fatal("esc with no filter did not leave the history")
	}
}
