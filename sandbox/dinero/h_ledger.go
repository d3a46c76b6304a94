package dinero

import (
	"fmt"
	"time"

	"github.com/dinero-tui/dinero-tui/sandbox/demodata"
)

// Ledger items ("kassekladde"): added and edited as drafts, sent to an
// asynchronous booking that finishes bookingDelay later, when the status
// endpoint reports Booked and the lines appear in the entries as a
// manual voucher.

const (
	maxLedgerItems = 1000
	bookingDelay   = 2 * time.Second
)

// ledgerLineIO is LedgerItemLineModelV2.
type ledgerLineIO struct {
	Id                      *string
	Description             *string
	Amount                  *float64
	AccountNumber           *int
	AccountVatCode          *string
	BalancingAccountNumber  *int
	BalancingAccountVatCode *string
	IsPaymentForVoucherId   *string
}

// ledgerItemIO is LedgerItemModelV2.
type ledgerItemIO struct {
	Id            *string
	Version       *string
	VoucherNumber *int
	VoucherDate   *string
	FileGuid      *string
	Lines         []ledgerLineIO
}

// ledgerRefIn is LedgerItemModel / LedgerItemStatusModel.
type ledgerRefIn struct {
	Id      *string
	Version *string
}

type ledgerReadOut struct {
	Id      string
	Version string
}

type ledgerStatusOut struct {
	Status        string
	VoucherNumber *int64
	Id            string
	Version       string
}

func ledgerOut(li *demodata.LedgerItem) ledgerItemIO {
	id, ver, date := li.ID, formatStamp(li.Version), li.VoucherDate
	out := ledgerItemIO{Id: &id, Version: &ver, VoucherDate: &date, FileGuid: strPtr(li.FileGuid), Lines: []ledgerLineIO{}}
	if li.VoucherNumber != 0 {
		out.VoucherNumber = &li.VoucherNumber
	}
	for _, l := range li.Lines {
		lid, amount, acc := l.ID, l.Amount, l.AccountNumber
		lo := ledgerLineIO{Id: &lid, Description: strPtr(l.Description), Amount: &amount, AccountNumber: &acc,
			AccountVatCode: strPtr(l.AccountVatCode), BalancingAccountVatCode: strPtr(l.BalancingAccountVatCode),
			IsPaymentForVoucherId: strPtr(l.IsPaymentForVoucherID)}
		if l.BalancingAccountNumber != 0 {
			b := l.BalancingAccountNumber
			lo.BalancingAccountNumber = &b
		}
		out.Lines = append(out.Lines, lo)
	}
	return out
}

// decodeLedgerItems reads a non-empty JSON array of at most 1000 items.
func decodeLedgerItems[T any](c *call) ([]T, *apiError) {
	var items []T
	if err := decodeBody(c, &items, false); err != nil {
		return nil, err
	}
	switch {
	case len(items) == 0:
		return nil, invalid("body", "Send a JSON array with at least one ledger item.")
	case len(items) > maxLedgerItems:
		return nil, invalid("body", fmt.Sprintf("At most %d ledger items can be sent at once.", maxLedgerItems))
	}
	return items, nil
}

// ledgerLines validates the lines of item i.
func (c *call) ledgerLines(i int, in ledgerItemIO) ([]demodata.LedgerLine, *apiError) {
	if len(in.Lines) == 0 {
		return nil, invalid(fmt.Sprintf("[%d].Lines", i), "A ledger item needs at least one line.")
	}
	var out []demodata.LedgerLine
	var unbalanced float64
	for j, l := range in.Lines {
		f := func(name string) string { return fmt.Sprintf("[%d].Lines[%d].%s", i, j, name) }
		switch {
		case l.Amount == nil || *l.Amount == 0:
			return nil, invalid(f("Amount"), "Amount is required and cannot be 0.")
		case l.AccountNumber == nil || !c.knownAccount(*l.AccountNumber):
			return nil, invalid(f("AccountNumber"), "AccountNumber is required and must be in the chart of accounts.")
		case l.BalancingAccountNumber != nil && !c.knownAccount(*l.BalancingAccountNumber):
			return nil, invalid(f("BalancingAccountNumber"), "BalancingAccountNumber must be in the chart of accounts.")
		case l.AccountVatCode != nil && *l.AccountVatCode != "" && !c.knownVatCode(*l.AccountVatCode):
			return nil, invalid(f("AccountVatCode"), "AccountVatCode must be one of the VAT codes.")
		case l.BalancingAccountVatCode != nil && *l.BalancingAccountVatCode != "" && !c.knownVatCode(*l.BalancingAccountVatCode):
			return nil, invalid(f("BalancingAccountVatCode"), "BalancingAccountVatCode must be one of the VAT codes.")
		}
		line := demodata.LedgerLine{ID: newGUID(), Amount: demodata.Round2(*l.Amount), AccountNumber: *l.AccountNumber}
		if l.Id != nil && *l.Id != "" {
			g, ok := lookupGUID(*l.Id)
			if !ok {
				return nil, invalid(f("Id"), "Id must be a GUID.")
			}
			line.ID = g
		}
		if l.BalancingAccountNumber != nil {
			line.BalancingAccountNumber = *l.BalancingAccountNumber
		} else {
			unbalanced += line.Amount
		}
		for _, s := range []struct{ dst, src *string }{{&line.Description, l.Description},
			{&line.AccountVatCode, l.AccountVatCode}, {&line.BalancingAccountVatCode, l.BalancingAccountVatCode},
			{&line.IsPaymentForVoucherID, l.IsPaymentForVoucherId}} {
			if s.src != nil {
				*s.dst = *s.src
			}
		}
		out = append(out, line)
	}
	if demodata.Round2(unbalanced) != 0 {
		return nil, invalid(fmt.Sprintf("[%d].Lines", i), "Lines without a balancing account must add up to 0 (debit equals credit).")
	}
	return out, nil
}

