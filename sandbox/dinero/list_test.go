package dinero

import (
	"encoding/json"
	"fmt"
	"net/url"
	"strings"
	"testing"

	"github.com/dinero-tui/dinero-tui/sandbox/demodata"
)

type collection struct {
	Collection []map[string]any
	Pagination struct{ MaxPageSizeAllowed, PageSize, Result, ResultWithoutFilter, Page int }
}

func decodeCollection(t testing.TB, r resp) collection {
	t.Helper()
	expect(t, r, 200, 0)
	var c collection
	if err := json.Unmarshal(r.body, &c); err != nil {
		t.Fatalf("%v: %s", err, r.body)
	}
	return c
}

func TestOrganizationsFields(t *testing.T) {
	e := newEnv(t, nil)
	def := e.get("/v1/organizations").array(t)
	if len(def) != 4 {
		t.Fatalf("demo user sees %d organizations, want 4", len(def))
	}
	for _, o := range def {
		if len(o) != 3 || o["id"] == nil || o["name"] == nil || o["isPro"] == nil {
			t.Fatalf("default fields wrong: %v", o)
		}
	}
	got := e.get("/v1/organizations?fields=NAME,isPayingPro,IsTaxFreeUnion,bogus,name").array(t)
	for _, o := range got {
		if len(o) != 3 || o["NAME"] == nil || o["isPayingPro"] == nil || o["IsTaxFreeUnion"] == nil {
			t.Fatalf("requested casing not echoed: %v", o)
		}
	}
	full := e.get("/v1.1/organizations").array(t)
	sub, ok := full[0]["Subscription"].(map[string]any)
	if !ok || len(sub) != 5 || full[0]["Id"] == nil {
		t.Fatalf("v1.1 model: %v", full[0])
	}
	raw := string(e.get("/v1/organizations?fields=name").body)
	if !strings.Contains(raw, "Kjærgård Tømrer & Snedker ApS") {
		t.Fatalf("Danish names or & mangled: %s", raw)
	}
}

func TestPagingEdges(t *testing.T) {
	e := newEnv(t, func(c *Config) { c.Data = demodata.Generate(3, 1234) })
	base := orgPath("v1", pro, "/invoices")
	all := decodeCollection(t, e.get(base+"?pageSize=1000"))
	total := all.Pagination.ResultWithoutFilter
	if total < 1200 || all.Pagination.Result != 1000 || all.Pagination.MaxPageSizeAllowed != 1000 || all.Pagination.PageSize != 1000 {
		t.Fatalf("pagination %+v", all.Pagination)
	}
	seen := map[string]bool{}
	for page := 0; ; page++ {
		c := decodeCollection(t, e.get(fmt.Sprintf("%s?page=%d&pageSize=97&fields=guid", base, page)))
		if c.Pagination.Page != page || c.Pagination.ResultWithoutFilter != total {
			t.Fatalf("page %d: %+v", page, c.Pagination)
		}
		if len(c.Collection) == 0 {
			break
		}
		for _, it := range c.Collection {
			g := it["guid"].(string)
			if seen[g] {
				t.Fatalf("guid %s repeated on page %d", g, page)
			}
			seen[g] = true
		}
	}
	if len(seen) != total {
		t.Fatalf("pages covered %d of %d invoices", len(seen), total)
	}
	beyond := decodeCollection(t, e.get(base+"?page=99999&pageSize=1000"))
	if len(beyond.Collection) != 0 || beyond.Pagination.Result != 0 || beyond.Pagination.ResultWithoutFilter != total {
		t.Fatalf("beyond the end: %+v", beyond.Pagination)
	}
	for _, bad := range []string{"pageSize=1001", "pageSize=-1", "pageSize=0", "pageSize=ten", "page=-1", "page=1.5", "page=99999999999"} {
		expect(t, e.get(base+"?"+bad), 400, 42)
	}
}

