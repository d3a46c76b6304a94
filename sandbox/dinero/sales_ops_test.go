package dinero

import (
	"testing"

	"github.com/dinero-tui/dinero-tui/sandbox/demodata"
)

const (
	oneLine  = `[{"baseAmountValue":1000,"quantity":1,"accountNumber":1000,"discount":0,"description":"Lærketræ, høvlet","unit":"metre"}]`
	mailBody = `{"ShouldAddTrustPilotEmailAsBcc":false}`
	noGUID   = "00000000-0000-4000-8000-000000000000"
)

func collectionNotEmpty(t *testing.T, r resp, _ vars) {
	t.Helper()
	if c := decodeCollection(t, r); len(c.Collection) == 0 {
		t.Fatalf("empty collection: %s", r.body)
	}
}

func TestTradeOffersHTTP(t *testing.T) {
	e := newEnv(t, nil)
	base := orgPath("v1", pro, "/tradeoffers")
	upd := orgPath("v1.2", pro, "/tradeoffers")
	v := vars{"contact": e.contactWithEmail().Guid}
	create := `{"ContactGuid":"{contact}","Description":"Tilbud på ny trappe i eg","ProductLines":` + oneLine + `}`
	runSteps(t, e, v, []step{
		{name: "list", method: "GET", path: base + "?fields=Guid,ContactName,Status,TotalInclVat", status: 200, check: collectionNotEmpty},
		{name: "list bad sort", method: "GET", path: base + "?sort=Amount", status: 400, code: 42},
		{name: "list bad changesSince", method: "GET", path: base + "?changesSince=yesterday", status: 400, code: 42},
		{name: "list bad queryFilter field", method: "GET", path: base + "?queryFilter=Status%20eq%20'Draft'", status: 400, code: 42},
		{name: "create without contact", method: "POST", path: base, body: `{"ProductLines":` + oneLine + `}`, status: 400, code: 42},
		{name: "create without lines", method: "POST", path: base, body: `{"ContactGuid":"{contact}","ProductLines":[]}`, status: 400, code: 42},
		{name: "create line without text", method: "POST", path: base, status: 400, code: 42,
			body: `{"ContactGuid":"{contact}","ProductLines":[{"baseAmountValue":1,"quantity":1,"accountNumber":1000,"discount":0}]}`},
		{name: "create", method: "POST", path: base, body: create, status: 200, save: map[string]string{"to": "Guid", "ts": "TimeStamp"}},
		{name: "get", method: "GET", path: base + "/{to}", status: 200, check: bodyHas(`"Status":"Draft"`, `"TotalInclVat":1250`, `"HasGeneratedAnyVouchers":false`)},
		{name: "get pdf", method: "GET", path: base + "/{to}", accept: "application/octet-stream", status: 200, check: isPDF},
		{name: "get unknown", method: "GET", path: base + "/" + noGUID, status: 404, code: 40},
		{name: "list finds it", method: "GET", path: base + "?queryFilter=Description%20contains%20'trappe%20i%20eg'", status: 200, check: bodyHas("{to}")},
		{name: "fetch totals", method: "POST", path: base + "/fetch", body: create, status: 200, check: bodyHas(`"TotalVat":250`)},
		{name: "fetch without lines", method: "POST", path: base + "/fetch", body: `{"ContactGuid":"{contact}"}`, status: 400, code: 42},
		{name: "update stale", method: "PUT", path: upd + "/{to}", status: 400, code: 58,
			body: `{"Timestamp":"0000000000000001","ContactGuid":"{contact}","ProductLines":` + oneLine + `}`},
		{name: "update without timestamp", method: "PUT", path: upd + "/{to}", body: create, status: 400, code: 42},
		{name: "update", method: "PUT", path: upd + "/{to}", status: 200, save: map[string]string{"ts": "TimeStamp"},
			body: `{"Timestamp":"{ts}","ContactGuid":"{contact}","Description":"Tilbud på trappe i ask","ProductLines":` + oneLine + `}`},
		{name: "wrong version update", method: "PUT", path: orgPath("v1", pro, "/tradeoffers/{to}"), body: create, status: 404},
		{name: "email template", method: "GET", path: base + "/{to}/email/template", status: 200, check: hasKeys("Sender", "Receiver", "Subject", "Message", "AddVoucherAsPdfAttachment")},
		{name: "email template unknown", method: "GET", path: base + "/" + noGUID + "/email/template", status: 404, code: 40},
		{name: "email without required flag", method: "POST", path: base + "/{to}/email", body: `{}`, status: 400, code: 42},
		{name: "email message without link", method: "POST", path: base + "/{to}/email", status: 400, code: 42,
			body: `{"ShouldAddTrustPilotEmailAsBcc":false,"Message":"Se tilbuddet"}`},
		{name: "email", method: "POST", path: base + "/{to}/email", body: mailBody, status: 200, check: bodyHas(`"Recipients":[{"Email":`)},
		{name: "mailouts", method: "GET", path: base + "/{to}/mailouts", status: 200, check: arrayLen(1)},
		{name: "mailouts bad changesSince", method: "GET", path: base + "/{to}/mailouts?changesSince=nu", status: 400, code: 42},
		{name: "get after mail", method: "GET", path: base + "/{to}", status: 200, check: bodyHas(`"LatestMailOutType":"TradeOffer"`, `"MailOutStatus":"Sent"`)},
		{name: "generate invoice stale", method: "POST", path: base + "/{to}/generate-invoice", body: `{"Timestamp":"0000000000000001"}`, status: 400, code: 58},
		{name: "generate invoice", method: "POST", path: base + "/{to}/generate-invoice", body: `{"Timestamp":"{ts}"}`, status: 200,
			save: map[string]string{"inv": "Guid", "invts": "TimeStamp"}},
		{name: "book the invoice", method: "POST", path: orgPath("v1", pro, "/invoices/{inv}/book"), body: `{"Timestamp":"{invts}"}`, status: 200},
		{name: "get invoiced", method: "GET", path: base + "/{to}", status: 200, save: map[string]string{"ts": "TimeStamp"},
			check: bodyHas(`"Status":"Invoiced"`, `"GeneratedVouchers":["{inv}"]`)},
		{name: "update invoiced", method: "PUT", path: upd + "/{to}", status: 400, code: 42,
			body: `{"Timestamp":"{ts}","ContactGuid":"{contact}","ProductLines":` + oneLine + `}`},
		{name: "delete invoiced", method: "DELETE", path: base + "/{to}", body: `{"Timestamp":"{ts}"}`, status: 400, code: 42},
		{name: "create another", method: "POST", path: base, body: create, status: 200, save: map[string]string{"to2": "Guid", "ts2": "TimeStamp"}},
		{name: "delete stale", method: "DELETE", path: base + "/{to2}", body: `{"Timestamp":"0000000000000001"}`, status: 400, code: 58},
		{name: "delete", method: "DELETE", path: base + "/{to2}", body: `{"Timestamp":"{ts2}"}`, status: 200},
		{name: "delete again", method: "DELETE", path: base + "/{to2}", status: 404, code: 65},
		{name: "deleted only", method: "GET", path: base + "?deletedOnly=true&fields=Guid,DeletedAt", status: 200, check: bodyHas("{to2}")},
	})
}