// applyLedgerItem validates item i onto li.
func (c *call) applyLedgerItem(i int, in ledgerItemIO, li *demodata.LedgerItem) *apiError {
	lines, err := c.ledgerLines(i, in)
	if err != nil {
		return err
	}
	li.VoucherDate = c.today()
	if in.VoucherDate != nil && *in.VoucherDate != "" {
		if !validDate(*in.VoucherDate) {
			return invalid(fmt.Sprintf("[%d].VoucherDate", i), "VoucherDate must be a date in the format YYYY-MM-DD.")
		}
		li.VoucherDate = *in.VoucherDate
	}
	li.FileGuid = ""
	if in.FileGuid != nil && *in.FileGuid != "" {
		if c.org.files[*in.FileGuid] == nil {
			return invalid(fmt.Sprintf("[%d].FileGuid", i), "FileGuid does not name an uploaded file.")
		}
		li.FileGuid = *in.FileGuid
	}
	li.VoucherNumber = 0
	if in.VoucherNumber != nil {
		li.VoucherNumber = *in.VoucherNumber
	}
	li.Lines = lines
	return nil
}

func addLedgerItems(c *call) error {
	items, err := decodeLedgerItems[ledgerItemIO](c)
	if err != nil {
		return err
	}
	defer c.lock()()
	var made []*demodata.LedgerItem
	for i, in := range items {
		li := &demodata.LedgerItem{ID: newGUID(), Status: "Draft"}
		if in.Id != nil && *in.Id != "" {
			g, ok := lookupGUID(*in.Id)
			if !ok || c.org.ledger[g] != nil {
				return invalid(fmt.Sprintf("[%d].Id", i), "Id must be a new, unused GUID.")
			}
			li.ID = g
		}
		if err := c.applyLedgerItem(i, in, li); err != nil {
			return err
		}
		made = append(made, li)
	}
	for _, li := range made {
		li.Version = c.s.nextStamp()
		store(&c.org.data.LedgerItems, c.org.ledger, li.ID, li)
	}
	// The spec answers with one LedgerItemReadModel: the first item added.
	return c.ok(ledgerReadOut{made[0].ID, formatStamp(made[0].Version)})
}

// ledgerItem resolves item i's Id; with version it also compares Version (code 58).
func (c *call) ledgerItem(i int, id, version *string, checkVersion bool) (*demodata.LedgerItem, *apiError) {
	if id == nil {
		return nil, invalid(fmt.Sprintf("[%d].Id", i), "Id is required.")
	}
	g, ok := lookupGUID(*id)
	if !ok {
		return nil, invalid(fmt.Sprintf("[%d].Id", i), "Id must be a GUID.")
	}
	li := c.org.ledger[g]
	if li == nil || li.Deleted {
		return nil, notFound("The ledger item " + g)
	}
	c.settle(li)
	if checkVersion {
		if version == nil || *version == "" {
			return nil, invalid(fmt.Sprintf("[%d].Version", i), "Version is required.")
		}
		if err := checkStamp(*version, li.Version); err != nil {
			return nil, err
		}
	}
	return li, nil
}

