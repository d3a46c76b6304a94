package dinero

import (
	"time"

	"github.com/dinero-tui/dinero-tui/sandbox/demodata"
)

// reviseDraft is the update of an invoice or voucher draft whose client
// Timestamp is current: edit applies the request to a copy, and the copy
// replaces the document, with a new version, only if edit accepts it.
func reviseDraft[E any, P interface {
	*E
	document
}](c *call, index map[string]P, ref entityRef, given *string, bookedMsg string,
	edit func(draft P) *apiError) (P, *apiError) {
	d, err := findDraft(c, index, ref, given, bookedMsg)
	if err != nil {
		return d, err
	}
	draft := *d
	if err := edit(&draft); err != nil {
		var none P
		return none, err
	}
	*d = draft
	c.restamp(d.Doc())
	return d, nil
}

// mutable is an entity whose change times the shared flows record.
type mutable interface {
	entity
	MarkUpdated(t time.Time)
	MarkDeleted(t time.Time)
}

// form is a request body that checks itself and then replaces the
// writable fields of a T.
type form[T any] interface {
	validate(c *call) *apiError
	apply(T)
}

// replaceLive is the update of a contact or product: a valid body replaces
// the writable fields of the live entity.
func replaceLive[T mutable](c *call, in form[T], index map[string]T, ref entityRef) error {
	if err := decodeBody(c, in, false); err != nil {
		return err
	}
	defer c.lock()()
	e, err := findLive(c, index, ref)
	if err != nil {
		return err
	}
	if err := in.validate(c); err != nil {
		return err
	}
	in.apply(e)
	e.MarkUpdated(c.now.UTC())
	return c.empty()
}

// deleteLive marks a live contact or product deleted.
func deleteLive[T mutable](c *call, index map[string]T, ref entityRef) error {
	defer c.lock()()
	e, err := findLive(c, index, ref)
	if err != nil {
		return err
	}
	e.MarkDeleted(c.now.UTC())
	return c.empty()
}

// stamped is a request body that carries the client's copy of the
// entity's Timestamp.
type stamped interface{ stamp() *string }

// timestampIn is the body of the writes that carry only a Timestamp (and,
// when booking an invoice, the wanted number).
type timestampIn struct {
	Timestamp *string
	Number    *int64
}

func (in *timestampIn) stamp() *string { return in.Timestamp }

// decodeStamped reads a required JSON body whose Timestamp is mandatory.
func decodeStamped(c *call, in stamped) *apiError {
	if err := decodeBody(c, in, false); err != nil {
		return err
	}
	if in.stamp() == nil {
		return invalid("Timestamp", "Timestamp is required.")
	}
	return nil
}

// created are the change times of an entity made by this request.
func (c *call) created() demodata.Stamps { return demodata.NewStamps(c.now.UTC()) }

// restamp records a change to d: a new version and change time.
func (c *call) restamp(d *demodata.Document) {
	d.TimeStamp = c.s.nextStamp()
	d.MarkUpdated(c.now.UTC())
}

// book marks d booked by this request, with a new version. Dinero names
// the source "API" with the client id, and the user who booked.
func (c *call) book(d *demodata.Document) {
	d.Booked, d.BookedAt = true, c.now.UTC()
	d.BookedByType, d.BookedByUsername = "API ("+c.claims.ClientID+")", c.user().Email
	c.restamp(d)
}

// bookableDate checks that a voucher dated day (YYYY-MM-DD) can be
// booked: it lies in an accounting year, or in the year right after the
// latest one, which booking creates (as the accounting years list
// describes). field names the date in the error.
func (c *call) bookableDate(field, day string) *apiError {
	years := c.org.data.AccountingYears
	for _, y := range years {
		if day >= y.FromDate && day <= y.ToDate {
			return nil
		}
	}
	if n := len(years); n > 0 && validDate(day) {
		last, _ := time.Parse("2006-01-02", years[n-1].ToDate)
		next := last.AddDate(1, 0, 0)
		if day > years[n-1].ToDate && day <= next.Format("2006-01-02") {
			c.org.data.AccountingYears = append(years, demodata.AccountingYear{Name: next.Format("2006"),
				FromDate: last.AddDate(0, 0, 1).Format("2006-01-02"), ToDate: next.Format("2006-01-02"),
				SalarySumTaxState: years[n-1].SalarySumTaxState})
			return nil
		}
	}
	return invalid(field, "The date "+day+" is outside every accounting year, and not in the year after the latest one; see /accountingyears.")
}

// dkkRate is the sandbox's fixed rate (DKK per unit) of the currencies it
// accepts; Dinero uses the day's rate.
var dkkRate = map[string]float64{"DKK": 1, "EUR": 7.46, "USD": 6.9, "GBP": 8.7, "SEK": 0.65, "NOK": 0.64,
	"CHF": 7.8, "PLN": 1.74, "ISK": 0.054}

// inDKK converts amount in currency to DKK.
func inDKK(amount float64, currency string) float64 {
	if r, ok := dkkRate[currency]; ok {
		return demodata.Round2(amount * r)
	}
	return amount
}

// deleteDoc marks d deleted by this request, with a new version.
func (c *call) deleteDoc(d *demodata.Document) {
	d.MarkDeleted(c.now.UTC())
	d.TimeStamp = c.s.nextStamp()
}