func TestSalesCreditNotesHTTP(t *testing.T) {
	e := newEnv(t, nil)
	booked := e.bookedInvoice()
	base := orgPath("v1", pro, "/sales/creditnotes")
	v := vars{"inv": booked.Guid, "invts": formatStamp(booked.TimeStamp), "contact": e.contactWithEmail().Guid}
	create := `{"ContactGuid":"{contact}","CreditNoteFor":"{inv}","ProductLines":` + oneLine + `}`
	pay := `{"Timestamp":"{ts}","DepositAccountNumber":55000,"RemainderIsFee":false,"Description":"Tilbagebetaling","Amount":-1250}`
	runSteps(t, e, v, []step{
		{name: "create for unknown invoice", method: "POST", path: base, body: `{"CreditNoteFor":"` + noGUID + `","ProductLines":` + oneLine + `}`, status: 400, code: 42},
		{name: "create", method: "POST", path: base, body: create, status: 200, save: map[string]string{"cn": "Guid", "ts": "TimeStamp"}},
		{name: "get has no payment date", method: "GET", path: base + "/{cn}", status: 200, check: bodyHas(`"CreditNoteFor":"{inv}"`)},
		{name: "fetch totals", method: "POST", path: base + "/fetch", body: create, status: 200, check: bodyHas(`"CreditNoteFor":"{inv}"`, `"TotalInclVat":1250`)},
		{name: "fetch without lines", method: "POST", path: base + "/fetch", body: `{}`, status: 400, code: 42},
		{name: "update stale", method: "PUT", path: orgPath("v1.2", pro, "/sales/creditnotes/{cn}"), status: 400, code: 58,
			body: `{"Timestamp":"0000000000000001","ProductLines":` + oneLine + `}`},
		{name: "update", method: "PUT", path: orgPath("v1.2", pro, "/sales/creditnotes/{cn}"), status: 200, save: map[string]string{"ts": "TimeStamp"},
			body: `{"Timestamp":"{ts}","ContactGuid":"{contact}","Comment":"Fejl i levering","ProductLines":` + oneLine + `}`},
		{name: "pdf of a draft", method: "GET", path: base + "/{cn}/pdf", status: 400, code: 42},
		{name: "email a draft", method: "POST", path: base + "/{cn}/email", body: mailBody, status: 400, code: 42},
		{name: "book stale", method: "POST", path: base + "/{cn}/book", body: `{"Timestamp":"0000000000000001"}`, status: 400, code: 58},
		{name: "book", method: "POST", path: base + "/{cn}/book", body: `{"Timestamp":"{ts}"}`, status: 200, save: map[string]string{"ts": "TimeStamp"},
			check: bodyHas(`"PaymentDate":null`, `"FikCode":null`, `"Status":"Booked"`, `"PaymentStatus":"Booked"`)},
		{name: "update booked", method: "PUT", path: orgPath("v1.2", pro, "/sales/creditnotes/{cn}"), status: 400, code: 42,
			body: `{"Timestamp":"{ts}","ProductLines":` + oneLine + `}`},
		{name: "delete booked", method: "DELETE", path: base + "/{cn}", body: `{"Timestamp":"{ts}"}`, status: 400, code: 42},
		{name: "pdf", method: "GET", path: base + "/{cn}/pdf", status: 200, check: isPDF},
		{name: "pdf unknown", method: "GET", path: base + "/" + noGUID + "/pdf", status: 404, code: 40},
		{name: "email template", method: "GET", path: base + "/{cn}/email/template", status: 200, check: bodyHas(`"Subject":"Kreditnota `)},
		{name: "email template bad guid", method: "GET", path: base + "/nope/email/template", status: 400, code: 42},
		{name: "email", method: "POST", path: base + "/{cn}/email", body: `{"ShouldAddTrustPilotEmailAsBcc":false,"Receiver":"bogholderi@kunde.dk, ejer@kunde.dk"}`,
			status: 200, check: bodyHas(`{"Email":"ejer@kunde.dk"}`)},
		{name: "email bad receiver", method: "POST", path: base + "/{cn}/email", body: `{"ShouldAddTrustPilotEmailAsBcc":false,"Receiver":"ikke en adresse"}`, status: 400, code: 42},
		{name: "mailouts", method: "GET", path: base + "/{cn}/mailouts", status: 200, check: arrayLen(1)},
		{name: "mailouts unknown", method: "GET", path: base + "/" + noGUID + "/mailouts", status: 404, code: 40},
		{name: "e-credit note without payment mean", method: "POST", path: orgPath("v3", pro, "/sales/creditnotes/{cn}/e-creditNote"), body: `{}`, status: 400, code: 42},
		{name: "e-credit note", method: "POST", path: orgPath("v3", pro, "/sales/creditnotes/{cn}/e-creditNote"), body: `{"PaymentMeanEnum":"FIK"}`, status: 200},
		{name: "payment stale", method: "POST", path: base + "/{cn}/payments", body: `{"Timestamp":"0000000000000001","DepositAccountNumber":55000,"RemainderIsFee":false,"Description":"x","Amount":-1}`, status: 400, code: 58},
		{name: "payment", method: "POST", path: base + "/{cn}/payments", body: pay, status: 200, save: map[string]string{"pay": "Guid", "ts": "TimeStamp"},
			check: func(t *testing.T, r resp, v vars) {
				if r.json(t)["RelatedVoucherGuid"] == v["cn"] {
					t.Fatal("RelatedVoucherGuid must name the payment's voucher, not the credit note")
				}
			}},
		{name: "payments", method: "GET", path: base + "/{cn}/payments", status: 200, check: bodyHas(`"PaidAmount":-1250`, `"{pay}"`)},
		{name: "payments unknown", method: "GET", path: base + "/" + noGUID + "/payments", status: 404, code: 40},
		{name: "delete payment unknown", method: "DELETE", path: base + "/{cn}/payments/" + noGUID, body: `{"Timestamp":"{ts}"}`, status: 404, code: 40},
		{name: "delete payment", method: "DELETE", path: base + "/{cn}/payments/{pay}", body: `{"Timestamp":"{ts}"}`, status: 200, check: hasKeys("TimeStamp")},
		{name: "create draft", method: "POST", path: base, body: `{"ProductLines":` + oneLine + `}`, status: 200, save: map[string]string{"cn2": "Guid", "ts2": "TimeStamp"}},
		{name: "book without contact", method: "POST", path: base + "/{cn2}/book", body: `{"Timestamp":"{ts2}"}`, status: 400, code: 42},
		{name: "delete draft", method: "DELETE", path: base + "/{cn2}", body: `{"Timestamp":"{ts2}"}`, status: 200},
		{name: "from invoice stale", method: "POST", path: orgPath("v1", pro, "/invoices/{inv}/generate-creditnote"), body: `{"Timestamp":"0000000000000001"}`, status: 400, code: 58},
		{name: "from invoice", method: "POST", path: orgPath("v1", pro, "/invoices/{inv}/generate-creditnote"), body: `{"Timestamp":"{invts}"}`, status: 200, save: map[string]string{"cn3": "Guid"}},
		{name: "credit note of invoice", method: "GET", path: base + "/{cn3}", status: 200, check: bodyHas(`"CreditNoteFor":"{inv}"`)},
		{name: "list has them", method: "GET", path: base + "?fields=Guid&pageSize=1000", status: 200, check: bodyHas("{cn}", "{cn3}")},
	})
}