// settle finishes a booking that has waited bookingDelay: the lines are
// booked as a manual voucher and the item gets its voucher number.
func (c *call) settle(li *demodata.LedgerItem) {
	if li.Status != "PendingBooking" || c.now.Before(li.SentAt.Add(bookingDelay)) {
		return
	}
	mv := &demodata.ManualVoucher{Guid: newGUID(), VoucherDate: li.VoucherDate, FileGuid: li.FileGuid,
		Document: demodata.Document{Stamps: c.created()}}
	for _, l := range li.Lines {
		mv.Lines = append(mv.Lines, demodata.ManualLine{Description: l.Description, AccountNumber: l.AccountNumber,
			BalancingAccountNumber: l.BalancingAccountNumber, Amount: l.Amount, AccountVatCode: l.AccountVatCode,
			BalancingAccountVatCode: l.BalancingAccountVatCode})
	}
	mv.VoucherNumber = c.nextManualNumber()
	c.book(mv.Doc())
	store(&c.org.data.ManualVouchers, c.org.manuals, mv.Guid, mv)
	li.Status, li.VoucherNumber, li.Version = "Booked", int(mv.VoucherNumber), c.s.nextStamp()
}

func updateLedgerItems(c *call) error {
	items, err := decodeLedgerItems[ledgerItemIO](c)
	if err != nil {
		return err
	}
	defer c.lock()()
	drafts := make([]demodata.LedgerItem, len(items))
	targets := make([]*demodata.LedgerItem, len(items))
	for i, in := range items {
		li, err := c.ledgerItem(i, in.Id, in.Version, true)
		if err != nil {
			return err
		}
		if li.Status != "Draft" {
			return invalid(fmt.Sprintf("[%d].Id", i), "A ledger item sent to booking cannot be changed.")
		}
		drafts[i] = *li
		if err := c.applyLedgerItem(i, in, &drafts[i]); err != nil {
			return err
		}
		targets[i] = li
	}
	out := []ledgerReadOut{}
	for i, li := range targets {
		*li = drafts[i]
		li.Version = c.s.nextStamp()
		out = append(out, ledgerReadOut{li.ID, formatStamp(li.Version)})
	}
	return c.ok(out)
}

func getLedgerItems(c *call) error {
	refs, err := decodeLedgerItems[ledgerRefIn](c)
	if err != nil {
		return err
	}
	defer c.lock()()
	out := []ledgerItemIO{}
	for i, r := range refs {
		li, err := c.ledgerItem(i, r.Id, nil, false)
		if err != nil {
			return err
		}
		if li.Status != "Booked" {
			out = append(out, ledgerOut(li))
		}
	}
	return c.ok(out)
}

func ledgerItemStatus(c *call) error {
	refs, err := decodeLedgerItems[ledgerRefIn](c)
	if err != nil {
		return err
	}
	defer c.lock()()
	out := []ledgerStatusOut{}
	for i, r := range refs {
		li, err := c.ledgerItem(i, r.Id, nil, false)
		if err != nil {
			return err
		}
		s := ledgerStatusOut{Status: li.Status, Id: li.ID, Version: formatStamp(li.Version)}
		if li.VoucherNumber != 0 && li.Status == "Booked" {
			n := int64(li.VoucherNumber)
			s.VoucherNumber = &n
		}
		out = append(out, s)
	}
	return c.ok(out)
}

// bookLedgerItems starts the booking of every listed draft; all or none.
func bookLedgerItems(c *call) error {
	refs, err := decodeLedgerItems[ledgerRefIn](c)
	if err != nil {
		return err
	}
	defer c.lock()()
	var items []*demodata.LedgerItem
	for i, r := range refs {
		li, err := c.ledgerItem(i, r.Id, r.Version, true)
		if err != nil {
			return err
		}
		if li.Status != "Draft" {
			return invalid(fmt.Sprintf("[%d].Id", i), "The ledger item is already "+li.Status+".")
		}
		items = append(items, li)
	}
	for _, li := range items {
		li.Status, li.SentAt, li.Version = "PendingBooking", c.now, c.s.nextStamp()
	}
	return c.empty()
}

func deleteLedgerItems(c *call) error {
	refs, err := decodeLedgerItems[ledgerRefIn](c)
	if err != nil {
		return err
	}
	defer c.lock()()
	var items []*demodata.LedgerItem
	for i, r := range refs {
		li, err := c.ledgerItem(i, r.Id, r.Version, true)
		if err != nil {
			return err
		}
		if li.Status != "Draft" {
			return invalid(fmt.Sprintf("[%d].Id", i), "A ledger item sent to booking cannot be deleted.")
		}
		items = append(items, li)
	}
	for _, li := range items {
		li.Deleted = true
	}
	return c.empty()
}
