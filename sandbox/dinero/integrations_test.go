package dinero

import (
	"math"
	"net/http"
	"testing"

	"github.com/dinero-tui/dinero-tui/sandbox/demodata"
)

func TestWebhooksHTTP(t *testing.T) {
	e := newEnv(t, nil)
	base := orgPath("v1", pro, "/webhooks")
	runSteps(t, e, vars{}, []step{
		{name: "events", method: "GET", path: base + "/events", status: 200, check: bodyHas(`"EventId":"entries"`)},
		{name: "events wrong version", method: "GET", path: orgPath("v2", pro, "/webhooks/events"), status: 404},
		{name: "subscriptions", method: "GET", path: base + "/subscriptions", status: 200, check: arrayLen(1)},
		{name: "subscriptions of another org", method: "GET", path: orgPath("v1", demodata.OrgForeign, "/webhooks/subscriptions"), status: 403, code: 41},
		{name: "subscribe unknown event", method: "POST", path: base + "/subscribe", body: `{"EventId":"weather","Uri":"https://example.dk/hook"}`, status: 400, code: 42},
		{name: "subscribe plain http", method: "POST", path: base + "/subscribe", body: `{"EventId":"invoices","Uri":"http://example.dk/hook"}`, status: 400, code: 42},
		{name: "subscribe", method: "POST", path: base + "/subscribe", body: `{"EventId":"invoices","Uri":"https://hooks.kjaergaard-toemrer.dk/dinero"}`, status: 200},
		{name: "subscribe loopback", method: "POST", path: base + "/subscribe", body: `{"EventId":"contacts","Uri":"http://127.0.0.1:8080/hook"}`, status: 200},
		{name: "listed", method: "GET", path: base + "/subscriptions", status: 200, check: arrayLen(3)},
		{name: "unsubscribe unknown", method: "DELETE", path: base + "/unsubscribe", body: `{"EventId":"products"}`, status: 404, code: 40},
		{name: "unsubscribe without event", method: "DELETE", path: base + "/unsubscribe", body: `{}`, status: 400, code: 42},
		{name: "unsubscribe", method: "DELETE", path: base + "/unsubscribe", body: `{"EventId":"invoices"}`, status: 200},
		{name: "gone", method: "GET", path: base + "/subscriptions", status: 200, check: arrayLen(2)},
	})
}

func TestAttachmentsHTTP(t *testing.T) {
	e := newEnv(t, nil)
	o := e.org()
	to := o.TradeOffers[len(o.TradeOffers)-1]
	v := vars{"to": to.Guid, "inv": e.bookedInvoice().Guid, "file": o.Files[0].Guid, "terms": o.DefaultAttachments["Invoice"][0]}
	base := orgPath("v1", pro, "/attachments")
	runSteps(t, e, v, []step{
		{name: "demo trade offer has terms", method: "GET", path: base + "/" + o.TradeOffers[0].Guid, status: 200, check: bodyHas(`"FileName":"Handelsbetingelser.pdf"`)},
		{name: "none yet", method: "GET", path: base + "/{inv}", status: 200, check: arrayLen(0)},
		{name: "unknown document", method: "GET", path: base + "/" + noGUID, status: 404, code: 40},
		{name: "bind unknown file", method: "POST", path: base + "/{inv}/webnosuchfile/bilag.pdf", status: 404, code: 40},
		{name: "bind", method: "POST", path: base + "/{inv}/{file}/tegning.pdf", status: 200},
		{name: "bind twice", method: "POST", path: base + "/{inv}/{file}/tegning.pdf", status: 200},
		{name: "bound once", method: "GET", path: base + "/{inv}", status: 200, check: arrayLen(1)},
		{name: "default of the wrong type", method: "POST", path: base + "/bind/default/{inv}/TradeOffer", status: 400, code: 42},
		{name: "default of an unknown type", method: "POST", path: base + "/bind/default/{inv}/Receipt", status: 400, code: 42},
		{name: "default", method: "POST", path: base + "/bind/default/{inv}/Invoice", status: 200},
		{name: "both", method: "GET", path: base + "/{inv}", status: 200, check: bodyHas(`"FileGuid":"{terms}"`, `"FileName":"tegning.pdf"`, `"OrganizationId":104871`)},
		{name: "remove unknown", method: "DELETE", path: base + "/{to}/{file}", status: 404, code: 40},
		{name: "remove", method: "DELETE", path: base + "/{inv}/{file}", status: 200},
		{name: "one left", method: "GET", path: base + "/{inv}", status: 200, check: arrayLen(1)},
	})
}

