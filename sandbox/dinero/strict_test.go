package dinero

import (
	"io"
	"net/http"
	"strings"
	"testing"
	"time"
)

// Issue 19, item 5: required and documented fields are returned when asked.
func TestStrictFieldsReturned(t *testing.T) {
	e := newEnv(t, nil)
	accts := e.get(orgPath("v1", pro, "/accounts/entry?fields=AccountNumber,IsDefaultSalesAccount,PublicStandardNumber,CategoryName,IsHidden")).array(t)
	defaults := 0
	for _, a := range accts {
		for _, k := range []string{"IsDefaultSalesAccount", "PublicStandardNumber", "CategoryName", "IsHidden"} {
			if _, ok := a[k]; !ok {
				t.Fatalf("entry account lacks %s: %v", k, a)
			}
		}
		if a["IsDefaultSalesAccount"] == true {
			defaults++
		}
	}
	if defaults != 1 {
		t.Errorf("%d default sales accounts, want 1", defaults)
	}
	if p := e.get(orgPath("v1", pro, "/accounts/purchase?fields=Name,CategoryName")).array(t); p[0]["CategoryName"] == nil {
		t.Errorf("purchase account CategoryName dropped: %v", p[0])
	}
	dep := e.get(orgPath("v1", pro, "/accounts/deposit?fields=AccountNumber,BankRegistrationNumber,BankAccountNumber,BankSwiftNumber,BankIbanNumber")).array(t)
	if dep[0]["BankRegistrationNumber"] == nil || dep[0]["BankIbanNumber"] == nil || dep[0]["BankSwiftNumber"] != "DABADKKK" {
		t.Errorf("deposit account bank fields: %v", dep[0])
	}
	cs := decodeCollection(t, e.get(orgPath("v1", pro, "/contacts?pageSize=1000&fields=Name,IsDebitor,IsCreditor,UseCvr,SENumber,PNumber,CompanyTypeKey")))
	for _, c := range cs.Collection {
		for _, k := range []string{"IsDebitor", "IsCreditor", "UseCvr", "SENumber", "PNumber", "CompanyTypeKey"} {
			if _, ok := c[k]; !ok {
				t.Fatalf("contact lacks %s: %v", k, c)
			}
		}
	}
	orgs := e.get("/v1/organizations?fields=Id,CountryKey,Website").array(t)
	if orgs[0]["CountryKey"] != "DK" {
		t.Errorf("organization CountryKey ignored: %v", orgs[0])
	}
	if _, ok := orgs[0]["Website"]; !ok {
		t.Errorf("organization Website ignored: %v", orgs[0])
	}
}

// createBooked makes and books an invoice for the first contact and returns
// its guid and current TimeStamp.
func (e *env) createBooked(t *testing.T, extra string) (guid, ts string) {
	t.Helper()
	contacts := decodeCollection(t, e.get(orgPath("v1", pro, "/contacts?pageSize=1")))
	body := `{"ContactGuid":"` + contacts.Collection[0]["contactGuid"].(string) + `","Date":"2026-11-02",` + extra +
		`"ProductLines":[{"Description":"Tømrerarbejde","BaseAmountValue":400,"Quantity":2,"AccountNumber":1000,"Discount":0}]}`
	r := e.do("POST", orgPath("v1", pro, "/invoices"), tokRW, body)
	expect(t, r, 200, 0)
	guid = r.json(t)["Guid"].(string)
	b := e.do("POST", orgPath("v1", pro, "/invoices/"+guid+"/book"), tokRW, `{"Timestamp":"`+r.json(t)["TimeStamp"].(string)+`"}`)
	expect(t, b, 200, 0)
	return guid, b.json(t)["TimeStamp"].(string)
}

