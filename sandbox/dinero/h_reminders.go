package dinero

import (
	"fmt"
	"strconv"
	"time"

	"github.com/dinero-tui/dinero-tui/sandbox/demodata"
)

// Reminders ("rykkere"): at most three per overdue invoice, at least ten
// days apart, fees and interest within Renteloven's limits.

const (
	maxReminders          = 3
	reminderGapDays       = 10
	compensationFee       = 310 // kompensationsgebyr, Renteloven § 9 b, for business customers
	maxReminderFeeDKK     = 100 // Renteloven § 9 b caps each reminder fee at 100 kr
	debtCollectionWarning = "Betales beløbet ikke, vil sagen blive overgivet til inkasso."
)

// voucherInvoiceRef is an invoice named by {voucherGuid}.
var voucherInvoiceRef = entityRef{"voucherGuid", "invoice", "invoice"}

// reminderOut is ReminderViewModel.
type reminderOut struct {
	Id                                   int
	IsDraft                              bool
	IsDeleted                            bool
	Number                               int
	DebtCollectionNoticeText             *string
	InvoiceTotalInclVatAmountText        string
	InvoiceTotalInclVatAmount            float64
	FeeAmountText                        string
	FeeAmount                            float64
	InterestAmountText                   string
	InterestAmount                       float64
	CompensationFeeAvailable             bool
	CompensationFeeAmountText            string
	CompensationFeeAmount                float64
	AccumulatedFeesAndInterestAmountText string
	AccumulatedFeesAndInterestAmount     float64
	PaidAmountText                       string
	PaidAmount                           float64
	ReminderTotalInclVatAmountText       string
	ReminderTotalInclVatAmount           float64
	Timestamp                            string
	Date                                 string
	Title                                *string
	Description                          *string
	WithDebtCollectionWarning            bool
	WithFee                              bool
	WithInterestFee                      bool
	WithCompensationFee                  bool
}

// invoiceReminders are the reminders of an invoice, oldest first.
func (c *call) invoiceReminders(guid string, withDeleted bool) []*demodata.Reminder {
	var out []*demodata.Reminder
	for _, r := range c.org.data.Reminders {
		if r.InvoiceGuid == guid && (withDeleted || r.DeletedAt == nil) {
			out = append(out, r)
		}
	}
	return out
}

// compensationAvailable: only business customers owe a compensation fee,
// and only once per invoice.
func (c *call) compensationAvailable(inv *demodata.Invoice, except *demodata.Reminder) bool {
	if ct := c.org.contacts[inv.ContactGuid]; ct == nil || ct.IsPerson {
		return false
	}
	for _, r := range c.invoiceReminders(inv.Guid, false) {
		if r != except && r.WithCompensationFee {
			return false
		}
	}
	return true
}

// price sets the reminder's fee, interest and compensation from its flags.
func (c *call) price(inv *demodata.Invoice, r *demodata.Reminder) {
	r.FeeAmount, r.InterestAmount, r.CompensationFeeAmount = 0, 0, 0
	if r.WithFee {
		r.FeeAmount = min(c.org.data.SalesSettings.ReminderFee, maxReminderFeeDKK)
	}
	if r.WithInterestFee {
		due, _ := time.Parse("2006-01-02", inv.PaymentDate)
		on, _ := time.Parse("2006-01-02", r.Date)
		months := max(int(on.Sub(due).Hours()/24/30), 1)
		open := inv.TotalInclVat - inv.Paid()
		r.InterestAmount = demodata.Round2(open * c.org.data.SalesSettings.ReminderInterestRate / 100 * float64(months))
	}
	if r.WithCompensationFee {
		r.CompensationFeeAmount = compensationFee
	}
}

func kr(x float64) string { return strconv.FormatFloat(x, 'f', 2, 64) + " kr." }

