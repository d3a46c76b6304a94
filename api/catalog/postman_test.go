package catalog

import (
	"io"
	"mime"
	"mime/multipart"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

var tutorialTime = time.Date(2026, 12, 3, 10, 4, 5, 678e6, time.UTC)

func loadTutorial(t *testing.T, withEnv bool) *Catalog {
	t.Helper()
	var env map[string]string
	if withEnv {
		e, err := LoadEnvironment(filepath.Join("testdata", "tutorial.postman_environment.json"))
		if err != nil {
			t.Fatal(err)
		}
		env = e.Values
	}
	c, skipped, err := LoadWith(filepath.Join("testdata", "tutorial.postman_collection.json"), LoadOptions{Environment: env})
	if err != nil || len(skipped) > 0 {
		t.Fatalf("load: %v %v", err, skipped)
	}
	return c
}

func opNamed(t *testing.T, c *Catalog, name string) Operation {
	t.Helper()
	for _, op := range c.All() {
		if op.Name == name {
			return op
		}
	}
	t.Fatalf("no operation %q", name)
	return Operation{}
}

// TestTutorialRequestsAreWhatPostmanSends checks, request by request, the
// method, path, query, headers and body Postman sends for the tutorial
// collection with its environment.
func TestTutorialRequestsAreWhatPostmanSends(t *testing.T) {
	c := loadTutorial(t, true)
	org := map[string]string{"organizationId": "12345"}
	guid := `[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}`
	tests := []struct {
		name       string
		in         Input
		method     string
		path       string
		pathParams map[string]string
		query      string
		header     map[string]string // "" = must be absent
		body       string            // a regexp when it starts with ^
		noAuth     bool
	}{
		{name: "List Organizations", method: "GET", path: "/v1/organizations", query: "fields=Name,Id,IsPro",
			header: map[string]string{"Accept": "application/json", "Content-Type": ""}},
		{name: "List Organizations", in: Input{Query: map[string]string{"showInactive": "true", "fields": "Name"}},
			method: "GET", path: "/v1/organizations", query: "fields=Name&showInactive=true"},
		{name: "Countries (no token)", method: "GET", path: "/v1/countries", noAuth: true},
		{name: "List invoices", in: Input{PathParams: org}, method: "GET", path: "/v1/{organizationId}/invoices", pathParams: org,
			query:  "page=0&pageSize=5&fields=Guid,Number&statusFilter=Draft,Booked",
			header: map[string]string{"X-Client-Reference": "^tutorial [0-9]{1,4}$", "X-Debug": ""}},
		{name: "List invoices", in: Input{PathParams: org, Query: map[string]string{"freeTextSearch": "Hansen & Co #1"}, Header: map[string]string{"X-Debug": "2"}},
			method: "GET", path: "/v1/{organizationId}/invoices", pathParams: org,
			query:  "page=0&pageSize=5&fields=Guid,Number&statusFilter=Draft,Booked&freeTextSearch=Hansen%20%26%20Co%20%231",
			header: map[string]string{"X-Debug": "2"}},
		{name: "Get invoice", in: Input{PathParams: map[string]string{"organizationId": "12345", "guid": "0b5a"}},
			method: "GET", path: "/v1/{organizationId}/invoices/{guid}", pathParams: map[string]string{"organizationId": "12345", "guid": "0b5a"}},
		{name: "Create invoice", in: Input{PathParams: org, Vars: map[string]string{"contactGuid": "c0ffee00-0000-4000-8000-000000000001"}},
			method: "POST", path: "/v1/{organizationId}/invoices", pathParams: org,
			header: map[string]string{"Content-Type": "application/json"},
			body: `^\{\n  "ContactGuid": "c0ffee00-0000-4000-8000-000000000001",\n  "ExternalReference": "` + guid +
				`",\n  "Description": "Tutorial invoice",\n  "ProductLines": \[\{"Description": "Consulting", "Quantity": 1, "AccountNumber": 1000, "Unit": "hours", "BaseAmountValue": 500\}\]\n\}$`},
		{name: "Create contact (form)", in: Input{PathParams: org}, method: "POST", path: "/v1/{organizationId}/contacts", pathParams: org,
			header: map[string]string{"Content-Type": "application/x-www-form-urlencoded"}, body: "Name=Tutorial+%26+Sons&CountryKey=DK"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := prepareAt(opNamed(t, c, tt.name), tt.in, tutorialTime)
			if err != nil {
				t.Fatal(err)
			}
			if p.Method != tt.method || p.Path != tt.path || p.RawQuery != tt.query || p.NoAuth != tt.noAuth {
				t.Errorf("got %s %s ? %q noauth=%v", p.Method, p.Path, p.RawQuery, p.NoAuth)
			}
			for k, v := range tt.pathParams {
				if p.PathParams[k] != v {
					t.Errorf("path param %s = %q, want %q", k, p.PathParams[k], v)
				}
			}
			for k, want := range tt.header {
				got := p.Header.Get(k)
				if strings.HasPrefix(want, "^") && !regexp.MustCompile(want).MatchString(got) || !strings.HasPrefix(want, "^") && got != want {
					t.Errorf("header %s = %q, want %q", k, got, want)
				}
			}
			body := string(p.Body)
			if strings.HasPrefix(tt.body, "^") && !regexp.MustCompile(tt.body).MatchString(body) || !strings.HasPrefix(tt.body, "^") && body != tt.body {
				t.Errorf("body = %q, want %q", body, tt.body)
			}
		})
	}
}

