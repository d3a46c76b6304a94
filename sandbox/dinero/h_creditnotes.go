package dinero

import (
	"net/http"

	"github.com/dinero-tui/dinero-tui/sandbox/demodata"
)

// applyCreditNote validates a credit note body onto cn. A credit note has
// no payment date or conditions (the spec: PaymentDate is null on them).
func (c *call) applyCreditNote(in *salesDocIn, cn *demodata.Invoice) *apiError {
	if err := c.applySalesDoc(in, cn); err != nil {
		return err
	}
	cn.PaymentDate, cn.PaymentConditionType, cn.PaymentConditionNumberOfDays = "", "", 0
	cn.CreditNoteFor = ""
	if in.CreditNoteFor != nil && *in.CreditNoteFor != "" {
		inv, err := c.creditedInvoice(*in.CreditNoteFor)
		if err != nil {
			return err
		}
		cn.CreditNoteFor = inv.Guid
	}
	return nil
}

func createCreditNote(c *call) error {
	var in salesDocIn
	if err := decodeBody(c, &in, false); err != nil {
		return err
	}
	defer c.lock()()
	cn := &demodata.Invoice{Guid: newGUID(), MailOutStatus: "NotSent", Document: demodata.Document{Stamps: c.created()}}
	if in.Guid != nil && *in.Guid != "" {
		g, ok := lookupGUID(*in.Guid)
		if !ok || c.org.creditNotes[g] != nil || c.org.invoices[g] != nil {
			return invalid("Guid", "Guid must be a new, unused GUID.")
		}
		cn.Guid = g
	}
	if err := c.applyCreditNote(&in, cn); err != nil {
		return err
	}
	cn.TimeStamp = c.s.nextStamp()
	store(&c.org.data.CreditNotes, c.org.creditNotes, cn.Guid, cn)
	c.org.touch()
	return c.ok(createdResponse{cn.Guid, formatStamp(cn.TimeStamp)})
}

func updateCreditNote(c *call) error {
	var in salesDocIn
	if err := decodeStamped(c, &in); err != nil {
		return err
	}
	defer c.lock()()
	cn, err := reviseDraft(c, c.org.creditNotes, creditNoteRef, in.Timestamp,
		"A booked credit note cannot be changed; create an invoice to cancel it instead.",
		func(draft *demodata.Invoice) *apiError { return c.applyCreditNote(&in, draft) })
	if err != nil {
		return err
	}
	c.org.touch()
	return c.ok(createdResponse{cn.Guid, formatStamp(cn.TimeStamp)})
}

func deleteCreditNote(c *call) error {
	var in timestampIn
	if err := decodeBody(c, &in, true); err != nil {
		return err
	}
	defer c.lock()()
	cn, err := findDraft(c, c.org.creditNotes, creditNoteRef, in.Timestamp,
		"A booked credit note cannot be deleted; create an invoice to cancel it instead.")
	if err != nil {
		return err
	}
	c.deleteDoc(cn.Doc())
	c.org.touch()
	return c.empty()
}

func bookCreditNote(c *call) error {
	var in timestampIn
	if err := decodeStamped(c, &in); err != nil {
		return err
	}
	defer c.lock()()
	cn, err := findDraft(c, c.org.creditNotes, creditNoteRef, in.Timestamp, "The credit note is already booked.")
	if err != nil {
		return err
	}
	switch {
	case cn.ContactGuid == "":
		return invalid("ContactGuid", "A credit note needs a contact before it can be booked.")
	case len(cn.Lines) == 0:
		return invalid("ProductLines", "A credit note needs at least one line before it can be booked.")
	}
	var highest int64
	used := map[int64]bool{}
	for _, o := range c.org.data.CreditNotes {
		if o.Booked {
			used[o.Number] = true
			highest = max(highest, o.Number)
		}
	}
	cn.Number = highest + 1
	if in.Number != nil {
		if *in.Number <= 0 || used[*in.Number] {
			return invalid("Number", "Number must be a positive credit note number that is not already used.")
		}
		cn.Number = *in.Number
	}
	c.book(cn.Doc())
	c.org.touch()
	return c.writeRaw(http.StatusOK, objectJSON(bookedCreditNoteSchema, invoiceView{o: c.org.data, inv: cn, today: c.today(), credit: true}))
}

// bookedCreditNoteSchema is the InvoiceReadModel a credit note is booked
// with: Status is Draft or Booked, and the payment state, with no payment
// date to be overdue against, is Booked until payments cover it.
var bookedCreditNoteSchema = func() *schema[ivw] {
	cols := append([]column[ivw](nil), invoiceSchema.cols...)
	for i, col := range cols {
		switch col.name {
		case "Status":
			cols[i].get = func(v ivw) any { return map[bool]string{false: "Draft", true: "Booked"}[v.inv.Booked] }
		case "PaymentStatus":
			cols[i].get = func(v ivw) any {
				if v.inv.Paid() != 0 && -v.inv.Paid() >= v.inv.TotalInclVat {
					return "Paid"
				}
				return "Booked"
			}
		case "PaymentDate":
			cols[i].get = func(ivw) any { return nil }
		}
	}
	return newSchema(cols...)
}()

