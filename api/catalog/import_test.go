package catalog

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestPostmanCollectionImportsCompletely(t *testing.T) {
	c, skipped, err := Load(filepath.Join("testdata", "dinero.postman_collection.json"))
	if err != nil {
		t.Fatal(err)
	}
	if len(skipped) > 0 {
		t.Errorf("skipped: %v", skipped)
	}
	var groups []string
	for _, g := range c.Groups {
		groups = append(groups, g.Name)
	}
	if strings.Join(groups, ",") != "Organizations,Sales / Invoices,Dinero test collection" {
		t.Errorf("groups = %v", groups)
	}
	want := map[string]struct{ method, path string }{
		"List organizations": {"GET", "/v1/organizations"},
		"List invoices":      {"GET", "/v1/{organizationId}/invoices"},
		"Create invoice":     {"POST", "/v1/{organizationId}/invoices"},
		"Book invoice":       {"POST", "/v1/{organizationId}/invoices/{guid}/book"},
		"Upload file":        {"POST", "/v1/{organizationId}/files"},
		"Countries":          {"GET", "/v1/countries"},
	}
	all := c.All()
	if len(all) != len(want) {
		t.Errorf("%d operations, want %d", len(all), len(want))
	}
	byName := map[string]Operation{}
	for _, op := range all {
		byName[op.Name] = op
		w, ok := want[op.Name]
		if !ok || op.Method != w.method || op.Path != w.path {
			t.Errorf("%q: %s %s", op.Name, op.Method, op.Path)
		}
		if op.ID == "" {
			t.Errorf("%q has no id", op.Name)
		}
	}
	list := byName["List invoices"]
	if !list.Paged || len(list.Query) != 3 || list.Query[2].Value != "Guid,Number" || !list.Query[2].Enabled || list.Query[2].Description != "What to return" {
		t.Errorf("List invoices = %+v", list)
	}
	if len(list.PathParams) != 1 || list.PathParams[0].Name != "organizationId" {
		t.Errorf("path params = %+v", list.PathParams)
	}
	create := byName["Create invoice"]
	if !create.Write || !strings.Contains(create.Body, `"Description":"Consulting"`) || !strings.Contains(create.Body, "{{contactGuid}}") ||
		len(create.Vars) != 1 || create.Vars[0].Name != "contactGuid" || !create.Vars[0].Required {
		t.Errorf("Create invoice body = %q", create.Body)
	}
	if byName["Upload file"].BodyType != "multipart/form-data" {
		t.Errorf("upload body type = %q", byName["Upload file"].BodyType)
	}
	if book := byName["Book invoice"]; len(book.PathParams) != 2 {
		t.Errorf("book path params = %+v", book.PathParams)
	}
}

func TestMinimalOpenAPI(t *testing.T) {
	doc := `{"openapi":"3.0.1","tags":[{"name":"B"},{"name":"A"}],
	"components":{"schemas":{"Note":{"type":"object","required":["Text"],"properties":{"Text":{"type":"string"},"X":{"type":"integer"}}},
	  "Status":{"type":"string","enum":["Open","Closed"]}}},
	"paths":{
	  "/v1/{organizationId}/notes":{
	    "parameters":[{"name":"organizationId","in":"path","schema":{"type":"string"}}],
	    "get":{"tags":["A"],"summary":"List notes","parameters":[{"name":"status","in":"query","schema":{"$ref":"#/components/schemas/Status"}},{"name":"page","in":"query","schema":{"type":"integer","default":0}},{"name":"pageSize","in":"query","schema":{"type":"integer"}}],
	      "responses":{"200":{"content":{"application/json":{"schema":{"type":"object","properties":{"Collection":{"type":"array"}}}}}}}},
	    "post":{"tags":["B"],"operationId":"notes.create","requestBody":{"content":{"application/json":{"schema":{"$ref":"#/components/schemas/Note"}}}}}
	  },
	  "/v1/broken": 7,
	  "/v1/x": {"get": "nope", "put": {"parameters":[{"in":"query"}]}}
	}}`
	c, skipped, err := Parse([]byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	if len(skipped) != 3 {
		t.Errorf("skipped = %q", skipped)
	}
	if c.Groups[0].Name != "B" || c.Groups[1].Name != "A" {
		t.Errorf("group order = %s, %s", c.Groups[0].Name, c.Groups[1].Name)
	}
	post, ok := c.ByID("notes.create")
	if !ok || post.Body != "{\n  \"Text\": \"\"\n}" || len(post.PathParams) != 1 {
		t.Errorf("post = %+v", post)
	}
	list := c.Groups[1].Operations[0]
	if !list.Paged || list.Query[0].Enum[1] != "Closed" || list.Query[1].Type != "integer" || list.Query[1].Default != "0" {
		t.Errorf("list = %+v", list)
	}
}

func TestBadFiles(t *testing.T) {
	tests := []struct{ name, body, want string }{
		{"not json", "hello", "not valid JSON"},
		{"array", "[]", "not a JSON object"},
		{"swagger 2", `{"swagger":"2.0","paths":{}}`, "only OpenAPI 3"},
		{"postman v1", `{"info":{"schema":"https://schema.getpostman.com/json/collection/v1.0.0/collection.json"},"item":[]}`, "format v1, which is not supported"},
		{"postman v1 requests", `{"name":"old","order":[],"requests":[{"url":"x"}]}`, "Export > Collection v2.1"},
		{"environment", `{"name":"env","values":[{"key":"a","value":"b"}]}`, "--environment"},
		{"unknown", `{"name":"x"}`, "neither a Postman"},
		{"empty postman", `{"info":{"name":"x"},"item":[]}`, "no requests"},
		{"openapi no paths", `{"openapi":"3.0.0"}`, "no requests"},
		{"trailing", `{"item":[]} {}`, "not valid JSON"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := Parse([]byte(tt.body))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v, want %q", err, tt.want)
			}
		})
	}
	if _, _, err := Load(filepath.Join(t.TempDir(), "missing.json")); err == nil {
		t.Error("missing file loaded")
	}
}

