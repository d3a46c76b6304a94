package contract

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3filter"
)

// TestHarnessRefusesBadAnswers shows the checks can fail: answers that break
// the official schema, Dinero's error shape or the PDF rule are reported.
func TestHarnessRefusesBadAnswers(t *testing.T) {
	doc := loadSpec(t)
	h := &harness{t: t, doc: doc}
	const guid = "3a315ad3-ddcc-419d-9fc5-219280ae4816"
	for _, tc := range []struct {
		name, method, tmpl, path, ctype, body string
		status                                int
		ok                                    bool
	}{
		{"valid contact", "GET", "/v1/{organizationId}/contacts/{guid}", "/v1/1/contacts/" + guid, "application/json",
			`{"ContactGuid":"` + guid + `","Name":"Bøgh ApS","CountryKey":"DK","IsPerson":false,"IsMember":false,"UseCvr":false,"IsDebitor":true,"IsCreditor":false}`, 200, true},
		{"contact missing required fields", "GET", "/v1/{organizationId}/contacts/{guid}", "/v1/1/contacts/" + guid, "application/json",
			`{"ContactGuid":"` + guid + `","Name":"Bøgh ApS"}`, 200, false},
		{"contact with a wrongly typed field", "GET", "/v1/{organizationId}/contacts/{guid}", "/v1/1/contacts/" + guid, "application/json",
			`{"ContactGuid":"` + guid + `","Name":1,"CountryKey":"DK","IsPerson":false,"IsMember":false,"UseCvr":false,"IsDebitor":true,"IsCreditor":false}`, 200, false},
		{"contact with a malformed guid", "GET", "/v1/{organizationId}/contacts/{guid}", "/v1/1/contacts/" + guid, "application/json",
			`{"ContactGuid":"nope","Name":"x","CountryKey":"DK","IsPerson":false,"IsMember":false,"UseCvr":false,"IsDebitor":true,"IsCreditor":false}`, 200, false},
		{"list asked for a required field it lacks", "GET", "/v1/{organizationId}/contacts", "/v1/1/contacts?fields=Name,IsDebitor", "application/json",
			`{"Collection":[{"name":"x"}],"Pagination":{"MaxPageSizeAllowed":1000,"PageSize":100,"Result":1,"ResultWithoutFilter":1,"Page":0}}`, 200, false},
		{"list with fields spelled as asked", "GET", "/v1/{organizationId}/contacts", "/v1/1/contacts?fields=name,isDebitor", "application/json",
			`{"Collection":[{"name":"x","isDebitor":true}],"Pagination":{"MaxPageSizeAllowed":1000,"PageSize":100,"Result":1,"ResultWithoutFilter":1,"Page":0}}`, 200, true},
		{"error without a code", "GET", "/v1/{organizationId}/contacts/{guid}", "/v1/1/contacts/" + guid, "application/json",
			`{"message":"Not found"}`, 404, false},
		{"error as HTML", "GET", "/v1/{organizationId}/contacts/{guid}", "/v1/1/contacts/" + guid, "text/html",
			`<h1>404</h1>`, 404, false},
		{"PDF that is not one", "GET", "/v1/{organizationId}/invoices/{guid}", "/v1/1/invoices/" + guid, "application/pdf",
			`hello`, 200, false},
		{"credit note PDF that is not one (no documented content)", "GET", "/v1/{organizationId}/sales/creditnotes/{guid}/pdf", "/v1/1/sales/creditnotes/" + guid + "/pdf", "application/pdf",
			`hello`, 200, false},
		{"credit note PDF (no documented content)", "GET", "/v1/{organizationId}/sales/creditnotes/{guid}/pdf", "/v1/1/sales/creditnotes/" + guid + "/pdf", "application/pdf",
			"%PDF-1.4\n%%EOF\n", 200, true},
		{"undocumented media type", "GET", "/v1/{organizationId}/invoices/{guid}", "/v1/1/invoices/" + guid, "text/plain",
			`hello`, 200, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rt, ok := route(doc, tc.method, tc.tmpl)
			if !ok {
				t.Fatalf("no route %s", tc.tmpl)
			}
			req := httptest.NewRequest(tc.method, "http://sandbox"+tc.path, nil)
			in := &openapi3filter.RequestValidationInput{Request: req, Route: rt, Options: filterOptions(),
				PathParams: map[string]string{"organizationId": "1", "guid": guid}}
			res := &http.Response{StatusCode: tc.status, Header: http.Header{"Content-Type": {tc.ctype}}}
			err := h.checkAnswer(apiCall{}, in, res, []byte(tc.body))
			if (err == nil) != tc.ok {
				t.Fatalf("checkAnswer = %v, want ok=%v", err, tc.ok)
			}
			if err != nil && strings.TrimSpace(err.Error()) == "" {
				t.Fatal("empty error")
			}
		})
	}
}