func TestTutorialFormDataBody(t *testing.T) {
	c := loadTutorial(t, true)
	op := opNamed(t, c, "Upload file")
	if op.BodyType != "multipart/form-data" || len(op.Form) != 3 || op.Form[0].Type != "file" || op.Form[2].Enabled {
		t.Fatalf("form = %+v", op.Form)
	}
	file := filepath.Join(t.TempDir(), "receipt.pdf")
	os.WriteFile(file, []byte("%PDF-1.4 test"), 0o600)
	p, err := prepareAt(op, Input{PathParams: map[string]string{"organizationId": "1"}, Form: map[string]string{"file": file}}, tutorialTime)
	if err != nil {
		t.Fatal(err)
	}
	body, ct, err := p.EncodeParts()
	if err != nil {
		t.Fatal(err)
	}
	_, params, _ := mime.ParseMediaType(ct)
	r := multipart.NewReader(strings.NewReader(string(body)), params["boundary"])
	var got []string
	for {
		part, err := r.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(part)
		got = append(got, part.FormName()+"|"+part.FileName()+"|"+part.Header.Get("Content-Type")+"|"+string(b))
	}
	want := []string{"file|receipt.pdf|application/pdf|%PDF-1.4 test", "note|||uploaded " + strconv.FormatInt(tutorialTime.Unix(), 10)}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("parts:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if _, _, err := (Prepared{Parts: []Part{{Name: "file", File: true, Value: filepath.Join(t.TempDir(), "gone.pdf")}}}).EncodeParts(); err == nil {
		t.Error("a missing file encoded")
	}
}

func TestUndefinedVariablesAreFieldsNeverBraces(t *testing.T) {
	c := loadTutorial(t, false)
	create := opNamed(t, c, "Create invoice")
	if len(create.Vars) != 1 || create.Vars[0].Name != "contactGuid" || !create.Vars[0].Required {
		t.Fatalf("vars = %+v", create.Vars)
	}
	_, err := prepareAt(create, Input{PathParams: map[string]string{"organizationId": "1"}}, tutorialTime)
	if err == nil || !strings.Contains(err.Error(), "contactGuid") {
		t.Errorf("err = %v", err)
	}
	get := opNamed(t, c, "Get invoice")
	if get.PathParams[1].Name != "guid" || get.PathParams[1].Default != "" {
		t.Errorf("guid path param = %+v (its {{invoiceGuid}} is undefined)", get.PathParams[1])
	}
	// without the environment, the collection's own fields value is sent
	list := opNamed(t, c, "List invoices")
	p, err := prepareAt(list, Input{PathParams: map[string]string{"organizationId": "1"}}, tutorialTime)
	if err != nil || !strings.Contains(p.RawQuery, "fields=Guid,Number,Description,TotalInclVat&") {
		t.Errorf("query = %q, %v", p.RawQuery, err)
	}
}

