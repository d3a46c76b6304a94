package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/dinero-tui/dinero-tui/api"
	"github.com/dinero-tui/dinero-tui/api/catalog"
	"github.com/dinero-tui/dinero-tui/config"
	"github.com/dinero-tui/dinero-tui/sandbox"
	"github.com/dinero-tui/dinero-tui/sandbox/sandboxtest"
	"github.com/dinero-tui/dinero-tui/ui/history"
)

var tutorialCollection = filepath.Join("..", "api", "catalog", "testdata", "tutorial.postman_collection.json")

// arrival is one request as it reached the sandbox.
type arrival struct {
	method, path, rawQuery string
	header                 http.Header
	body                   []byte
}

// recordingSandbox starts the sandbox behind a proxy that records what
// arrives, logs in to it, and returns the proxy's URL.
func recordingSandbox(t *testing.T) (string, func() []arrival) {
	t.Helper()
	sb := sandboxtest.Start(t, sandbox.Options{AutoApprove: true, Seed: 3})
	hc := sandboxtest.BearerClient(sandboxtest.AccessToken(t, sb))
	old := apiHTTPClient
	apiHTTPClient = func(env *Env, p config.Profile) (*http.Client, func(string), error) { return hc, func(string) {}, nil }
	t.Cleanup(func() { apiHTTPClient = old })
	target, _ := url.Parse(sb.APIURL)
	proxy := httputil.NewSingleHostReverseProxy(target)
	var mu sync.Mutex
	var got []arrival
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		r.Body = io.NopCloser(bytes.NewReader(body))
		mu.Lock()
		got = append(got, arrival{r.Method, r.URL.Path, r.URL.RawQuery, r.Header.Clone(), body})
		mu.Unlock()
		proxy.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	return srv.URL, func() []arrival {
		mu.Lock()
		defer mu.Unlock()
		out := got
		got = nil
		return out
	}
}

