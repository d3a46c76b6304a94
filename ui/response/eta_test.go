package response

import (
	"context"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/dinero-tui/dinero-tui/api/catalog"
	"github.com/dinero-tui/dinero-tui/ui/common"
	"github.com/dinero-tui/dinero-tui/ui/fakebackend"
	"github.com/dinero-tui/dinero-tui/ui/keymap"
	"github.com/dinero-tui/dinero-tui/ui/styles"
)

func TestFormatLeft(t *testing.T) {
	for d, want := range map[time.Duration]string{0: "1 s", 42 * time.Second: "42 s", 580 * time.Second: "9m 40s",
		65 * time.Minute: "1h 05m"} {
		if got := formatLeft(d); got != want {
			t.Errorf("formatLeft(%v) = %q, want %q", d, got, want)
		}
	}
}

func newTestPane(t *testing.T, now *time.Time, be common.Backend) *Model {
	t.Helper()
	com := common.Common{Ctx: context.Background(), Styles: styles.NoColor(), Keys: keymap.DefaultKeyMap(),
		Backend: be, Now: func() time.Time { return *now }}
	m := New(com)
	m.SetSize(80, 20)
	t.Cleanup(m.Close)
	return m
}

// The fetch of every page shows pages, items, bytes and the time left the
// backend estimated (the API client's request budget), counted down, and
// never less than a wait the client announced.
func TestFetchingShowsTimeLeft(t *testing.T) {
	now := time.Date(2030, 1, 1, 12, 0, 0, 0, time.UTC)
	m := newTestPane(t, &now, fakebackend.New(true))
	m.op = catalog.Operation{ID: "invoices.list", Method: "GET", Path: "/v1/{organizationId}/invoices", Paged: true}
	m.req = common.Request{Method: "GET", Path: m.op.Path, PathParams: map[string]string{"organizationId": "1"}}
	m.allReq = AllPagesRequest(m.req)
	m.sending = true
	pr := &pagesProgress{}
	m.fetching = pr
	pr.total.Store(100_000)
	pr.pages.Store(3)
	pr.items.Store(3000)
	pr.bytes.Store(1_500_000)
	pr.eta.Store(int64(100 * time.Second))
	pr.etaAt.Store(now.UnixNano())
	now = now.Add(3 * time.Second)
	pr.last.Store(now.UnixNano())
	view := ansi.Strip(m.View())
	if !strings.Contains(view, "3 pages · 3,000 of 100,000 items · 1.5 MB · about 1m 37s left") {
		t.Fatalf("progress:\n%s", view)
	}
	pr.wait.set(now.Add(138*time.Second), "request budget (100 per 1m0s)")
	view = ansi.Strip(m.View())
	if !strings.Contains(view, "Waiting 2m 18s before sending: Dinero allows 100 requests") ||
		!strings.Contains(view, "about 2m 18s left") {
		t.Fatalf("waiting:\n%s", view)
	}
	pr.eta.Store(0)
	pr.wait.set(now, "")
	if view := ansi.Strip(m.View()); strings.Contains(view, "left") {
		t.Fatalf("no estimate:\n%s", view)
	}
}

// A request held back for the rate limit says so and for how long, not
// "received 0 B".
func TestSendingSaysItWaitsForTheBudget(t *testing.T) {
	now := time.Date(2030, 1, 1, 12, 0, 0, 0, time.UTC)
	be := fakebackend.New(true)
	told := make(chan struct{})
	be.SendFunc = func(ctx context.Context, req common.Request) (*common.Response, error) {
		common.NotifyWait(ctx, common.Wait{For: 55 * time.Second, Reason: "HTTP 429 rate limited"})
		close(told)
		<-ctx.Done()
		return nil, ctx.Err()
	}
	m := newTestPane(t, &now, be)
	cmd := m.Send(catalog.Operation{ID: "x", Method: "GET", Path: "/v1/{organizationId}/invoices"},
		common.Request{Method: "GET", Path: "/v1/{organizationId}/invoices", PathParams: map[string]string{"organizationId": "1"}})
	go runBatch(cmd)
	<-told
	view := ansi.Strip(m.View())
	if !strings.Contains(view, "Waiting 55 s before sending: Dinero asked to wait (HTTP 429 rate limited).") ||
		strings.Contains(view, "received 0 B") {
		t.Fatalf("while waiting:\n%s", view)
	}
	now = now.Add(56 * time.Second)
	if view := ansi.Strip(m.View()); !strings.Contains(view, "received 0 B") {
		t.Fatalf("after the wait:\n%s", view)
	}
	m.stop()
}

// runBatch runs the first command of a batch (the request), not the ticks.
func runBatch(cmd tea.Cmd) {
	if b, ok := cmd().(tea.BatchMsg); ok && len(b) > 0 && b[0] != nil {
		b[0]()
	}
}

func TestPageHintOffersOnlyKeysThatLeadSomewhere(t *testing.T) {
	for pg, want := range map[Page]string{
		{Page: 0, Pages: 1}: "page 1 of 1",
		{Page: 0, Pages: 0}: "page 1 of 1",
		{Page: 0, Pages: 3}: "page 1 of 3 · ] next",
		{Page: 1, Pages: 3}: "page 2 of 3 · ] next · [ previous",
		{Page: 2, Pages: 3}: "page 3 of 3 · [ previous",
	} {
		if got := pageHint(pg); got != want {
			t.Errorf("%+v: %q, want %q", pg, got, want)
		}
	}
}

// While a new request is on its way the last answer's status does not
// show as if it were the new one's.
func TestSendingHidesTheLastAnswersStatus(t *testing.T) {
	now := time.Date(2030, 1, 1, 12, 0, 0, 0, time.UTC)
	m := newTestPane(t, &now, fakebackend.New(true))
	m.resp = &common.Response{Status: 200, Body: []byte(`{}`), Size: 2}
	m.Send(catalog.Operation{ID: "x", Method: "POST", Path: "/v1/{organizationId}/contacts"},
		common.Request{Method: "POST", Path: "/v1/{organizationId}/contacts", PathParams: map[string]string{"organizationId": "1"}})
	if v := ansi.Strip(m.View()); strings.Contains(v, "200 OK") || m.Title() != "sending" {
		t.Fatalf("title %q, view:\n%s", m.Title(), v)
	}
	m.stop()
}