// Issue 19, item 1: Status is Draft or Booked; the payment state is
// PaymentStatus; credit notes have no PaymentDate and are never Overdue.
func TestStrictSalesStatus(t *testing.T) {
	e := newEnv(t, nil)
	org := e.s.cfg.Data.Organizations[0]
	seen := map[string]int{}
	for _, inv := range org.Invoices {
		got := e.get(orgPath("v1", pro, "/invoices/"+inv.Guid))
		if got.status != 200 {
			continue // deleted
		}
		m := got.json(t)
		if s := m["Status"]; s != "Draft" && s != "Booked" {
			t.Fatalf("invoice Status %v: a sales voucher is Draft or Booked", s)
		}
		ps, _ := m["PaymentStatus"].(string)
		seen[ps]++
		if m["Status"] == "Draft" && ps != "Draft" {
			t.Fatalf("draft with PaymentStatus %q", ps)
		}
	}
	for _, want := range []string{"Draft", "Paid", "Overdue"} {
		if seen[want] == 0 {
			t.Errorf("no invoice with PaymentStatus %s in the demo data: %v", want, seen)
		}
	}
	for _, cn := range org.CreditNotes {
		m := e.get(orgPath("v1", pro, "/sales/creditnotes/"+cn.Guid)).json(t)
		if m["Status"] != "Booked" || m["PaymentStatus"] == "Overdue" {
			t.Errorf("credit note Status %v PaymentStatus %v", m["Status"], m["PaymentStatus"])
		}
		if _, ok := m["PaymentDate"]; ok {
			t.Errorf("credit note has a PaymentDate: %v", m["PaymentDate"])
		}
	}
	list := decodeCollection(t, e.get(orgPath("v1", pro, "/sales/creditnotes?fields=Guid,PaymentDate,Status&pageSize=1000")))
	for _, it := range list.Collection {
		if it["PaymentDate"] != nil || it["Status"] == "Overdue" {
			t.Errorf("credit note in the list: %v", it)
		}
	}
	guid, _ := e.createBooked(t, "")
	if m := e.get(orgPath("v1", pro, "/invoices/"+guid)).json(t); m["Status"] != "Booked" || m["PaymentStatus"] != "Booked" {
		t.Errorf("new booked invoice: Status %v PaymentStatus %v", m["Status"], m["PaymentStatus"])
	}
}

// Issue 19, item 2: booked cash purchases are Paid, never Booked, and only
// credit purchases carry a ContactGuid.
func TestStrictPurchaseStatus(t *testing.T) {
	e := newEnv(t, nil)
	kinds := map[string]int{}
	for _, pv := range e.s.cfg.Data.Organizations[0].PurchaseVouchers {
		m := e.get(orgPath("v1", pro, "/vouchers/purchase/"+pv.Guid)).json(t)
		kind, status := m["PurchaseType"], m["Status"]
		kinds[kind.(string)]++
		switch {
		case kind == "cash" && status != "Draft" && status != "Paid" && status != "Editing":
			t.Errorf("cash purchase with Status %v", status)
		case kind == "cash" && m["ContactGuid"] != nil:
			t.Errorf("cash purchase with a ContactGuid: %v", m["ContactGuid"])
		case kind == "credit" && m["ContactGuid"] == nil:
			t.Errorf("credit purchase without a supplier")
		}
	}
	if kinds["cash"] == 0 || kinds["credit"] == 0 {
		t.Errorf("demo purchases: %v, want both kinds", kinds)
	}
	contact := decodeCollection(t, e.get(orgPath("v1", pro, "/contacts?pageSize=1"))).Collection[0]["contactGuid"].(string)
	r := e.do("POST", orgPath("v1.2", pro, "/vouchers/purchase"), tokRW,
		`{"PurchaseType":"cash","ContactGuid":"`+contact+`","VoucherDate":"2026-11-02","Lines":[{"AccountNumber":6100,"Description":"Mobil","Amount":500,"VatCode":"I25"}]}`)
	expect(t, r, 200, 0)
	if r.json(t)["ContactGuid"] != nil {
		t.Errorf("cash purchase kept the ContactGuid: %s", r.body)
	}
	b := e.do("POST", orgPath("v1", pro, "/vouchers/purchase/"+r.json(t)["Guid"].(string)+"/book"), tokRW, `{"Timestamp":"`+r.json(t)["Timestamp"].(string)+`"}`)
	if b.json(t)["Status"] != "Paid" {
		t.Errorf("booked cash purchase: %v", b.json(t)["Status"])
	}
}

// balances sums the entries of November 2026 per account.
func (e *env) balances(t *testing.T) map[float64]float64 {
	out := map[float64]float64{}
	for _, en := range e.get(orgPath("v1", pro, "/entries?fromDate=2026-11-01&toDate=2026-11-30")).array(t) {
		out[en["AccountNumber"].(float64)] += en["Amount"].(float64)
	}
	return out
}

