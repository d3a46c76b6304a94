package dinero

import (
	"testing"
	"time"
)

func TestLedgerItemsHTTP(t *testing.T) {
	e := newEnv(t, nil)
	demo := e.org().LedgerItems[0]
	v := vars{"demo": demo.ID, "demov": formatStamp(demo.Version)}
	base := orgPath("v1", pro, "/ledgeritems")
	item := `[{"VoucherDate":"2026-11-02","Lines":[{"Description":"Kaffebønner til kontoret","Amount":250,"AccountNumber":6000,"AccountVatCode":"I25","BalancingAccountNumber":55000}]}]`
	runSteps(t, e, v, []step{
		{name: "add empty", method: "POST", path: orgPath("v1.2", pro, "/ledgeritems"), body: `[]`, status: 400, code: 42},
		{name: "add unknown account", method: "POST", path: orgPath("v1.2", pro, "/ledgeritems"), status: 400, code: 42,
			body: `[{"Lines":[{"Amount":10,"AccountNumber":4242,"BalancingAccountNumber":55000}]}]`},
		{name: "add unbalanced", method: "POST", path: orgPath("v1.2", pro, "/ledgeritems"), status: 400, code: 42,
			body: `[{"Lines":[{"Amount":10,"AccountNumber":6000},{"Amount":-9,"AccountNumber":55000}]}]`},
		{name: "add wrong version", method: "POST", path: orgPath("v1", pro, "/ledgeritems"), body: item, status: 404},
		{name: "add", method: "POST", path: orgPath("v1.2", pro, "/ledgeritems"), body: item, status: 200, save: map[string]string{"id": "Id", "ver": "Version"}},
		{name: "get", method: "POST", path: base + "/ledgers", body: `[{"Id":"{id}"},{"Id":"{demo}"}]`, status: 200,
			check: bodyHas(`"Description":"Kaffebønner til kontoret"`, `"Id":"{demo}"`)},
		{name: "get unknown", method: "POST", path: base + "/ledgers", body: `[{"Id":"` + noGUID + `"}]`, status: 404, code: 40},
		{name: "update without version", method: "PUT", path: base, body: `[{"Id":"{id}","Lines":[{"Amount":300,"AccountNumber":6000,"BalancingAccountNumber":55000}]}]`, status: 400, code: 42},
		{name: "update stale", method: "PUT", path: base, body: `[{"Id":"{id}","Version":"0000000000000001","Lines":[{"Amount":300,"AccountNumber":6000,"BalancingAccountNumber":55000}]}]`, status: 400, code: 58},
		{name: "update", method: "PUT", path: base, body: `[{"Id":"{id}","Version":"{ver}","VoucherDate":"2026-11-02","Lines":[{"Description":"Kaffe og te","Amount":300,"AccountNumber":6000,"AccountVatCode":"I25","BalancingAccountNumber":55000}]}]`,
			status: 200, check: func(t *testing.T, r resp, v vars) {
				a := r.array(t)
				if len(a) != 1 || a[0]["Id"] != v["id"] || a[0]["Version"] == v["ver"] {
					t.Fatalf("update answer %s", r.body)
				}
				v["ver"] = a[0]["Version"].(string)
			}},
		{name: "status draft", method: "POST", path: base + "/status", body: `[{"Id":"{id}"}]`, status: 200, check: bodyHas(`"Status":"Draft"`, `"VoucherNumber":null`)},
		{name: "status without id", method: "POST", path: base + "/status", body: `[{}]`, status: 400, code: 42},
		{name: "book stale", method: "POST", path: base + "/book", body: `[{"Id":"{id}","Version":"0000000000000001"}]`, status: 400, code: 58},
		{name: "book", method: "POST", path: base + "/book", body: `[{"Id":"{id}","Version":"{ver}"}]`, status: 200},
		{name: "pending", method: "POST", path: base + "/status", body: `[{"Id":"{id}"}]`, status: 200, save: nil, check: bodyHas(`"Status":"PendingBooking"`)},
		{name: "update while pending", method: "PUT", path: base, body: `[{"Id":"{id}","Version":"{ver}","Lines":[{"Amount":1,"AccountNumber":6000,"BalancingAccountNumber":55000}]}]`, status: 400},
		{name: "delete stale", method: "DELETE", path: base + "/delete", body: `[{"Id":"{demo}","Version":"0000000000000001"}]`, status: 400, code: 58},
		{name: "delete", method: "DELETE", path: base + "/delete", body: `[{"Id":"{demo}","Version":"{demov}"}]`, status: 200},
		{name: "deleted is gone", method: "POST", path: base + "/ledgers", body: `[{"Id":"{demo}"}]`, status: 404, code: 40},
	})
	e.clock.Advance(bookingDelay)
	runSteps(t, e, v, []step{
		{name: "booked", method: "POST", path: base + "/status", body: `[{"Id":"{id}"}]`, status: 200, check: bodyHas(`"Status":"Booked"`, `"VoucherNumber":`)},
		{name: "in the entries", method: "GET", path: orgPath("v1", pro, "/entries?fromDate=2026-11-01&toDate=2026-11-30"), status: 200,
			check: bodyHas(`"Description":"Kaffe og te"`)},
		{name: "booked items are not in the ledger", method: "POST", path: base + "/ledgers", body: `[{"Id":"{id}"}]`, status: 200, check: arrayLen(0)},
		{name: "delete booked", method: "DELETE", path: base + "/delete", body: `[{"Id":"{id}","Version":"{ver}"}]`, status: 400},
	})
}

