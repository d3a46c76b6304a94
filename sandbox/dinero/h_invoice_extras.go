package dinero

import (
	"strings"

	"github.com/dinero-tui/dinero-tui/sandbox/demodata"
)

// templateOut is InvoiceTemplateModel.
type templateOut struct {
	Id                    string
	Name                  string
	IsDefault             bool
	Theme                 string
	PrimaryColor          *string
	SecondaryColor        *string
	AddressPlacement      string
	Font                  *string
	LogoType              string
	LogoText              *string
	LogoFileGuid          *string
	MaxImageWidthMm       int
	ShowCompanyInfo       bool
	ShowPaymentConditions bool
	ShowLogo              bool
	ShowLineQuantity      bool
	ShowLineUnit          bool
	ImageFileUploadGuid   *string
	ImageTextColor        *string
}

func listInvoiceTemplates(c *call) error {
	defer c.lock()()
	out := []templateOut{}
	for _, t := range c.org.data.InvoiceTemplates {
		out = append(out, templateOut{Id: t.ID, Name: t.Name, IsDefault: t.IsDefault, Theme: t.Theme,
			PrimaryColor: strPtr(t.PrimaryColor), AddressPlacement: "Right", Font: strPtr("Helvetica"),
			LogoType: "Letters", LogoText: strPtr(c.org.data.Name), MaxImageWidthMm: 60, ShowCompanyInfo: true,
			ShowPaymentConditions: true, ShowLineQuantity: true, ShowLineUnit: true})
	}
	return c.ok(out)
}

// invoiceMail is a mail-out of kind (Mailout, PreReminder) about an invoice.
func invoiceMail(inv *demodata.Invoice, kind string) mailDoc {
	return mailDoc{doc: inv, kind: "Faktura", mailType: kind}
}

func sendInvoiceEmail(c *call) error {
	var in mailoutIn
	if err := decodeBody(c, &in, false); err != nil {
		return err
	}
	defer c.lock()()
	inv, err := findLive(c, c.org.invoices, invoiceRef)
	if err != nil {
		return err
	}
	if !inv.Booked {
		return invalid("guid", "The invoice must be booked before it can be sent.")
	}
	return c.sendMail(&in, invoiceMail(inv, "Mailout"), false)
}

func invoiceEmailTemplate(c *call) error {
	defer c.lock()()
	inv, err := findLive(c, c.org.invoices, invoiceRef)
	if err != nil {
		return err
	}
	var phone *string
	if ct := c.org.contacts[inv.ContactGuid]; ct != nil {
		phone = strPtr(ct.Phone)
	}
	return c.ok(mailTemplateV2Out{SendAsSms: false, SmsReceiverPhoneNumber: phone,
		mailTemplateOut: c.mailTemplate(invoiceMail(inv, "Mailout"))})
}

// preReminderMail is the mail a pre-reminder ("venlig påmindelse") sends.
func preReminderMail(inv *demodata.Invoice) mailDoc {
	return invoiceMail(inv, "PreReminder")
}

func preReminderTemplate(c *call) error {
	defer c.lock()()
	inv, err := findLive(c, c.org.invoices, invoiceRef)
	if err != nil {
		return err
	}
	t := c.mailTemplate(preReminderMail(inv))
	t.Subject = "Venlig påmindelse: " + t.Subject
	t.Message = "Hej\n\nVi kan se, at betalingsfristen er overskredet. Du kan se fakturaen her: " + linkTag +
		"\n\nVenlig hilsen\n" + c.org.data.Name
	return c.ok(t)
}

func sendPreReminder(c *call) error {
	var in mailoutIn
	if err := decodeBody(c, &in, false); err != nil {
		return err
	}
	defer c.lock()()
	inv, err := findLive(c, c.org.invoices, invoiceRef)
	if err != nil {
		return err
	}
	if !inv.Overdue(c.today()) {
		return invalid("guid", "A pre-reminder can only be sent for an overdue invoice.")
	}
	return c.sendMail(&in, preReminderMail(inv), true)
}

