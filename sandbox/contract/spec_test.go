// Package contract proves the sandbox against Dinero's official OpenAPI
// description: a table of calls is sent over real HTTP to a sandbox logged
// in to as an independent OAuth client, and every request, status and body
// is checked with kin-openapi. It also checks that the requests the api
// package builds for the catalogue are valid against the same file.
package contract

import (
	"context"
	"strings"
	"sync"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
)

// specFile is a verbatim copy of shared/reference/dinero-openapi.json,
// kept here so the proof runs in any checkout.
const specFile = "testdata/dinero-openapi.json"

// specBug is a place where the official file cannot be used as it is. Each
// has a check that the bug is still there (so a fixed upstream file shows
// up as a failing test here) and a patch applied to the loaded copy.
type specBug struct {
	what    string
	present func(doc *openapi3.T) bool
	patch   func(doc *openapi3.T)
}

// specBugs lists every deviation from a usable OpenAPI 3.1 file that the
// harness works around.
var specBugs = []specBug{
	{
		what:    "41 path items have no operation at all, and two of those conflict (/vouchertemplates/{templateType}/{id} and /vouchertemplates/{accountingYearKey}/{templateType}), so the document does not validate",
		present: func(doc *openapi3.T) bool { return len(emptyPaths(doc)) > 0 },
		patch: func(doc *openapi3.T) {
			for _, p := range emptyPaths(doc) {
				doc.Paths.Delete(p)
			}
		},
	},
	{
		what: "the OAuth2 scheme's implicit flow carries a tokenUrl, which OpenAPI forbids there, so the document does not validate",
		present: func(doc *openapi3.T) bool {
			f := oauthFlows(doc)
			return f != nil && f.Implicit != nil && f.Implicit.TokenURL != ""
		},
		patch: func(doc *openapi3.T) { oauthFlows(doc).Implicit.TokenURL = "" },
	},
	{
		what: "file uploads declare the media type multipart/formdata; clients send multipart/form-data",
		present: func(doc *openapi3.T) bool {
			return doc.Paths.Value("/v1/{organizationId}/files").Post.RequestBody.Value.Content.Get("multipart/formdata") != nil
		},
		patch: func(doc *openapi3.T) {
			for _, p := range []string{"/v1/{organizationId}/files", "/v1/{organizationId}/files/attachment"} {
				c := doc.Paths.Value(p).Post.RequestBody.Value.Content
				c["multipart/form-data"] = c["multipart/formdata"]
				delete(c, "multipart/formdata")
			}
		},
	},
}

// exampleBug is the schema example that does not match its own schema
// (LedgerItemStatusReadModel's voucher number "1L", typed integer); the
// document is validated without example checks because of it.
const exampleBug = "LedgerItemStatusReadModel"

// emptyPaths lists the path items without operations.
func emptyPaths(doc *openapi3.T) []string {
	var out []string
	for p, item := range doc.Paths.Map() {
		if len(item.Operations()) == 0 {
			out = append(out, p)
		}
	}
	return out
}

func oauthFlows(doc *openapi3.T) *openapi3.OAuthFlows {
	s := doc.Components.SecuritySchemes["OAuth2"]
	if s == nil || s.Value == nil {
		return nil
	}
	return s.Value.Flows
}

var (
	specOnce sync.Once
	specDoc  *openapi3.T
	specErr  error
)

// loadSpec returns the official description with specBugs patched, shared
// by all tests (read only).
func loadSpec(t testing.TB) *openapi3.T {
	t.Helper()
	specOnce.Do(func() {
		doc, err := openapi3.NewLoader().LoadFromFile(specFile)
		if err != nil {
			specErr = err
			return
		}
		for _, b := range specBugs {
			if b.present(doc) {
				b.patch(doc)
			}
		}
		specErr = doc.Validate(context.Background(), openapi3.DisableExamplesValidation())
		specDoc = doc
	})
	if specErr != nil {
		t.Fatalf("official OpenAPI file: %v", specErr)
	}
	return specDoc
}

// TestSpecBugsAreStillThere keeps the workaround list honest: each listed
// bug is in the file as shipped, the file does not validate with them, and
// once they are patched the only error left is the example bug.
func TestSpecBugsAreStillThere(t *testing.T) {
	doc, err := openapi3.NewLoader().LoadFromFile(specFile)
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range specBugs {
		if !b.present(doc) {
			t.Errorf("fixed upstream, drop the workaround: %s", b.what)
		}
	}
	if err := doc.Validate(context.Background(), openapi3.DisableExamplesValidation()); err == nil {
		t.Error("the unpatched file validates; the specBugs list is out of date")
	}
	for _, b := range specBugs {
		if b.present(doc) {
			b.patch(doc)
		}
	}
	if err := doc.Validate(context.Background(), openapi3.DisableExamplesValidation()); err != nil {
		t.Errorf("the patched file does not validate: %v", err)
	}
	err = doc.Validate(context.Background())
	if err == nil || !strings.Contains(err.Error(), exampleBug) {
		t.Errorf("expected the %s example bug, got %v", exampleBug, err)
	}
}

// loadSpecCopy is a fresh, patched copy of the description.
func loadSpecCopy(t testing.TB) *openapi3.T {
	doc, err := openapi3.NewLoader().LoadFromFile(specFile)
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range specBugs {
		if b.present(doc) {
			b.patch(doc)
		}
	}
	return doc
}

func contains(s, sub string) bool { return strings.Contains(s, sub) }

// route is the spec's operation for method and path template.
func route(doc *openapi3.T, method, tmpl string) (*routers.Route, bool) {
	item := doc.Paths.Value(tmpl)
	if item == nil {
		return nil, false
	}
	op := item.GetOperation(method)
	if op == nil {
		return nil, false
	}
	return &routers.Route{Spec: doc, Path: tmpl, PathItem: item, Method: method, Operation: op}, true
}

// filterOptions are the validator's settings: every documented status is
// enforced and security is the sandbox's own business (its tokens are
// checked by the pipeline tests).
func filterOptions() *openapi3filter.Options {
	return &openapi3filter.Options{
		AuthenticationFunc:    openapi3filter.NoopAuthenticationFunc,
		IncludeResponseStatus: true,
		MultiError:            true,
		// Formats (date-time, int32, and uuid, which kin-openapi leaves
		// optional) are checked, not only noted.
		SchemaValidationOptions: []openapi3.SchemaValidationOption{openapi3.EnableFormatValidation(),
			openapi3.WithStringFormatValidator("uuid", openapi3.NewRegexpFormatValidator(openapi3.FormatOfStringForUUIDOfRFC9562))},
	}
}
