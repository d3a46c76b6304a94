package demodata

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

func TestGenerateIsDeterministic(t *testing.T) {
	a, _ := json.Marshal(Generate(42, 0))
	b, _ := json.Marshal(Generate(42, 0))
	if !bytes.Equal(a, b) {
		t.Fatal("same seed gave different data")
	}
	c, _ := json.Marshal(Generate(43, 0))
	if bytes.Equal(a, c) {
		t.Fatal("different seeds gave identical data")
	}
}

func TestDemoUserAndOrganizations(t *testing.T) {
	ds := Generate(1, 0)
	var demo *User
	for i := range ds.Users {
		if ds.Users[i].Sub == DemoUserSub {
			demo = &ds.Users[i]
		}
	}
	if demo == nil || !strings.ContainsAny(demo.Name, "æøåÆØÅ") {
		t.Fatalf("demo user missing or without a Danish name: %+v", demo)
	}
	byID := map[int]*Organization{}
	for _, o := range ds.Organizations {
		byID[o.ID] = o
	}
	var pro, paying, notPro int
	for _, id := range demo.OrganizationIDs {
		o := byID[id]
		switch {
		case o.Subscription.HasPayingPro:
			pro, paying = pro+1, paying+1
		case o.Subscription.HasPro:
			pro++
		default:
			notPro++
		}
	}
	if pro < 3 || paying < 2 || notPro < 1 {
		t.Fatalf("demo user reaches %d Pro (%d paying) and %d non-Pro organizations", pro, paying, notPro)
	}
	for _, id := range demo.OrganizationIDs {
		if id == OrgForeign {
			t.Fatal("the demo user must not reach the foreign organization")
		}
	}
	if byID[OrgForeign] == nil || !byID[OrgUnion].IsTaxFreeUnion {
		t.Fatal("foreign org missing or forening not a tax-free union")
	}
}

func TestInvoicesLookReal(t *testing.T) {
	ds := Generate(5, 0)
	o := ds.Organizations[0]
	if len(o.Invoices) != DefaultInvoices {
		t.Fatalf("%d invoices, want %d", len(o.Invoices), DefaultInvoices)
	}
	statuses := map[string]int{}
	for _, inv := range o.Invoices {
		statuses[inv.Status(Anchor.Format("2006-01-02"))]++
		var excl float64
		for _, l := range inv.Lines {
			excl += l.LineTotal()
		}
		if Round2(excl) != inv.TotalExclVat || Round2(inv.TotalExclVat*1.25) != inv.TotalInclVat && Round2(inv.TotalExclVat+inv.TotalVat) != inv.TotalInclVat {
			t.Fatalf("totals do not add up with 25%% moms: %+v", inv)
		}
		if inv.Booked != (inv.Number > 0) {
			t.Fatalf("booked invoices need a number, drafts none: %+v", inv)
		}
	}
	for _, s := range []string{"Draft", "Paid", "Overdue"} {
		if statuses[s] == 0 {
			t.Errorf("no %s invoices: %v", s, statuses)
		}
	}
	all, _ := json.Marshal(ds)
	for _, r := range []string{"æ", "ø", "å"} {
		if !strings.Contains(string(all), r) {
			t.Errorf("demo data has no %q", r)
		}
	}
	if !strings.Contains(string(all), "U25") || len(o.Accounts) < 30 {
		t.Error("chart of accounts or VAT types missing")
	}
}

func TestCVRNumbersPassModulus11(t *testing.T) {
	ds := Generate(9, 0)
	weights := []int{2, 7, 6, 5, 4, 3, 2, 1}
	for _, c := range ds.Organizations[0].Contacts {
		if c.VatNumber == "" {
			continue
		}
		sum := 0
		for i, ch := range c.VatNumber {
			sum += int(ch-'0') * weights[i]
		}
		if len(c.VatNumber) != 8 || sum%11 != 0 {
			t.Fatalf("%s has an invalid CVR %s", c.Name, c.VatNumber)
		}
	}
}

func TestLargeSize(t *testing.T) {
	if testing.Short() {
		t.Skip("large dataset")
	}
	ds := Generate(1, 100000)
	if n := len(ds.Organizations[0].Invoices); n != 100000 {
		t.Fatalf("%d invoices", n)
	}
}

func BenchmarkGenerate100k(b *testing.B) {
	for b.Loop() {
		Generate(1, 100000)
	}
}