func (c *call) reminderView(inv *demodata.Invoice, r *demodata.Reminder) reminderOut {
	var accumulated float64
	for _, p := range c.invoiceReminders(inv.Guid, false) {
		if p.Number < r.Number && p.Booked {
			accumulated += p.FeeAmount + p.InterestAmount + p.CompensationFeeAmount
		}
	}
	paid := inv.Paid()
	total := demodata.Round2(inv.TotalInclVat + accumulated + r.FeeAmount + r.InterestAmount + r.CompensationFeeAmount - paid)
	out := reminderOut{Id: r.ID, IsDraft: !r.Booked, IsDeleted: r.DeletedAt != nil, Number: r.Number,
		InvoiceTotalInclVatAmountText: "Fakturabeløb", InvoiceTotalInclVatAmount: inv.TotalInclVat,
		FeeAmountText: "Rykkergebyr", FeeAmount: r.FeeAmount, InterestAmountText: "Renter", InterestAmount: r.InterestAmount,
		CompensationFeeAvailable: c.compensationAvailable(inv, r), CompensationFeeAmountText: "Kompensationsgebyr",
		CompensationFeeAmount: r.CompensationFeeAmount, AccumulatedFeesAndInterestAmountText: "Tidligere gebyrer og renter",
		AccumulatedFeesAndInterestAmount: demodata.Round2(accumulated), PaidAmountText: "Allerede betalt", PaidAmount: paid,
		ReminderTotalInclVatAmountText: "At betale", ReminderTotalInclVatAmount: total,
		Timestamp: formatStamp(r.TimeStamp), Date: r.Date, Title: strPtr(r.Title), Description: strPtr(r.Description),
		WithDebtCollectionWarning: r.WithDebtCollectionWarning, WithFee: r.WithFee, WithInterestFee: r.WithInterestFee,
		WithCompensationFee: r.WithCompensationFee}
	if r.WithDebtCollectionWarning {
		out.DebtCollectionNoticeText = strPtr(debtCollectionWarning)
	}
	return out
}

// reminderIn is ReminderCreateModel (and, without Timestamp, ReminderFetchModel).
type reminderIn struct {
	Timestamp                 *string
	Date                      *string
	Title                     *string
	Description               *string
	WithDebtCollectionWarning *bool
	WithFee                   *bool
	WithInterestFee           *bool
	WithCompensationFee       *bool
}

func (in *reminderIn) validate(needStamp bool) *apiError {
	switch {
	case needStamp && (in.Timestamp == nil || *in.Timestamp == ""):
		return invalid("Timestamp", "Timestamp is required.")
	case in.Date == nil || !validDate(*in.Date):
		return invalid("Date", "Date is required, in the format YYYY-MM-DD.")
	case in.WithDebtCollectionWarning == nil:
		return invalid("WithDebtCollectionWarning", "WithDebtCollectionWarning is required.")
	case in.WithFee == nil:
		return invalid("WithFee", "WithFee is required.")
	case in.WithInterestFee == nil:
		return invalid("WithInterestFee", "WithInterestFee is required.")
	case in.WithCompensationFee == nil:
		return invalid("WithCompensationFee", "WithCompensationFee is required.")
	}
	return nil
}

// fill copies the body onto r and checks it against the invoice.
func (c *call) fill(inv *demodata.Invoice, r *demodata.Reminder, in *reminderIn) *apiError {
	if *in.Date <= inv.PaymentDate {
		return invalid("Date", "A reminder must be dated after the invoice's payment date ("+inv.PaymentDate+").")
	}
	for _, p := range c.invoiceReminders(inv.Guid, false) {
		if p.Number < r.Number && daysBetween(p.Date, *in.Date) < reminderGapDays {
			return invalid("Date", fmt.Sprintf("A reminder must come at least %d days after the previous one (%s).", reminderGapDays, p.Date))
		}
	}
	r.Date = *in.Date
	r.Title = fmt.Sprintf("%d. rykker for faktura %d", r.Number, inv.Number)
	if in.Title != nil && *in.Title != "" {
		r.Title = *in.Title
	}
	r.Description = ""
	if in.Description != nil {
		r.Description = *in.Description
	}
	r.WithDebtCollectionWarning, r.WithFee = *in.WithDebtCollectionWarning, *in.WithFee
	r.WithInterestFee, r.WithCompensationFee = *in.WithInterestFee, *in.WithCompensationFee
	if r.WithCompensationFee && !c.compensationAvailable(inv, r) {
		return invalid("WithCompensationFee", "A compensation fee can only be charged once, and only from a business customer.")
	}
	c.price(inv, r)
	return nil
}

