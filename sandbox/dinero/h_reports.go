package dinero

import (
	"net/url"
	"sort"
	"strconv"

	"github.com/dinero-tui/dinero-tui/sandbox/demodata"
)

// Reports sum the booked entries of one whole accounting year.

// resultCategories are the account categories of the result (profit and
// loss) report; every other account belongs to the balance.
var resultCategories = map[string]bool{"Turnover": true, "Variable Expenses": true, "Salary": true,
	"Sales Expenses": true, "Property Expenses": true, "Administration Expenses": true, "Travel Expenses": true,
	"Depreciation": true, "Interest Income": true, "Interest Expenses": true}

// accountEquityPrimo receives the result of earlier years in the primo balance.
const accountEquityPrimo = 7500

type reportRow struct {
	AccountName   *string
	AccountNumber int
	Amount        float64
}

type reportOpts struct {
	zero, number, summary, ledger, vat bool
}

func parseReportOpts(q url.Values) (reportOpts, *apiError) {
	var o reportOpts
	for _, f := range []struct {
		name string
		dst  *bool
		def  bool
	}{{"showZeroAccount", &o.zero, false}, {"showAccountNo", &o.number, false}, {"includeSummaryAccount", &o.summary, true},
		{"includeLedgerEntries", &o.ledger, false}, {"showVatType", &o.vat, false}} {
		*f.dst = f.def
		if v := q.Get(f.name); v != "" {
			b, err := strconv.ParseBool(v)
			if err != nil {
				return o, invalid(f.name, f.name+" must be true or false.")
			}
			*f.dst = b
		}
	}
	return o, nil
}

// reportAccount is an account or deposit account as the reports list it.
type reportAccount struct {
	number         int
	name, vat, cat string
	catName        string
}

func reportAccounts(o *demodata.Organization) []reportAccount {
	var out []reportAccount
	for _, a := range o.Accounts {
		out = append(out, reportAccount{a.Number, a.Name, a.VatCode, a.Category, a.CategoryName})
	}
	for _, d := range o.DepositAccounts {
		out = append(out, reportAccount{d.Number, d.Name, "", "Cash", "Likvide beholdninger"})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].number < out[j].number })
	return out
}

// sums adds up the amounts per account of the entries dated in [from, to];
// with ledger, unbooked ledger items count too.
func sums(o *demodata.Organization, from, to string, ledger bool) map[int]float64 {
	m := map[int]float64{}
	walkEntries(o, func(e *entry) {
		if e.Date >= from && e.Date <= to {
			m[e.AccountNumber] += e.Amount
		}
	})
	if ledger {
		for _, li := range o.LedgerItems {
			if li.Deleted || li.Status == "Booked" || li.VoucherDate < from || li.VoucherDate > to {
				continue
			}
			for _, l := range li.Lines {
				m[l.AccountNumber] += l.Amount
				m[l.BalancingAccountNumber] -= l.Amount
			}
		}
	}
	return m
}

// rows renders the accounts keep selects, with category subtotals when asked.
func (ro reportOpts) rows(accounts []reportAccount, m map[int]float64, keep func(reportAccount) bool) []reportRow {
	out := []reportRow{}
	var cat string
	var subtotal float64
	flush := func() {
		if ro.summary && cat != "" {
			out = append(out, reportRow{strPtr(cat + " i alt"), 0, demodata.Round2(subtotal)})
		}
	}
	for _, a := range accounts {
		if !keep(a) {
			continue
		}
		amount := demodata.Round2(m[a.number])
		if amount == 0 && !ro.zero {
			continue
		}
		if a.catName != cat {
			flush()
			cat, subtotal = a.catName, 0
		}
		subtotal += amount
		name := a.name
		if ro.number {
			name = strconv.Itoa(a.number) + " " + name
		}
		if ro.vat && a.vat != "" {
			name += " (" + a.vat + ")"
		}
		out = append(out, reportRow{strPtr(name), a.number, amount})
	}
	flush()
	return out
}

// reportYear resolves {accountingYear} by name.
func (c *call) reportYear() (demodata.AccountingYear, *apiError) {
	for _, y := range c.org.data.AccountingYears {
		if y.Name == c.params["accountingYear"] {
			return y, nil
		}
	}
	return demodata.AccountingYear{}, notFound("The accounting year " + c.params["accountingYear"])
}

func report(c *call, kind string) error {
	ro, err := parseReportOpts(c.r.URL.Query())
	if err != nil {
		return err
	}
	defer c.lock()()
	y, err := c.reportYear()
	if err != nil {
		return err
	}
	accounts := reportAccounts(c.org.data)
	isResult := func(a reportAccount) bool { return resultCategories[a.cat] }
	isBalance := func(a reportAccount) bool { return !resultCategories[a.cat] }
	switch kind {
	case "result":
		return c.ok(ro.rows(accounts, sums(c.org.data, y.FromDate, y.ToDate, ro.ledger), isResult))
	case "primo":
		return c.ok(ro.rows(accounts, c.primo(y, accounts, false), isBalance))
	case "balance":
		m := c.primo(y, accounts, ro.ledger)
		for n, v := range sums(c.org.data, y.FromDate, y.ToDate, ro.ledger) {
			m[n] += v
		}
		return c.ok(ro.rows(accounts, m, isBalance))
	}
	// saldo: the year's result accounts and the balance accounts from primo.
	m := sums(c.org.data, y.FromDate, y.ToDate, ro.ledger)
	for n, v := range c.primo(y, accounts, ro.ledger) {
		m[n] += v
	}
	return c.ok(ro.rows(accounts, m, func(reportAccount) bool { return true }))
}

// primo is the opening balance of year y: balance accounts carried over,
// and earlier years' result moved to equity.
func (c *call) primo(y demodata.AccountingYear, accounts []reportAccount, ledger bool) map[int]float64 {
	before := sums(c.org.data, "0000-00-00", dayBefore(y.FromDate), ledger)
	m := map[int]float64{}
	for _, a := range accounts {
		if resultCategories[a.cat] {
			m[accountEquityPrimo] += before[a.number]
		} else {
			m[a.number] += before[a.number]
		}
	}
	return m
}

func dayBefore(day string) string {
	t, err := parseISODay(day)
	if err != nil {
		return day
	}
	return t.AddDate(0, 0, -1).Format("2006-01-02")
}

func saldoReport(c *call) error   { return report(c, "saldo") }
func resultReport(c *call) error  { return report(c, "result") }
func primoReport(c *call) error   { return report(c, "primo") }
func balanceReport(c *call) error { return report(c, "balance") }