// writeEnvironment writes a Postman environment export with values.
func writeEnvironment(t *testing.T, values map[string]string) string {
	t.Helper()
	type kv struct {
		Key     string `json:"key"`
		Value   string `json:"value"`
		Enabled bool   `json:"enabled"`
	}
	doc := struct {
		Name   string `json:"name"`
		Values []kv   `json:"values"`
	}{Name: "test"}
	for k, v := range values {
		doc.Values = append(doc.Values, kv{k, v, true})
	}
	doc.Values = append(doc.Values, kv{"statusFilter", "ignored", false})
	b, _ := json.Marshal(doc)
	path := filepath.Join(t.TempDir(), "env.postman_environment.json")
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestCollectionRequestsArriveAsPostmanSendsThem sends every request of
// the tutorial collection through `dinero-tui api` and checks, request by
// request, the query, headers and body the sandbox receives. The API base
// comes from the environment's baseUrl (nothing else sets it).
func TestCollectionRequestsArriveAsPostmanSendsThem(t *testing.T) {
	base, arrivals := recordingSandbox(t)
	envFile := writeEnvironment(t, map[string]string{"baseUrl": base, "organizationId": carpenter, "invoiceFields": "Guid,Number",
		"clientSecret": "CANARY-env-secret-41d9"})
	upload := filepath.Join(t.TempDir(), "receipt.pdf")
	os.WriteFile(upload, []byte("%PDF-1.4 receipt"), 0o600)
	guid := `[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}`
	tests := []struct {
		op       string
		args     []string
		method   string
		path     string
		query    string
		header   map[string]string // value regexp; "" = absent
		body     string            // regexp
		bodyForm []string          // multipart parts name|filename|content
	}{
		{op: "get-v1-organizations", method: "GET", path: "/v1/organizations", query: "fields=Name,Id,IsPro",
			header: map[string]string{"Accept": "^application/json$", "Authorization": "^Bearer .+"}},
		{op: "get-v1-organizations", args: []string{"-f", "showInactive=true"}, method: "GET", path: "/v1/organizations",
			query: "fields=Name,Id,IsPro&showInactive=true"},
		{op: "get-v1-countries", method: "GET", path: "/v1/countries", header: map[string]string{"Authorization": ""}},
		{op: "get-v1-organizationid-invoices", method: "GET", path: "/v1/" + carpenter + "/invoices",
			query:  "page=0&pageSize=5&fields=Guid,Number&statusFilter=Draft,Booked",
			header: map[string]string{"X-Client-Reference": `^tutorial \d{1,4}$`, "X-Debug": "", "Authorization": "^Bearer .+"}},
		{op: "get-v1-organizationid-invoices-guid", args: []string{"-f", "guid=6f2a1c3e-0000-4000-8000-00000000abcd"}, method: "GET",
			path: "/v1/" + carpenter + "/invoices/6f2a1c3e-0000-4000-8000-00000000abcd"},
		{op: "post-v1-organizationid-invoices", args: []string{"-f", "contactGuid=c0ffee00-0000-4000-8000-000000000001"}, method: "POST",
			path: "/v1/" + carpenter + "/invoices", header: map[string]string{"Content-Type": "^application/json$"},
			body: `^\{\n  "ContactGuid": "c0ffee00-0000-4000-8000-000000000001",\n  "ExternalReference": "` + guid + `",\n  "Description": "Tutorial invoice",`},
		{op: "post-v1-organizationid-contacts", method: "POST", path: "/v1/" + carpenter + "/contacts",
			header: map[string]string{"Content-Type": "^application/x-www-form-urlencoded$"}, body: `^Name=Tutorial\+%26\+Sons&CountryKey=DK$`},
		{op: "post-v1-organizationid-files", args: []string{"-f", "file=" + upload}, method: "POST", path: "/v1/" + carpenter + "/files",
			header:   map[string]string{"Content-Type": "^multipart/form-data; boundary=.+"},
			bodyForm: []string{"file|receipt.pdf|%PDF-1.4 receipt", `note||uploaded \d{10}`}},
	}
	for _, tt := range tests {
		t.Run(tt.op+strings.Join(tt.args, " "), func(t *testing.T) {
			args := append([]string{"api", "--collection", tutorialCollection, "--environment", envFile, "--yes", tt.op}, tt.args...)
			r := runCmd(t, "", "", false, nil, args...)
			if strings.Contains(r.stdout+r.stderr, "CANARY") {
				t.Fatalf("the environment's secret was printed: %q %q", r.stdout, r.stderr)
			}
			got := arrivals()
			if len(got) != 1 {
				t.Fatalf("%d requests arrived (exit %d, stderr %q)", len(got), r.code, r.stderr)
			}
			a := got[0]
			if a.method != tt.method || a.path != tt.path || a.rawQuery != tt.query {
				t.Errorf("arrived %s %s ? %q, want %s %s ? %q", a.method, a.path, a.rawQuery, tt.method, tt.path, tt.query)
			}
			for k, want := range tt.header {
				v := a.header.Get(k)
				if want == "" && v != "" || want != "" && !regexp.MustCompile(want).MatchString(v) {
					t.Errorf("header %s = %q, want %q", k, v, want)
				}
			}
			if tt.body != "" && !regexp.MustCompile(tt.body).Match(a.body) {
				t.Errorf("body %q does not match %q", a.body, tt.body)
			}
			if tt.bodyForm != nil {
				checkParts(t, a, tt.bodyForm)
			}
		})
	}
	// an undefined variable is asked for, never sent in braces
	r := runCmd(t, "", "", false, nil, "api", "--collection", tutorialCollection, "--environment", envFile, "--yes", "post-v1-organizationid-invoices")
	if r.code != 2 || !strings.Contains(r.stderr, "contactGuid") || len(arrivals()) != 0 {
		t.Errorf("without contactGuid: exit %d stderr %q", r.code, r.stderr)
	}
}

func checkParts(t *testing.T, a arrival, want []string) {
	t.Helper()
	_, params, err := mime.ParseMediaType(a.header.Get("Content-Type"))
	if err != nil {
		t.Fatal(err)
	}
	mr := multipart.NewReader(bytes.NewReader(a.body), params["boundary"])
	var got []string
	for {
		p, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(p)
		got = append(got, p.FormName()+"|"+p.FileName()+"|"+string(b))
	}
	if len(got) != len(want) {
		t.Fatalf("parts %q, want %q", got, want)
	}
	for i := range want {
		if !regexp.MustCompile("^" + want[i] + "$").MatchString(got[i]) {
			t.Errorf("part %d = %q, want %q", i, got[i], want[i])
		}
	}
}

// TestHistoryExportImportSendsTheSameBytes: requests sent from the
// explorer (built-in operations and Postman ones), exported with `history
// export --postman` and sent again from the export with `api --collection`,
// arrive byte for byte as the first time.
func TestHistoryExportImportSendsTheSameBytes(t *testing.T) {
	base, arrivals := recordingSandbox(t)
	hc, _, _ := apiHTTPClient(nil, config.Profile{})
	org := map[string]string{"organizationId": carpenter}
	entries := []history.Entry{
		{Name: "List invoices", OperationID: "invoices.list", Method: "GET", Path: "/v1/{organizationId}/invoices", PathParams: org,
			Query: map[string][]string{"page": {"0"}, "pageSize": {"5"}, "fields": {"Guid,Number,Description"}}},
		{Name: "Get contact", Method: "GET", Path: "/v1/{organizationId}/contacts/{contactGuid}",
			PathParams: map[string]string{"organizationId": carpenter, "contactGuid": "6f2a1c3e-0000-4000-8000-00000000abcd"}},
		{Name: "Create contact", OperationID: "contacts.create", Method: "POST", Path: "/v1/{organizationId}/contacts", PathParams: org,
			Body: "{\n  \"Name\": \"Round Trip ApS\",\n  \"CountryKey\": \"DK\",\n  \"IsPerson\": false\n}"},
		{Name: "List Organizations (Postman)", Method: "GET", Path: "/v1/organizations", RawQuery: "fields=Name,Id&showInactive=true",
			Query: map[string][]string{"fields": {"Name,Id"}, "showInactive": {"true"}}},
		{Name: "Create contact (form)", Method: "POST", Path: "/v1/{organizationId}/contacts", PathParams: org,
			Body: "Name=A+%26+B&CountryKey=DK", ContentType: "application/x-www-form-urlencoded"},
	}
	client := api.NewClient(hc, base)
	state := t.TempDir()
	store, err := history.Open(history.Path(filepath.Join(state, "dinero-tui"), "default"))
	if err != nil {
		t.Fatal(err)
	}
	first := map[string]arrival{}
	for _, e := range entries { // as the explorer's backend sends them
		r := api.Request{Method: e.Method, Path: e.Path, PathParams: e.PathParams, Query: e.Query, RawQuery: e.RawQuery,
			Body: []byte(e.Body), ContentType: e.ContentType}
		if e.RawQuery != "" {
			r.Query = nil
		}
		if e.Body == "" {
			r.Body = nil
		}
		client.Do(context.Background(), r)
		got := arrivals()
		if len(got) != 1 {
			t.Fatalf("%s: %d arrivals", e.Name, len(got))
		}
		first[e.Name] = got[0]
		if err := store.Add(e); err != nil {
			t.Fatal(err)
		}
	}
	export := filepath.Join(t.TempDir(), "history.postman_collection.json")
	env := map[string]string{"XDG_STATE_HOME": state, "DINERO_ORG_ID": carpenter}
	if r := runCmd(t, base, "", false, env, "history", "export", "--postman", export); r.code != 0 {
		t.Fatalf("export: %d %q", r.code, r.stderr)
	}
	cat, skipped, err := catalog.Load(export)
	if err != nil || len(skipped) > 0 {
		t.Fatalf("import the export: %v %v", err, skipped)
	}
	if len(cat.All()) != len(entries) || cat.Groups[0].Name != "Invoices" {
		t.Errorf("export has %d requests, first folder %q", len(cat.All()), cat.Groups[0].Name)
	}
	for _, op := range cat.All() {
		r := runCmd(t, base, "", false, env, "api", "--collection", export, "--yes", op.ID)
		got := arrivals()
		want, ok := first[op.Name]
		if !ok || len(got) != 1 {
			t.Fatalf("%s: %d arrivals (%q)", op.Name, len(got), r.stderr)
		}
		a := got[0]
		if a.method != want.method || a.path != want.path || a.rawQuery != want.rawQuery || !bytes.Equal(a.body, want.body) ||
			a.header.Get("Content-Type") != want.header.Get("Content-Type") || a.header.Get("Accept") != want.header.Get("Accept") {
			t.Errorf("%s arrived as %s %s?%s %q (%s), first time %s %s?%s %q (%s)", op.Name, a.method, a.path, a.rawQuery, a.body,
				a.header.Get("Content-Type"), want.method, want.path, want.rawQuery, want.body, want.header.Get("Content-Type"))
		}
	}
}