func daysBetween(a, b string) int {
	x, _ := time.Parse("2006-01-02", a)
	y, _ := time.Parse("2006-01-02", b)
	return int(y.Sub(x).Hours() / 24)
}

// overdueInvoice resolves {voucherGuid} to a booked invoice that may get reminders.
func (c *call) overdueInvoice() (*demodata.Invoice, *apiError) {
	inv, err := findLive(c, c.org.invoices, voucherInvoiceRef)
	if err != nil {
		return nil, err
	}
	if !inv.Overdue(c.today()) {
		return nil, invalid("voucherGuid", "Reminders can only be made for a booked invoice that is overdue.")
	}
	return inv, nil
}

// nextReminder is the draft the next reminder would be, or an error when
// the invoice already has three.
func (c *call) nextReminder(inv *demodata.Invoice) (*demodata.Reminder, *apiError) {
	existing := c.invoiceReminders(inv.Guid, false)
	if len(existing) >= maxReminders {
		return nil, invalid("voucherGuid", "The invoice already has three reminders; consider debt collection.")
	}
	for _, p := range existing {
		if !p.Booked {
			return nil, invalid("voucherGuid", "Book or delete the draft reminder before adding another.")
		}
	}
	n := len(existing) + 1
	return &demodata.Reminder{InvoiceGuid: inv.Guid, Number: n, WithFee: n > 1, WithInterestFee: n > 1,
		WithDebtCollectionWarning: n == maxReminders}, nil
}

func listReminders(c *call) error {
	since, err := parseChangesSince(c.r.URL.Query())
	if err != nil {
		return err
	}
	defer c.lock()()
	inv, err := findLive(c, c.org.invoices, voucherInvoiceRef)
	if err != nil {
		return err
	}
	out := []reminderOut{}
	for _, r := range c.invoiceReminders(inv.Guid, true) {
		if changedSince(since, r.CreatedAt, r.UpdatedAt, r.DeletedAt) {
			out = append(out, c.reminderView(inv, r))
		}
	}
	return c.ok(out)
}

func addReminder(c *call) error {
	var in reminderIn
	if err := decodeBody(c, &in, false); err != nil {
		return err
	}
	if err := in.validate(true); err != nil {
		return err
	}
	defer c.lock()()
	inv, err := c.overdueInvoice()
	if err != nil {
		return err
	}
	if err := checkStamp(*in.Timestamp, inv.TimeStamp); err != nil {
		return err
	}
	r, err := c.nextReminder(inv)
	if err != nil {
		return err
	}
	if err := c.fill(inv, r, &in); err != nil {
		return err
	}
	for _, o := range c.org.data.Reminders {
		r.ID = max(r.ID, o.ID)
	}
	r.ID++
	r.Stamps, r.TimeStamp = c.created(), c.s.nextStamp()
	c.org.data.Reminders = append(c.org.data.Reminders, r)
	c.restamp(inv.Doc())
	c.org.touch()
	return c.ok(c.reminderView(inv, r))
}

// findReminder resolves {id} among the live reminders of {voucherGuid}.
func (c *call) findReminder() (*demodata.Invoice, *demodata.Reminder, *apiError) {
	inv, err := findLive(c, c.org.invoices, voucherInvoiceRef)
	if err != nil {
		return nil, nil, err
	}
	id, perr := strconv.ParseInt(c.params["id"], 10, 32)
	if perr != nil {
		return nil, nil, invalid("id", "The reminder id must be a whole number.")
	}
	for _, r := range c.invoiceReminders(inv.Guid, true) {
		if r.ID == int(id) {
			if r.DeletedAt != nil {
				return nil, nil, isDeleted("reminder")
			}
			return inv, r, nil
		}
	}
	return nil, nil, notFound("The reminder")
}

