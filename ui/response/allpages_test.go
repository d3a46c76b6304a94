package response

import (
	"context"
	"net/url"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/dinero-tui/dinero-tui/api/catalog"
	"github.com/dinero-tui/dinero-tui/ui/common"
	"github.com/dinero-tui/dinero-tui/ui/fakebackend"
	"github.com/dinero-tui/dinero-tui/ui/keymap"
	"github.com/dinero-tui/dinero-tui/ui/styles"
)

func TestAllPagesRequest(t *testing.T) {
	cases := []struct {
		name     string
		in, want url.Values
	}{
		{"no page size: the largest", url.Values{"page": {"4"}}, url.Values{"pageSize": {"1000"}}},
		{"the largest page, every filter stays", url.Values{"page": {"2"}, "pageSize": {"250"}, "statusFilter": {"Paid"}, "fields": {"Guid,Number"}},
			url.Values{"pageSize": {"1000"}, "statusFilter": {"Paid"}, "fields": {"Guid,Number"}}},
		{"nothing set", nil, url.Values{"pageSize": {"1000"}}},
	}
	for _, c := range cases {
		in := common.Request{Method: "GET", Path: "/v1/{organizationId}/invoices", Query: c.in}
		got := AllPagesRequest(in)
		if !reflect.DeepEqual(got.Query, c.want) {
			t.Errorf("%s: query %v, want %v", c.name, got.Query, c.want)
		}
		if c.in != nil && c.in.Get("page") == "" {
			t.Errorf("%s: the caller's query was changed", c.name)
		}
	} // a Postman request's raw query gives way to the paged query it lists
	got := AllPagesRequest(common.Request{Method: "GET", Path: "/v1/x", RawQuery: "page=3&fields=A,B", Query: url.Values{"page": {"3"}, "fields": {"A,B"}}})
	if got.RawQuery != "" || got.Query.Get("page") != "" || got.Query.Get("fields") != "A,B" {
		t.Errorf("postman request: raw %q query %v", got.RawQuery, got.Query)
	}
}

func TestThousands(t *testing.T) {
	for n, want := range map[int]string{0: "0", 999: "999", 1000: "1,000", 2345: "2,345", 1234567: "1,234,567", -12345: "-12,345"} {
		if got := Thousands(n); got != want {
			t.Errorf("Thousands(%d) = %s, want %s", n, got, want)
		}
	}
}

// TestFetchingSaysWhenItWaits: with no new items for a while (the client
// is holding back for Dinero's request budget) the pane says why.
func TestFetchingSaysWhenItWaits(t *testing.T) {
	now := time.Date(2030, 1, 1, 12, 0, 0, 0, time.UTC)
	com := common.Common{Ctx: context.Background(), Styles: styles.NoColor(), Keys: keymap.DefaultKeyMap(),
		Backend: fakebackend.New(true), Now: func() time.Time { return now }}
	m := New(com)
	m.SetSize(80, 20)
	m.op = catalog.Operation{ID: "invoices.list", Method: "GET", Path: "/v1/{organizationId}/invoices", Paged: true}
	m.req = common.Request{Method: "GET", Path: m.op.Path, PathParams: map[string]string{"organizationId": "1"}}
	if cmd := m.fetchAll(); cmd == nil {
		t.Fatal("A started nothing")
	}
	defer m.Close()
	view := ansi.Strip(m.View())
	if !strings.Contains(view, "0 pages · 0 items · 0 B") || strings.Contains(view, "Waiting") {
		t.Fatalf("at the start:\n%s", view)
	}
	now = now.Add(3 * time.Second)
	if view := ansi.Strip(m.View()); !strings.Contains(view, "Waiting: Dinero allows 100 requests a minute.") {
		t.Fatalf("after 3 s without items:\n%s", view)
	}
}
