package dinero

import (
	"strconv"

	"github.com/dinero-tui/dinero-tui/sandbox/demodata"
)

// Sending reminders: by email (recorded as a mail-out) or as an electronic
// reminder to an EAN number.

// latestBookedReminder is the reminder the email endpoints send.
func (c *call) latestBookedReminder(inv *demodata.Invoice) (*demodata.Reminder, *apiError) {
	var latest *demodata.Reminder
	for _, r := range c.invoiceReminders(inv.Guid, false) {
		if r.Booked {
			latest = r
		}
	}
	if latest == nil {
		return nil, invalid("voucherGuid", "The invoice has no booked reminder to send.")
	}
	return latest, nil
}

func (c *call) reminderMail(inv *demodata.Invoice, r *demodata.Reminder) (mailDoc, mailTemplateOut) {
	m := mailDoc{doc: inv, kind: "Faktura", mailType: "Reminder"}
	t := c.mailTemplate(m)
	t.Subject = r.Title
	t.Message = "Hej\n\nVi har endnu ikke modtaget betaling for faktura " + strconv.FormatInt(inv.Number, 10) +
		". Se rykkeren her: " + linkTag + "\n\nVenlig hilsen\n" + c.org.data.Name
	return m, t
}

func reminderEmailTemplate(c *call) error {
	defer c.lock()()
	inv, err := findLive(c, c.org.invoices, voucherInvoiceRef)
	if err != nil {
		return err
	}
	r, err := c.latestBookedReminder(inv)
	if err != nil {
		return err
	}
	_, t := c.reminderMail(inv, r)
	return c.ok(t)
}

func sendReminderEmail(c *call) error {
	var in mailoutIn
	if err := decodeBody(c, &in, false); err != nil {
		return err
	}
	defer c.lock()()
	inv, err := findLive(c, c.org.invoices, voucherInvoiceRef)
	if err != nil {
		return err
	}
	r, err := c.latestBookedReminder(inv)
	if err != nil {
		return err
	}
	m, t := c.reminderMail(inv, r)
	if in.Subject == nil || *in.Subject == "" {
		in.Subject = &t.Subject
	}
	if in.Message == nil || *in.Message == "" {
		in.Message = &t.Message
	}
	return c.sendMail(&in, m, false)
}

// eanReminderIn is EanReminderModel.
type eanReminderIn struct {
	AttPerson         *string
	Timestamp         *string
	ReceiverEanNumber *string
	PaymentMeanEnum   *string
}

func sendEReminder(c *call) error {
	var in eanReminderIn
	if err := decodeBody(c, &in, false); err != nil {
		return err
	}
	if in.PaymentMeanEnum == nil || canonical(*in.PaymentMeanEnum, "Domestic", "International", "FIK") == "" {
		return invalid("PaymentMeanEnum", "PaymentMeanEnum is required and must be Domestic, International or FIK.")
	}
	defer c.lock()()
	inv, r, err := c.findReminder()
	if err != nil {
		return err
	}
	if in.Timestamp != nil && *in.Timestamp != "" {
		if err := checkStamp(*in.Timestamp, r.TimeStamp); err != nil {
			return err
		}
	}
	if !r.Booked {
		return invalid("id", "The reminder must be booked before it can be sent.")
	}
	ean := ""
	if ct := c.org.contacts[inv.ContactGuid]; ct != nil {
		ean = ct.EanNumber
	}
	if in.ReceiverEanNumber != nil && *in.ReceiverEanNumber != "" {
		ean = *in.ReceiverEanNumber
	}
	if len(ean) != 13 || !isDigits(ean) {
		return invalid("ReceiverEanNumber", "An EAN number of 13 digits is needed; the contact has none.")
	}
	c.record(&demodata.Mailout{VoucherGuid: inv.Guid, Date: c.now.UTC(), Sender: c.org.data.Name, Receiver: ean,
		Subject: r.Title, Type: "ElectronicInvoiceReminder", Status: "Sent"})
	return c.empty()
}

func isDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}