// Issue 19, item 3: deleting a booked manual voucher books an offset, so
// the books are as before the voucher, and the voucher stays in them.
func TestStrictManualDeleteOffsets(t *testing.T) {
	e := newEnv(t, nil)
	before := e.balances(t)
	m := e.do("POST", orgPath("v1", pro, "/vouchers/manuel"), tokRW,
		`{"VoucherDate":"2026-11-02","Lines":[{"Description":"Hævet","AccountNumber":7600,"BalancingAccountNumber":55000,"Amount":1000}]}`)
	guid := m.json(t)["Guid"].(string)
	b := e.do("POST", orgPath("v1", pro, "/vouchers/manuel/"+guid+"/book"), tokRW, `{"Timestamp":"`+m.json(t)["Timestamp"].(string)+`"}`)
	expect(t, b, 200, 0)
	if got := e.balances(t); got[7600]-before[7600] != 1000 {
		t.Fatalf("booking moved account 7600 by %v", got[7600]-before[7600])
	}
	entriesBefore := len(e.get(orgPath("v1", pro, "/entries?fromDate=2026-11-01&toDate=2026-11-30")).array(t))
	expect(t, e.do("DELETE", orgPath("v1", pro, "/vouchers/manuel/"+guid), tokRW, `{"Timestamp":"`+b.json(t)["Timestamp"].(string)+`"}`), 200, 0)
	after := e.balances(t)
	for acc, v := range before {
		if d := after[acc] - v; d > 0.001 || d < -0.001 {
			t.Errorf("account %v moved by %v after the delete", acc, d)
		}
	}
	entries := e.get(orgPath("v1", pro, "/entries?fromDate=2026-11-01&toDate=2026-11-30")).array(t)
	if len(entries) != entriesBefore+2 {
		t.Errorf("%d entries after the delete, want %d (the original two stay, two offset them)", len(entries), entriesBefore+2)
	}
	original := 0
	for _, en := range entries {
		if en["VoucherGuid"] == guid {
			original++
		}
	}
	if original != 2 {
		t.Errorf("%d entries of the deleted voucher remain, want 2", original)
	}
	expect(t, e.get(orgPath("v1", pro, "/vouchers/manuel/"+guid)), 404, 65)
}

// Issue 19, item 4: a payment's RelatedVoucherGuid is the voucher booked
// for it, which its entries carry, not the invoice.
func TestStrictPaymentVoucher(t *testing.T) {
	e := newEnv(t, nil)
	guid, ts := e.createBooked(t, "")
	p := e.do("POST", orgPath("v1", pro, "/invoices/"+guid+"/payments"), tokRW,
		`{"Timestamp":"`+ts+`","DepositAccountNumber":55000,"RemainderIsFee":false,"Description":"Indbetaling","Amount":1000,"PaymentDate":"2026-11-03"}`)
	expect(t, p, 200, 0)
	related, _ := p.json(t)["RelatedVoucherGuid"].(string)
	if _, ok := lookupGUID(related); !ok || related == guid {
		t.Fatalf("RelatedVoucherGuid %q (invoice %s)", related, guid)
	}
	found := 0
	for _, en := range e.get(orgPath("v1", pro, "/entries?fromDate=2026-11-01&toDate=2026-11-30")).array(t) {
		if en["VoucherGuid"] == related {
			found++
			if en["VoucherType"] != "Payment" {
				t.Errorf("payment voucher entry of type %v", en["VoucherType"])
			}
		}
	}
	if found != 2 {
		t.Errorf("%d entries carry the payment voucher, want 2", found)
	}
}