func TestListFilters(t *testing.T) {
	e := newEnv(t, nil)
	inv := orgPath("v1", pro, "/invoices")
	tests := []struct {
		query  string
		status int
	}{
		{"changesSince=2026-01-01T00:00:00Z", 200},
		{"changesSince=2026-01-01", 400},
		{"changesSince=2026-01-01T00:00:00", 400},
		{"changesSince=2026-01-01T00:00:00.000Z", 400},
		{"changesSince=2026-13-01T00:00:00Z", 400},
		{"startDate=2026-01-01&endDate=2026-03-31", 200},
		{"startDate=2026-01-01", 400},
		{"endDate=2026-03-31", 400},
		{"startDate=2026-1-1&endDate=2026-03-31", 400},
		{"startDate=2026-04-01&endDate=2026-03-31", 400},
		{"startDate=2026-02-30&endDate=2026-03-31", 400},
		{"deletedOnly=true", 200},
		{"deletedOnly=yes", 400},
		{"statusFilter=Paid,overdue", 200},
		{"statusFilter=Unknown", 400},
		{"sort=Status&sortOrder=ascending", 200},
		{"sort=Amount", 400},
		{"sortOrder=up", 400},
		{"queryFilter=" + url.QueryEscape("Description contains 'levering'"), 200},
		{"queryFilter=" + url.QueryEscape("Name eq 'x'"), 400},
		{"queryFilter=AMINO", 400},
	}
	for _, tc := range tests {
		r := e.get(inv + "?" + tc.query)
		if r.status != tc.status {
			t.Errorf("%s: status %d, want %d: %s", tc.query, r.status, tc.status, r.body)
		}
		if tc.status == 400 {
			m := r.json(t)
			if m["code"].(float64) != 42 || m["message"] != "Validation Error" || m["validationErrors"] == nil || m["languageSpecificMessages"] == nil {
				t.Errorf("%s: error body %s", tc.query, r.body)
			}
		}
	}
	paid := decodeCollection(t, e.get(inv+"?statusFilter=Paid&fields=Status,Date&pageSize=1000"))
	for _, it := range paid.Collection {
		if it["Status"] != "Paid" {
			t.Fatalf("statusFilter=Paid returned %v", it)
		}
	}
	ranged := decodeCollection(t, e.get(inv+"?startDate=2026-03-01&endDate=2026-03-31&fields=Date,Status&pageSize=1000"))
	for _, it := range ranged.Collection {
		if d := it["Date"].(string); it["Status"] != "Draft" && (d < "2026-03-01" || d > "2026-03-31") {
			t.Fatalf("date filter let %v through", it)
		}
	}
}

func TestContactListsAndFilter(t *testing.T) {
	e := newEnv(t, nil)
	v1 := decodeCollection(t, e.get(orgPath("v1", pro, "/contacts?pageSize=1000")))
	del := decodeCollection(t, e.get(orgPath("v1", pro, "/contacts?pageSize=1000&deletedOnly=true&fields=Name,DeletedAt")))
	v2 := decodeCollection(t, e.get(orgPath("v2", pro, "/contacts?pageSize=1000")))
	if len(del.Collection) == 0 || v2.Pagination.ResultWithoutFilter != v1.Pagination.ResultWithoutFilter+del.Pagination.ResultWithoutFilter {
		t.Fatalf("v1 %d + deleted %d != v2 %d", len(v1.Collection), len(del.Collection), len(v2.Collection))
	}
	for _, it := range del.Collection {
		if it["DeletedAt"] == nil {
			t.Fatalf("deletedOnly returned a live contact %v", it)
		}
	}
	if _, ok := v1.Collection[0]["name"]; !ok || v1.Collection[0]["contactGuid"] == nil {
		t.Fatalf("default contact fields %v", v1.Collection[0])
	}
	persons := decodeCollection(t, e.get(orgPath("v1", pro, "/contacts?fields=Name,IsPerson&queryFilter="+
		url.QueryEscape("isperson eq 'TRUE';Name contains 'ø'"))))
	if len(persons.Collection) == 0 {
		t.Fatal("no person with ø in the name")
	}
	for _, it := range persons.Collection {
		if it["IsPerson"] != true || !strings.Contains(strings.ToLower(it["Name"].(string)), "ø") {
			t.Fatalf("filter let %v through", it)
		}
	}
	expect(t, e.get(orgPath("v1", pro, "/contacts?queryFilter="+url.QueryEscape("City eq 'Aalborg'"))), 400, 42)
}
