package dinero

import (
	"testing"
	"time"
)

func TestRemindersHTTP(t *testing.T) {
	e := newEnv(t, nil)
	inv, reminded, booked := e.overdue(false), e.overdue(true), e.bookedInvoice()
	due, _ := time.Parse("2006-01-02", inv.PaymentDate)
	v := vars{"inv": inv.Guid, "ts": formatStamp(inv.TimeStamp), "reminded": reminded.Guid, "booked": booked.Guid,
		"d1": due.AddDate(0, 0, 1).Format("2006-01-02"), "d1b": due.AddDate(0, 0, 3).Format("2006-01-02"),
		"tooSoon": due.AddDate(0, 0, 8).Format("2006-01-02"), "d2": due.AddDate(0, 0, 14).Format("2006-01-02")}
	base := orgPath("v1", pro, "/invoices/{inv}/reminders")
	flags := `"WithDebtCollectionWarning":false,"WithFee":false,"WithInterestFee":false,"WithCompensationFee":false`
	add := `{"Timestamp":"{ts}","Date":"{d1}",` + flags + `}`
	runSteps(t, e, v, []step{
		{name: "list none yet", method: "GET", path: base, status: 200, check: arrayLen(0)},
		{name: "list demo reminders", method: "GET", path: orgPath("v1", pro, "/invoices/{reminded}/reminders"), status: 200,
			check: bodyHas(`"Number":1`, `"IsDraft":`)},
		{name: "list bad changesSince", method: "GET", path: base + "?changesSince=2026-11-02", status: 400, code: 42},
		{name: "next", method: "GET", path: base + "/next", status: 200, check: bodyHas(`"Number":1`, `"IsDraft":true`)},
		{name: "next of an invoice not overdue", method: "GET", path: orgPath("v1", pro, "/invoices/{booked}/reminders/next"), status: 400, code: 42},
		{name: "fetch without date", method: "POST", path: base + "/fetch", body: `{` + flags + `}`, status: 400, code: 42},
		{name: "fetch", method: "POST", path: base + "/fetch", body: `{"Date":"{d1}","WithDebtCollectionWarning":false,"WithFee":true,"WithInterestFee":false,"WithCompensationFee":false}`,
			status: 200, check: bodyHas(`"FeeAmount":100`)},
		{name: "email template without a booked reminder", method: "GET", path: base + "/email/template", status: 400, code: 42},
		{name: "add without flags", method: "POST", path: base, body: `{"Timestamp":"{ts}","Date":"{d1}"}`, status: 400, code: 42},
		{name: "add stale", method: "POST", path: base, body: `{"Timestamp":"0000000000000001","Date":"{d1}",` + flags + `}`, status: 400, code: 58},
		{name: "add before the due date", method: "POST", path: base, body: `{"Timestamp":"{ts}","Date":"` + inv.PaymentDate + `",` + flags + `}`, status: 400, code: 42},
		{name: "add", method: "POST", path: base, body: add, status: 200, save: map[string]string{"id": "Id", "rts": "Timestamp"},
			check: bodyHas(`"IsDraft":true`, `"Number":1`)},
		{name: "invoice got a new version", method: "GET", path: orgPath("v1", pro, "/invoices/{inv}"), status: 200, save: map[string]string{"ts": "TimeStamp"}},
		{name: "add while a draft exists", method: "POST", path: base, body: `{"Timestamp":"{ts}","Date":"{d2}",` + flags + `}`, status: 400, code: 42},
		{name: "get", method: "GET", path: base + "/{id}", status: 200, check: bodyHas(`"Id":{id}`)},
		{name: "get pdf", method: "GET", path: base + "/{id}", accept: "application/octet-stream", status: 200, check: isPDF},
		{name: "get bad id", method: "GET", path: base + "/abc", status: 400, code: 42},
		{name: "get unknown id", method: "GET", path: base + "/99999", status: 404, code: 40},
		{name: "update stale", method: "PUT", path: base + "/{id}", body: `{"Timestamp":"0000000000000001","Date":"{d1b}",` + flags + `}`, status: 400, code: 58},
		{name: "update", method: "PUT", path: base + "/{id}", status: 200, save: map[string]string{"rts": "Timestamp"},
			body:  `{"Timestamp":"{rts}","Date":"{d1b}","WithDebtCollectionWarning":false,"WithFee":true,"WithInterestFee":true,"WithCompensationFee":false}`,
			check: bodyHas(`"FeeAmount":100`, `"Date":"{d1b}"`)},
		{name: "book stale", method: "POST", path: base + "/{id}/book", body: `{"Timestamp":"0000000000000001"}`, status: 400, code: 58},
		{name: "book", method: "POST", path: base + "/{id}/book", body: `{"Timestamp":"{rts}"}`, status: 200, save: map[string]string{"rts": "Timestamp"},
			check: bodyHas(`"IsDraft":false`)},
		{name: "update booked", method: "PUT", path: base + "/{id}", body: `{"Timestamp":"{rts}","Date":"{d1b}",` + flags + `}`, status: 400, code: 42},
		{name: "book again", method: "POST", path: base + "/{id}/book", body: `{"Timestamp":"{rts}"}`, status: 400, code: 42},
		{name: "email template", method: "GET", path: base + "/email/template", status: 200, check: bodyHas("1. rykker")},
		{name: "email without flag", method: "POST", path: base + "/email", body: `{}`, status: 400, code: 42},
		{name: "email", method: "POST", path: base + "/email", body: mailBody, status: 200, check: bodyHas("Recipients")},
		{name: "e-reminder without payment mean", method: "POST", path: base + "/{id}/e-reminder", body: `{}`, status: 400, code: 42},
		{name: "e-reminder with a bad EAN", method: "POST", path: base + "/{id}/e-reminder", body: `{"PaymentMeanEnum":"FIK","ReceiverEanNumber":"123"}`, status: 400, code: 42},
		{name: "e-reminder", method: "POST", path: base + "/{id}/e-reminder", body: `{"PaymentMeanEnum":"FIK","ReceiverEanNumber":"5790001234567"}`, status: 200},
		{name: "mail-outs show the reminder", method: "GET", path: orgPath("v1", pro, "/invoices/{inv}/mailouts"), status: 200,
			check: bodyHas(`"Type":"Reminder"`, `"Type":"ElectronicInvoiceReminder"`)},
		{name: "second too soon", method: "POST", path: base, body: `{"Timestamp":"{ts}","Date":"{tooSoon}",` + flags + `}`, status: 400, code: 42},
		{name: "second", method: "POST", path: base, body: `{"Timestamp":"{ts}","Date":"{d2}","WithDebtCollectionWarning":true,"WithFee":true,"WithInterestFee":false,"WithCompensationFee":false}`,
			status: 200, save: map[string]string{"id2": "Id"}, check: bodyHas(`"Number":2`, `"AccumulatedFeesAndInterestAmount":1`, `"DebtCollectionNoticeText":"Betales`)},
		{name: "delete stale", method: "DELETE", path: base + "/{id}", body: `{"Timestamp":"0000000000000001"}`, status: 400, code: 58},
		{name: "delete booked", method: "DELETE", path: base + "/{id}", body: `{"Timestamp":"{rts}"}`, status: 200},
		{name: "get deleted", method: "GET", path: base + "/{id}", status: 404, code: 65},
		{name: "list shows it deleted", method: "GET", path: base, status: 200, check: bodyHas(`"IsDeleted":true`)},
	})
}