// Issue 19, item 6: values stay inside the documented sets.
func TestStrictDocumentedValues(t *testing.T) {
	e := newEnv(t, nil)
	mailOut := map[any]bool{"Einvoice": true, "ElectronicInvoiceReminder": true, "Inkasso": true, "Mailout": true,
		"OrderConfirmation": true, "PreReminder": true, "Reminder": true, "TradeOffer": true, "None": true, nil: true}
	for _, it := range decodeCollection(t, e.get(orgPath("v1", pro, "/sales?fields=Guid,LatestMailOutType&pageSize=1000"))).Collection {
		if !mailOut[it["LatestMailOutType"]] {
			t.Fatalf("LatestMailOutType %v is not a documented value", it["LatestMailOutType"])
		}
	}
	companyStatus := map[any]bool{nil: true}
	for _, s := range []string{"unknown", "normal", "active", "withoutLegalEffect", "underVoluntaryLiquidation", "duringReconstruction",
		"underBankruptcy", "underCompulsoryResolution", "dissolvedAfterBankruptcy", "forciblyDissolved",
		"dissolvedAfterVoluntaryLiquidation", "dissolvedAfterDeclaration", "underReassumption", "deleted", "dissolved"} {
		companyStatus[s] = true
	}
	for _, c := range decodeCollection(t, e.get(orgPath("v1", pro, "/contacts?fields=Name,CompanyStatus&pageSize=1000"))).Collection {
		if !companyStatus[c["CompanyStatus"]] {
			t.Fatalf("CompanyStatus %v is not a documented value", c["CompanyStatus"])
		}
	}

	eur, _ := e.createBooked(t, `"Currency":"EUR","Language":"en-GB",`)
	converted := false
	for _, it := range decodeCollection(t, e.get(orgPath("v1", pro, "/invoices?fields=Guid,TotalInclVat,TotalInclVatInDkk,TotalExclVat,TotalExclVatInDkk&pageSize=1000"))).Collection {
		if it["Guid"] != eur {
			continue
		}
		converted = it["TotalInclVat"].(float64) == 1000 && it["TotalInclVatInDkk"].(float64) == 7460 && it["TotalExclVatInDkk"].(float64) == 5968
		if !converted {
			t.Errorf("EUR totals not converted to DKK: %v", it)
		}
	}
	if !converted {
		t.Error("the EUR invoice is not in the list")
	}
	inv := e.get(orgPath("v1", pro, "/invoices/"+eur)).json(t)
	for _, l := range inv["TotalLines"].([]any) {
		if l := l.(map[string]any); l["Type"] == "Vat" && l["Label"] != "VAT (25%)" {
			t.Errorf("VAT label on an en-GB invoice: %v", l["Label"])
		}
	}

	var seeded string
	for _, mv := range e.s.cfg.Data.Organizations[0].ManualVouchers {
		if mv.Booked {
			seeded = mv.Guid
		}
	}
	if m := e.get(orgPath("v1", pro, "/vouchers/manuel/"+seeded)).json(t); m["BookedByType"] != "Web" || m["BookedByUsername"] == "isv_test" {
		t.Errorf("seeded voucher booked by %v / %v", m["BookedByType"], m["BookedByUsername"])
	}
	m := e.do("POST", orgPath("v1", pro, "/vouchers/manuel"), tokRW,
		`{"VoucherDate":"2026-11-02","Lines":[{"Description":"Hævet","AccountNumber":7600,"BalancingAccountNumber":55000,"Amount":10}]}`)
	b := e.do("POST", orgPath("v1", pro, "/vouchers/manuel/"+m.json(t)["Guid"].(string)+"/book"), tokRW, `{"Timestamp":"`+m.json(t)["Timestamp"].(string)+`"}`)
	if got := b.json(t); got["BookedByType"] != "API (isv_test)" || got["BookedByUsername"] != "aase@kjaergaard-toemrer.dk" {
		t.Errorf("API booking reported as %v / %v", got["BookedByType"], got["BookedByUsername"])
	}

	for _, f := range e.get(orgPath("v1", pro, "/files?fileStatus=All")).array(t) {
		for _, l := range f["Linked"].([]any) {
			if at := l.(map[string]any)["LinkedAt"].(string); at < f["UploadedAt"].(string) {
				t.Errorf("file %v linked at %s, before it was uploaded at %v", f["FileGuid"], at, f["UploadedAt"])
			}
		}
	}
}