func getReminder(c *call) error {
	defer c.lock()()
	inv, r, err := c.findReminder()
	if err != nil {
		return err
	}
	if wantsPDF(c) {
		v := c.reminderView(inv, r)
		return c.pdf(renderPDF([]string{c.org.data.Name, r.Title, "Dato: " + r.Date, "Kunde: " + inv.ContactName, "",
			v.InvoiceTotalInclVatAmountText + ": " + kr(v.InvoiceTotalInclVatAmount), v.FeeAmountText + ": " + kr(v.FeeAmount),
			v.InterestAmountText + ": " + kr(v.InterestAmount), v.PaidAmountText + ": " + kr(v.PaidAmount),
			v.ReminderTotalInclVatAmountText + ": " + kr(v.ReminderTotalInclVatAmount)}))
	}
	return c.ok(c.reminderView(inv, r))
}

func updateReminder(c *call) error {
	var in reminderIn
	if err := decodeBody(c, &in, false); err != nil {
		return err
	}
	if err := in.validate(true); err != nil {
		return err
	}
	defer c.lock()()
	inv, r, err := c.findReminder()
	if err != nil {
		return err
	}
	if err := checkStamp(*in.Timestamp, r.TimeStamp); err != nil {
		return err
	}
	if r.Booked {
		return invalid("id", "A booked reminder cannot be changed.")
	}
	draft := *r
	if err := c.fill(inv, &draft, &in); err != nil {
		return err
	}
	*r = draft
	r.TimeStamp, r.UpdatedAt = c.s.nextStamp(), c.now.UTC()
	return c.ok(c.reminderView(inv, r))
}

// stampedReminder reads a body whose Timestamp is required and must match {id}'s reminder.
func (c *call) stampedReminder() (*demodata.Invoice, *demodata.Reminder, *apiError) {
	var in timestampIn
	if err := decodeStamped(c, &in); err != nil {
		return nil, nil, err
	}
	inv, r, err := c.findReminder()
	if err == nil {
		err = checkStamp(*in.Timestamp, r.TimeStamp)
	}
	return inv, r, err
}

// deleteReminder removes a draft; a booked reminder is deleted with an
// offset, so its fees no longer count.
func deleteReminder(c *call) error {
	defer c.lock()()
	_, r, err := c.stampedReminder()
	if err != nil {
		return err
	}
	r.MarkDeleted(c.now.UTC())
	r.TimeStamp = c.s.nextStamp()
	return c.empty()
}

func bookReminder(c *call) error {
	defer c.lock()()
	inv, r, err := c.stampedReminder()
	if err != nil {
		return err
	}
	if r.Booked {
		return invalid("id", "The reminder is already booked.")
	}
	r.Booked, r.TimeStamp, r.UpdatedAt = true, c.s.nextStamp(), c.now.UTC()
	return c.ok(c.reminderView(inv, r))
}

func nextReminderPreview(c *call) error {
	defer c.lock()()
	inv, err := c.overdueInvoice()
	if err != nil {
		return err
	}
	r, err := c.nextReminder(inv)
	if err != nil {
		return err
	}
	r.Date = c.today()
	r.Title = fmt.Sprintf("%d. rykker for faktura %d", r.Number, inv.Number)
	c.price(inv, r)
	return c.ok(c.reminderView(inv, r))
}

func fetchReminder(c *call) error {
	var in reminderIn
	if err := decodeBody(c, &in, false); err != nil {
		return err
	}
	if err := in.validate(false); err != nil {
		return err
	}
	defer c.lock()()
	inv, err := c.overdueInvoice()
	if err != nil {
		return err
	}
	r, err := c.nextReminder(inv)
	if err != nil {
		return err
	}
	if err := c.fill(inv, r, &in); err != nil {
		return err
	}
	return c.ok(c.reminderView(inv, r))
}