func TestDynamicVariables(t *testing.T) {
	vals := map[string]string{}
	for _, name := range []string{"$guid", "$timestamp", "$isoTimestamp", "$randomInt"} {
		out, missing := fill("{{"+name+"}}", nil, tutorialTime)
		if len(missing) > 0 || strings.Contains(out, "{") {
			t.Errorf("%s -> %q %v", name, out, missing)
		}
		vals[name] = out
	}
	if vals["$timestamp"] != strconv.FormatInt(tutorialTime.Unix(), 10) || vals["$isoTimestamp"] != "2026-12-03T10:04:05.678Z" {
		t.Errorf("times = %v", vals)
	}
	if n, err := strconv.Atoi(vals["$randomInt"]); err != nil || n < 0 || n > 1000 {
		t.Errorf("$randomInt = %q", vals["$randomInt"])
	}
	a, _ := fill("{{$guid}}", nil, tutorialTime)
	if a == vals["$guid"] {
		t.Error("two $guid values are equal")
	}
	if _, missing := fill("{{$nope}} {{x}}", nil, tutorialTime); strings.Join(missing, ",") != "$nope,x" {
		t.Errorf("missing = %v", missing)
	}
	if got := Expand("{{a}}", map[string]string{"a": "{{b}}", "b": "c"}); got != "c" {
		t.Errorf("nested = %q", got)
	}
	if got := Expand("{{a}}", map[string]string{"a": "{{a}}"}); got != "{{a}}" {
		t.Errorf("self reference = %q", got)
	}
}

func TestPostmanV20AndInheritance(t *testing.T) {
	doc := `{"info":{"name":"old","schema":"https://schema.getpostman.com/json/collection/v2.0.0/collection.json"},
	"auth":{"type":"oauth2","oauth2":{"clientId":"{{cid}}","authUrl":"https://connect.visma.com/connect/authorize"}},
	"variable":[{"key":"cid","value":"isv_v20"},{"key":"baseUrl","value":"https://api.dinero.dk"}],
	"item":[{"name":"Public","auth":{"type":"noauth"},"header":[{"key":"X-Folder","value":"f"},{"key":"X-Both","value":"folder"}],"item":[
	  {"name":"a","request":{"url":"{{baseUrl}}/v1/organizations?fields=Name","method":"GET","header":"Accept: application/json\nX-Both: request\nAuthorization: Bearer CANARY-token"}},
	  {"name":"b","request":{"url":"{{baseUrl}}/v1/x","method":"GET","auth":{"type":"bearer"}}}
	]}]}`
	c, skipped, err := Parse([]byte(doc))
	if err != nil || len(skipped) > 0 {
		t.Fatal(err, skipped)
	}
	a, b := c.All()[0], c.All()[1]
	if !a.NoAuth || b.NoAuth {
		t.Errorf("noauth a=%v b=%v", a.NoAuth, b.NoAuth)
	}
	p, _ := prepareAt(a, Input{}, tutorialTime)
	if p.RawQuery != "fields=Name" || p.Header.Get("Accept") != "application/json" || p.Header.Get("X-Folder") != "f" || strings.Join(p.Header.Values("X-Both"), ",") != "request" {
		t.Errorf("a = %q %v", p.RawQuery, p.Header)
	}
	if p.Header.Get("Authorization") != "" || len(a.Headers) != 3 {
		t.Errorf("a token header was imported: %v", a.Headers)
	}
	if c.Postman.OAuth2["clientId"] != "{{cid}}" || c.Postman.HostVariable != "baseUrl" {
		t.Errorf("postman info = %+v", c.Postman)
	}
}