// TestReminderLimits: three reminders at most; a compensation fee once,
// and only from a business customer.
func TestReminderLimits(t *testing.T) {
	e := newEnv(t, nil)
	inv := e.overdue(false)
	base := orgPath("v1", pro, "/invoices/"+inv.Guid+"/reminders")
	due, _ := time.Parse("2006-01-02", inv.PaymentDate)
	ts := formatStamp(inv.TimeStamp)
	person := false
	for _, c := range e.org().Contacts {
		if c.Guid == inv.ContactGuid {
			person = c.IsPerson
		}
	}
	for n := 1; n <= 3; n++ {
		body := map[string]any{"Timestamp": ts, "Date": due.AddDate(0, 0, 11*n).Format("2006-01-02"),
			"WithDebtCollectionWarning": false, "WithFee": true, "WithInterestFee": false, "WithCompensationFee": n == 1 && !person}
		r := e.do("POST", base, tokRW, body)
		expect(t, r, 200, 0)
		id := int(r.json(t)["Id"].(float64))
		r = e.do("POST", base+"/"+itoa(id)+"/book", tokRW, map[string]any{"Timestamp": r.json(t)["Timestamp"]})
		expect(t, r, 200, 0)
		ts = e.get(orgPath("v1", pro, "/invoices/"+inv.Guid)).json(t)["TimeStamp"].(string)
	}
	fourth := map[string]any{"Timestamp": ts, "Date": due.AddDate(0, 0, 60).Format("2006-01-02"),
		"WithDebtCollectionWarning": true, "WithFee": true, "WithInterestFee": false, "WithCompensationFee": false}
	expect(t, e.do("POST", base, tokRW, fourth), 400, 42)
	expect(t, e.get(base+"/next"), 400, 42)
}