func TestPurchaseCreditNotesHTTP(t *testing.T) {
	e := newEnv(t, nil)
	o := e.org()
	var bookedPV, supplier string
	var pvts string
	for _, pv := range o.PurchaseVouchers {
		if pv.Booked && pv.ContactGuid != "" {
			bookedPV, pvts, supplier = pv.Guid, formatStamp(pv.TimeStamp), pv.ContactGuid
			break
		}
	}
	seeded := o.PurchaseCreditNotes[0]
	v := vars{"pv": bookedPV, "pvts": pvts, "supplier": supplier, "seeded": seeded.Guid, "seededts": formatStamp(seeded.TimeStamp)}
	base := orgPath("v1", pro, "/vouchers/purchase/creditnotes")
	lines := `[{"AccountNumber":2000,"Description":"Returneret skruer","Amount":125,"VatCode":"I25"}]`
	runSteps(t, e, v, []step{
		{name: "create without lines", method: "POST", path: base, body: `{"ContactGuid":"{supplier}","Lines":[]}`, status: 400, code: 42},
		{name: "create for a draft purchase", method: "POST", path: base, body: `{"CreditNoteFor":"` + noGUID + `","Lines":` + lines + `}`, status: 400, code: 42},
		{name: "create", method: "POST", path: base, body: `{"Date":"2026-11-02T00:00:00Z","Lines":` + lines + `}`, status: 200, save: map[string]string{"cn": "Guid", "ts": "TimeStamp"}},
		{name: "get", method: "GET", path: base + "/{cn}", status: 200, check: bodyHas(`"Status":"Draft"`, `"Date":"2026-11-02T00:00:00Z"`, `"AmountExclVatValue":100`)},
		{name: "get unknown", method: "GET", path: base + "/" + noGUID, status: 404, code: 40},
		{name: "update without timestamp", method: "PUT", path: base + "/{cn}", body: `{"Lines":` + lines + `}`, status: 400, code: 42},
		{name: "update stale", method: "PUT", path: base + "/{cn}", body: `{"Timestamp":"0000000000000001","Lines":` + lines + `}`, status: 400, code: 58},
		{name: "book without supplier", method: "POST", path: base + "/{cn}/book", body: `{"Timestamp":"{ts}"}`, status: 400, code: 42},
		{name: "update", method: "PUT", path: base + "/{cn}", body: `{"Timestamp":"{ts}","ContactGuid":"{supplier}","Lines":` + lines + `}`, status: 200, save: map[string]string{"ts": "TimeStamp"}},
		{name: "book stale", method: "POST", path: base + "/{cn}/book", body: `{"Timestamp":"0000000000000001"}`, status: 400, code: 58},
		{name: "book", method: "POST", path: base + "/{cn}/book", body: `{"Timestamp":"{ts}"}`, status: 200, save: map[string]string{"ts": "Timestamp"},
			check: bodyHas(`"Status":"Booked"`, `"BookedByType":"API"`, `"BookedByUsername":"isv_test"`)},
		{name: "update booked", method: "PUT", path: base + "/{cn}", body: `{"Timestamp":"{ts}","Lines":` + lines + `}`, status: 400, code: 42},
		{name: "delete booked", method: "DELETE", path: base + "/{cn}", body: `{"Timestamp":"{ts}"}`, status: 400, code: 42},
		{name: "seeded was booked on the web", method: "GET", path: base + "/{seeded}", status: 200, check: bodyHas(`"BookedByType":"Web"`, `"Status":"Paid"`)},
		{name: "from a purchase without timestamp", method: "POST", path: orgPath("v1", pro, "/vouchers/purchase/{pv}/generate-creditnote"), body: `{}`, status: 400, code: 42},
		{name: "from a purchase stale", method: "POST", path: orgPath("v1", pro, "/vouchers/purchase/{pv}/generate-creditnote"), body: `{"Timestamp":{"Timestamp":"0000000000000001"}}`, status: 400, code: 58},
		{name: "from a purchase", method: "POST", path: orgPath("v1", pro, "/vouchers/purchase/{pv}/generate-creditnote"), body: `{"Timestamp":{"Timestamp":"{pvts}"}}`,
			status: 200, save: map[string]string{"cn2": "Guid", "ts2": "TimeStamp"}},
		{name: "it credits the purchase", method: "GET", path: base + "/{cn2}", status: 200, check: bodyHas(`"CreditNoteFor":"{pv}"`)},
		{name: "delete stale", method: "DELETE", path: base + "/{cn2}", body: `{"Timestamp":"0000000000000001"}`, status: 400, code: 58},
		{name: "delete", method: "DELETE", path: base + "/{cn2}", body: `{"Timestamp":"{ts2}"}`, status: 200},
		{name: "delete again", method: "DELETE", path: base + "/{cn2}", status: 404, code: 65},
	})
}

