package dinero

import (
	"fmt"
	"strings"
	"time"

	"github.com/dinero-tui/dinero-tui/sandbox/demodata"
)

var purchaseCNRef = entityRef{"guid", "credit note", "purchase credit note"}

// purchaseCNIn is PurchaseCreditNoteCreateModel / UpdateModel.
type purchaseCNIn struct {
	Timestamp     *string
	Guid          *string
	CreditNoteFor *string
	FileGuid      *string
	ContactGuid   *string
	Date          *string
	Currency      *string
	Lines         *[]purchaseLineIn
}

func (in *purchaseCNIn) stamp() *string { return in.Timestamp }

// parseDayOrTime accepts YYYY-MM-DD or an RFC 3339 time and returns the day.
func parseDayOrTime(v, field string) (string, *apiError) {
	if validDate(v) {
		return v, nil
	}
	if t, err := time.Parse(time.RFC3339, v); err == nil {
		return t.UTC().Format("2006-01-02"), nil
	}
	return "", invalid(field, field+" must be a date (YYYY-MM-DD) or a UTC time (YYYY-MM-DDTHH:mm:ssZ).")
}

// dayTime renders a YYYY-MM-DD day in the date-time form the schema asks for.
func dayTime(day string) any {
	if day == "" {
		return nil
	}
	return day + "T00:00:00Z"
}

func (c *call) purchaseLines(lines *[]purchaseLineIn) ([]demodata.PurchaseLine, *apiError) {
	if lines == nil || len(*lines) == 0 {
		return nil, invalid("Lines", "Lines is required and needs at least one line.")
	}
	var out []demodata.PurchaseLine
	for i, l := range *lines {
		f := func(n string) string { return fmt.Sprintf("Lines[%d].%s", i, n) }
		switch {
		case l.Amount == nil:
			return nil, invalid(f("Amount"), "Amount is required.")
		case l.AccountNumber != nil && c.org.account(*l.AccountNumber) == nil:
			return nil, invalid(f("AccountNumber"), "AccountNumber must be in the chart of accounts.")
		case l.VatCode != "" && !c.knownVatCode(l.VatCode):
			return nil, invalid(f("VatCode"), "VatCode must be one of the VAT codes.")
		}
		pl := demodata.PurchaseLine{Description: l.Description, Amount: demodata.Round2(*l.Amount), VatCode: l.VatCode,
			AccountTagName: l.AccountTagName}
		if l.AccountNumber != nil {
			pl.AccountNumber = *l.AccountNumber
			if pl.VatCode == "" {
				pl.VatCode = c.org.account(pl.AccountNumber).VatCode
			}
		}
		out = append(out, pl)
	}
	return out, nil
}

func (c *call) applyPurchaseCN(in *purchaseCNIn, cn *demodata.PurchaseCreditNote) *apiError {
	lines, err := c.purchaseLines(in.Lines)
	if err != nil {
		return err
	}
	cn.Date, cn.Currency, cn.ContactGuid, cn.CreditNoteFor, cn.FileGuid = c.today(), "DKK", "", "", ""
	if in.Date != nil && *in.Date != "" {
		if cn.Date, err = parseDayOrTime(*in.Date, "Date"); err != nil {
			return err
		}
	}
	if in.Currency != nil && *in.Currency != "" {
		if cn.Currency = canonical(*in.Currency, knownCurrencies...); cn.Currency == "" {
			return invalid("Currency", "Currency must be one of "+strings.Join(knownCurrencies, ", ")+".")
		}
	}
	if in.ContactGuid != nil && *in.ContactGuid != "" {
		g, ok := lookupGUID(*in.ContactGuid)
		if ct := c.org.contacts[g]; !ok || ct == nil || ct.DeletedAt != nil {
			return invalid("ContactGuid", "ContactGuid does not name an existing contact.")
		}
		cn.ContactGuid = g
	}
	if in.CreditNoteFor != nil && *in.CreditNoteFor != "" {
		g, ok := lookupGUID(*in.CreditNoteFor)
		pv := c.org.purchases[g]
		if !ok || pv == nil || pv.DeletedAt != nil || !pv.Booked {
			return invalid("CreditNoteFor", "CreditNoteFor must name a booked purchase voucher.")
		}
		cn.CreditNoteFor, cn.FileGuid = pv.Guid, pv.FileGuid
	}
	if in.FileGuid != nil && *in.FileGuid != "" {
		if c.org.files[*in.FileGuid] == nil {
			return invalid("FileGuid", "FileGuid does not name an uploaded file.")
		}
		cn.FileGuid = *in.FileGuid
	}
	cn.Lines = lines
	return nil
}

