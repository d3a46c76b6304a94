package dinero

import (
	"crypto/sha1"
	"fmt"
	"net/url"
	"time"

	"github.com/dinero-tui/dinero-tui/sandbox/demodata"
)

// entry is EntryReadModel plus the time it was added to the ledger.
type entry struct {
	AccountNumber int
	AccountName   *string
	Date          string
	VoucherNumber *int64
	VoucherGuid   *string
	FileGuid      *string
	VoucherType   string
	Description   *string
	VatType       *string
	VatCode       *string
	Amount        float64
	EntryGuid     string
	ContactGuid   *string
	Type          string
	added         time.Time
	seq           int
}

// walkEntries visits the ledger entries of every booked voucher. The entry
// passed to visit is reused; visit must copy what it keeps.
func walkEntries(o *demodata.Organization, visit func(e *entry)) {
	var e entry
	post := func(acc int, amount float64, vat string) {
		if amount == 0 {
			return
		}
		e.AccountNumber, e.Amount, e.VatCode = acc, demodata.Round2(amount), strPtr(vat)
		visit(&e)
		e.seq++
	}
	start := func(guid, date, kind, text, contact, file string, number int64, added time.Time) {
		n := number
		e = entry{Date: date, VoucherNumber: &n, VoucherGuid: &guid, VoucherType: kind, Description: strPtr(text),
			ContactGuid: strPtr(contact), FileGuid: strPtr(file), Type: "Normal", added: added}
	}
	sales := func(inv *demodata.Invoice, sign float64, kind string) {
		start(inv.Guid, inv.Date, kind, inv.Description, inv.ContactGuid, "", inv.Number, inv.BookedAt)
		for _, l := range inv.Lines {
			vat := ""
			if o.VatRate(l.AccountNumber) > 0 {
				vat = "U25"
			}
			post(l.AccountNumber, -sign*l.LineTotal(), vat)
		}
		post(demodata.AccountSalesVat, -sign*inv.TotalVat, "")
		post(demodata.AccountDebtors, sign*inv.TotalInclVat, "")
	}
	for _, inv := range o.Invoices {
		if !inv.Booked {
			continue
		}
		sales(inv, 1, "Sales")
		for _, p := range inv.Payments {
			at, _ := time.Parse("2006-01-02", p.PaymentDate)
			voucher := p.VoucherGuid // the voucher booked for the payment
			if voucher == "" {
				voucher = inv.Guid
			}
			start(voucher, p.PaymentDate, "Payment", p.Description, inv.ContactGuid, "", inv.Number, at.Add(10*time.Hour))
			e.seq = 100 + len(inv.Lines)
			post(p.DepositAccountNumber, p.Amount, "")
			post(demodata.AccountDebtors, -p.Amount, "")
		}
	}
	for _, cn := range o.CreditNotes {
		if cn.Booked {
			sales(cn, -1, "CreditNote")
		}
	}
	for _, pv := range o.PurchaseVouchers {
		if !pv.Booked {
			continue
		}
		start(pv.Guid, pv.VoucherDate, "Purchases", "", pv.ContactGuid, pv.FileGuid, pv.VoucherNumber, pv.BookedAt)
		var total, vatSum float64
		for _, l := range pv.Lines {
			rate := 0.0
			for _, v := range o.VatTypes {
				if v.Code == l.VatCode {
					rate = v.Rate
				}
			}
			vat := demodata.Round2(l.Amount - l.Amount/(1+rate))
			e.Description = strPtr(l.Description)
			post(l.AccountNumber, l.Amount-vat, l.VatCode)
			total, vatSum = total+l.Amount, vatSum+vat
		}
		post(demodata.AccountPurchaseVat, vatSum, "")
		against := pv.DepositAccountNumber
		if pv.PurchaseType == "credit" || against == 0 {
			against = demodata.AccountCreditors
		}
		post(against, -total, "")
	}
	for _, mv := range o.ManualVouchers {
		if !mv.Booked {
			continue
		}
		start(mv.Guid, mv.VoucherDate, "Manual", "", "", mv.FileGuid, mv.VoucherNumber, mv.BookedAt)
		for _, l := range mv.Lines {
			e.Description = strPtr(l.Description)
			post(l.AccountNumber, l.Amount, "")
			post(l.BalancingAccountNumber, -l.Amount, "")
		}
	}
	walkExtraEntries(o, visit)
}

