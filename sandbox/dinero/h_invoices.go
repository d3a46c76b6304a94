package dinero

import (
	"net/http"
	"strings"
	"time"

	"github.com/dinero-tui/dinero-tui/sandbox/demodata"
)

// applyInvoice validates in and copies it onto inv (a full replace).
func (c *call) applyInvoice(in *invoiceIn, inv *demodata.Invoice) *apiError {
	lines, err := in.lines(c.org)
	if err != nil {
		return err
	}
	date := c.today()
	if in.Date != nil && *in.Date != "" {
		if !validDate(*in.Date) {
			return invalid("Date", "Date must be a date in the format YYYY-MM-DD.")
		}
		date = *in.Date
	}
	inv.ContactGuid, inv.ContactName, inv.Address = "", "", ""
	condType, condDays := "Netto", 8
	if in.ContactGuid != nil && *in.ContactGuid != "" {
		g, ok := lookupGUID(*in.ContactGuid)
		ct := c.org.contacts[g]
		if !ok || ct == nil || ct.DeletedAt != nil {
			return invalid("ContactGuid", "ContactGuid does not name an existing contact.")
		}
		inv.ContactGuid, inv.ContactName = ct.Guid, ct.Name
		inv.Address = ct.Street + "\n" + ct.ZipCode + " " + ct.City
		condType, condDays = ct.PaymentConditionType, ct.PaymentConditionNumberOfDays
	}
	if in.PaymentConditionType != nil && *in.PaymentConditionType != "" {
		if canonical(*in.PaymentConditionType, "Netto", "NettoCash", "CurrentMonthOut") == "" {
			return invalid("PaymentConditionType", "PaymentConditionType must be Netto, NettoCash or CurrentMonthOut.")
		}
		condType = canonical(*in.PaymentConditionType, "Netto", "NettoCash", "CurrentMonthOut")
	}
	if in.PaymentConditionNumberOfDays != nil {
		if *in.PaymentConditionNumberOfDays < 0 {
			return invalid("PaymentConditionNumberOfDays", "PaymentConditionNumberOfDays cannot be negative.")
		}
		condDays = *in.PaymentConditionNumberOfDays
	}
	inv.Currency, inv.Language = "DKK", "da-DK"
	if in.Currency != nil && *in.Currency != "" {
		if _, ok := dkkRate[strings.ToUpper(*in.Currency)]; !ok {
			return invalid("Currency", "Currency must be a currency code Dinero knows, such as DKK, EUR or USD.")
		}
		inv.Currency = strings.ToUpper(*in.Currency)
	}
	if in.InvoiceTemplateId != nil && *in.InvoiceTemplateId != "" {
		if _, ok := lookupGUID(*in.InvoiceTemplateId); !ok {
			return invalid("InvoiceTemplateId", "InvoiceTemplateId must be a GUID.")
		}
	}
	if in.Language != nil && *in.Language != "" {
		if *in.Language != "da-DK" && *in.Language != "en-GB" {
			return invalid("Language", "Language must be da-DK or en-GB.")
		}
		inv.Language = *in.Language
	}
	if len(in.ExternalReference) > 128 {
		return invalid("ExternalReference", "ExternalReference can be at most 128 characters.")
	}
	if in.Address != nil && *in.Address != "" {
		inv.Address = *in.Address
	}
	inv.ShowLinesInclVat = in.ShowLinesInclVat != nil && *in.ShowLinesInclVat
	inv.Date, inv.Lines = date, lines
	inv.PaymentConditionType, inv.PaymentConditionNumberOfDays = condType, condDays
	inv.PaymentDate = dueDate(date, condType, condDays)
	inv.ExternalReference, inv.Description, inv.Comment = in.ExternalReference, in.Description, in.Comment
	inv.Recalculate(c.org.data)
	return nil
}

// dueDate computes the payment date from the invoice date and conditions.
func dueDate(date, condType string, days int) string {
	d, _ := time.Parse("2006-01-02", date)
	switch condType {
	case "NettoCash":
		return date
	case "CurrentMonthOut":
		d = time.Date(d.Year(), d.Month()+1, 0, 0, 0, 0, 0, time.UTC)
	}
	return d.AddDate(0, 0, days).Format("2006-01-02")
}

type createdResponse struct {
	Guid      string
	TimeStamp string
}

func (in *invoiceIn) stamp() *string { return in.Timestamp }