// purchaseCNOut is PurchaseCreditNoteReadModel.
type purchaseCNOut struct {
	Guid             string
	CreditNoteFor    *string
	FileGuid         *string
	CreditNoteNumber *int64
	ContactGuid      *string
	Date             any
	Currency         string
	Lines            []purchaseLineOut
	Timestamp        string
	Status           string
	BookedByType     *string
	BookedByUsername *string
	BookingTime      *string
	Totals           []voucherTotal
}

func (c *call) purchaseCNView(cn *demodata.PurchaseCreditNote) purchaseCNOut {
	// The voucher view computes lines and totals the same way for credit notes.
	pv := c.purchaseView(&demodata.PurchaseVoucher{Lines: cn.Lines})
	out := purchaseCNOut{Guid: cn.Guid, CreditNoteFor: strPtr(cn.CreditNoteFor), FileGuid: strPtr(cn.FileGuid),
		ContactGuid: strPtr(cn.ContactGuid), Date: dayTime(cn.Date), Currency: cn.Currency, Lines: pv.Lines,
		Timestamp: formatStamp(cn.TimeStamp), Status: "Draft", Totals: pv.VoucherTotals}
	if cn.Booked {
		n, at := cn.Number, cn.BookedAt.UTC().Format("2006-01-02")
		out.CreditNoteNumber, out.BookingTime, out.Status = &n, &at, "Booked"
		out.BookedByType, out.BookedByUsername = strPtr(cn.BookedByType), strPtr(cn.BookedBy)
		if cn.CreditNoteFor == "" && c.purchasePaid(cn.Guid) >= pv.VoucherTotals[2].Total {
			out.Status = "Paid"
		}
	}
	return out
}

// purchasePaid is the sum of the payments on a purchase voucher or credit
// note, as a positive amount.
func (c *call) purchasePaid(guid string) float64 {
	var sum float64
	for _, p := range c.org.data.PurchasePayments {
		if p.VoucherGuid == guid {
			sum += p.Amount
		}
	}
	if sum < 0 {
		sum = -sum
	}
	return demodata.Round2(sum)
}

func createPurchaseCN(c *call) error {
	var in purchaseCNIn
	if err := decodeBody(c, &in, false); err != nil {
		return err
	}
	defer c.lock()()
	cn := &demodata.PurchaseCreditNote{Guid: newGUID(), Document: demodata.Document{Stamps: c.created()}}
	if in.Guid != nil && *in.Guid != "" {
		g, ok := lookupGUID(*in.Guid)
		if !ok || c.org.purchaseCNs[g] != nil {
			return invalid("Guid", "Guid must be a new, unused GUID.")
		}
		cn.Guid = g
	}
	if err := c.applyPurchaseCN(&in, cn); err != nil {
		return err
	}
	cn.TimeStamp = c.s.nextStamp()
	store(&c.org.data.PurchaseCreditNotes, c.org.purchaseCNs, cn.Guid, cn)
	return c.ok(createdResponse{cn.Guid, formatStamp(cn.TimeStamp)})
}

func getPurchaseCN(c *call) error {
	defer c.lock()()
	cn, err := findLive(c, c.org.purchaseCNs, purchaseCNRef)
	if err != nil {
		return err
	}
	return c.ok(c.purchaseCNView(cn))
}

func updatePurchaseCN(c *call) error {
	var in purchaseCNIn
	if err := decodeStamped(c, &in); err != nil {
		return err
	}
	defer c.lock()()
	cn, err := reviseDraft(c, c.org.purchaseCNs, purchaseCNRef, in.Timestamp, "A booked purchase credit note cannot be changed.",
		func(draft *demodata.PurchaseCreditNote) *apiError { return c.applyPurchaseCN(&in, draft) })
	if err != nil {
		return err
	}
	return c.ok(createdResponse{cn.Guid, formatStamp(cn.TimeStamp)})
}

