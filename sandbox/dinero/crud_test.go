package dinero

import (
	"bytes"
	"mime/multipart"
	"net/http"
	"strings"
	"testing"
)

func TestContactCRUD(t *testing.T) {
	e := newEnv(t, nil)
	base := orgPath("v1", pro, "/contacts")
	expect(t, e.do("POST", base, tokRW, map[string]any{"name": "Bøgh & Ørsted ApS"}), 400, 42) // required fields missing
	r := e.do("POST", base, tokRW, `{"name":"Bøgh & Ørsted ApS","countryKey":"DK","isPerson":false,"isMember":false,"useCvr":true,"Email":"info@boegh.dk"}`)
	expect(t, r, 200, 0)
	guid := r.json(t)["ContactGuid"].(string)
	got := e.get(base + "/" + guid).json(t)
	if got["Name"] != "Bøgh & Ørsted ApS" || got["Email"] != "info@boegh.dk" || got["VatRegionKey"] != "DK" {
		t.Fatalf("created contact reads back as %v", got)
	}
	upd := `{"Name":"Bøgh & Ørsted A/S","CountryKey":"SE","IsPerson":false,"IsMember":false,"UseCvr":false}`
	expect(t, e.do("PUT", orgPath("v2", pro, "/contacts/"+guid), tokRW, upd), 200, 0)
	if got := e.get(base + "/" + guid).json(t); got["Name"] != "Bøgh & Ørsted A/S" || got["Email"] != nil || got["VatRegionKey"] != "EU" {
		t.Fatalf("update is not a full replace: %v", got)
	}
	note := e.do("POST", base+"/"+guid+"/notes", tokRW, `{"text":"Ring tirsdag"}`)
	expect(t, note, 200, 0)
	notes := decodeCollection(t, e.get(base+"/"+guid+"/notes?fields=text,authorName"))
	if len(notes.Collection) != 1 || notes.Collection[0]["text"] != "Ring tirsdag" || notes.Collection[0]["authorName"] != "Åse Kjærgård Sørensen" {
		t.Fatalf("notes %v", notes.Collection)
	}
	expect(t, e.do("DELETE", base+"/"+guid, tokRW, nil), 200, 0)
	expect(t, e.do("DELETE", base+"/"+guid, tokRW, nil), 404, 65)
	if got := e.get(base + "/" + guid).json(t); got["DeletedAt"] == nil {
		t.Fatalf("deleted contact has no DeletedAt: %v", got)
	}
	expect(t, e.do("POST", base+"/"+guid+"/restore", tokRW, nil), 200, 0)
	expect(t, e.do("POST", base+"/"+guid+"/restore", tokRW, nil), 400, 42)
	expect(t, e.get(base+"/00000000-0000-4000-8000-000000000000"), 404, 40)
	expect(t, e.get(base+"/not-a-guid"), 400, 42)
}

func TestProductCRUD(t *testing.T) {
	e := newEnv(t, nil)
	base := orgPath("v1", pro, "/products")
	expect(t, e.do("POST", base, tokRW, `{"Name":"Høvlet fyr","BaseAmountValue":100,"Quantity":1,"AccountNumber":1000,"Unit":"furlong"}`), 400, 42)
	r := e.do("POST", base, tokRW, `{"name":"Høvlet fyr","baseAmountValue":100,"quantity":2,"accountNumber":1000,"unit":"metre"}`)
	expect(t, r, 200, 0)
	guid := r.json(t)["ProductGuid"].(string)
	p := e.get(base + "/" + guid).json(t)
	if p["BaseAmountValueInclVat"].(float64) != 125 || p["TotalAmountInclVat"].(float64) != 250 {
		t.Fatalf("VAT amounts wrong: %v", p)
	}
	expect(t, e.do("PUT", base+"/"+guid, tokRW, `{"Name":"Høvlet gran","BaseAmountValue":80,"Quantity":1,"AccountNumber":1000,"Unit":"metre"}`), 200, 0)
	list := decodeCollection(t, e.get(base+"?queryFilter="+strings.ReplaceAll("Name eq 'høvlet GRAN'", " ", "%20")+"&fields=name,baseAmountValue"))
	if len(list.Collection) != 1 || list.Collection[0]["baseAmountValue"].(float64) != 80 {
		t.Fatalf("filtered list %v", list.Collection)
	}
	expect(t, e.do("DELETE", base+"/"+guid, tokRW, nil), 200, 0)
	expect(t, e.do("PUT", base+"/"+guid, tokRW, `{"Name":"x","BaseAmountValue":1,"Quantity":1,"AccountNumber":1000,"Unit":"metre"}`), 404, 65)
}