func TestInvoiceExtrasHTTP(t *testing.T) {
	e := newEnv(t, nil)
	booked, draft, overdue := e.bookedInvoice(), e.draftInvoice(), e.overdue(false)
	base := orgPath("v1", pro, "/invoices")
	v := vars{"booked": booked.Guid, "bts": formatStamp(booked.TimeStamp), "draft": draft.Guid, "overdue": overdue.Guid}
	sms := `{"ReceiverPhoneNumber":"+45 20 30 40 50","ReceiverName":"Søren Ærø","Timestamp":"{bts}","IsReminder":false}`
	runSteps(t, e, v, []step{
		{name: "fetch totals", method: "POST", path: base + "/fetch", body: `{"Date":"2026-11-02","PaymentConditionType":"Netto","PaymentConditionNumberOfDays":14,"ProductLines":` + oneLine + `}`,
			status: 200, check: bodyHas(`"PaymentDate":"2026-11-16"`, `"TotalInclVat":1250`, `"CanEnablePensoPay":false`)},
		{name: "fetch bad currency", method: "POST", path: base + "/fetch", body: `{"Currency":"XYZ","ProductLines":` + oneLine + `}`, status: 400, code: 42},
		{name: "templates", method: "GET", path: base + "/templates", status: 200, check: arrayLen(2)},
		{name: "templates of an organization without Pro", method: "GET", path: orgPath("v1", demodata.OrgUnion, "/invoices/templates"), status: 403, code: 90},
		{name: "templates wrong version", method: "GET", path: orgPath("v2", pro, "/invoices/templates"), status: 404},
		{name: "email a draft", method: "POST", path: base + "/{draft}/email", body: mailBody, status: 400, code: 42},
		{name: "email", method: "POST", path: base + "/{booked}/email", body: mailBody, status: 200, check: bodyHas("Recipients")},
		{name: "email template v2", method: "GET", path: orgPath("v2", pro, "/invoices/{booked}/email/template"), status: 200, check: hasKeys("SendAsSms", "SmsReceiverPhoneNumber", "Subject")},
		{name: "email template v2 unknown", method: "GET", path: orgPath("v2", pro, "/invoices/"+noGUID+"/email/template"), status: 404, code: 40},
		{name: "pre-reminder template", method: "GET", path: base + "/{overdue}/email/pre-reminder/template", status: 200, check: bodyHas("Venlig påmindelse")},
		{name: "pre-reminder template unknown", method: "GET", path: base + "/" + noGUID + "/email/pre-reminder/template", status: 404, code: 40},
		{name: "pre-reminder not overdue", method: "POST", path: base + "/{booked}/email/pre-reminder", body: mailBody, status: 400, code: 42},
		{name: "pre-reminder", method: "POST", path: base + "/{overdue}/email/pre-reminder", body: mailBody, status: 200},
		{name: "e-invoice without payment mean", method: "POST", path: orgPath("v3", pro, "/invoices/{booked}/e-invoice"), body: `{}`, status: 400, code: 42},
		{name: "e-invoice of a draft", method: "POST", path: orgPath("v3", pro, "/invoices/{draft}/e-invoice"), body: `{"PaymentMeanEnum":"Domestic"}`, status: 400, code: 42},
		{name: "mailouts bad includeSms", method: "GET", path: base + "/{booked}/mailouts?includeSms=maybe", status: 400, code: 42},
		{name: "mailouts", method: "GET", path: base + "/{booked}/mailouts", status: 200, check: bodyHas(`"Type":"Mailout"`)},
		{name: "sms without name", method: "POST", path: orgPath("v1", pro, "/sms/{booked}/send-sms"), body: `{"ReceiverPhoneNumber":"20304050","Timestamp":"{bts}","IsReminder":false}`, status: 400, code: 42},
		{name: "sms stale", method: "POST", path: orgPath("v1", pro, "/sms/{booked}/send-sms"), body: `{"ReceiverPhoneNumber":"20304050","ReceiverName":"A","Timestamp":"0000000000000001","IsReminder":false}`, status: 400, code: 58},
		{name: "sms", method: "POST", path: orgPath("v1", pro, "/sms/{booked}/send-sms"), body: sms, status: 200},
		{name: "mailouts with sms", method: "GET", path: base + "/{booked}/mailouts?includeSms=true", status: 200, check: bodyHas(`"IsSmsMessage":true`)},
		{name: "mailouts without sms", method: "GET", path: base + "/{booked}/mailouts", status: 200,
			check: func(t *testing.T, r resp, _ vars) {
				for _, m := range r.array(t) {
					if m["IsSmsMessage"] == true {
						t.Fatalf("SMS listed without includeSms: %s", r.body)
					}
				}
			}},
	})
}

