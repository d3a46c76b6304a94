package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tidwall/gjson"
)

func TestDiffExitCodesAndForms(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	a := write("a.json", `{"Status":"Draft","Number":null,"Lines":[{"Qty":1}]}`)
	same := write("same.json", "{\n  \"Lines\": [{\"Qty\": 1}], \"Number\": null, \"Status\": \"Draft\"\n}")
	b := write("b.json", `{"Status":"Booked","Number":7,"Lines":[{"Qty":1}],"New":true}`)
	bad := write("bad.json", `{"Status":`)
	tests := []struct {
		name   string
		stdin  string
		args   []string
		code   int
		stdout []string
		stderr string
	}{
		{"equal", "", []string{a, same}, 0, []string{"equal (3 values)"}, ""},
		{"different", "", []string{a, b}, 1, []string{`~ Status  "Draft" → "Booked"`, `~ Number  null → 7`, `+ New  true`, "2 changed, 1 added, 0 removed; 1 values unchanged"}, ""},
		{"stdin as the new side", `{"Status":"Draft","Number":null,"Lines":[{"Qty":2}]}`, []string{a, "-"}, 1, []string{`~ Lines.0.Qty  1 → 2`}, ""},
		{"invalid JSON", "", []string{a, bad}, 2, nil, "bad.json is not valid JSON"},
		{"missing file", "", []string{a, filepath.Join(dir, "nope.json")}, 2, nil, "no such file"},
		{"one file", "", []string{a}, 2, nil, "give two JSON files"},
		{"stdin twice", "", []string{"-", "-"}, 2, nil, "only one"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runCmd(t, "", tt.stdin, false, nil, append([]string{"diff"}, tt.args...)...)
			if r.code != tt.code {
				t.Fatalf("exit %d, want %d; stderr %q", r.code, tt.code, r.stderr)
			}
			for _, w := range tt.stdout {
				if !strings.Contains(r.stdout, w) {
					t.Errorf("stdout lacks %q:\n%s", w, r.stdout)
				}
			}
			if !strings.Contains(r.stderr, tt.stderr) {
				t.Errorf("stderr %q lacks %q", r.stderr, tt.stderr)
			}
		})
	}
	r := runCmd(t, "", "", false, nil, "diff", "--json", a, b)
	if r.code != 1 || !json.Valid([]byte(r.stdout)) {
		t.Fatalf("--json: exit %d, %q", r.code, r.stdout)
	}
	if got := gjson.Get(r.stdout, "changes.#.path").String(); got != `["Status","Number","New"]` {
		t.Errorf("--json paths = %s", got)
	}
}

// TestDiffAroundBook compares an invoice before and after booking it on
// the sandbox, as a developer would with two saved answers.
func TestDiffAroundBook(t *testing.T) {
	apiURL := apiSandbox(t, 30)
	env := map[string]string{"DINERO_ORG_ID": carpenter}
	list := runCmd(t, apiURL, "", false, env, "api", "/v1/{organizationId}/invoices", "-f", "fields=Guid,Status", "-f", "pageSize=500")
	if list.code != 0 {
		t.Fatalf("list: %d %s", list.code, list.stderr)
	}
	guid := gjson.Get(list.stdout, `Collection.#(Status=="Draft").Guid`).String()
	if guid == "" {
		t.Fatalf("no draft invoice in %s", list.stdout[:min(400, len(list.stdout))])
	}
	dir := t.TempDir()
	get := func(name string) string {
		r := runCmd(t, apiURL, "", false, env, "api", "/v1/{organizationId}/invoices/"+guid)
		if r.code != 0 {
			t.Fatalf("get: %d %s", r.code, r.stderr)
		}
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(r.stdout), 0o600); err != nil {
			t.Fatal(err)
		}
		return r.stdout
	}
	before := get("before.json")
	body := `{"Timestamp":"` + gjson.Get(before, "TimeStamp").String() + gjson.Get(before, "Timestamp").String() + `"}`
	book := runCmd(t, apiURL, body, false, env, "api", "-X", "POST", "/v1/{organizationId}/invoices/"+guid+"/book", "--input", "-", "--yes")
	if book.code != 0 {
		t.Fatalf("book: %d %s", book.code, book.stderr)
	}
	get("after.json")
	r := runCmd(t, "", "", false, nil, "diff", "--json", filepath.Join(dir, "before.json"), filepath.Join(dir, "after.json"))
	if r.code != 1 {
		t.Fatalf("diff exit %d: %s %s", r.code, r.stdout, r.stderr)
	}
	paths := gjson.Get(r.stdout, "changes.#.path").String()
	for _, p := range []string{`"Status"`, `"Number"`, `"TimeStamp"`} {
		if !strings.Contains(paths, p) {
			t.Errorf("changed paths %s lack %s", paths, p)
		}
	}
	if gjson.Get(r.stdout, `changes.#(path=="Status").old`).String() != "Draft" || gjson.Get(r.stdout, `changes.#(path=="Status").new`).String() == "Draft" {
		t.Errorf("Status change: %s", r.stdout)
	}
}