func TestInvoiceLifecycle(t *testing.T) {
	e := newEnv(t, nil)
	contacts := decodeCollection(t, e.get(orgPath("v1", pro, "/contacts?pageSize=1")))
	contact := contacts.Collection[0]["contactGuid"].(string)
	base := orgPath("v1", pro, "/invoices")
	line := `{"baseAmountValue":400,"quantity":2,"accountNumber":1000,"discount":0,"description":"Tømrerarbejde"}`
	expect(t, e.do("POST", base, tokRW, `{"ProductLines":[{"BaseAmountValue":1,"Quantity":1,"AccountNumber":1000}]}`), 400, 42) // Discount required
	r := e.do("POST", base, tokRW, `{"productLines":[`+line+`],"date":"2026-11-02","description":"Ny terrasse"}`)
	expect(t, r, 200, 0)
	created := r.json(t)
	guid, ts := created["Guid"].(string), created["TimeStamp"].(string)
	if len(ts) != 16 {
		t.Fatalf("TimeStamp %q is not 16 hex digits", ts)
	}
	inv := e.get(base + "/" + guid).json(t)
	if inv["Status"] != "Draft" || inv["TotalInclVat"].(float64) != 1000 || inv["TotalVat"].(float64) != 200 {
		t.Fatalf("draft %v", inv)
	}
	// Booking without a contact fails; update adds one and bumps the timestamp.
	expect(t, e.do("POST", base+"/"+guid+"/book", tokRW, map[string]string{"Timestamp": ts}), 400, 42)
	upd := e.do("PUT", orgPath("v1.2", pro, "/invoices/"+guid), tokRW,
		`{"timestamp":"`+ts+`","contactGuid":"`+contact+`","productLines":[`+line+`,`+line+`],"date":"2026-11-02","description":"Ny terrasse"}`)
	expect(t, upd, 200, 0)
	ts2 := upd.json(t)["TimeStamp"].(string)
	if ts2 == ts {
		t.Fatal("update did not bump the timestamp")
	}
	expect(t, e.do("PUT", orgPath("v1.2", pro, "/invoices/"+guid), tokRW, `{"timestamp":"`+ts+`","productLines":[]}`), 400, 58)
	expect(t, e.do("POST", base+"/"+guid+"/book", tokRW, map[string]string{"Timestamp": ts}), 400, 58)
	booked := e.do("POST", base+"/"+guid+"/book", tokRW, map[string]string{"Timestamp": ts2})
	expect(t, booked, 200, 0)
	b := booked.json(t)
	if b["Status"] != "Booked" || b["Number"].(float64) <= 0 || b["TotalInclVat"].(float64) != 2000 {
		t.Fatalf("booked %v", b)
	}
	ts3 := b["TimeStamp"].(string)
	expect(t, e.do("PUT", orgPath("v1.2", pro, "/invoices/"+guid), tokRW, `{"timestamp":"`+ts3+`","productLines":[]}`), 400, 42)
	expect(t, e.do("DELETE", base+"/"+guid, tokRW, nil), 400, 42)
	// Payments: stale timestamp fails, the right one pays the invoice.
	pay := `{"Timestamp":"%s","DepositAccountNumber":55000,"RemainderIsFee":false,"Description":"Indbetaling","Amount":2000}`
	expect(t, e.do("POST", base+"/"+guid+"/payments", tokRW, strings.Replace(pay, "%s", ts2, 1)), 400, 58)
	pr := e.do("POST", base+"/"+guid+"/payments", tokRW, strings.Replace(pay, "%s", ts3, 1))
	expect(t, pr, 200, 0)
	ts4 := pr.json(t)["TimeStamp"].(string)
	payments := e.get(orgPath("v2", pro, "/invoices/"+guid+"/payments")).json(t)
	if payments["PaidAmount"].(float64) != 2000 || payments["RemainingAmount"].(float64) != 0 {
		t.Fatalf("payments %v", payments)
	}
	if got := e.get(base + "/" + guid).json(t); got["Status"] != "Booked" || got["PaymentStatus"] != "Paid" {
		t.Fatalf("status after payment %v, payment status %v", got["Status"], got["PaymentStatus"])
	}
	list := decodeCollection(t, e.get(base+"?statusFilter=Paid&queryFilter=Description%20eq%20'Ny%20terrasse'&fields=Guid"))
	if len(list.Collection) != 1 || list.Collection[0]["Guid"] != guid {
		t.Fatalf("list after payment %v", list.Collection)
	}
	payGUID := pr.json(t)["Guid"].(string)
	expect(t, e.do("DELETE", base+"/"+guid+"/payments/"+payGUID, tokRW, `{"Timestamp":"`+ts3+`"}`), 400, 58)
	expect(t, e.do("DELETE", base+"/"+guid+"/payments/"+payGUID, tokRW, `{"Timestamp":"`+ts4+`"}`), 200, 0)
	pdf := e.do("GET", base+"/"+guid, tokRW, nil)
	expect(t, pdf, 200, 0)
	req, _ := http.NewRequest("GET", e.srv.URL+base+"/"+guid, nil)
	req.Header.Set("Authorization", "Bearer "+tokRW)
	req.Header.Set("Accept", "application/octet-stream")
	res, err := e.srv.Client().Do(req)
	if err != nil || res.StatusCode != 200 || res.Header.Get("Content-Type") != "application/pdf" {
		t.Fatalf("pdf: %v %v", res, err)
	}
	res.Body.Close()
}

