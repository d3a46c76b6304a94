package contract

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"mime/multipart"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"

	"github.com/dinero-tui/dinero-tui/api"
	"github.com/dinero-tui/dinero-tui/api/catalog"
)

// captured answers every request with an empty 200 and keeps it.
type captured struct{ req *http.Request }

func (c *captured) RoundTrip(r *http.Request) (*http.Response, error) {
	body := []byte{}
	if r.Body != nil {
		body, _ = io.ReadAll(r.Body)
	}
	c.req = r.Clone(r.Context())
	c.req.Body = io.NopCloser(strings.NewReader(string(body)))
	return &http.Response{StatusCode: 200, Header: http.Header{}, Body: http.NoBody, Request: r}, nil
}

// sampleValue is a valid value for a catalogue parameter of type typ.
func sampleValue(p catalog.Param) string {
	if len(p.Enum) > 0 {
		return p.Enum[0]
	}
	switch p.Type {
	case "guid":
		return "3a315ad3-ddcc-419d-9fc5-219280ae4816"
	case "integer", "number":
		return "1"
	case "boolean":
		return "true"
	case "date":
		return "2026-11-02"
	case "datetime":
		return "2026-11-02T10:00:00Z"
	}
	if p.Name == "organizationId" {
		return "104871"
	}
	return "x"
}

// multipartFile is a form with one PDF in the part "file", as the
// explorer sends an upload.
func multipartFile(t *testing.T) ([]byte, string) {
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	fw, err := w.CreateFormFile("file", "kvittering.pdf")
	if err != nil {
		t.Fatal(err)
	}
	_, _ = fw.Write([]byte("%PDF-1.4\n%%EOF\n"))
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes(), w.FormDataContentType()
}

// fillTemplate is op's body template with its empty-string placeholders
// filled the way a user would fill them: a value of the property's
// format or enum. Keys, types, nesting and required fields stay as the
// catalogue has them, so they are what the spec judges.
func fillTemplate(t *testing.T, op catalog.Operation, spec *openapi3.Operation) []byte {
	t.Helper()
	var v any
	if err := json.Unmarshal([]byte(op.Body), &v); err != nil {
		t.Fatalf("%s: body template is not JSON: %v", op.ID, err)
	}
	var ref *openapi3.SchemaRef
	if spec.RequestBody != nil && spec.RequestBody.Value != nil {
		if mt := spec.RequestBody.Value.Content.Get("application/json"); mt != nil {
			ref = mt.Schema
		}
	}
	out, err := json.Marshal(fillEmpty(v, ref))
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func fillEmpty(v any, ref *openapi3.SchemaRef) any {
	var s *openapi3.Schema
	if ref != nil {
		s = ref.Value
	}
	switch x := v.(type) {
	case map[string]any:
		for k, val := range x {
			var p *openapi3.SchemaRef
			if s != nil {
				p = property(ref, k)
			}
			x[k] = fillEmpty(val, p)
		}
	case []any:
		for i, it := range x {
			var items *openapi3.SchemaRef
			if s != nil {
				items = s.Items
			}
			x[i] = fillEmpty(it, items)
		}
	case string:
		if x != "" || s == nil {
			return x
		}
		if len(s.Enum) > 0 {
			return s.Enum[0]
		}
		switch s.Format {
		case "uuid":
			return "3a315ad3-ddcc-419d-9fc5-219280ae4816"
		case "date":
			return "2026-11-02"
		case "date-time":
			return "2026-11-02T10:00:00Z"
		}
		return "x"
	}
	return v
}

// TestCatalogueRequestsMatchSpec builds, with the api package's client, the
// request of every built-in catalogue operation (path parameters and
// required query parameters filled with typed sample values, the body
// template with its empty placeholders filled, see fillTemplate) and validates it against the
// official file.
func TestCatalogueRequestsMatchSpec(t *testing.T) {
	doc := loadSpec(t)
	ops := catalog.Builtin().All()
	if len(ops) != 136 {
		t.Fatalf("catalogue has %d operations, want 136", len(ops))
	}
	for _, op := range ops {
		rt, ok := route(doc, op.Method, op.Path)
		if !ok {
			t.Errorf("%s: %s %s is not in the official file", op.ID, op.Method, op.Path)
			continue
		}
		params := map[string]string{}
		for _, p := range op.PathParams {
			params[p.Name] = sampleValue(p)
		}
		q := url.Values{}
		for _, p := range op.Query {
			if p.Required {
				q.Set(p.Name, sampleValue(p))
			}
		}
		capture := &captured{}
		c := api.NewClient(&http.Client{Transport: capture}, "https://api.dinero.dk", api.WithRateLimit(0, 0))
		req := api.Request{Method: op.Method, Path: op.Path, PathParams: params, Query: q}
		switch {
		case op.BodyType == "multipart/form-data":
			req.Body, req.ContentType = multipartFile(t)
		case op.Body != "":
			req.Body = fillTemplate(t, op, rt.Operation)
		}
		if _, err := c.Do(context.Background(), req); err != nil {
			t.Errorf("%s: the client refused to build it: %v", op.ID, err)
			continue
		}
		in := &openapi3filter.RequestValidationInput{Request: capture.req, PathParams: params, Route: rt, Options: filterOptions()}
		if err := openapi3filter.ValidateRequest(context.Background(), in); err != nil {
			t.Errorf("%s: %s %s is not valid against the spec: %.400v", op.ID, op.Method, capture.req.URL.Path, err)
		}
	}
}
