package request

import (
	"context"
	"testing"

	"github.com/dinero-tui/dinero-tui/api/catalog"
	"github.com/dinero-tui/dinero-tui/ui/common"
	"github.com/dinero-tui/dinero-tui/ui/keymap"
	"github.com/dinero-tui/dinero-tui/ui/styles"
)

func testCommon() common.Common {
	return common.Common{Ctx: context.Background(), Styles: styles.NoColor(), Keys: keymap.DefaultKeyMap(),
		Getenv: func(string) string { return "" }}
}

func TestPrefillValue(t *testing.T) {
	invoice := common.Prefill{Resource: "invoices", Item: map[string]string{
		"Guid": "inv-1", "ContactGuid": "con-9", "Number": "1001"}}
	contactV2 := common.Prefill{Resource: "contacts", Item: map[string]string{"contactGuid": "con-2", "name": "Ørsted"}}
	contact := common.Prefill{Resource: "contacts", Item: map[string]string{"Guid": "con-3"}}
	reminders := common.Prefill{Resource: "reminders", Item: map[string]string{"Id": "5"}}
	org := common.Prefill{Resource: "organizations", Item: map[string]string{"Id": "77", "Name": "Nordlys"}}
	tests := []struct {
		name, param, path string
		pf                common.Prefill
		want, src         string
	}{
		{"guid of the same resource", "guid", "/v1/{organizationId}/invoices/{guid}", invoice, "inv-1", "from the last response"},
		{"guid takes the Guid of another resource", "guid", "/v1/{organizationId}/products/{guid}", invoice, "inv-1", "from the last response"},
		{"guid prefers a field naming the target", "guid", "/v1/{organizationId}/contacts/{guid}", invoice, "con-9", "last response's ContactGuid"},
		{"guid from a v2 contact list", "guid", "/v1/{organizationId}/contacts/{guid}", contactV2, "con-2", "last response's contactGuid"},
		{"named guid takes the field of that name", "contactGuid", "/v1/{organizationId}/contacts/{contactGuid}/notes", invoice, "con-9", "from the last response"},
		{"named guid takes Guid of the same resource", "contactGuid", "/v1/{organizationId}/contacts/{contactGuid}/notes", contact, "con-3", "last response's Guid"},
		{"named guid after the resource segment", "voucherGuid", "/v1/{organizationId}/invoices/{voucherGuid}/reminders", invoice, "inv-1", "last response's Guid"},
		{"named guid never from an unrelated resource", "documentGuid", "/v1/{organizationId}/attachments/{documentGuid}", invoice, "", ""},
		{"named guid of another resource stays empty", "invoiceGuid", "/v1/{organizationId}/x/{invoiceGuid}", contact, "", ""},
		{"sms voucherGuid is not an invoice's", "voucherGuid", "/v1/{organizationId}/sms/{voucherGuid}/send-sms", invoice, "", ""},
		{"id of the same resource", "id", "/v1/{organizationId}/invoices/{voucherGuid}/reminders/{id}", reminders, "5", "from the last response"},
		{"id never from another resource", "id", "/v1/{organizationId}/invoices/{voucherGuid}/reminders/{id}", org, "", ""},
		{"nothing to take", "guid", "/v1/{organizationId}/invoices/{guid}", common.Prefill{}, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, src := prefillValue(catalog.Param{Name: tt.param, Type: "string"}, tt.path, tt.pf)
			if v != tt.want || src != tt.src {
				t.Fatalf("prefillValue(%s) = %q, %q; want %q, %q", tt.param, v, src, tt.want, tt.src)
			}
		})
	}
}

func TestQueryDefaultsAreNotSent(t *testing.T) {
	op := catalog.Operation{ID: "invoices.list", Method: "GET", Path: "/v1/{organizationId}/invoices", Paged: true,
		PathParams: []catalog.Param{{Name: "organizationId", Required: true}},
		Query: []catalog.Param{
			{Name: "startDate", Type: "string"},
			{Name: "fields", Type: "string", Default: "Guid,ContactName"},
			{Name: "deletedOnly", Type: "boolean", Default: "false"},
			{Name: "page", Type: "integer", Default: "0"},
			{Name: "pageSize", Type: "integer"},
			{Name: "sort", Type: "string", Default: "VoucherNumber,VoucherDate"},
			{Name: "sortOrder", Type: "string", Default: "descending", Enum: []string{"ascending", "descending"}},
		}}
	m := New(testCommon())
	m.SetSize(80, 22)
	m.Set(op, common.Org{ID: 42, Name: "Nordlys"}, common.Prefill{}, nil)
	req := m.Request()
	if got := req.Query.Encode(); got != "fields=Guid%2CContactName&page=0&pageSize=100" {
		t.Fatalf("sent query %q, want only page, pageSize and fields", got)
	}
	if got := m.PreviewURL(); got != "/v1/42/invoices?fields=Guid,ContactName&page=0&pageSize=100" {
		t.Fatalf("preview %q", got)
	}
	for _, f := range m.fields {
		want := map[string]string{"startDate": "YYYY-MM-DD", "deletedOnly": "false", "sortOrder": "descending"}[f.param.Name]
		if want != "" && f.input.Placeholder != want {
			t.Errorf("%s placeholder %q, want %q", f.param.Name, f.input.Placeholder, want)
		}
		if f.param.Name == "sortOrder" && hintFor(f) != "default · ascending|descending" {
			t.Errorf("sortOrder hint %q", hintFor(f))
		}
	}
	// a value the user types is sent
	for i, f := range m.fields {
		if f.param.Name == "sortOrder" {
			m.fields[i].input.SetValue("ascending")
		}
	}
	if got := m.Request().Query.Get("sortOrder"); got != "ascending" {
		t.Fatalf("typed sortOrder not sent: %q", got)
	}
	// not paged: nothing is prefilled
	op.Paged = false
	m.Set(op, common.Org{ID: 42}, common.Prefill{}, nil)
	if q := m.Request().Query; len(q) != 0 {
		t.Fatalf("non-paged operation sends %v", q)
	}
}