func TestPartialPostmanReportsSkips(t *testing.T) {
	doc := `{"info":{"name":"P"},"item":[
	  {"name":"ok","request":{"method":"GET","url":"https://api.dinero.dk/v1/countries"}},
	  {"name":"no url","request":{"method":"GET"}},
	  {"name":"weird","request":{"method":"TRACE","url":"/x"}},
	  {"name":"empty"},
	  5,
	  {"name":"F","item":[{"name":"inner","request":{"url":{"path":["v1",":organizationId","products"]}}}]}
	]}`
	c, skipped, err := Parse([]byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	if c.Len() != 2 || len(skipped) != 4 {
		t.Errorf("%d ops, skipped %q", c.Len(), skipped)
	}
	inner := c.Groups[1].Operations[0]
	if inner.Path != "/v1/{organizationId}/products" || inner.Method != "GET" {
		t.Errorf("inner = %s %s", inner.Method, inner.Path)
	}
}

func FuzzParse(f *testing.F) {
	seed, err := os.ReadFile(filepath.Join("testdata", "dinero.postman_collection.json"))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(seed)
	tutorial, err := os.ReadFile(filepath.Join("testdata", "tutorial.postman_collection.json"))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(tutorial)
	f.Add([]byte(`{"info":{"schema":"https://schema.getpostman.com/json/collection/v2.0.0/collection.json"},"auth":{"type":"oauth2","oauth2":{"clientId":"{{c}}"}},"item":[{"name":"a","request":{"url":"{{h}}/v1/{{$guid}}/:x?q={{u}}&r={{$timestamp}}","method":"POST","header":"A: {{u}}","body":{"mode":"urlencoded","urlencoded":[{"key":"{{k}}","value":"{{$randomInt}}"}]}}}]}`))
	f.Add([]byte(`{"openapi":"3.1.0","paths":{"/v1/{a}":{"get":{"tags":["T"],"parameters":[{"name":"a","in":"path","schema":{"$ref":"#/components/schemas/S"}}],"requestBody":{"$ref":"#/x"}}}},"components":{"schemas":{"S":{"$ref":"#/components/schemas/S"}}}}`))
	f.Add([]byte(`{"item":[{"item":[{"request":"{{baseUrl}}/v1/:id?x={{y}}"}]}],"variable":[{"key":"baseUrl","value":"http://h/p"}]}`))
	f.Add([]byte(`{"openapi":"3.0.0","paths":{"/a":{"post":{"requestBody":{"content":{"application/json":{"schema":{"type":"array","items":{"properties":{"a":{"type":"object","properties":{"b":{"type":"array"}}}}}}}}}}}}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		c, _, err := Parse(data)
		if err != nil {
			return
		}
		if c.Len() == 0 {
			t.Fatal("success with no operations")
		}
		for _, op := range c.All() {
			if op.Method == "" || !strings.HasPrefix(op.Path, "/") || op.ID == "" {
				t.Fatalf("bad operation %+v", op)
			}
			// whatever Prepare lets through carries no {{variable}}
			p, err := Prepare(op, Input{PathParams: map[string]string{"organizationId": "1"}})
			if err != nil {
				continue
			}
			wire := p.Path + "?" + p.RawQuery + "\n" + string(p.Body) + fmt.Sprint(p.Header, p.PathParams, p.Parts)
			if refs := References(wire); len(refs) > 0 {
				t.Fatalf("%v reached the wire: %q", refs, wire)
			}
		}
		c.Find("a b")
	})
}