func TestDeletedInvoice(t *testing.T) {
	e := newEnv(t, nil)
	base := orgPath("v1", pro, "/invoices")
	r := e.do("POST", base, tokRW, `{"ProductLines":[{"Description":"Skitse","BaseAmountValue":10,"Quantity":1,"AccountNumber":1000,"Discount":0}]}`)
	guid, ts := r.json(t)["Guid"].(string), r.json(t)["TimeStamp"].(string)
	expect(t, e.do("DELETE", base+"/"+guid, tokRW, `{"Timestamp":"0000000000000001"}`), 400, 58)
	expect(t, e.do("DELETE", base+"/"+guid, tokRW, `{"Timestamp":"`+ts+`"}`), 200, 0)
	expect(t, e.get(base+"/"+guid), 404, 65)
	del := decodeCollection(t, e.get(base+"?deletedOnly=true&pageSize=1000&fields=Guid"))
	found := false
	for _, it := range del.Collection {
		found = found || it["Guid"] == guid
	}
	if !found {
		t.Fatal("deleted invoice missing from deletedOnly list")
	}
}

func TestVouchersAndEntries(t *testing.T) {
	e := newEnv(t, nil)
	r := e.do("POST", orgPath("v1.2", pro, "/vouchers/purchase"), tokRW,
		`{"purchaseType":"cash","voucherDate":"2026-11-02","lines":[{"accountNumber":6100,"description":"Mobil","amount":500,"vatCode":"I25"}]}`)
	expect(t, r, 200, 0)
	pv := r.json(t)
	guid, ts := pv["Guid"].(string), pv["Timestamp"].(string)
	expect(t, e.do("POST", orgPath("v1", pro, "/vouchers/purchase/"+guid+"/book"), tokRW, `{"Timestamp":"0000000000000000"}`), 400, 58)
	b := e.do("POST", orgPath("v1", pro, "/vouchers/purchase/"+guid+"/book"), tokRW, `{"Timestamp":"`+ts+`"}`)
	expect(t, b, 200, 0)
	if b.json(t)["Status"] != "Paid" { // a booked cash purchase is paid
		t.Fatalf("book: %s", b.body)
	}
	m := e.do("POST", orgPath("v1", pro, "/vouchers/manuel"), tokRW,
		`{"voucherDate":"2026-11-02","lines":[{"description":"Hævet","accountNumber":7600,"balancingAccountNumber":55000,"amount":1000}]}`)
	expect(t, m, 200, 0)
	mg, mts := m.json(t)["Guid"].(string), m.json(t)["Timestamp"].(string)
	expect(t, e.do("POST", orgPath("v1", pro, "/vouchers/manuel/"+mg+"/book"), tokRW, `{"Timestamp":"`+mts+`"}`), 200, 0)
	entries := e.get(orgPath("v1", pro, "/entries?fromDate=2026-11-01&toDate=2026-11-30")).array(t)
	var sum float64
	hits := 0
	for _, en := range entries {
		sum += en["Amount"].(float64)
		if en["VoucherGuid"] == guid || en["VoucherGuid"] == mg {
			hits++
		}
	}
	if hits != 5 || sum > 0.01 || sum < -0.01 {
		t.Fatalf("entries: %d for new vouchers (want 5), balance %.2f", hits, sum)
	}
	expect(t, e.get(orgPath("v1", pro, "/entries?fromDate=2025-12-01&toDate=2026-01-31")), 400, 42)
	expect(t, e.get(orgPath("v1", pro, "/entries?fromDate=2026-01-01")), 400, 42)
	expect(t, e.get(orgPath("v1", pro, "/entries/changes?changesFrom=2026-10-01&changesTo=2026-11-30")), 400, 42)
	ch := e.get(orgPath("v1", pro, "/entries/changes?changesFrom=2026-11-01&changesTo=2026-11-30")).array(t)
	if len(ch) < 5 {
		t.Fatalf("changes: %d entries", len(ch))
	}
}

