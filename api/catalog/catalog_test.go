package catalog

import (
	"bufio"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// officialSpec is Dinero's OpenAPI file in the shared reference folder; it is
// never part of the repository, so tests that need it skip without it.
var officialSpec = filepath.Join("..", "..", "..", "shared", "reference", "dinero-openapi.json")

func officialOps(t *testing.T) []string {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "official_ops.txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var ops []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if l := strings.TrimSpace(sc.Text()); l != "" && !strings.HasPrefix(l, "#") {
			ops = append(ops, l)
		}
	}
	sort.Strings(ops)
	return ops
}

func keys(c *Catalog) []string {
	var out []string
	for _, op := range c.All() {
		out = append(out, op.Method+" "+op.Path)
	}
	sort.Strings(out)
	return out
}

func sameSet(t *testing.T, what string, got, want []string) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("%s: %d operations, want %d", what, len(got), len(want))
	}
	g := map[string]bool{}
	for _, k := range got {
		g[k] = true
	}
	w := map[string]bool{}
	for _, k := range want {
		w[k] = true
		if !g[k] {
			t.Errorf("%s: missing %s", what, k)
		}
	}
	for _, k := range got {
		if !w[k] {
			t.Errorf("%s: unexpected %s", what, k)
		}
	}
}

func TestBuiltinHasEveryOfficialOperation(t *testing.T) {
	c := Builtin()
	want := officialOps(t)
	if len(want) != 136 {
		t.Fatalf("fixture lists %d operations, want 136", len(want))
	}
	sameSet(t, "built-in", keys(c), want)
	if len(c.Groups) != 24 {
		t.Errorf("%d groups, want 24", len(c.Groups))
	}
	ids := map[string]bool{}
	for _, op := range c.All() {
		if op.ID == "" || ids[op.ID] {
			t.Errorf("%s %s: id %q empty or repeated", op.Method, op.Path, op.ID)
		}
		ids[op.ID] = true
		if op.Name == "" || op.Description == "" || len(op.Description) > 200 {
			t.Errorf("%s: name/description missing or long", op.ID)
		}
		if op.Write != (op.Method != "GET") {
			t.Errorf("%s: Write = %v for %s", op.ID, op.Write, op.Method)
		}
		if op.Paged && (!hasParam(op.Query, "page") || !hasParam(op.Query, "pageSize")) {
			t.Errorf("%s: paged without page/pageSize", op.ID)
		}
		if got, want := len(op.PathParams), len(placeholders(op.Path)); got != want {
			t.Errorf("%s: %d path params for %d placeholders", op.ID, got, want)
		}
		if !strings.HasPrefix(op.Path, "/v") {
			t.Errorf("%s: path %s lacks its version segment", op.ID, op.Path)
		}
	}
	inv, ok := c.ByID("invoices.list")
	if !ok || !inv.Paged || inv.Path != "/v1/{organizationId}/invoices" {
		t.Errorf("invoices.list = %+v, %v", inv, ok)
	}
	book, _ := c.ByID("invoices.book")
	if !strings.Contains(book.Body, `"Timestamp"`) || book.BodyType != "application/json" {
		t.Errorf("invoices.book body = %q", book.Body)
	}
	upd, _ := c.ByID("invoices.update")
	if upd.Path != "/v1.2/{organizationId}/invoices/{guid}" || upd.Method != "PUT" {
		t.Errorf("invoices.update = %s %s", upd.Method, upd.Path)
	}
	// Callers get a copy.
	c.Groups[0].Operations[0].Name = "changed"
	if Builtin().Groups[0].Operations[0].Name == "changed" {
		t.Error("Builtin shares its data with callers")
	}
}

func TestOfficialFileImportsAsTheSameSet(t *testing.T) {
	if _, err := os.Stat(officialSpec); err != nil {
		t.Skip("official OpenAPI file not present")
	}
	c, skipped, err := Load(officialSpec)
	if err != nil {
		t.Fatal(err)
	}
	if len(skipped) > 0 {
		t.Errorf("skipped: %v", skipped)
	}
	sameSet(t, "OpenAPI import", keys(c), officialOps(t))
	// The built-in wording is our own: no name or description equals the file's.
	imported := map[string]Operation{}
	for _, op := range c.All() {
		imported[op.Method+" "+op.Path] = op
	}
	for _, op := range Builtin().All() {
		off := imported[op.Method+" "+op.Path]
		if off.Description != "" && op.Description == off.Description {
			t.Errorf("%s: description copied from the official file", op.ID)
		}
		if op.Paged != off.Paged || op.Body != off.Body || len(op.Query) != len(off.Query) {
			t.Errorf("%s: built-in data differs from the file; regenerate with api/catalog/internal/gen", op.ID)
		}
	}
}

func TestFind(t *testing.T) {
	c := Builtin()
	if got := c.Find(""); len(got) != c.Len() {
		t.Errorf("empty filter: %d", len(got))
	}
	got := c.Find("INVOICE book")
	var ids []string
	for _, op := range got {
		ids = append(ids, op.ID)
		if op.Group == "" {
			t.Errorf("%s has no group", op.ID)
		}
	}
	if !contains(ids, "invoices.book") || contains(ids, "contacts.list") {
		t.Errorf("Find(INVOICE book) = %v", ids)
	}
	if got := c.Find("/v1.2/"); len(got) == 0 {
		t.Error("path filter found nothing")
	}
	if got := c.Find("no-such-thing-at-all"); len(got) != 0 {
		t.Errorf("nonsense filter found %d", len(got))
	}
	if _, ok := c.ByID("nope"); ok {
		t.Error("ByID(nope) found something")
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func TestGroupName(t *testing.T) {
	tests := map[string]string{
		"AccountingYears":               "Accounting years",
		"SalesCreditNotes":              "Sales credit notes",
		"PurchaseVoucherCreditPayments": "Purchase voucher credit payments",
		"Invoices":                      "Invoices",
		"VatTypes":                      "VAT types",
		"Sms":                           "SMS",
		"VATReturns":                    "VAT returns",
		"Sales credit notes":            "Sales credit notes", // a folder name is kept
		"":                              "",
	}
	for in, want := range tests {
		if got := GroupName(in); got != want {
			t.Errorf("GroupName(%q) = %q, want %q", in, got, want)
		}
	}
}