// TestEInvoiceNeedsAnAddress: an e-invoice goes to an EAN, CVR, SE or P
// number; a private customer has none.
func TestEInvoiceNeedsAnAddress(t *testing.T) {
	e := newEnv(t, nil)
	var company, person string
	for _, inv := range e.org().Invoices {
		ct := e.org().Contacts[0]
		for _, c := range e.org().Contacts {
			if c.Guid == inv.ContactGuid {
				ct = c
			}
		}
		if inv.Booked && ct.IsPerson && person == "" {
			person = inv.Guid
		}
		if inv.Booked && ct.VatNumber != "" && company == "" {
			company = inv.Guid
		}
	}
	path := func(g string) string { return orgPath("v3", pro, "/invoices/"+g+"/e-invoice") }
	expect(t, e.do("POST", path(person), tokRW, `{"PaymentMeanEnum":"FIK"}`), 400, 42)
	expect(t, e.do("POST", path(company), tokRW, `{"PaymentMeanEnum":"FIK"}`), 200, 0)
	got := e.get(orgPath("v1", pro, "/invoices/"+company+"/mailouts")).array(t)
	if last := got[len(got)-1]; last["Type"] != "Einvoice" {
		t.Fatalf("latest mail-out %v, want an Einvoice", last)
	}
}