func TestPurchaseExtrasHTTP(t *testing.T) {
	e := newEnv(t, nil)
	o := e.org()
	seeded := o.PurchaseCreditNotes[0]
	var draftFile, cashPV string
	for _, pv := range o.PurchaseVouchers {
		if !pv.Booked && pv.FileGuid != "" && draftFile == "" {
			draftFile = pv.FileGuid
		}
		if pv.Booked && pv.PurchaseType == "cash" && cashPV == "" {
			cashPV = pv.Guid
		}
	}
	pv0 := o.PurchaseVouchers[0]
	v := vars{"seeded": seeded.Guid, "ts": formatStamp(seeded.TimeStamp), "file": draftFile, "cash": cashPV,
		"date": pv0.VoucherDate, "amount": itoa(int(pv0.Lines[0].Amount)), "acc": itoa(pv0.Lines[0].AccountNumber), "vat": pv0.Lines[0].VatCode}
	purchase := `{"PurchaseType":"cash","VoucherDate":"{date}","DepositAccountNumber":55000,"Lines":[{"AccountNumber":{acc},"Amount":{amount},"VatCode":"{vat}","Description":"Som før"}]}`
	pay := orgPath("v1", pro, "/purchase-vouchers/{seeded}/payments")
	runSteps(t, e, v, []step{
		{name: "fetch", method: "POST", path: orgPath("v1", pro, "/vouchers/purchase/fetch"), status: 200,
			body:  `{"PurchaseType":"cash","VoucherDate":"2026-11-02","DepositAccountNumber":55000,"Lines":[{"AccountNumber":5500,"Amount":50000,"VatCode":"I25"}]}`,
			check: bodyHas(`"ShouldPossiblyBeFixedAsset":true`, `"Status":"Draft"`)},
		{name: "fetch without type", method: "POST", path: orgPath("v1", pro, "/vouchers/purchase/fetch"), body: `{"Lines":[]}`, status: 400, code: 42},
		{name: "similar", method: "POST", path: orgPath("v1", pro, "/vouchers/purchase/similar"), body: purchase, status: 200, check: bodyHas(`"SimilarFound":true`, `"SimilarGuid":"`+pv0.Guid+`"`)},
		{name: "not similar", method: "POST", path: orgPath("v1", pro, "/vouchers/purchase/similar"), status: 200,
			body:  `{"PurchaseType":"cash","VoucherDate":"2026-11-02","DepositAccountNumber":55000,"Lines":[{"AccountNumber":2000,"Amount":1.23}]}`,
			check: bodyHas(`"SimilarFound":false`)},
		{name: "similar bad date", method: "POST", path: orgPath("v1", pro, "/vouchers/purchase/similar"), body: `{"PurchaseType":"cash","VoucherDate":"i går"}`, status: 400, code: 42},
		{name: "by file", method: "GET", path: orgPath("v1", pro, "/vouchers/purchase/fileguid/{file}"), status: 200, check: arrayLen(1)},
		{name: "by unknown file", method: "GET", path: orgPath("v1", pro, "/vouchers/purchase/fileguid/webnothinghere"), status: 404, code: 40},
		{name: "payments", method: "GET", path: pay, status: 200, check: bodyHas(`"Description":"Tilbagebetaling fra leverandør"`)},
		{name: "payments of a cash purchase", method: "GET", path: orgPath("v1", pro, "/purchase-vouchers/{cash}/payments"), status: 400, code: 42},
		{name: "pay without deposit account", method: "POST", path: pay, body: `{"Timestamp":"{ts}","RemainderIsFee":false,"Description":"x","Amount":10}`, status: 400, code: 42},
		{name: "pay stale", method: "POST", path: pay, body: `{"Timestamp":"0000000000000001","DepositAccountNumber":55000,"RemainderIsFee":false,"Description":"x","Amount":10}`, status: 400, code: 58},
		{name: "pay", method: "POST", path: pay, body: `{"Timestamp":"{ts}","DepositAccountNumber":55000,"RemainderIsFee":false,"Description":"Rest","Amount":-5}`,
			status: 200, save: map[string]string{"p": "Guid", "ts": "TimeStamp"}},
		{name: "delete payment stale", method: "DELETE", path: pay + "/{p}/0000000000000001", status: 400, code: 58},
		{name: "delete payment unknown", method: "DELETE", path: pay + "/" + noGUID + "/{ts}", status: 404, code: 40},
		{name: "delete payment", method: "DELETE", path: pay + "/{p}/{ts}", status: 200, check: hasKeys("TimeStamp")},
	})
}

// TestLedgerBookingIsAsynchronous: a ledger item stays PendingBooking until
// the booking delay has passed.
func TestLedgerBookingIsAsynchronous(t *testing.T) {
	e := newEnv(t, nil)
	li := e.org().LedgerItems[1]
	status := func() string {
		r := e.do("POST", orgPath("v1", pro, "/ledgeritems/status"), tokRW, `[{"Id":"`+li.ID+`"}]`)
		expect(t, r, 200, 0)
		return r.array(t)[0]["Status"].(string)
	}
	expect(t, e.do("POST", orgPath("v1", pro, "/ledgeritems/book"), tokRW, `[{"Id":"`+li.ID+`","Version":"`+formatStamp(li.Version)+`"}]`), 200, 0)
	e.clock.Advance(bookingDelay - time.Millisecond)
	if s := status(); s != "PendingBooking" {
		t.Fatalf("status %s before the delay", s)
	}
	e.clock.Advance(time.Millisecond)
	if s := status(); s != "Booked" {
		t.Fatalf("status %s after the delay", s)
	}
}
