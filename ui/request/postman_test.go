package request

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/dinero-tui/dinero-tui/api/catalog"
	"github.com/dinero-tui/dinero-tui/ui/common"
)

func tutorialOp(t *testing.T, name string) catalog.Operation {
	t.Helper()
	c, _, err := catalog.Load(filepath.Join("..", "..", "api", "catalog", "testdata", "tutorial.postman_collection.json"))
	if err != nil {
		t.Fatal(err)
	}
	for _, op := range c.All() {
		if op.Name == name {
			return op
		}
	}
	t.Fatalf("no %q", name)
	return catalog.Operation{}
}

func fieldNamed(m *Model, kind fieldKind, name string) *field {
	for i := range m.fields {
		if m.fields[i].kind == kind && m.fields[i].param.Name == name {
			return &m.fields[i]
		}
	}
	return nil
}

// TestPostmanFormSendsEnabledAndFilledFields: enabled query parameters
// and headers start filled and are sent; disabled ones start empty and go
// out once filled; an undefined variable must be filled first.
func TestPostmanFormSendsEnabledAndFilledFields(t *testing.T) {
	m := New(testCommon())
	m.SetSize(100, 30)
	m.Set(tutorialOp(t, "List invoices"), common.Org{ID: 42, Name: "Nordlys"}, common.Prefill{}, nil)
	req := m.Request()
	if req.RawQuery != "page=0&pageSize=5&fields=Guid,Number,Description,TotalInclVat&statusFilter=Draft,Booked" ||
		req.PathParams["organizationId"] != "42" || !strings.HasPrefix(req.Header.Get("X-Client-Reference"), "tutorial ") || req.Header.Get("X-Debug") != "" {
		t.Fatalf("request = %q %v %v", req.RawQuery, req.PathParams, req.Header)
	}
	if f := fieldNamed(m, inQuery, "freeTextSearch"); f == nil || f.input.Value() != "" {
		t.Fatal("the disabled freeTextSearch is not offered empty")
	}
	if h := hintFor(*fieldNamed(m, inHeader, "X-Debug")); !strings.Contains(h, "sent once filled") {
		t.Errorf("a disabled header's hint = %q", h)
	}
	if h := hintFor(*fieldNamed(m, inQuery, "page")); strings.Contains(h, "sent once filled") {
		t.Errorf("an enabled parameter's hint = %q", h)
	}
	fieldNamed(m, inQuery, "freeTextSearch").input.SetValue("Hansen")
	fieldNamed(m, inHeader, "X-Debug").input.SetValue("1")
	req = m.Request()
	if !strings.HasSuffix(req.RawQuery, "&freeTextSearch=Hansen") || req.Header.Get("X-Debug") != "1" || req.Query.Get("freeTextSearch") != "Hansen" {
		t.Errorf("filled = %q %v", req.RawQuery, req.Header)
	}

	m.Set(tutorialOp(t, "Create invoice"), common.Org{ID: 42}, common.Prefill{}, nil)
	if p := m.check(); !strings.Contains(p, "contactGuid") {
		t.Errorf("check with an empty variable = %q", p)
	}
	fieldNamed(m, inVar, "contactGuid").input.SetValue("c-1")
	if p := m.check(); p != "" {
		t.Fatalf("check = %q", p)
	}
	if req := m.Request(); !strings.Contains(string(req.Body), `"ContactGuid": "c-1"`) || strings.Contains(string(req.Body), "{{") ||
		req.ContentType != "application/json" {
		t.Errorf("body = %s (%s)", req.Body, req.ContentType)
	}

	m.Set(tutorialOp(t, "Create contact (form)"), common.Org{ID: 42}, common.Prefill{}, nil)
	if p := m.check(); p != "" {
		t.Fatalf("a form body is not JSON and needs no JSON check: %q", p)
	}
	if req := m.Request(); string(req.Body) != "Name=Tutorial+%26+Sons&CountryKey=DK" || req.ContentType != "application/x-www-form-urlencoded" {
		t.Errorf("form body = %q (%s)", req.Body, req.ContentType)
	}
	m.Set(tutorialOp(t, "Countries (no token)"), common.Org{ID: 42}, common.Prefill{}, nil)
	if req := m.Request(); !req.NoAuth {
		t.Error("a noauth request would carry the token")
	}
}

func TestPostmanOrganizationVariableOutsideThePathIsTheChosenCompany(t *testing.T) {
	c, _, err := catalog.Parse([]byte(`{"info":{"name":"c"},"variable":[{"key":"organizationId","value":"1"}],
	  "item":[{"name":"r","request":{"method":"GET","url":{"raw":"https://api.dinero.dk/v1/organizations?org={{organizationId}}",
	  "query":[{"key":"org","value":"{{organizationId}}"}]}}}]}`))
	if err != nil {
		t.Fatal(err)
	}
	m := New(testCommon())
	m.Set(c.All()[0], common.Org{ID: 42}, common.Prefill{}, nil)
	if p := m.check(); p != "" {
		t.Fatalf("check = %q", p)
	}
	if req := m.Request(); req.RawQuery != "org=42" {
		t.Errorf("query = %q", req.RawQuery)
	}
}