func multipartBody(t *testing.T, name string, size int) (*bytes.Buffer, string) {
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	fw, err := w.CreateFormFile("file", name)
	if err != nil {
		t.Fatal(err)
	}
	_, _ = fw.Write(bytes.Repeat([]byte("x"), size))
	_ = w.Close()
	return &buf, w.FormDataContentType()
}

func TestFileUpload(t *testing.T) {
	e := newEnv(t, nil)
	send := func(size int) resp {
		body, ct := multipartBody(t, "kvittering æøå.pdf", size)
		req, _ := http.NewRequest("POST", e.srv.URL+orgPath("v1", pro, "/files"), body)
		req.Header.Set("Authorization", "Bearer "+tokRW)
		req.Header.Set("Content-Type", ct)
		res, err := e.srv.Client().Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		var b bytes.Buffer
		_, _ = b.ReadFrom(res.Body)
		return resp{res.StatusCode, res.Header, b.Bytes()}
	}
	ok := send(1000)
	expect(t, ok, 200, 0)
	id := ok.json(t)["FileGuid"].(string)
	if len(id) != 32 || !strings.HasPrefix(id, "web") {
		t.Fatalf("file id %q", id)
	}
	expect(t, send(MaxFileSize), 200, 0)
	if big := send(MaxFileSize + 1); big.status != 400 {
		t.Fatalf("7 MB upload: %d %s", big.status, big.body)
	}
	expect(t, e.do("POST", orgPath("v1", pro, "/files"), tokRW, `{"not":"multipart"}`), 400, 0)
	files := e.get(orgPath("v1", pro, "/files?extensions=pdf&fileStatus=Unused")).array(t)
	found := false
	for _, f := range files {
		found = found || f["FileGuid"] == id && f["Name"] == "kvittering æøå.pdf" && f["Size"].(float64) == 1000
	}
	if !found {
		t.Fatalf("uploaded file not listed: %v", files)
	}
	expect(t, e.get(orgPath("v1", pro, "/files?uploadedAfter=2026-01-01")), 400, 42)
	dl := e.get(orgPath("v1", pro, "/files/"+id))
	if dl.status != 200 || len(dl.body) != 1000 {
		t.Fatalf("download %d, %d bytes", dl.status, len(dl.body))
	}
}
