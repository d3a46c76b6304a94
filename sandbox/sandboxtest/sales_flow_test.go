package sandboxtest_test

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/dinero-tui/dinero-tui/sandbox"
	"github.com/dinero-tui/dinero-tui/sandbox/demodata"
	"github.com/dinero-tui/dinero-tui/sandbox/sandboxtest"
)

// apiClient is a small independent Dinero client: JSON in, JSON out.
type apiClient struct {
	t    *testing.T
	hc   *http.Client
	base string
}

func (a apiClient) call(method, path, body string, out any) int {
	a.t.Helper()
	var rd io.Reader
	if body != "" {
		rd = strings.NewReader(body)
	}
	req, err := http.NewRequest(method, a.base+path, rd)
	if err != nil {
		a.t.Fatal(err)
	}
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	res, err := a.hc.Do(req)
	if err != nil {
		a.t.Fatal(err)
	}
	defer res.Body.Close()
	data, _ := io.ReadAll(res.Body)
	if res.StatusCode == 200 && out != nil && len(data) > 0 {
		if err := json.Unmarshal(data, out); err != nil {
			a.t.Fatalf("%s %s: %v\n%s", method, path, err, data)
		}
	}
	if res.StatusCode != 200 {
		a.t.Logf("%s %s: HTTP %d %s", method, path, res.StatusCode, data)
	}
	return res.StatusCode
}

type page struct {
	Collection []map[string]any
}

// TestIndependentClientSalesFlow: a client that knows only the public
// API lists trade offers, credit notes and the reminders of an overdue
// invoice, then makes a trade offer, invoices it and books the invoice.
func TestIndependentClientSalesFlow(t *testing.T) {
	clock := func() time.Time { return time.Date(2026, 11, 2, 10, 0, 0, 0, time.UTC) }
	sb := sandboxtest.Start(t, sandbox.Options{AutoApprove: true, Now: clock})
	a := apiClient{t: t, hc: sandboxtest.BearerClient(sandboxtest.AccessToken(t, sb)),
		base: fmt.Sprintf("%s/v1/%d", sb.APIURL, demodata.OrgCarpenter)}

	var offers, notes, overdue, contacts page
	if a.call("GET", "/tradeoffers?fields=Guid,ContactName,Status,TotalInclVat", "", &offers) != 200 || len(offers.Collection) == 0 {
		t.Fatal("no trade offers in the demo data")
	}
	if a.call("GET", "/sales/creditnotes", "", &notes) != 200 || len(notes.Collection) == 0 {
		t.Fatal("no credit notes in the demo data")
	}
	if a.call("GET", "/invoices?statusFilter=Overdue&fields=Guid,Number", "", &overdue) != 200 || len(overdue.Collection) == 0 {
		t.Fatal("no overdue invoices in the demo data")
	}
	found := false
	for _, inv := range overdue.Collection[:min(len(overdue.Collection), 5)] {
		var reminders []map[string]any
		if a.call("GET", "/invoices/"+inv["Guid"].(string)+"/reminders", "", &reminders) != 200 {
			t.Fatal("reminders of an overdue invoice")
		}
		if len(reminders) > 0 {
			found = true
			break
		}
	}
	if !found {
		t.Fatal("none of the first overdue invoices has reminders")
	}

	if a.call("GET", "/contacts?pageSize=1&fields=ContactGuid", "", &contacts) != 200 {
		t.Fatal("contacts")
	}
	var created struct{ Guid, TimeStamp string }
	body := `{"ContactGuid":"` + contacts.Collection[0]["ContactGuid"].(string) + `","Description":"Tilbud på ny carport",
		"ProductLines":[{"BaseAmountValue":18500,"Quantity":1,"AccountNumber":1000,"Discount":0,"Description":"Carport i trykimprægneret fyr","Unit":"parts"}]}`
	if a.call("POST", "/tradeoffers", body, &created) != 200 {
		t.Fatal("create trade offer")
	}
	var inv struct{ Guid, TimeStamp string }
	if a.call("POST", "/tradeoffers/"+created.Guid+"/generate-invoice", `{"Timestamp":"`+created.TimeStamp+`"}`, &inv) != 200 {
		t.Fatal("invoice the trade offer")
	}
	var booked struct{ Number int64 }
	if a.call("POST", "/invoices/"+inv.Guid+"/book", `{"Timestamp":"`+inv.TimeStamp+`"}`, &booked) != 200 || booked.Number == 0 {
		t.Fatal("book the invoice made from the trade offer")
	}
	var offer struct {
		Status            string
		GeneratedVouchers []string
	}
	if a.call("GET", "/tradeoffers/"+created.Guid, "", &offer) != 200 || offer.Status != "Invoiced" ||
		len(offer.GeneratedVouchers) != 1 || offer.GeneratedVouchers[0] != inv.Guid {
		t.Fatalf("trade offer after invoicing: %+v", offer)
	}
}
