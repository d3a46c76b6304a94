package ui

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/dinero-tui/dinero-tui/api/catalog"
	"github.com/dinero-tui/dinero-tui/ui/common"
	"github.com/dinero-tui/dinero-tui/ui/fakebackend"
	"github.com/dinero-tui/dinero-tui/ui/internal/keytest"
)

// fixedNow is the test clock: 12:00 UTC, an hour before the fake's expiry.
var fixedNow = time.Date(2030, 1, 1, 12, 0, 0, 0, time.UTC)

func testCatalog() *catalog.Catalog {
	pq := []catalog.Param{
		{Name: "page", Type: "integer", Default: "0"},
		{Name: "pageSize", Type: "integer", Default: "100"},
		{Name: "fields", Type: "string", Default: "Guid,Number,ContactName,Date,TotalInclVat"},
		{Name: "statusFilter", Type: "string", Enum: []string{"Draft", "Booked", "Paid", "OverPaid", "Overdue"}},
	}
	org := catalog.Param{Name: "organizationId", Type: "string", Required: true}
	return &catalog.Catalog{Source: "built-in", Groups: []catalog.Group{
		{Name: "Invoices", Operations: []catalog.Operation{
			{ID: "invoices.list", Name: "List invoices", Method: "GET", Path: "/v1/{organizationId}/invoices",
				PathParams: []catalog.Param{org}, Query: pq, Paged: true, Description: "Lists the sales invoices of the company, newest first."},
			{ID: "invoices.create", Name: "Create draft invoice", Method: "POST", Path: "/v1/{organizationId}/invoices",
				PathParams: []catalog.Param{org}, Write: true, Body: "{\n  \"ContactGuid\": \"\",\n  \"Date\": \"2030-01-02\"\n}"},
			{ID: "invoices.get", Name: "Get invoice", Method: "GET", Path: "/v1/{organizationId}/invoices/{guid}",
				PathParams: []catalog.Param{org, {Name: "guid", Type: "guid", Required: true}}},
			{ID: "invoices.delete", Name: "Delete draft invoice", Method: "DELETE", Path: "/v1/{organizationId}/invoices/{guid}",
				PathParams: []catalog.Param{org, {Name: "guid", Type: "guid", Required: true}}, Write: true},
		}},
		{Name: "Contacts", Operations: []catalog.Operation{
			{ID: "contacts.list", Name: "List contacts", Method: "GET", Path: "/v2/{organizationId}/contacts",
				PathParams: []catalog.Param{org}, Query: pq[:3], Paged: true},
			{ID: "contacts.notes.create", Name: "Create contact note", Method: "POST", Path: "/v1/{organizationId}/contacts/{contactGuid}/notes",
				PathParams: []catalog.Param{org, {Name: "contactGuid", Type: "guid", Required: true}}, Write: true, Body: "{\n  \"Text\": \"\"\n}"},
		}},
		{Name: "Organizations", Operations: []catalog.Operation{
			{ID: "organizations.list", Name: "List organizations", Method: "GET", Path: "/v1/organizations"},
		}},
	}}
}

type harness struct {
	t  *testing.T
	m  *Model
	be *fakebackend.Backend
}

func newHarness(t *testing.T, loggedIn bool, w, h int) *harness {
	t.Helper()
	be := fakebackend.New(loggedIn)
	be.Now = func() time.Time { return fixedNow }
	deps := Deps{Backend: be, Profile: common.Profile{Name: "default", ClientID: "isv_acme_explorer",
		Scopes: "dineropublicapi:read dineropublicapi:write offline_access", RedirectURI: "http://127.0.0.1:53682/callback",
		ConnectURL: "https://connect.visma.com", APIURL: "https://api.dinero.dk"},
		Catalog: testCatalog(), Now: func() time.Time { return fixedNow }, StateDir: t.TempDir(), CacheDir: t.TempDir()}
	hs := &harness{t: t, be: be, m: New(context.Background(), deps)}
	hs.send(tea.WindowSizeMsg{Width: w, Height: h})
	hs.run(hs.m.Init())
	return hs
}