// Issue 19, item 7: what the real service refuses, the sandbox refuses.
func TestStrictRefusals(t *testing.T) {
	e := newEnv(t, nil)
	line := `{"Description":"Tømrerarbejde","BaseAmountValue":400,"Quantity":1,"AccountNumber":1000,"Discount":0}`
	contact := decodeCollection(t, e.get(orgPath("v1", pro, "/contacts?pageSize=1"))).Collection[0]["contactGuid"].(string)
	old := e.do("POST", orgPath("v1", pro, "/invoices"), tokRW, `{"ContactGuid":"`+contact+`","Date":"2023-06-01","ProductLines":[`+line+`]}`)
	expect(t, old, 200, 0)
	next := e.do("POST", orgPath("v1", pro, "/invoices"), tokRW, `{"ContactGuid":"`+contact+`","Date":"2027-02-01","ProductLines":[`+line+`]}`)
	expect(t, next, 200, 0)
	contactBody := func(extra string) string {
		return `{"Name":"Bøgh ApS","CountryKey":"DK","IsPerson":false,"IsMember":false,"UseCvr":false` + extra + `}`
	}
	for _, tc := range []struct {
		name, method, path, body, ctype string
		status                          int
	}{
		{"no product lines", "POST", "/invoices", `{"ProductLines":[]}`, "", 400},
		{"line with neither Description nor ProductGuid", "POST", "/invoices", `{"ProductLines":[{"BaseAmountValue":1,"Quantity":1,"AccountNumber":1000,"Discount":0}]}`, "", 400},
		{"booking outside every accounting year", "POST", "/invoices/" + old.json(t)["Guid"].(string) + "/book", `{"Timestamp":"` + old.json(t)["TimeStamp"].(string) + `"}`, "", 400},
		{"unknown currency", "POST", "/invoices", `{"Currency":"XYZ","ProductLines":[` + line + `]}`, "", 400},
		{"InvoiceTemplateId not a uuid", "POST", "/invoices", `{"InvoiceTemplateId":"standard","ProductLines":[` + line + `]}`, "", 400},
		{"unknown region", "POST", "/vouchers/purchase", `{"PurchaseType":"cash","RegionKey":"Mars"}`, "", 400},
		{"unknown company type", "POST", "/contacts", contactBody(`,"CompanyTypeKey":"Aktieselskab"`), "", 400},
		{"cash purchase in EUR", "POST", "/vouchers/purchase", `{"PurchaseType":"cash","CurrencyKey":"EUR"}`, "", 400},
		{"AccountTagName on v1.1", "POST", "/v1.1/vouchers/purchase", `{"PurchaseType":"cash","Lines":[{"AccountNumber":6100,"Amount":10,"AccountTagName":"Telefon"}]}`, "", 400},
		{"JSON sent as text/plain", "POST", "/contacts", contactBody(""), "text/plain", 415},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := orgPath("v1", pro, tc.path)
			switch {
			case strings.HasPrefix(tc.path, "/v1.1/"):
				path = orgPath("v1.1", pro, strings.TrimPrefix(tc.path, "/v1.1"))
			case tc.path == "/vouchers/purchase":
				path = orgPath("v1.2", pro, tc.path)
			}
			r := e.doType(tc.method, path, tc.body, tc.ctype)
			code := 0
			if tc.status == 400 {
				code = 42
			}
			expect(t, r, tc.status, code)
		})
	}
	// AccountTagName is taken where the spec says it is supported.
	tagged := e.do("POST", orgPath("v1.2", pro, "/vouchers/purchase"), tokRW, `{"PurchaseType":"cash","Lines":[{"AccountNumber":6100,"Amount":10,"AccountTagName":"Telefon"}]}`)
	expect(t, tagged, 200, 0)
	tg, tts := tagged.json(t)["Guid"].(string), tagged.json(t)["Timestamp"].(string)
	upd := `{"Timestamp":"` + tts + `","PurchaseType":"cash","ContactGuid":"` + contact + `","VoucherDate":"2026-11-02","Lines":[{"AccountNumber":6100,"Amount":10,"AccountTagName":"Telefon"}]}`
	expect(t, e.do("PUT", orgPath("v1", pro, "/vouchers/purchase/"+tg), tokRW, upd), 400, 42)
	expect(t, e.do("PUT", orgPath("v1.1", pro, "/vouchers/purchase/"+tg), tokRW, upd), 200, 0)

	// The year after the latest accounting year is created by booking in it.
	expect(t, e.do("POST", orgPath("v1", pro, "/invoices/"+next.json(t)["Guid"].(string)+"/book"), tokRW, `{"Timestamp":"`+next.json(t)["TimeStamp"].(string)+`"}`), 200, 0)
	years := e.get(orgPath("v1", pro, "/accountingyears")).array(t)
	if last := years[len(years)-1]; last["Name"] != "2027" || last["FromDate"] != "2027-01-01" {
		t.Errorf("booking in 2027 did not open the year: %v", last)
	}

	body, ct := multipartBody(t, "setup.exe", 100)
	req, _ := http.NewRequest("POST", e.srv.URL+orgPath("v1", pro, "/files"), body)
	req.Header.Set("Authorization", "Bearer "+tokRW)
	req.Header.Set("Content-Type", ct)
	res, err := e.srv.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != 400 {
		t.Errorf(".exe upload answered %d, want 400", res.StatusCode)
	}
}

