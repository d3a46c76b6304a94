package request

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/dinero-tui/dinero-tui/api/catalog"
	"github.com/dinero-tui/dinero-tui/ui/common"
	"github.com/dinero-tui/dinero-tui/ui/internal/keytest"
)

func TestCheckValue(t *testing.T) {
	page := catalog.Param{Name: "page", Type: "integer"}
	size := catalog.Param{Name: "pageSize", Type: "integer"}
	start := catalog.Param{Name: "startDate", Type: "string"}
	end := catalog.Param{Name: "endDate", Type: "date"}
	since := catalog.Param{Name: "changesSince", Type: "datetime"}
	flag := catalog.Param{Name: "deletedOnly", Type: "boolean"}
	guid := catalog.Param{Name: "guid", Type: "guid"}
	status := catalog.Param{Name: "statusFilter", Type: "string", Enum: []string{"Draft", "Booked", "Paid"}}
	free := catalog.Param{Name: "freeTextSearch", Type: "string"}
	cases := []struct {
		p       catalog.Param
		v, want string // want is a piece of the problem, "" for none
	}{
		{page, "", ""}, {page, "0", ""}, {page, "12", ""},
		{page, "0abc", "page must be a whole number"}, {page, "-1", "cannot be negative"},
		{size, "1000", ""}, {size, "1001", "pageSize must be 1 to 1000"}, {size, "0", "pageSize must be 1 to 1000"},
		{start, "2024-01-31", ""}, {start, "q?", "startDate must be a date like 2024-01-31"},
		{end, "2024-13-45", "endDate must be a date"}, {end, "2024-02-30", "endDate must be a date"},
		{since, "2024-01-31T08:00:00Z", ""}, {since, "2024-01-31T08:00:00", ""}, {since, "2024-01-31", ""},
		{since, "yesterday", "changesSince must be a date and time"},
		{flag, "true", ""}, {flag, "False", ""}, {flag, "yes", "true or false"},
		{guid, "3fa85f64-5717-4562-b3fc-2c963f66afa6", ""}, {guid, "3fa85f64", "must be a Guid"},
		{status, "Paid", ""}, {status, "paid,Draft", ""}, {status, "Paid,Lost", `takes Draft, Booked, Paid, not "Lost"`},
		{free, "anything at all?", ""},
		{catalog.Param{Name: "organizationId", Type: "string"}, "104871", ""},
		{catalog.Param{Name: "organizationId", Type: "string"}, "104871j", "organizationId must be a company's number"},
	}
	for _, c := range cases {
		got := checkValue(c.p, c.v)
		if (c.want == "") != (got == "") || !strings.Contains(got, c.want) {
			t.Errorf("%s=%q: %q, want %q", c.p.Name, c.v, got, c.want)
		}
	}
}

// A value the catalogue rules out is not sent: the form says why and
// puts the cursor on the field.
func TestFormChecksValuesBeforeSending(t *testing.T) {
	m := New(testCommon())
	m.SetSize(100, 24)
	op := catalog.Operation{ID: "invoices.list", Method: "GET", Path: "/v1/{organizationId}/invoices", Paged: true,
		PathParams: []catalog.Param{{Name: "organizationId", Type: "string", Required: true}},
		Query: []catalog.Param{{Name: "page", Type: "integer"}, {Name: "pageSize", Type: "integer"},
			{Name: "startDate", Type: "string"}, {Name: "endDate", Type: "string"}}}
	m.Set(op, common.Org{ID: 42, Name: "Nordlys"}, common.Prefill{}, nil)
	m.fields[4].input.SetValue("2024-13-45")
	_, cmd := m.Update(keytest.Press("enter"))
	if cmd != nil {
		t.Fatal("a bad date was sent")
	}
	view := ansi.Strip(m.View())
	if !strings.Contains(view, `endDate must be a date like 2024-01-31 (YYYY-MM-DD), not "2024-13-45".`) || m.focus != 4 {
		t.Fatalf("focus %d, view:\n%s", m.focus, view)
	}
	m.fields[4].input.SetValue("2024-12-31")
	if _, cmd = m.Update(keytest.Press("enter")); cmd == nil {
		t.Fatal("a good form was not sent")
	}
	if msg, ok := cmd().(common.SendRequestMsg); !ok || msg.Req.Query.Get("endDate") != "2024-12-31" {
		t.Fatalf("sent %#v", msg)
	}
}

// FuzzBodyProblem: any body gets an answer without a panic, and a
// problem exactly when the body is not blank and not valid JSON.
func FuzzBodyProblem(f *testing.F) {
	for _, s := range []string{"", " ", "{}", `{"a":`, "{\n  \"Name\": 1,\n}", "\xff", "[1,2", "\"ø\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, body string) {
		p := bodyProblem(body)
		bad := strings.TrimSpace(body) != "" && !json.Valid([]byte(body))
		if (p != "") != bad {
			t.Fatalf("%q: problem %q", body, p)
		}
	})
}
