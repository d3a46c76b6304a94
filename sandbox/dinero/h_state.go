package dinero

import (
	"fmt"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/dinero-tui/dinero-tui/sandbox/demodata"
)

func parseISODay(day string) (time.Time, error) { return time.Parse("2006-01-02", day) }

// stateEntryOut is ContactStateOfAccountEntry.
type stateEntryOut struct {
	RelatedVoucherGuid     string
	RelatedVoucherNumber   *string
	Date                   string
	DecayDate              any
	Description            *string
	Type                   string
	Amount                 float64
	Balance                float64
	Status                 string
	RelatedVoucherCategory string
	RelatedVoucherClass    string
	Currency               string
}

type stateOut struct {
	ContactGuid string
	Income      float64
	Expenses    float64
	Entries     []stateEntryOut
}

// statePeriod is the from/to/hideClosed of a state of account, days inclusive.
type statePeriod struct {
	from, to   string
	hideClosed bool
}

func (p statePeriod) has(day string) bool {
	return (p.from == "" || day >= p.from) && (p.to == "" || day <= p.to)
}

func parseStatePeriod(q url.Values) (statePeriod, *apiError) {
	var p statePeriod
	var err *apiError
	if v := q.Get("from"); v != "" {
		if p.from, err = parseDayOrTime(v, "from"); err != nil {
			return p, err
		}
	}
	if v := q.Get("to"); v != "" {
		if p.to, err = parseDayOrTime(v, "to"); err != nil {
			return p, err
		}
	}
	if p.from != "" && p.to != "" && p.from > p.to {
		return p, invalid("from", "from must not be after to.")
	}
	if v := q.Get("hideClosed"); v != "" {
		b, perr := strconv.ParseBool(v)
		if perr != nil {
			return p, invalid("hideClosed", "hideClosed must be true or false.")
		}
		p.hideClosed = b
	}
	return p, nil
}

// stateOfAccount gathers a contact's booked sales and credit purchases.
func (c *call) stateOfAccount(ct *demodata.Contact, p statePeriod) stateOut {
	out := stateOut{ContactGuid: ct.Guid, Entries: []stateEntryOut{}}
	add := func(e stateEntryOut) {
		if p.has(e.Date) && !(p.hideClosed && e.Status == "closed") {
			e.Date = e.Date + "T00:00:00Z"
			out.Entries = append(out.Entries, e)
		}
	}
	num := func(n int64) *string { s := strconv.FormatInt(n, 10); return &s }
	for _, inv := range c.org.data.Invoices {
		if !inv.Booked || inv.ContactGuid != ct.Guid || inv.DeletedAt != nil {
			continue
		}
		status := "open"
		if inv.Paid() >= inv.TotalInclVat {
			status = "closed"
		}
		if p.has(inv.Date) {
			out.Income += inv.TotalInclVat
		}
		add(stateEntryOut{RelatedVoucherGuid: inv.Guid, RelatedVoucherNumber: num(inv.Number), Date: inv.Date,
			DecayDate: dayTime(inv.PaymentDate), Description: strPtr(inv.Description), Type: "Invoice",
			Amount: inv.TotalInclVat, Status: status, RelatedVoucherCategory: "sales", RelatedVoucherClass: "invoice",
			Currency: inv.Currency})
		for _, pay := range inv.Payments {
			add(stateEntryOut{RelatedVoucherGuid: inv.Guid, RelatedVoucherNumber: num(inv.Number), Date: pay.PaymentDate,
				Description: strPtr(pay.Description), Type: "Payment", Amount: -pay.Amount, Status: status,
				RelatedVoucherCategory: "sales", RelatedVoucherClass: "invoice", Currency: inv.Currency})
		}
	}
	for _, cn := range c.org.data.CreditNotes {
		if !cn.Booked || cn.ContactGuid != ct.Guid || cn.DeletedAt != nil {
			continue
		}
		if p.has(cn.Date) {
			out.Income -= cn.TotalInclVat
		}
		add(stateEntryOut{RelatedVoucherGuid: cn.Guid, RelatedVoucherNumber: num(cn.Number), Date: cn.Date,
			Description: strPtr(cn.Description), Type: "CreditNote", Amount: -cn.TotalInclVat, Status: "closed",
			RelatedVoucherCategory: "sales", RelatedVoucherClass: "creditnote", Currency: cn.Currency})
	}
	for _, pv := range c.org.data.PurchaseVouchers {
		if !pv.Booked || pv.PurchaseType != "credit" || pv.ContactGuid != ct.Guid || pv.DeletedAt != nil {
			continue
		}
		total := c.purchaseView(pv).VoucherTotals[2].Total
		status := "open"
		if c.purchasePaid(pv.Guid) >= total {
			status = "closed"
		}
		if p.has(pv.VoucherDate) {
			out.Expenses += total
		}
		add(stateEntryOut{RelatedVoucherGuid: pv.Guid, RelatedVoucherNumber: num(pv.VoucherNumber), Date: pv.VoucherDate,
			DecayDate: dayTime(pv.PaymentDate), Type: "Purchase", Amount: -total, Status: status,
			RelatedVoucherCategory: "purchases", RelatedVoucherClass: "voucher", Currency: pv.CurrencyKey})
	}
	sort.SliceStable(out.Entries, func(i, j int) bool { return out.Entries[i].Date < out.Entries[j].Date })
	var balance float64
	for i := range out.Entries {
		balance = demodata.Round2(balance + out.Entries[i].Amount)
		out.Entries[i].Balance = balance
	}
	out.Income, out.Expenses = demodata.Round2(out.Income), demodata.Round2(out.Expenses)
	return out
}