// doType sends body with an explicit Content-Type ("" means application/json).
func (e *env) doType(method, path, body, ctype string) resp {
	e.t.Helper()
	req, err := http.NewRequest(method, e.srv.URL+path, strings.NewReader(body))
	if err != nil {
		e.t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+tokRW)
	req.Header.Set("Content-Type", orDefault(ctype, "application/json"))
	res, err := e.srv.Client().Do(req)
	if err != nil {
		e.t.Fatal(err)
	}
	defer res.Body.Close()
	data, _ := io.ReadAll(res.Body)
	return resp{res.StatusCode, res.Header, data}
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// The spec's delete of a booked purchase voucher works like the manual
// one: an offset is booked and the voucher stays in the books.
func TestStrictPurchaseDeleteOffsets(t *testing.T) {
	e := newEnv(t, nil)
	before := e.balances(t)
	r := e.do("POST", orgPath("v1.2", pro, "/vouchers/purchase"), tokRW,
		`{"PurchaseType":"cash","VoucherDate":"2026-11-02","Lines":[{"AccountNumber":6100,"Description":"Mobil","Amount":500,"VatCode":"I25"}]}`)
	guid := r.json(t)["Guid"].(string)
	b := e.do("POST", orgPath("v1", pro, "/vouchers/purchase/"+guid+"/book"), tokRW, `{"Timestamp":"`+r.json(t)["Timestamp"].(string)+`"}`)
	expect(t, b, 200, 0)
	if got := e.balances(t); got[6100]-before[6100] != 400 {
		t.Fatalf("booking moved account 6100 by %v, want 400 (500 less 25%% VAT)", got[6100]-before[6100])
	}
	expect(t, e.do("DELETE", orgPath("v1", pro, "/vouchers/purchase/"+guid), tokRW, `{"Timestamp":"0000000000000001"}`), 400, 58)
	expect(t, e.do("DELETE", orgPath("v1", pro, "/vouchers/purchase/"+guid), tokRW, `{"Timestamp":"`+b.json(t)["Timestamp"].(string)+`"}`), 200, 0)
	after := e.balances(t)
	for acc, v := range before {
		if d := after[acc] - v; d > 0.001 || d < -0.001 {
			t.Errorf("account %v moved by %v after the delete", acc, d)
		}
	}
	kept := 0
	for _, en := range e.get(orgPath("v1", pro, "/entries?fromDate=2026-11-01&toDate=2026-11-30")).array(t) {
		if en["VoucherGuid"] == guid {
			kept++
		}
	}
	if kept != 3 {
		t.Errorf("%d entries of the deleted voucher remain, want 3 (expense, VAT, bank)", kept)
	}
	expect(t, e.get(orgPath("v1", pro, "/vouchers/purchase/"+guid)), 404, 65)
}

// Where the spec's descriptions and its schemas part ways, the
// descriptions and the reference win: notes come ordered by NoteDate, and a
// booked credit note is served as a PDF on Accept: application/octet-stream.
func TestStrictDescribedBehaviour(t *testing.T) {
	e := newEnv(t, nil)
	base := orgPath("v1", pro, "/contacts")
	guid := decodeCollection(t, e.get(base+"?pageSize=1")).Collection[0]["contactGuid"].(string)
	for _, text := range []string{"Første", "Anden", "Tredje"} {
		expect(t, e.do("POST", base+"/"+guid+"/notes", tokRW, `{"Text":"`+text+`"}`), 200, 0)
		e.clock.Advance(-time.Hour) // each note is dated an hour before the one before it
	}
	notes := decodeCollection(t, e.get(base+"/"+guid+"/notes?pageSize=1000")).Collection
	for i := 1; i < len(notes); i++ {
		if notes[i-1]["NoteDate"].(string) > notes[i]["NoteDate"].(string) {
			t.Fatalf("notes not ordered by NoteDate: %v then %v", notes[i-1]["NoteDate"], notes[i]["NoteDate"])
		}
	}
	cn := e.s.cfg.Data.Organizations[0].CreditNotes[0]
	req, _ := http.NewRequest("GET", e.srv.URL+orgPath("v1", pro, "/sales/creditnotes/"+cn.Guid), nil)
	req.Header.Set("Authorization", "Bearer "+tokRW)
	req.Header.Set("Accept", "application/octet-stream")
	res, err := e.srv.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	pdf, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != 200 || res.Header.Get("Content-Type") != "application/pdf" || !strings.HasPrefix(string(pdf), "%PDF-") {
		t.Fatalf("credit note PDF: %d %s %.20q", res.StatusCode, res.Header.Get("Content-Type"), pdf)
	}
}