// eInvoiceIn is EInvoiceSendModel.
type eInvoiceIn struct {
	OrderReference  *string
	AttPerson       *string
	Timestamp       *string
	PaymentMeanEnum *string
}

// sendElectronic records an e-invoice or e-credit note for a booked
// document whose contact can receive one (EAN, CVR, SE or P number).
func sendElectronic(c *call, index map[string]*demodata.Invoice, ref entityRef) error {
	var in eInvoiceIn
	if err := decodeBody(c, &in, false); err != nil {
		return err
	}
	if in.PaymentMeanEnum == nil || canonical(*in.PaymentMeanEnum, "Domestic", "International", "FIK") == "" {
		return invalid("PaymentMeanEnum", "PaymentMeanEnum is required and must be Domestic, International or FIK.")
	}
	defer c.lock()()
	doc, err := findAndCheck(c, index, ref, in.Timestamp)
	if err != nil {
		return err
	}
	if !doc.Booked {
		return invalid("guid", "The "+ref.name+" must be booked before it can be sent.")
	}
	ct := c.org.contacts[doc.ContactGuid]
	if ct == nil || ct.EanNumber == "" && ct.VatNumber == "" && ct.SENumber == "" && ct.PNumber == "" {
		return invalid("ContactGuid", "The contact has no EAN, CVR, SE or P number to send an electronic document to.")
	}
	receiver := ct.EanNumber
	if receiver == "" {
		receiver = strings.TrimSpace(ct.VatNumber + ct.SENumber + ct.PNumber)
	}
	c.record(&demodata.Mailout{VoucherGuid: doc.Guid, Date: c.now.UTC(), Sender: c.org.data.Name, Receiver: receiver,
		Subject: "Elektronisk " + strings.ToLower(ref.name), Type: "Einvoice", Status: "Sent"})
	doc.MailOutStatus = "Sent"
	c.org.touch()
	return c.empty()
}

func sendEInvoice(c *call) error { return sendElectronic(c, c.org.invoices, invoiceRef) }

func invoiceMailouts(c *call) error {
	defer c.lock()()
	inv, err := findAny(c, c.org.invoices, invoiceRef)
	if err != nil {
		return err
	}
	return listMailouts(c, inv.Guid, true)
}

// creditNoteFromInvoice makes a credit note draft for the whole of a booked invoice.
func creditNoteFromInvoice(c *call) error {
	var in timestampIn
	if err := decodeBody(c, &in, true); err != nil {
		return err
	}
	defer c.lock()()
	inv, err := findAndCheck(c, c.org.invoices, invoiceRef, in.Timestamp)
	if err != nil {
		return err
	}
	if !inv.Booked {
		return invalid("guid", "Only a booked invoice can be credited; delete the draft instead.")
	}
	cn := &demodata.Invoice{Guid: newGUID(), ContactGuid: inv.ContactGuid, ContactName: inv.ContactName,
		Date: c.today(), Description: creditText(inv), Currency: inv.Currency, Language: inv.Language,
		Address: inv.Address, ShowLinesInclVat: inv.ShowLinesInclVat, CreditNoteFor: inv.Guid, MailOutStatus: "NotSent",
		Lines: append([]demodata.Line(nil), inv.Lines...), Document: demodata.Document{Stamps: c.created()}}
	cn.Recalculate(c.org.data)
	cn.TimeStamp = c.s.nextStamp()
	store(&c.org.data.CreditNotes, c.org.creditNotes, cn.Guid, cn)
	c.org.touch()
	return c.ok(createdResponse{cn.Guid, formatStamp(cn.TimeStamp)})
}

func creditText(inv *demodata.Invoice) string {
	if inv.Language == "en-GB" {
		return "Credit note for invoice " + itoa(int(inv.Number))
	}
	return "Kreditnota til faktura " + itoa(int(inv.Number))
}