// send delivers msg and runs the commands it returns, like the program
// would, except ticks (time) and terminal requests.
func (h *harness) send(msg tea.Msg) {
	h.t.Helper()
	_, cmd := h.m.Update(msg)
	h.run(cmd)
}

func (h *harness) run(cmd tea.Cmd) {
	h.t.Helper()
	// Commands start as soon as they are queued, so the ones that wait
	// (ticks, the event listener) time out together; their results are
	// still handled in queue order, like a sequential program.
	// A command that has not answered 250 ms after it began running is
	// taken for one that waits (a tick, the event listener); the time is
	// counted from when its goroutine started, so a loaded machine (-race,
	// 2 cores) that is slow to schedule it does not drop real work.
	type pending struct {
		ch      chan tea.Msg
		started chan time.Time
	}
	launch := func(c tea.Cmd) pending {
		p := pending{ch: make(chan tea.Msg, 1), started: make(chan time.Time, 1)}
		go func() {
			p.started <- time.Now()
			p.ch <- c()
		}()
		return p
	}
	var queue []pending
	push := func(c tea.Cmd) {
		if c != nil {
			queue = append(queue, launch(c))
		}
	}
	push(cmd)
	for n := 0; len(queue) > 0; n++ {
		if n > 500 {
			h.t.Fatal("command loop does not settle")
		}
		p := queue[0]
		queue = queue[1:]
		var msg tea.Msg
		select {
		case msg = <-p.ch:
		default:
			start := <-p.started
			select {
			case msg = <-p.ch:
			case <-time.After(time.Until(start.Add(250 * time.Millisecond))):
				continue
			}
		}
		switch msg := msg.(type) {
		case nil, tea.QuitMsg:
		case tea.BatchMsg:
			for _, c := range msg {
				push(c)
			}
		default:
			if isTerminalOrTick(msg) {
				continue
			}
			_, next := h.m.Update(msg)
			push(next)
		}
	}
}

func isTerminalOrTick(msg tea.Msg) bool {
	name := strings.ToLower(strings.TrimPrefix(typeName(msg), "*"))
	return strings.Contains(name, "tick") || strings.Contains(name, "backgroundcolor") || strings.Contains(name, "clipboard")
}

func (h *harness) key(keys ...string) {
	h.t.Helper()
	for _, k := range keys {
		h.send(keytest.Press(k))
	}
}

func (h *harness) typeText(s string) {
	for _, r := range s {
		h.send(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
}

// plain is the screen without styling, for assertions.
func (h *harness) plain() string { return ansi.Strip(h.m.Render()) }

func (h *harness) contains(want ...string) {
	h.t.Helper()
	s := h.plain()
	for _, w := range want {
		if !strings.Contains(s, w) {
			h.t.Fatalf("screen lacks %q:\n%s", w, s)
		}
	}
}

// golden compares the screen, downsampled to 256 colours, with the golden
// file (go test ./ui -update rewrites them).
func (h *harness) golden() {
	h.t.Helper()
	var buf bytes.Buffer
	w := &colorprofile.Writer{Forward: &buf, Profile: colorprofile.ANSI256}
	if _, err := w.WriteString(h.m.Render()); err != nil {
		h.t.Fatal(err)
	}
	golden.RequireEqual(h.t, buf.Bytes())
	h.checkSize()
}

// checkSize asserts the screen fills the terminal exactly: nothing wraps.
func (h *harness) checkSize() {
	h.t.Helper()
	lines := strings.Split(h.m.Render(), "\n")
	if len(lines) != h.m.height {
		h.t.Fatalf("screen has %d lines, terminal %d", len(lines), h.m.height)
	}
	for i, l := range lines {
		if w := ansi.StringWidth(l); w != h.m.width {
			h.t.Fatalf("line %d is %d cells wide, terminal %d: %q", i, w, h.m.width, ansi.Strip(l))
		}
	}
}

func typeName(v any) string { return fmt.Sprintf("%T", v) }

func TestMain(m *testing.M) {
	time.Local = time.UTC // history rows show local time; pin it
	os.Exit(m.Run())
}
