package dinero

import (
	"fmt"
	"strings"

	"github.com/dinero-tui/dinero-tui/sandbox/demodata"
)

type manualLineIn struct {
	Description             string
	AccountNumber           *int
	BalancingAccountNumber  *int
	Amount                  *float64
	AccountVatCode          string
	BalancingAccountVatCode string
}

type manualIn struct {
	Timestamp         *string
	VoucherDate       *string
	Lines             *[]manualLineIn
	FileGuid          string
	ExternalReference string
}

func (c *call) knownAccount(n int) bool { return c.org.account(n) != nil || c.org.deposit(n) != nil }

func (c *call) applyManual(in *manualIn, mv *demodata.ManualVoucher) *apiError {
	mv.VoucherDate = c.today()
	if in.VoucherDate != nil && *in.VoucherDate != "" {
		if !validDate(*in.VoucherDate) {
			return invalid("VoucherDate", "VoucherDate must be a date in the format YYYY-MM-DD.")
		}
		mv.VoucherDate = *in.VoucherDate
	}
	if in.FileGuid != "" && c.org.files[in.FileGuid] == nil {
		return invalid("FileGuid", "FileGuid does not name a file in the file archive.")
	}
	if len(in.ExternalReference) > 128 {
		return invalid("ExternalReference", "ExternalReference can be at most 128 characters.")
	}
	mv.Lines = nil
	if in.Lines != nil {
		for i, l := range *in.Lines {
			f := func(n string) string { return fmt.Sprintf("Lines[%d].%s", i, n) }
			if l.Amount == nil {
				return invalid(f("Amount"), "Amount is required.")
			}
			line := demodata.ManualLine{Description: l.Description, Amount: demodata.Round2(*l.Amount),
				AccountVatCode: l.AccountVatCode, BalancingAccountVatCode: l.BalancingAccountVatCode}
			if l.AccountNumber != nil {
				if !c.knownAccount(*l.AccountNumber) {
					return invalid(f("AccountNumber"), "AccountNumber is not in the chart of accounts.")
				}
				line.AccountNumber = *l.AccountNumber
			}
			if l.BalancingAccountNumber != nil {
				if !c.knownAccount(*l.BalancingAccountNumber) {
					return invalid(f("BalancingAccountNumber"), "BalancingAccountNumber is not in the chart of accounts.")
				}
				line.BalancingAccountNumber = *l.BalancingAccountNumber
			}
			for name, code := range map[string]string{"AccountVatCode": l.AccountVatCode, "BalancingAccountVatCode": l.BalancingAccountVatCode} {
				if code != "" && !strings.EqualFold(code, "none") && !strings.EqualFold(code, "NULL") && !c.knownVatCode(code) {
					return invalid(f(name), "Unknown VAT code "+code+".")
				}
			}
			mv.Lines = append(mv.Lines, line)
		}
	}
	mv.FileGuid, mv.ExternalReference = in.FileGuid, in.ExternalReference
	return nil
}

type manualLineOut struct {
	Description             *string
	AmountExclVatValue      float64
	AmountInclVatValue      float64
	VatAmountValue          float64
	AccountNumber           *int
	BalancingAccountNumber  *int
	AccountVatCode          *string
	BalancingAccountVatCode *string
	CurrencyKey             string
	AmountInForeignCurrency *float64
}

type manualOut struct {
	VoucherNumber     *int64
	VoucherDate       string
	TotalInclVat      float64
	TotalExclVat      float64
	FileGuid          *string
	Guid              string
	CreditNoteFor     *string
	Status            string
	Lines             []manualLineOut
	Timestamp         string
	ExternalReference *string
	BookedByType      *string
	BookedByUsername  *string
	BookingTime       *string
}

func intPtr(n int) *int {
	if n == 0 {
		return nil
	}
	return &n
}

