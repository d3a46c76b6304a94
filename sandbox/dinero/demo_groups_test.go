package dinero

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestDemoHasDataInEveryGroup: in every group (tag) of the catalogue that
// has a GET operation, at least one GET answers non-empty data for the
// demo company, with path parameters taken from the demo data, the way a
// newcomer browses the endpoint picker in `dinero-tui demo`.
func TestDemoHasDataInEveryGroup(t *testing.T) {
	e := newEnv(t, nil)
	o := e.org()
	var pv string
	for _, p := range o.PurchaseVouchers {
		if p.FileGuid != "" && !p.Booked {
			pv = p.FileGuid
		}
	}
	reminded := e.overdue(true)
	params := map[string]string{ // tag/param or param -> value
		"organizationId":                   itoa(pro),
		"accountingYear":                   "2026",
		"Invoices/guid":                    e.bookedInvoice().Guid,
		"SalesCreditNotes/guid":            o.CreditNotes[0].Guid,
		"TradeOffers/guid":                 o.TradeOffers[0].Guid,
		"Contacts/guid":                    reminded.ContactGuid,
		"ContactStateOfAccount/guid":       reminded.ContactGuid,
		"contactGuid":                      o.Contacts[0].Guid,
		"noteGuid":                         "",
		"Products/guid":                    o.Products[0].Guid,
		"ManuelVouchers/guid":              o.ManualVouchers[0].Guid,
		"PurchaseVouchers/guid":            o.PurchaseVouchers[0].Guid,
		"PurchaseCreditNote/guid":          o.PurchaseCreditNotes[0].Guid,
		"PurchaseVoucherCreditPayments/id": o.PurchaseCreditNotes[0].Guid,
		"voucherGuid":                      reminded.Guid,
		"id":                               "",
		"documentGuid":                     o.TradeOffers[0].Guid,
		"fileGuid":                         pv,
	}
	withData := map[string]bool{}
	hasGet := map[string]bool{}
	for _, op := range e.s.Operations() {
		if op.Method != "GET" {
			continue
		}
		hasGet[op.Tag] = true
		path, ok := fill(op, params)
		if !ok {
			continue
		}
		if op.Tag == "Entry" { // entries need a period
			path += "?fromDate=2026-10-01&toDate=2026-10-31&changesFrom=2026-10-01T00:00:00Z&changesTo=2026-10-31T00:00:00Z"
		}
		r := e.get(path)
		if r.status == 200 && nonEmpty(r.body) {
			withData[op.Tag] = true
		}
	}
	for tag := range hasGet {
		if !withData[tag] {
			t.Errorf("no GET of group %s shows demo data", tag)
		}
	}
}

// fill substitutes the path parameters of op; ok is false when one has no value.
func fill(op Operation, params map[string]string) (string, bool) {
	segs := strings.Split(op.Path, "/")
	for i, s := range segs {
		if !isParam(s) {
			continue
		}
		name := s[1 : len(s)-1]
		v, ok := params[op.Tag+"/"+name]
		if !ok {
			v = params[name]
		}
		if v == "" {
			return "", false
		}
		segs[i] = v
	}
	return strings.Join(segs, "/"), true
}

// nonEmpty reports whether a JSON body holds data: a non-empty array, a
// collection with items, or any other object; PDF and file bodies count.
func nonEmpty(body []byte) bool {
	var v any
	if err := json.Unmarshal(body, &v); err != nil {
		return len(body) > 0
	}
	switch x := v.(type) {
	case []any:
		return len(x) > 0
	case map[string]any:
		if c, ok := x["Collection"]; ok {
			items, _ := c.([]any)
			return len(items) > 0
		}
		return len(x) > 0
	}
	return false
}