func TestReportsHTTP(t *testing.T) {
	e := newEnv(t, nil)
	rep := func(kind, q string) string { return orgPath("v1", pro, "/2026/reports/"+kind+q) }
	sum := func(t *testing.T, r resp) float64 {
		var s float64
		for _, row := range r.array(t) {
			if row["AccountNumber"].(float64) != 0 {
				s += row["Amount"].(float64)
			}
		}
		return demodata.Round2(s)
	}
	runSteps(t, e, vars{}, []step{
		{name: "result", method: "GET", path: rep("result", ""), status: 200, check: bodyHas(`"AccountName":"Salg af varer og ydelser m/moms"`, `"Rykkergebyrer"`, ` i alt"`)},
		{name: "result without summaries", method: "GET", path: rep("result", "?includeSummaryAccount=false&showAccountNo=true"), status: 200,
			check: bodyHas(`"AccountName":"1000 Salg af varer og ydelser m/moms"`)},
		{name: "result bad flag", method: "GET", path: rep("result", "?showZeroAccount=ja"), status: 400, code: 42},
		{name: "balance", method: "GET", path: rep("balance", ""), status: 200, check: bodyHas(`"AccountNumber":55000`, `"AccountNumber":5600`)},
		{name: "balance unknown year", method: "GET", path: orgPath("v1", pro, "/1999/reports/balance"), status: 404, code: 40},
		{name: "primo", method: "GET", path: rep("primo", "?showVatType=true"), status: 200, check: bodyHas(`"AccountNumber":7500`)},
		{name: "primo bad flag", method: "GET", path: rep("primo", "?includeSummaryAccount=2"), status: 400, code: 42},
		{name: "saldo balances", method: "GET", path: rep("saldo", "?includeSummaryAccount=false"), status: 200,
			check: func(t *testing.T, r resp, _ vars) {
				if s := sum(t, r); math.Abs(s) > 0.01 {
					t.Fatalf("the saldo balance sums to %.2f, want 0", s)
				}
			}},
		{name: "saldo unknown year", method: "GET", path: orgPath("v1", pro, "/nu/reports/saldo"), status: 404, code: 40},
	})
}

func TestStateOfAccountAndSettingsHTTP(t *testing.T) {
	e := newEnv(t, nil)
	inv := e.overdue(true)
	v := vars{"contact": inv.ContactGuid}
	base := orgPath("v1", pro, "/state-of-account/{contact}")
	runSteps(t, e, v, []step{
		{name: "state", method: "GET", path: base, status: 200, check: bodyHas(`"ContactGuid":"{contact}"`, `"Type":"Invoice"`, `"Status":"open"`)},
		{name: "state hide closed", method: "GET", path: base + "?hideClosed=true&from=2025-01-01T00:00:00Z&to=2026-12-31", status: 200, check: hasKeys("Income", "Expenses", "Entries")},
		{name: "state bad period", method: "GET", path: base + "?from=2026-12-01&to=2026-01-01", status: 400, code: 42},
		{name: "state unknown contact", method: "GET", path: orgPath("v1", pro, "/state-of-account/"+noGUID), status: 404, code: 40},
		{name: "pdf", method: "GET", path: base + "/pdf", status: 200, check: isPDF},
		{name: "pdf bad flag", method: "GET", path: base + "/pdf?hideClosed=nej", status: 400, code: 42},
		{name: "email without flags", method: "POST", path: base + "/email", body: `{}`, status: 400, code: 42},
		{name: "email", method: "POST", path: base + "/email", body: `{"CCToSender":true,"HideClosed":false,"Receiver":"bogholderi@kunde.dk"}`, status: 200},
		{name: "settings", method: "GET", path: orgPath("v1", pro, "/sales/settings"), status: 200,
			check: bodyHas(`"ReminderFee":100`, `"PaymentConditionType":"Netto"`, `"DefaultAccountNumber":1000`)},
		{name: "settings of an unreachable organization", method: "GET", path: orgPath("v1", demodata.OrgForeign, "/sales/settings"), status: 403, code: 41},
		{name: "settings wrong version", method: "GET", path: orgPath("v2", pro, "/sales/settings"), status: 404},
	})
	if n := len(e.org().Mailouts); e.org().Mailouts[n-1].Receiver != "bogholderi@kunde.dk" {
		t.Fatalf("the state of account email was not recorded: %+v", e.org().Mailouts[n-1])
	}
}

// TestEmailIsRecordedNotSent: mail-outs land in the organization's list.
func TestEmailIsRecordedNotSent(t *testing.T) {
	e := newEnv(t, nil)
	inv := e.bookedInvoice()
	before := len(e.org().Mailouts)
	r := e.do(http.MethodPost, orgPath("v1", pro, "/invoices/"+inv.Guid+"/email"), tokRW,
		`{"ShouldAddTrustPilotEmailAsBcc":false,"Subject":"Faktura fra Kjærgård","Message":"Hej! Se [link-to-pdf]"}`)
	expect(t, r, 200, 0)
	if got := e.org().Mailouts; len(got) != before+1 || got[before].Subject != "Faktura fra Kjærgård" {
		t.Fatalf("mail-out not recorded: %d -> %d", before, len(got))
	}
}