func TestPostmanSettings(t *testing.T) {
	c := loadTutorial(t, false)
	e, err := LoadEnvironment(filepath.Join("testdata", "tutorial.postman_environment.json"))
	if err != nil {
		t.Fatal(err)
	}
	s := PostmanSettings(c.Postman, e.Values)
	want := map[string]string{"client-id": "isv_from_collection", "scopes": "dineropublicapi:read dineropublicapi:write offline_access",
		"redirect-uri": PostmanCallback, "connect-url": "https://connect.visma.com", "auth-params": "ui_locales=da-DK",
		"api-url": "https://api.dinero.dk", "client-auth": "body"}
	if len(s.Collection) != len(want) {
		t.Errorf("collection settings keys = %d, want %d", len(s.Collection), len(want))
	}
	for k, v := range want {
		if s.Collection[k] != v {
			t.Errorf("collection %s = %q, want %q", k, s.Collection[k], v)
		}
	}
	if len(s.Environment) != 2 || s.Environment["org"] != "12345" || s.Environment["client-secret"] != "CANARY-env-secret-41d9" {
		t.Errorf("environment settings have %d keys", len(s.Environment))
	}
	s = PostmanSettings(c.Postman, map[string]string{"baseUrl": "http://127.0.0.1:8080/", "connectUrl": "http://127.0.0.1:9090"})
	if s.Environment["api-url"] != "http://127.0.0.1:8080" || s.Environment["connect-url"] != "http://127.0.0.1:9090" {
		t.Errorf("environment overrides = %v", s.Environment)
	}
	// an environment alone, with the tutorial's variable names
	s = PostmanSettings(nil, map[string]string{"clientId": "isv_env", "organizationId": "7", "baseUrl": "https://api.dinero.dk"})
	if s.Environment["client-id"] != "isv_env" || s.Environment["org"] != "7" || s.Environment["api-url"] != "https://api.dinero.dk" {
		t.Errorf("environment alone = %v", s.Environment)
	}
}

func TestParseEnvironment(t *testing.T) {
	tests := []struct{ name, doc, want, err string }{
		{"enabled and disabled", `{"name":"e","values":[{"key":"a","value":"1","enabled":true},{"key":"b","value":"2","enabled":false},{"key":"c","value":3}]}`, "a=1 c=3", ""},
		{"collection", `{"info":{},"item":[]}`, "", "--collection"},
		{"no values", `{"name":"x"}`, "", "no \"values\" list"},
		{"not json", `{"values":[{"key":"secret","value":"CANARY`, "", "not valid JSON"},
		{"array", `[]`, "", "not a Postman environment"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, err := ParseEnvironment([]byte(tt.doc))
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) || strings.Contains(err.Error(), "CANARY") {
					t.Errorf("err = %v, want %q", err, tt.err)
				}
				return
			}
			var got []string
			for _, k := range []string{"a", "b", "c"} {
				if v, ok := e.Values[k]; ok {
					got = append(got, k+"="+v)
				}
			}
			if err != nil || strings.Join(got, " ") != tt.want {
				t.Errorf("got %v %v", got, err)
			}
		})
	}
	e := Environment{Name: "n", Values: map[string]string{"clientSecret": "CANARY"}}
	if s := e.String(); strings.Contains(s, "CANARY") {
		t.Errorf("String leaks: %s", s)
	}
}

func FuzzParseEnvironment(f *testing.F) {
	seed, _ := os.ReadFile(filepath.Join("testdata", "tutorial.postman_environment.json"))
	f.Add(seed)
	f.Add([]byte(`{"values":[{"key":"a","value":{"x":1},"enabled":"yes"},null,7]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		e, err := ParseEnvironment(data)
		if err == nil && e.Values == nil {
			t.Fatal("success without values")
		}
		PostmanSettings(nil, e.Values)
	})
}

func BenchmarkParseTutorialCollection(b *testing.B) {
	data, err := os.ReadFile(filepath.Join("testdata", "tutorial.postman_collection.json"))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := Parse(data); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkPrepare(b *testing.B) {
	c, _, err := Load(filepath.Join("testdata", "tutorial.postman_collection.json"))
	if err != nil {
		b.Fatal(err)
	}
	var op Operation
	for _, o := range c.All() {
		if o.Name == "Create invoice" {
			op = o
		}
	}
	in := Input{PathParams: map[string]string{"organizationId": "1"}, Vars: map[string]string{"contactGuid": "c"}}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Prepare(op, in); err != nil {
			b.Fatal(err)
		}
	}
}
