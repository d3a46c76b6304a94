package cli

import (
	"encoding/xml"
	"io"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// runCollectionJSON is a Dinero-style Postman v2.1 collection: a Mixed
// folder as in Dinero's tutorial, a nested Invoices folder with one
// request that fails (an invoice that does not exist), and a write.
const runCollectionJSON = `{
  "info": {"name": "Dinero API", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
  "variable": [{"key": "baseUrl", "value": "https://api.dinero.dk"}],
  "item": [
    {"name": "Mixed", "item": [
      {"name": "List Organizations", "request": {"method": "GET", "url": "{{baseUrl}}/v1/organizations?fields=Name,Id,IsPro"}}
    ]},
    {"name": "Sales", "item": [
      {"name": "Invoices", "item": [
        {"name": "List invoices", "request": {"method": "GET", "url": {
          "raw": "{{baseUrl}}/v1/{{organizationId}}/invoices?fields=Guid,Number&pageSize=5",
          "host": ["{{baseUrl}}"], "path": ["v1", "{{organizationId}}", "invoices"],
          "query": [{"key": "fields", "value": "Guid,Number"}, {"key": "pageSize", "value": "5"}]}}},
        {"name": "Get missing invoice", "request": {"method": "GET", "url": "{{baseUrl}}/v1/{{organizationId}}/invoices/{{invoiceGuid}}"}},
        {"name": "Create contact", "request": {"method": "POST", "url": "{{baseUrl}}/v1/{{organizationId}}/contacts",
          "body": {"mode": "raw", "raw": "{\"Name\": \"{{contactName}}\", \"CountryKey\": \"DK\", \"IsPerson\": false, \"IsMember\": false, \"UseCvr\": false}",
          "options": {"raw": {"language": "json"}}}}}
      ]}
    ]}
  ]
}`

const runEnvironmentJSON = `{
  "name": "Dinero sandbox",
  "values": [
    {"key": "invoiceGuid", "value": "00000000-0000-4000-8000-00000000dead", "enabled": true},
    {"key": "contactName", "value": "Run Test ApS", "enabled": true},
    {"key": "clientSecret", "value": "canary-secret-in-env", "enabled": true},
    {"key": "organizationId", "value": "1", "enabled": false}
  ]
}`

func runFiles(t *testing.T) (collection, environment, dir string) {
	dir = t.TempDir()
	collection = filepath.Join(dir, "dinero.postman_collection.json")
	environment = filepath.Join(dir, "sandbox.postman_environment.json")
	for p, body := range map[string]string{collection: runCollectionJSON, environment: runEnvironmentJSON} {
		if err := os.WriteFile(p, []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	return collection, environment, dir
}

func TestRunCollectionAgainstTheSandbox(t *testing.T) {
	apiURL := apiSandbox(t, 20)
	coll, envFile, dir := runFiles(t)
	junit := filepath.Join(dir, "report.xml")
	vars := map[string]string{"DINERO_ORG_ID": carpenter}
	r := runCmd(t, apiURL, "", false, vars, "run", coll, "--environment", envFile, "--junit", junit)
	if r.code != 1 {
		t.Fatalf("exit %d, want 1 (one 404); stdout:\n%s\nstderr: %s", r.code, r.stdout, r.stderr)
	}
	for _, want := range []string{
		"Mixed\n", "ok     GET    List Organizations", "  200  /v1/organizations  ",
		"Sales / Invoices\n", "List invoices", "/v1/{organizationId}/invoices  ",
		"FAIL   GET    Get missing invoice", "  404  /v1/{organizationId}/invoices/{invoiceGuid}",
		"skip   POST   Create contact", "add --yes",
		"4 requests in ", "2 passed, 1 failed, 1 skipped",
	} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("stdout lacks %q:\n%s", want, r.stdout)
		}
	}
	report, err := os.ReadFile(junit)
	if err != nil {
		t.Fatal(err)
	}
	var suites struct {
		Tests    int `xml:"tests,attr"`
		Failures int `xml:"failures,attr"`
		Skipped  int `xml:"skipped,attr"`
		Suites   []struct {
			Name  string `xml:"name,attr"`
			Cases []struct {
				Name    string `xml:"name,attr"`
				Failure *struct {
					Type string `xml:"type,attr"`
				} `xml:"failure"`
			} `xml:"testcase"`
		} `xml:"testsuite"`
	}
	if err := xml.Unmarshal(report, &suites); err != nil {
		t.Fatalf("JUnit report: %v\n%s", err, report)
	}
	if suites.Tests != 4 || suites.Failures != 1 || suites.Skipped != 1 || len(suites.Suites) != 2 ||
		suites.Suites[1].Name != "Sales / Invoices" || suites.Suites[1].Cases[1].Failure == nil ||
		suites.Suites[1].Cases[1].Failure.Type != "HTTP 404" {
		t.Errorf("JUnit report:\n%s", report)
	}
	for name, text := range map[string]string{"stdout": r.stdout, "stderr": r.stderr, "junit": string(report)} {
		if strings.Contains(text, "canary-secret") {
			t.Errorf("the environment's secret reached %s", name)
		}
	}

	// The folder alone, with writes allowed: the contact is created.
	r = runCmd(t, apiURL, "", false, vars, "run", coll, "--environment", envFile, "--folder", "invoices", "--yes")
	if r.code != 1 || !strings.Contains(r.stdout, "3 requests") || strings.Contains(r.stdout, "List Organizations") {
		t.Fatalf("--folder: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if !strings.Contains(r.stdout, "ok     POST   Create contact") {
		t.Errorf("the write was not sent with --yes:\n%s", r.stdout)
	}
	list := runCmd(t, apiURL, "", false, vars, "api", "/v1/{organizationId}/contacts", "--paginate")
	if !strings.Contains(list.stdout, "Run Test ApS") {
		t.Errorf("created contact not found: %.600s %s", list.stdout, list.stderr)
	}

	// Only reads that pass: exit 0.
	r = runCmd(t, apiURL, "", false, vars, "run", coll, "--folder", "Mixed")
	if r.code != 0 || !strings.Contains(r.stdout, "1 passed, 0 failed, 0 skipped") {
		t.Errorf("Mixed: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
}

func TestRunBadUse(t *testing.T) {
	coll, envFile, dir := runFiles(t)
	bad := filepath.Join(dir, "bad.json")
	os.WriteFile(bad, []byte(`{"values": 3}`), 0o600)
	tests := []struct {
		name string
		args []string
		msg  string
	}{
		{"no file", []string{"run"}, "give one collection FILE"},
		{"missing collection", []string{"run", filepath.Join(dir, "nope.json")}, "no such file"},
		{"unknown folder", []string{"run", coll, "--folder", "Nope"}, `no folder "Nope" in the collection; its folders are: Mixed, Sales / Invoices`},
		{"bad environment", []string{"run", coll, "--environment", bad}, "not a Postman environment"},
		{"environment is not there", []string{"run", coll, "--environment", filepath.Join(dir, "x.json")}, "opening the environment"},
		{"bad org", []string{"run", coll, "--org", "abc", "--environment", envFile}, "--org must be"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runCmd(t, "http://127.0.0.1:9", "", false, nil, tt.args...)
			if r.code != 2 || !strings.Contains(r.stderr, tt.msg) {
				t.Errorf("exit %d, stderr %q; want 2 and %q", r.code, r.stderr, tt.msg)
			}
		})
	}
}

// postmanBodiesJSON holds requests whose bodies and auth Postman sends in
// its own way: a noauth request, a urlencoded body, a text body and a
// formdata body.
const postmanBodiesJSON = `{
  "info": {"name": "Bodies", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
  "item": [
    {"name": "Orgs without auth", "request": {"method": "GET", "auth": {"type": "noauth"},
      "url": "{{baseUrl}}/v1/organizations?fields=Name&off=1",
      "header": [{"key": "X-Trace", "value": "{{contactName}}"}, {"key": "X-Off", "value": "no", "disabled": true}]}},
    {"name": "Contact as form", "request": {"method": "POST", "url": "{{baseUrl}}/v1/{{organizationId}}/contacts",
      "body": {"mode": "urlencoded", "urlencoded": [{"key": "Name", "value": "{{contactName}}"}, {"key": "Off", "value": "x", "disabled": true}]}}},
    {"name": "Contact as text", "request": {"method": "POST", "url": "{{baseUrl}}/v1/{{organizationId}}/contacts",
      "body": {"mode": "raw", "raw": "{\"Name\": \"{{contactName}}\"}"}}},
    {"name": "Contact as formdata", "request": {"method": "POST", "url": "{{baseUrl}}/v1/{{organizationId}}/contacts",
      "body": {"mode": "formdata", "formdata": [{"key": "Name", "value": "{{contactName}}", "type": "text"}]}}}
  ]
}`

type wireRequest struct {
	method, uri, contentType, body string
	authorized                     bool
	header                         http.Header
}

// TestRunSendsWhatPostmanSends puts a recorder between run and the sandbox
// and checks what reached the wire: no token for noauth, enabled headers
// and query only, each body in its mode with Postman's Content-Type (which
// Dinero then refuses, as it would from Postman).
func TestRunSendsWhatPostmanSends(t *testing.T) {
	target, err := url.Parse(apiSandbox(t, 0))
	if err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	var seen []wireRequest
	proxy := httputil.NewSingleHostReverseProxy(target)
	rec := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		r.Body = io.NopCloser(strings.NewReader(string(body)))
		mu.Lock()
		seen = append(seen, wireRequest{r.Method, r.URL.RequestURI(), r.Header.Get("Content-Type"), string(body),
			r.Header.Get("Authorization") != "", r.Header.Clone()})
		mu.Unlock()
		proxy.ServeHTTP(w, r)
	}))
	t.Cleanup(rec.Close)
	_, envFile, dir := runFiles(t)
	coll := filepath.Join(dir, "bodies.postman_collection.json")
	if err := os.WriteFile(coll, []byte(postmanBodiesJSON), 0o600); err != nil {
		t.Fatal(err)
	}
	r := runCmd(t, rec.URL, "", false, map[string]string{"DINERO_ORG_ID": carpenter}, "run", coll, "--environment", envFile, "--yes")
	if r.code != 1 || !strings.Contains(r.stdout, "4 requests") || !strings.Contains(r.stdout, "0 passed, 4 failed, 0 skipped") {
		t.Fatalf("exit %d:\n%s%s", r.code, r.stdout, r.stderr)
	}
	for _, want := range []string{"401", "415"} {
		if !strings.Contains(r.stdout, "  "+want+"  ") {
			t.Errorf("stdout lacks HTTP %s:\n%s", want, r.stdout)
		}
	}
	if len(seen) != 4 {
		t.Fatalf("%d requests reached the API, want 4: %+v", len(seen), seen)
	}
	orgs, form, text, multi := seen[0], seen[1], seen[2], seen[3]
	if orgs.authorized || orgs.uri != "/v1/organizations?fields=Name&off=1" || orgs.header.Get("X-Trace") != "Run Test ApS" ||
		orgs.header.Get("X-Off") != "" {
		t.Errorf("noauth request: %+v", orgs)
	}
	contacts := "/v1/" + carpenter + "/contacts"
	if !form.authorized || form.uri != contacts || form.contentType != "application/x-www-form-urlencoded" || form.body != "Name=Run+Test+ApS" {
		t.Errorf("urlencoded request: %+v", form)
	}
	if !text.authorized || text.contentType != "text/plain" || text.body != `{"Name": "Run Test ApS"}` {
		t.Errorf("text request: %+v", text)
	}
	if !strings.HasPrefix(multi.contentType, "multipart/form-data; boundary=") ||
		!strings.Contains(multi.body, "name=\"Name\"\r\n\r\nRun Test ApS\r\n") {
		t.Errorf("formdata request: %+v", multi)
	}
}
