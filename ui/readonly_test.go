package ui

import (
	"context"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/dinero-tui/dinero-tui/ui/common"
	"github.com/dinero-tui/dinero-tui/ui/fakebackend"
	"github.com/dinero-tui/dinero-tui/ui/history"
)

// newReadOnlyHarness is newHarness on a read-only profile.
func newReadOnlyHarness(t *testing.T, w, h int) *harness {
	t.Helper()
	be := fakebackend.New(true)
	be.Now = func() time.Time { return fixedNow }
	deps := Deps{Backend: be, Profile: common.Profile{Name: "default", ClientID: "isv_acme_explorer",
		Scopes: "dineropublicapi:read offline_access", RedirectURI: "http://127.0.0.1:53682/callback",
		ConnectURL: "https://connect.visma.com", APIURL: "https://api.dinero.dk", ReadOnly: true},
		Catalog: testCatalog(), Now: func() time.Time { return fixedNow }, StateDir: t.TempDir(), CacheDir: t.TempDir()}
	hs := &harness{t: t, be: be, m: New(context.Background(), deps)}
	hs.send(tea.WindowSizeMsg{Width: w, Height: h})
	hs.run(hs.m.Init())
	return hs
}

// In read-only mode the status bar says READ-ONLY, the form marks a write
// locked, and no write path sends: the form (even after y), the
// history's re-send and its edit-then-send. Reads still go.
func TestReadOnlyLocksEveryWritePath(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		h := newReadOnlyHarness(t, size[0], size[1])
		h.contains("READ-ONLY")
		h.key("enter", "down", "enter") // Nordlys, create draft invoice
		h.contains("LOCKED", "READ-ONLY")
		h.key("enter")
		h.contains("Read-only: POST not sent (drop --read-only")
		if h.m.request.Confirming() || len(h.be.Sent) != 0 {
			t.Fatalf("%v: the form asked or sent a write in read-only mode (%d sent)", size, len(h.be.Sent))
		}

		if err := h.m.store.Add(history.Entry{OrgID: 1048211, OrgName: "Nordlys Regnskab ApS", Method: "POST",
			Path: "/v1/{organizationId}/invoices", PathParams: map[string]string{"organizationId": "1048211"}, Body: "{}"}); err != nil {
			t.Fatal(err)
		}
		h.key("esc", "ctrl+r", "enter") // the history's re-send
		h.contains("Read-only: POST not sent (drop --read-only")
		h.key("ctrl+r", "e", "enter") // edit from the history, then send
		h.contains("Read-only: POST not sent (drop --read-only")
		if len(h.be.Sent) != 0 {
			t.Fatalf("%v: %d write(s) sent in read-only mode", size, len(h.be.Sent))
		}
		h.checkSize()
	}
}