func getStateOfAccount(c *call) error {
	p, err := parseStatePeriod(c.r.URL.Query())
	if err != nil {
		return err
	}
	defer c.lock()()
	ct, err := findLive(c, c.org.contacts, contactRef)
	if err != nil {
		return err
	}
	return c.ok(c.stateOfAccount(ct, p))
}

func stateLines(o *demodata.Organization, ct *demodata.Contact, s stateOut) []string {
	lines := []string{o.Name, "Kontoudtog for " + ct.Name, ""}
	for _, e := range s.Entries {
		lines = append(lines, fmt.Sprintf("%s  %-10s %10.2f %10.2f", e.Date[:10], e.Type, e.Amount, e.Balance))
	}
	return append(lines, "", fmt.Sprintf("Saldo: %.2f DKK", s.Income-s.Expenses))
}

func stateOfAccountPDF(c *call) error {
	p, err := parseStatePeriod(c.r.URL.Query())
	if err != nil {
		return err
	}
	defer c.lock()()
	ct, err := findLive(c, c.org.contacts, contactRef)
	if err != nil {
		return err
	}
	return c.pdf(renderPDF(stateLines(c.org.data, ct, c.stateOfAccount(ct, p))))
}

// stateMailIn is ContactStateOfAccountMailoutModel.
type stateMailIn struct {
	Sender     *string
	CCToSender *bool
	Receiver   *string
	Subject    *string
	Message    *string
	From       *string
	To         *string
	HideClosed *bool
}

func emailStateOfAccount(c *call) error {
	var in stateMailIn
	if err := decodeBody(c, &in, false); err != nil {
		return err
	}
	switch {
	case in.CCToSender == nil:
		return invalid("CCToSender", "CCToSender is required.")
	case in.HideClosed == nil:
		return invalid("HideClosed", "HideClosed is required.")
	}
	q := url.Values{"hideClosed": {strconv.FormatBool(*in.HideClosed)}}
	if in.From != nil {
		q.Set("from", *in.From)
	}
	if in.To != nil {
		q.Set("to", *in.To)
	}
	if _, err := parseStatePeriod(q); err != nil {
		return err
	}
	defer c.lock()()
	ct, err := findLive(c, c.org.contacts, contactRef)
	if err != nil {
		return err
	}
	to := ct.Email
	if in.Receiver != nil && *in.Receiver != "" {
		to = *in.Receiver
	}
	if to == "" {
		return invalid("Receiver", "The contact has no email address; give a Receiver.")
	}
	list, err := receivers(to, "Receiver")
	if err != nil {
		return err
	}
	mo := &demodata.Mailout{VoucherGuid: ct.Guid, Date: c.now.UTC(), Sender: c.org.data.Email,
		Receiver: strings.Join(list, ","), Subject: "Kontoudtog fra " + c.org.data.Name, Type: "Mailout",
		Status: "Sent", CCToSender: *in.CCToSender, Message: "Hej\n\nHer er dit kontoudtog.\n\nVenlig hilsen\n" + c.org.data.Name}
	if in.Sender != nil && *in.Sender != "" {
		if _, err := receivers(*in.Sender, "Sender"); err != nil {
			return err
		}
		mo.Sender = *in.Sender
	}
	if in.Subject != nil && *in.Subject != "" {
		mo.Subject = *in.Subject
	}
	if in.Message != nil && *in.Message != "" {
		mo.Message = *in.Message
	}
	c.record(mo)
	return c.empty()
}

// salesSettingsOut is SalesVoucherSetttingsModel (sic).
type salesSettingsOut struct {
	LinesInclVat                 bool
	FikCode                      *string
	UseFikCode                   bool
	DefaultAccountNumber         int
	InvoiceTemplateId            *string
	AddVoucherAsPdfAttachment    bool
	ReminderFee                  float64
	ReminderInterestRate         float64
	TrustPilotEmail              *string
	PaymentConditionNumberOfDays int
	PaymentConditionType         *string
}

func getSalesSettings(c *call) error {
	defer c.lock()()
	s := c.org.data.SalesSettings
	acc := demodata.AccountSales
	for _, a := range c.org.data.Accounts {
		if a.IsDefaultSales {
			acc = a.Number
		}
	}
	return c.ok(salesSettingsOut{LinesInclVat: s.LinesInclVat, FikCode: strPtr(s.FikCreditorNumber), UseFikCode: s.UseFikCode,
		DefaultAccountNumber: acc, InvoiceTemplateId: strPtr(s.DefaultTemplateID), AddVoucherAsPdfAttachment: s.AddVoucherAsPdfAttachment,
		ReminderFee: s.ReminderFee, ReminderInterestRate: s.ReminderInterestRate,
		PaymentConditionNumberOfDays: s.PaymentConditionNumberOfDays, PaymentConditionType: strPtr(s.PaymentConditionType)})
}