// finish gives a kept entry its account name, VAT name and stable guid.
func finish(o *demodata.Organization, e entry) entry {
	for _, a := range o.Accounts {
		if a.Number == e.AccountNumber {
			e.AccountName = strPtr(a.Name)
		}
	}
	for _, d := range o.DepositAccounts {
		if d.Number == e.AccountNumber {
			e.AccountName = strPtr(d.Name)
		}
	}
	if e.VatCode != nil {
		for _, v := range o.VatTypes {
			if v.Code == *e.VatCode {
				e.VatType = strPtr(v.Name)
			}
		}
	}
	key := fmt.Sprintf("%s/%s/%d/%d", e.Type, e.Date, e.AccountNumber, e.seq)
	if e.VoucherGuid != nil {
		key = *e.VoucherGuid + "/" + key
	}
	h := sha1.Sum([]byte(key))
	h[6], h[8] = h[6]&0x0f|0x50, h[8]&0x3f|0x80
	e.EntryGuid = fmt.Sprintf("%x-%x-%x-%x-%x", h[0:4], h[4:6], h[6:8], h[8:10], h[10:16])
	return e
}

// parseDay reads a date parameter given as YYYY-MM-DD or a date-time.
func parseDay(q url.Values, name string) (time.Time, *apiError) {
	v := q.Get(name)
	if v == "" {
		return time.Time{}, invalid(name, name+" is required (YYYY-MM-DD).")
	}
	for _, layout := range []string{"2006-01-02", "2006-01-02T15:04:05Z07:00", "2006-01-02T15:04:05"} {
		if t, err := time.Parse(layout, v); err == nil {
			return t.UTC(), nil
		}
	}
	return time.Time{}, invalid(name, name+" must be a date (YYYY-MM-DD) or a date-time.")
}

func parseIncludePrimo(q url.Values) (bool, *apiError) {
	switch q.Get("includePrimo") {
	case "", "true", "True":
		return true, nil
	case "false", "False":
		return false, nil
	}
	return false, invalid("includePrimo", "includePrimo must be true or false.")
}

func listEntries(c *call) error {
	q := c.r.URL.Query()
	from, err := parseDay(q, "fromDate")
	if err != nil {
		return err
	}
	to, err := parseDay(q, "toDate")
	if err != nil {
		return err
	}
	primo, err := parseIncludePrimo(q)
	if err != nil {
		return err
	}
	f, t := from.Format("2006-01-02"), to.Format("2006-01-02")
	if f > t {
		return invalid("fromDate", "fromDate must not be after toDate.")
	}
	defer c.lock()()
	var year *demodata.AccountingYear
	for i, y := range c.org.data.AccountingYears {
		if f >= y.FromDate && f <= y.ToDate {
			year = &c.org.data.AccountingYears[i]
		}
	}
	if year == nil || t > year.ToDate {
		return invalid("toDate", "The period must lie inside one accounting year; see /accountingyears.")
	}
	out := []entry{}
	opening := map[int]float64{}
	walkEntries(c.org.data, func(e *entry) {
		switch {
		case e.Date >= f && e.Date <= t:
			out = append(out, finish(c.org.data, *e))
		case primo && e.Date < year.FromDate && e.AccountNumber >= 5500:
			opening[e.AccountNumber] += e.Amount
		}
	})
	if primo && f == year.FromDate {
		for _, acc := range sortedKeys(opening) {
			if amount := demodata.Round2(opening[acc]); amount != 0 {
				out = append(out, finish(c.org.data, entry{AccountNumber: acc, Date: year.FromDate, VoucherType: "Primo",
					Description: strPtr("Primo " + year.Name), Amount: amount, Type: "Primo"}))
			}
		}
	}
	return c.ok(out)
}

func listEntryChanges(c *call) error {
	q := c.r.URL.Query()
	from, err := parseDay(q, "changesFrom")
	if err != nil {
		return err
	}
	to, err := parseDay(q, "changesTo")
	if err != nil {
		return err
	}
	if _, err := parseIncludePrimo(q); err != nil {
		return err
	}
	switch {
	case to.Before(from):
		return invalid("changesFrom", "changesFrom must not be after changesTo.")
	case to.Sub(from) > 31*24*time.Hour:
		return invalid("changesTo", "The time range can be at most 31 days.")
	}
	if len(q.Get("changesTo")) == len("2006-01-02") {
		to = to.Add(24*time.Hour - time.Nanosecond) // a bare date covers the whole day
	}
	defer c.lock()()
	out := []entry{}
	walkEntries(c.org.data, func(e *entry) {
		if !e.added.Before(from) && !e.added.After(to) {
			out = append(out, finish(c.org.data, *e))
		}
	})
	return c.ok(out)
}

func sortedKeys(m map[int]float64) []int {
	keys := make([]int, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	for i := 1; i < len(keys); i++ {
		for j := i; j > 0 && keys[j] < keys[j-1]; j-- {
			keys[j], keys[j-1] = keys[j-1], keys[j]
		}
	}
	return keys
}