func serveCreditNotePDF(c *call) error {
	defer c.lock()()
	cn, err := findLive(c, c.org.creditNotes, creditNoteRef)
	if err != nil {
		return err
	}
	if !cn.Booked {
		return invalid("guid", "A PDF can only be made for a booked credit note.")
	}
	return c.pdf(documentPDF(c.org.data, "Kreditnota", cn))
}

func (c *call) creditMail(cn *demodata.Invoice) mailDoc {
	return mailDoc{doc: cn, kind: "Kreditnota", mailType: "Mailout"}
}

func creditNoteEmailTemplate(c *call) error {
	defer c.lock()()
	cn, err := findLive(c, c.org.creditNotes, creditNoteRef)
	if err != nil {
		return err
	}
	return c.ok(c.mailTemplate(c.creditMail(cn)))
}

func sendCreditNoteEmail(c *call) error {
	var in mailoutIn
	if err := decodeBody(c, &in, false); err != nil {
		return err
	}
	defer c.lock()()
	cn, err := findLive(c, c.org.creditNotes, creditNoteRef)
	if err != nil {
		return err
	}
	if !cn.Booked {
		return invalid("guid", "The credit note must be booked before it can be sent.")
	}
	return c.sendMail(&in, c.creditMail(cn), false)
}

func sendECreditNote(c *call) error { return sendElectronic(c, c.org.creditNotes, creditNoteRef) }

func creditNoteMailouts(c *call) error {
	defer c.lock()()
	cn, err := findAny(c, c.org.creditNotes, creditNoteRef)
	if err != nil {
		return err
	}
	return listMailouts(c, cn.Guid, false)
}

func addCreditNotePayment(c *call) error {
	var in paymentIn
	if err := decodeBody(c, &in, false); err != nil {
		return err
	}
	defer c.lock()()
	cn, err := findLive(c, c.org.creditNotes, creditNoteRef)
	if err != nil {
		return err
	}
	if err := in.validate(c); err != nil {
		return err
	}
	if err := checkStamp(*in.Timestamp, cn.TimeStamp); err != nil {
		return err
	}
	if !cn.Booked {
		return invalid("guid", "Payments can only be added to a booked credit note.")
	}
	p := demodata.Payment{Guid: newGUID(), DepositAccountNumber: *in.DepositAccountNumber, Description: *in.Description,
		Amount: demodata.Round2(*in.Amount), PaymentDate: c.today(), ExternalReference: in.ExternalReference,
		RemainderIsFee: *in.RemainderIsFee}
	if in.PaymentDate != nil && *in.PaymentDate != "" {
		p.PaymentDate = *in.PaymentDate
	}
	cn.Payments = append(cn.Payments, p)
	c.restamp(cn.Doc())
	c.org.touch()
	// RelatedVoucherGuid names the voucher booked for the payment, not the credit note.
	return c.ok(paymentCreated{p.Guid, formatStamp(cn.TimeStamp), newGUID()})
}

// paymentsOf renders a sales document's payments (InvoicePaymentsModel).
func paymentsOf(doc *demodata.Invoice, class string) invoicePayments {
	out := invoicePayments{Payments: []paymentOut{}, PaidAmount: doc.Paid(), InvoiceTotalIncludingReminderExpenses: doc.TotalInclVat}
	for _, p := range doc.Payments {
		out.Payments = append(out.Payments, paymentOut{Guid: p.Guid, DepositAccountNumber: p.DepositAccountNumber,
			Currency: doc.Currency, ExchangeRate: 100, PaymentClass: strPtr(class),
			ExternalReference: strPtr(p.ExternalReference), PaymentDate: p.PaymentDate, Description: p.Description, Amount: p.Amount})
	}
	out.RemainingAmount = demodata.Round2(doc.TotalInclVat - out.PaidAmount)
	return out
}

func listCreditNotePayments(c *call) error {
	defer c.lock()()
	cn, err := findLive(c, c.org.creditNotes, creditNoteRef)
	if err != nil {
		return err
	}
	return c.ok(paymentsOf(cn, "CreditNote"))
}

func deleteCreditNotePayment(c *call) error {
	var in timestampIn
	if err := decodeStamped(c, &in); err != nil {
		return err
	}
	defer c.lock()()
	cn, err := findAndCheck(c, c.org.creditNotes, creditNoteRef, in.Timestamp)
	if err != nil {
		return err
	}
	g, err := c.guidParam(paymentRef)
	if err != nil {
		return err
	}
	for i, p := range cn.Payments {
		if p.Guid == g {
			cn.Payments = append(cn.Payments[:i:i], cn.Payments[i+1:]...)
			c.restamp(cn.Doc())
			c.org.touch()
			return c.ok(stampOnly{formatStamp(cn.TimeStamp)})
		}
	}
	return notFound("The payment")
}