func deletePurchaseCN(c *call) error {
	var in timestampIn
	if err := decodeBody(c, &in, true); err != nil {
		return err
	}
	defer c.lock()()
	cn, err := findDraft(c, c.org.purchaseCNs, purchaseCNRef, in.Timestamp, "A booked purchase credit note cannot be deleted.")
	if err != nil {
		return err
	}
	c.deleteDoc(cn.Doc())
	return c.empty()
}

func bookPurchaseCN(c *call) error {
	var in timestampIn
	if err := decodeStamped(c, &in); err != nil {
		return err
	}
	defer c.lock()()
	cn, err := findDraft(c, c.org.purchaseCNs, purchaseCNRef, in.Timestamp, "The purchase credit note is already booked.")
	if err != nil {
		return err
	}
	if cn.ContactGuid == "" {
		return invalid("ContactGuid", "A purchase credit note needs a supplier contact before it can be booked.")
	}
	for i, l := range cn.Lines {
		if l.AccountNumber == 0 {
			return invalid(fmt.Sprintf("Lines[%d].AccountNumber", i), "Every line needs an account before booking.")
		}
	}
	var highest int64
	used := map[int64]bool{}
	for _, o := range c.org.data.PurchaseCreditNotes {
		used[o.Number] = o.Booked
		highest = max(highest, o.Number)
	}
	cn.Number = highest + 1
	if in.Number != nil {
		if *in.Number <= 0 || used[*in.Number] {
			return invalid("Number", "Number must be a positive number that is not already used.")
		}
		cn.Number = *in.Number
	}
	cn.BookedByType, cn.BookedBy = "API", c.claims.ClientID
	c.book(cn.Doc())
	return c.ok(c.purchaseCNView(cn))
}

// creditNoteForPurchaseIn is CreditNoteForPurchaseVoucherRequest; its
// Timestamp is a TimestampObject.
type creditNoteForPurchaseIn struct {
	Timestamp   *timestampIn
	VoucherDate *string
	FileGuid    *string
}

// purchaseCreditNoteFrom makes a credit note draft for a booked purchase voucher.
func purchaseCreditNoteFrom(c *call) error {
	var in creditNoteForPurchaseIn
	if err := decodeBody(c, &in, false); err != nil {
		return err
	}
	if in.Timestamp == nil {
		return invalid("Timestamp", "Timestamp is required (an object with the voucher's Timestamp).")
	}
	defer c.lock()()
	pv, err := findAndCheck(c, c.org.purchases, purchaseRef, in.Timestamp.Timestamp)
	if err != nil {
		return err
	}
	if !pv.Booked {
		return invalid("guid", "Only a booked purchase voucher can be credited; delete the draft instead.")
	}
	cn := &demodata.PurchaseCreditNote{Guid: newGUID(), CreditNoteFor: pv.Guid, FileGuid: pv.FileGuid,
		ContactGuid: pv.ContactGuid, Date: c.today(), Currency: pv.CurrencyKey,
		Lines: append([]demodata.PurchaseLine(nil), pv.Lines...), Document: demodata.Document{Stamps: c.created()}}
	if cn.Currency == "" {
		cn.Currency = "DKK"
	}
	if in.VoucherDate != nil && *in.VoucherDate != "" {
		if cn.Date, err = parseDayOrTime(*in.VoucherDate, "VoucherDate"); err != nil {
			return err
		}
	}
	if in.FileGuid != nil && *in.FileGuid != "" {
		if c.org.files[*in.FileGuid] == nil {
			return invalid("FileGuid", "FileGuid does not name an uploaded file.")
		}
		cn.FileGuid = *in.FileGuid
	}
	cn.TimeStamp = c.s.nextStamp()
	store(&c.org.data.PurchaseCreditNotes, c.org.purchaseCNs, cn.Guid, cn)
	return c.ok(createdResponse{cn.Guid, formatStamp(cn.TimeStamp)})
}