func (c *call) manualView(mv *demodata.ManualVoucher) manualOut {
	out := manualOut{VoucherDate: mv.VoucherDate, FileGuid: strPtr(mv.FileGuid), Guid: mv.Guid, Status: "Draft",
		Lines: []manualLineOut{}, Timestamp: formatStamp(mv.TimeStamp), ExternalReference: strPtr(mv.ExternalReference)}
	for _, l := range mv.Lines {
		rate := c.vatRateOf(l.AccountVatCode)
		vat := demodata.Round2(l.Amount - l.Amount/(1+rate))
		out.Lines = append(out.Lines, manualLineOut{Description: strPtr(l.Description), AmountInclVatValue: l.Amount,
			AmountExclVatValue: demodata.Round2(l.Amount - vat), VatAmountValue: vat, AccountNumber: intPtr(l.AccountNumber),
			BalancingAccountNumber: intPtr(l.BalancingAccountNumber), AccountVatCode: strPtr(l.AccountVatCode),
			BalancingAccountVatCode: strPtr(l.BalancingAccountVatCode), CurrencyKey: "DKK"})
		out.TotalInclVat += l.Amount
		out.TotalExclVat += l.Amount - vat
	}
	out.TotalInclVat, out.TotalExclVat = demodata.Round2(out.TotalInclVat), demodata.Round2(out.TotalExclVat)
	if mv.Booked {
		n, at := mv.VoucherNumber, mv.BookedAt.UTC().Format("2006-01-02")
		out.Status, out.VoucherNumber, out.BookingTime = "Booked", &n, &at
		out.BookedByType, out.BookedByUsername = strPtr(mv.BookedByType), strPtr(mv.BookedByUsername)
	}
	return out
}

func (in *manualIn) stamp() *string { return in.Timestamp }

func createManual(c *call) error {
	var in manualIn
	if err := decodeBody(c, &in, false); err != nil {
		return err
	}
	defer c.lock()()
	mv := &demodata.ManualVoucher{Guid: newGUID(), Document: demodata.Document{Stamps: c.created()}}
	if err := c.applyManual(&in, mv); err != nil {
		return err
	}
	mv.TimeStamp = c.s.nextStamp()
	store(&c.org.data.ManualVouchers, c.org.manuals, mv.Guid, mv)
	return c.ok(c.manualView(mv))
}

func getManual(c *call) error {
	defer c.lock()()
	mv, err := findLive(c, c.org.manuals, manualRef)
	if err != nil {
		return err
	}
	return c.ok(c.manualView(mv))
}

func updateManual(c *call) error {
	var in manualIn
	if err := decodeStamped(c, &in); err != nil {
		return err
	}
	defer c.lock()()
	mv, err := reviseDraft(c, c.org.manuals, manualRef, in.Timestamp, "A booked manual voucher cannot be changed.",
		func(draft *demodata.ManualVoucher) *apiError { return c.applyManual(&in, draft) })
	if err != nil {
		return err
	}
	return c.ok(c.manualView(mv))
}

// deleteManual deletes a draft; deleting a booked voucher books an
// offsetting voucher instead, as Dinero does.
func deleteManual(c *call) error {
	var in timestampIn
	if err := decodeStamped(c, &in); err != nil {
		return err
	}
	defer c.lock()()
	mv, err := findAndCheck(c, c.org.manuals, manualRef, in.Timestamp)
	if err != nil {
		return err
	}
	if mv.Booked {
		offset := &demodata.ManualVoucher{Guid: newGUID(), Document: demodata.Document{Stamps: c.created()},
			VoucherNumber: c.nextManualNumber(), VoucherDate: c.today()}
		c.book(offset.Doc())
		for _, l := range mv.Lines {
			l.Amount = -l.Amount
			offset.Lines = append(offset.Lines, l)
		}
		store(&c.org.data.ManualVouchers, c.org.manuals, offset.Guid, offset)
	}
	c.deleteDoc(mv.Doc())
	return c.empty()
}

func (c *call) nextManualNumber() int64 {
	var highest int64
	for _, o := range c.org.data.ManualVouchers {
		highest = max(highest, o.VoucherNumber)
	}
	return highest + 1
}

func bookManual(c *call) error {
	var in timestampIn
	if err := decodeStamped(c, &in); err != nil {
		return err
	}
	defer c.lock()()
	mv, err := findDraft(c, c.org.manuals, manualRef, in.Timestamp, "The manual voucher is already booked.")
	if err != nil {
		return err
	}
	if len(mv.Lines) == 0 {
		return invalid("Lines", "A manual voucher needs at least one line before it can be booked.")
	}
	for i, l := range mv.Lines {
		if l.AccountNumber == 0 && l.BalancingAccountNumber == 0 {
			return invalid(fmt.Sprintf("Lines[%d].AccountNumber", i), "Every line needs an account or a balancing account.")
		}
	}
	if err := c.bookableDate("VoucherDate", mv.VoucherDate); err != nil {
		return err
	}
	mv.VoucherNumber = c.nextManualNumber()
	c.book(mv.Doc())
	return c.ok(c.manualView(mv))
}
