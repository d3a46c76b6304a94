package dinero

import (
	"fmt"
	"strings"

	"github.com/dinero-tui/dinero-tui/sandbox/demodata"
)

type paymentIn struct {
	Timestamp               *string
	DepositAccountNumber    *int
	RemainderIsFee          *bool
	AmountInForeignCurrency *float64
	ExternalReference       string
	PaymentDate             *string
	Description             *string
	Amount                  *float64
}

func (in *paymentIn) validate(c *call) *apiError {
	switch {
	case in.Timestamp == nil:
		return invalid("Timestamp", "Timestamp is required.")
	case in.DepositAccountNumber == nil || c.org.deposit(*in.DepositAccountNumber) == nil:
		return invalid("DepositAccountNumber", "DepositAccountNumber is required and must be one of the deposit accounts.")
	case in.RemainderIsFee == nil:
		return invalid("RemainderIsFee", "RemainderIsFee is required.")
	case in.Description == nil || strings.TrimSpace(*in.Description) == "":
		return invalid("Description", "Description is required.")
	case in.Amount == nil || *in.Amount == 0:
		return invalid("Amount", "Amount is required and cannot be 0.")
	case in.PaymentDate != nil && *in.PaymentDate != "" && !validDate(*in.PaymentDate):
		return invalid("PaymentDate", "PaymentDate must be a date in the format YYYY-MM-DD.")
	case len(in.ExternalReference) > 128:
		return invalid("ExternalReference", "ExternalReference can be at most 128 characters.")
	}
	return nil
}

type paymentCreated struct {
	Guid               string
	TimeStamp          string
	RelatedVoucherGuid string
}

func addInvoicePayment(c *call) error {
	var in paymentIn
	if err := decodeBody(c, &in, false); err != nil {
		return err
	}
	defer c.lock()()
	inv, err := findLive(c, c.org.invoices, invoiceRef)
	if err != nil {
		return err
	}
	if err := in.validate(c); err != nil {
		return err
	}
	if err := checkStamp(*in.Timestamp, inv.TimeStamp); err != nil {
		return err
	}
	if !inv.Booked {
		return invalid("guid", "Payments can only be added to a booked invoice.")
	}
	p := demodata.Payment{Guid: newGUID(), DepositAccountNumber: *in.DepositAccountNumber, Description: *in.Description,
		Amount: demodata.Round2(*in.Amount), PaymentDate: c.today(), ExternalReference: in.ExternalReference,
		RemainderIsFee: *in.RemainderIsFee, VoucherGuid: newGUID()}
	if in.PaymentDate != nil && *in.PaymentDate != "" {
		p.PaymentDate = *in.PaymentDate
	}
	inv.Payments = append(inv.Payments, p)
	c.restamp(inv.Doc())
	c.org.touch()
	return c.ok(paymentCreated{p.Guid, formatStamp(inv.TimeStamp), p.VoucherGuid})
}

type paymentOut struct {
	Guid                 string
	DepositAccountNumber int
	Currency             string
	ExchangeRate         float64
	PaymentClass         *string
	RelatedVoucherId     *string
	ExternalReference    *string
	PaymentDate          string
	Description          string
	Amount               float64
}

type invoicePayments struct {
	Payments                              []paymentOut
	RemainingAmount                       float64
	PaidAmount                            float64
	InvoiceTotalIncludingReminderExpenses float64
	RemainderAsFeeAvailable               bool
}

func listInvoicePayments(c *call) error {
	defer c.lock()()
	inv, err := findLive(c, c.org.invoices, invoiceRef)
	if err != nil {
		return err
	}
	out := invoicePayments{Payments: []paymentOut{}, PaidAmount: inv.Paid(), InvoiceTotalIncludingReminderExpenses: inv.TotalInclVat}
	for _, p := range inv.Payments {
		out.Payments = append(out.Payments, paymentOut{Guid: p.Guid, DepositAccountNumber: p.DepositAccountNumber,
			Currency: inv.Currency, ExchangeRate: 100, PaymentClass: strPtr("Payment"),
			ExternalReference: strPtr(p.ExternalReference), PaymentDate: p.PaymentDate, Description: p.Description, Amount: p.Amount})
	}
	out.RemainingAmount = demodata.Round2(inv.TotalInclVat - out.PaidAmount)
	out.RemainderAsFeeAvailable = inv.Booked && out.RemainingAmount > 0 && out.RemainingAmount < 100
	return c.ok(out)
}

type stampOnly struct{ TimeStamp string }

func deleteInvoicePayment(c *call) error {
	var in timestampIn
	if err := decodeStamped(c, &in); err != nil {
		return err
	}
	defer c.lock()()
	inv, err := findAndCheck(c, c.org.invoices, invoiceRef, in.Timestamp)
	if err != nil {
		return err
	}
	g, err := c.guidParam(paymentRef)
	if err != nil {
		return err
	}
	for i, p := range inv.Payments {
		if p.Guid == g {
			inv.Payments = append(inv.Payments[:i:i], inv.Payments[i+1:]...)
			c.restamp(inv.Doc())
			c.org.touch()
			return c.ok(stampOnly{formatStamp(inv.TimeStamp)})
		}
	}
	return notFound("The payment")
}

// invoicePDF renders a one-page PDF summary of a booked invoice.
func invoicePDF(o *demodata.Organization, inv *demodata.Invoice) []byte {
	return salesPDF(o, inv, fmt.Sprintf("Faktura nr. %d", inv.Number), "Betalingsdato: "+inv.PaymentDate)
}

// creditNotePDF renders a one-page PDF summary of a booked credit note.
func creditNotePDF(o *demodata.Organization, cn *demodata.Invoice) []byte {
	return salesPDF(o, cn, fmt.Sprintf("Kreditnota nr. %d", cn.Number), "")
}

// salesPDF renders a sales voucher under title, with an optional extra line.
func salesPDF(o *demodata.Organization, inv *demodata.Invoice, title, extra string) []byte {
	lines := []string{o.Name, title, "Dato: " + inv.Date, "Kunde: " + inv.ContactName, extra, ""}
	for _, l := range inv.Lines {
		lines = append(lines, fmt.Sprintf("%s  %.2f x %.2f DKK", l.Description, l.Quantity, l.BaseAmountValue))
	}
	lines = append(lines, "", fmt.Sprintf("Total inkl. moms: %.2f %s", inv.TotalInclVat, inv.Currency))
	return renderPDF(lines)
}

// pdfText escapes s for a PDF string in WinAnsi (Latin-1) encoding.
func pdfText(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '(' || r == ')' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r >= 32 && r < 127:
			b.WriteRune(r)
		case r >= 160 && r < 256:
			fmt.Fprintf(&b, "\\%03o", r)
		default:
			b.WriteByte('?')
		}
	}
	return b.String()
}