func createInvoice(c *call) error {
	var in invoiceIn
	if err := decodeBody(c, &in, false); err != nil {
		return err
	}
	defer c.lock()()
	inv := &demodata.Invoice{Guid: newGUID(), MailOutStatus: "NotSent", Document: demodata.Document{Stamps: c.created()}}
	if in.Guid != nil && *in.Guid != "" {
		g, ok := lookupGUID(*in.Guid)
		if !ok || c.org.invoices[g] != nil {
			return invalid("Guid", "Guid must be a new, unused GUID.")
		}
		inv.Guid = g
	}
	if err := c.applyInvoice(&in, inv); err != nil {
		return err
	}
	inv.TimeStamp = c.s.nextStamp()
	store(&c.org.data.Invoices, c.org.invoices, inv.Guid, inv)
	c.org.touch()
	return c.ok(createdResponse{inv.Guid, formatStamp(inv.TimeStamp)})
}

func getInvoice(c *call) error {
	defer c.lock()()
	inv, err := findLive(c, c.org.invoices, invoiceRef)
	if err != nil {
		return err
	}
	if strings.Contains(c.r.Header.Get("Accept"), "application/octet-stream") {
		if !inv.Booked {
			return invalid("guid", "A PDF can only be made for a booked invoice.")
		}
		c.w.Header().Set("Content-Type", "application/pdf")
		c.w.WriteHeader(http.StatusOK)
		_, _ = c.w.Write(invoicePDF(c.org.data, inv))
		return nil
	}
	return c.writeRaw(http.StatusOK, objectJSON(invoiceSchema, invoiceView{o: c.org.data, inv: inv, today: c.today()}))
}

func updateInvoice(c *call) error {
	var in invoiceIn
	if err := decodeStamped(c, &in); err != nil {
		return err
	}
	defer c.lock()()
	inv, err := reviseDraft(c, c.org.invoices, invoiceRef, in.Timestamp,
		"A booked invoice cannot be changed; create a credit note instead.",
		func(draft *demodata.Invoice) *apiError { return c.applyInvoice(&in, draft) })
	if err != nil {
		return err
	}
	c.org.touch()
	return c.ok(createdResponse{inv.Guid, formatStamp(inv.TimeStamp)})
}

func deleteInvoice(c *call) error {
	var in timestampIn
	if err := decodeBody(c, &in, true); err != nil {
		return err
	}
	defer c.lock()()
	inv, err := findDraft(c, c.org.invoices, invoiceRef, in.Timestamp,
		"A booked invoice cannot be deleted; create a credit note instead.")
	if err != nil {
		return err
	}
	c.deleteDoc(inv.Doc())
	c.org.touch()
	return c.empty()
}

func bookInvoice(c *call) error {
	var in timestampIn
	if err := decodeStamped(c, &in); err != nil {
		return err
	}
	defer c.lock()()
	inv, err := findDraft(c, c.org.invoices, invoiceRef, in.Timestamp, "The invoice is already booked.")
	if err != nil {
		return err
	}
	switch {
	case inv.ContactGuid == "":
		return invalid("ContactGuid", "An invoice needs a contact before it can be booked.")
	case len(inv.Lines) == 0:
		return invalid("ProductLines", "An invoice needs at least one line before it can be booked.")
	}
	number, err := c.nextInvoiceNumber(in.Number)
	if err != nil {
		return err
	}
	if err := c.bookableDate("Date", inv.Date); err != nil {
		return err
	}
	inv.Number = number
	c.book(inv.Doc())
	c.org.touch()
	return c.writeRaw(http.StatusOK, objectJSON(invoiceSchema, invoiceView{o: c.org.data, inv: inv, today: c.today()}))
}

// nextInvoiceNumber picks the booked number: the requested one if free,
// else one more than the highest in use.
func (c *call) nextInvoiceNumber(want *int64) (int64, *apiError) {
	var highest int64
	used := map[int64]bool{}
	for _, inv := range c.org.data.Invoices {
		if inv.Booked {
			used[inv.Number] = true
			highest = max(highest, inv.Number)
		}
	}
	if want == nil {
		return highest + 1, nil
	}
	if *want <= 0 || used[*want] {
		return 0, invalid("Number", "Number must be a positive invoice number that is not already used.")
	}
	return *want, nil
}

// getCreditNote answers JSON, or with Accept: application/octet-stream a
// PDF of a booked credit note (the spec's description and the reference
// say so; its response lists only JSON).
func getCreditNote(c *call) error {
	defer c.lock()()
	cn, err := findLive(c, c.org.creditNotes, creditNoteRef)
	if err != nil {
		return err
	}
	if strings.Contains(c.r.Header.Get("Accept"), "application/octet-stream") {
		if !cn.Booked {
			return invalid("guid", "A PDF can only be made for a booked credit note.")
		}
		c.w.Header().Set("Content-Type", "application/pdf")
		c.w.WriteHeader(http.StatusOK)
		_, _ = c.w.Write(creditNotePDF(c.org.data, cn))
		return nil
	}
	return c.writeRaw(http.StatusOK, objectJSON(creditNoteSchema, invoiceView{o: c.org.data, inv: cn, today: c.today(), credit: true}))
}
