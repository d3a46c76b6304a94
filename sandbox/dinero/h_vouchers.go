package dinero

import (
	"fmt"
	"strings"

	"github.com/dinero-tui/dinero-tui/sandbox/demodata"
)

type purchaseLineIn struct {
	AccountNumber  *int
	Description    string
	Amount         *float64
	VatCode        string
	AccountTagName string
}

type purchaseIn struct {
	Timestamp            *string
	Lines                *[]purchaseLineIn
	VoucherDate          *string
	DepositAccountNumber *int
	RegionKey            string
	FileGuid             string
	ContactGuid          *string
	PaymentDate          *string
	PurchaseType         *string
	CurrencyKey          string
	ExternalReference    string
}

func (c *call) applyPurchase(in *purchaseIn, pv *demodata.PurchaseVoucher, update bool) *apiError {
	if in.PurchaseType == nil || canonical(*in.PurchaseType, "cash", "credit") == "" {
		return invalid("PurchaseType", "PurchaseType is required and must be cash or credit.")
	}
	if update && (in.Lines == nil || in.VoucherDate == nil || in.ContactGuid == nil) {
		return invalid("Lines", "Lines, VoucherDate and ContactGuid are required when updating.")
	}
	pv.PurchaseType = canonical(*in.PurchaseType, "cash", "credit")
	pv.VoucherDate = c.today()
	if in.VoucherDate != nil && *in.VoucherDate != "" {
		if !validDate(*in.VoucherDate) {
			return invalid("VoucherDate", "VoucherDate must be a date in the format YYYY-MM-DD.")
		}
		pv.VoucherDate = *in.VoucherDate
	}
	pv.PaymentDate = pv.VoucherDate
	if in.PaymentDate != nil && *in.PaymentDate != "" {
		if !validDate(*in.PaymentDate) {
			return invalid("PaymentDate", "PaymentDate must be a date in the format YYYY-MM-DD.")
		}
		pv.PaymentDate = *in.PaymentDate
	}
	pv.DepositAccountNumber = 0
	if in.DepositAccountNumber != nil {
		if c.org.deposit(*in.DepositAccountNumber) == nil {
			return invalid("DepositAccountNumber", "DepositAccountNumber must be one of the deposit accounts.")
		}
		pv.DepositAccountNumber = *in.DepositAccountNumber
	} else if pv.PurchaseType == "cash" {
		pv.DepositAccountNumber = demodata.AccountBank
	}
	pv.ContactGuid = ""
	if in.ContactGuid != nil && *in.ContactGuid != "" && pv.PurchaseType == "credit" { // only credit purchases have one
		g, ok := lookupGUID(*in.ContactGuid)
		if ct := c.org.contacts[g]; !ok || ct == nil || ct.DeletedAt != nil {
			return invalid("ContactGuid", "ContactGuid does not name an existing contact.")
		}
		pv.ContactGuid = g
	}
	if in.FileGuid != "" && c.org.files[in.FileGuid] == nil {
		return invalid("FileGuid", "FileGuid does not name a file in the file archive.")
	}
	if len(in.ExternalReference) > 128 {
		return invalid("ExternalReference", "ExternalReference can be at most 128 characters.")
	}
	pv.Lines = nil
	if in.Lines != nil {
		for i, l := range *in.Lines {
			if l.Amount == nil {
				return invalid(fmt.Sprintf("Lines[%d].Amount", i), "Amount is required.")
			}
			acc := 0
			if l.AccountNumber != nil {
				if *l.AccountNumber < 2000 || *l.AccountNumber > 9399 || c.org.account(*l.AccountNumber) == nil {
					return invalid(fmt.Sprintf("Lines[%d].AccountNumber", i), "AccountNumber must be a purchase account (2000-9399).")
				}
				acc = *l.AccountNumber
			}
			if l.AccountTagName != "" && !c.takesAccountTags() {
				return invalid(fmt.Sprintf("Lines[%d].AccountTagName", i), "AccountTagName is not supported here; create at /v1.2 or update at /v1.1.")
			}
			if l.VatCode != "" && !strings.EqualFold(l.VatCode, "none") && !c.knownVatCode(l.VatCode) {
				return invalid(fmt.Sprintf("Lines[%d].VatCode", i), "Unknown VAT code "+l.VatCode+".")
			}
			pv.Lines = append(pv.Lines, demodata.PurchaseLine{AccountNumber: acc, Description: l.Description,
				Amount: demodata.Round2(*l.Amount), VatCode: l.VatCode, AccountTagName: l.AccountTagName})
		}
	}
	pv.RegionKey, pv.FileGuid, pv.CurrencyKey, pv.ExternalReference = "DK", in.FileGuid, "DKK", in.ExternalReference
	if in.RegionKey != "" {
		if pv.RegionKey = canonical(in.RegionKey, "DK", "EU", "World"); pv.RegionKey == "" {
			return invalid("RegionKey", "RegionKey must be DK, EU or World.")
		}
	}
	if in.CurrencyKey != "" {
		cur := strings.ToUpper(in.CurrencyKey)
		if _, ok := dkkRate[cur]; !ok {
			return invalid("CurrencyKey", "CurrencyKey must be a currency code Dinero knows, such as DKK, EUR or USD.")
		}
		if pv.PurchaseType == "cash" && cur != "DKK" {
			return invalid("CurrencyKey", "A cash purchase is always in DKK; leave CurrencyKey out.")
		}
		pv.CurrencyKey = cur
	}
	return nil
}

type purchaseLineOut struct {
	Description        *string
	VatCode            *string
	AccountNumber      *int
	AmountExclVatValue float64
	AmountInclVatValue float64
	VatAmountValue     float64
	AccountTagName     *string
}

type voucherTotal struct {
	Label    string
	Total    float64
	Type     string
	Position int
}

type purchaseOut struct {
	Guid                 string
	Timestamp            string
	Status               string
	FileGuid             *string
	VoucherNumber        *int64
	VoucherDate          string
	PaymentDate          *string
	RegionKey            string
	PurchaseType         string
	Lines                []purchaseLineOut
	DepositAccountNumber *int
	ContactGuid          *string
	ExternalReference    *string
	VoucherTotals        []voucherTotal
	CurrencyKey          string
	BookedByType         *string
	BookedByUsername     *string
	BookingTime          *string
}

func (c *call) vatRateOf(code string) float64 {
	for _, v := range c.org.data.VatTypes {
		if strings.EqualFold(v.Code, code) {
			return v.Rate
		}
	}
	return 0
}

func (c *call) purchaseView(pv *demodata.PurchaseVoucher) purchaseOut {
	out := purchaseOut{Guid: pv.Guid, Timestamp: formatStamp(pv.TimeStamp), Status: "Draft", FileGuid: strPtr(pv.FileGuid),
		VoucherDate: pv.VoucherDate, PaymentDate: strPtr(pv.PaymentDate), RegionKey: pv.RegionKey, PurchaseType: pv.PurchaseType,
		ContactGuid: strPtr(pv.ContactGuid), ExternalReference: strPtr(pv.ExternalReference), CurrencyKey: pv.CurrencyKey,
		Lines: []purchaseLineOut{}}
	if pv.DepositAccountNumber != 0 {
		out.DepositAccountNumber = &pv.DepositAccountNumber
	}
	var excl, vat float64
	for _, l := range pv.Lines {
		rate := c.vatRateOf(l.VatCode)
		lineVat := demodata.Round2(l.Amount - l.Amount/(1+rate))
		lo := purchaseLineOut{Description: strPtr(l.Description), VatCode: strPtr(l.VatCode), AmountInclVatValue: l.Amount,
			AmountExclVatValue: demodata.Round2(l.Amount - lineVat), VatAmountValue: lineVat, AccountTagName: strPtr(l.AccountTagName)}
		if l.AccountNumber != 0 {
			n := l.AccountNumber
			lo.AccountNumber = &n
		}
		out.Lines = append(out.Lines, lo)
		excl += lo.AmountExclVatValue
		vat += lineVat
	}
	out.VoucherTotals = []voucherTotal{{"Beløb ekskl. moms", demodata.Round2(excl), "SubTotal", 0},
		{"Moms", demodata.Round2(vat), "Vat", 1}, {"Total", demodata.Round2(excl + vat), "Total", 2}}
	if pv.Booked {
		n, at := pv.VoucherNumber, pv.BookedAt.UTC().Format("2006-01-02")
		out.Status, out.VoucherNumber, out.BookingTime = purchaseStatus(pv, c.today()), &n, &at
		out.BookedByType, out.BookedByUsername = strPtr(pv.BookedByType), strPtr(pv.BookedByUsername)
	}
	return out
}

// takesAccountTags reports whether the operation supports AccountTagName on
// lines: creating at /v1.2 and updating at /v1.1 do, creating at /v1.1 and
// updating at /v1 do not.
func (c *call) takesAccountTags() bool {
	return c.spec.Path == "/v1.2/{organizationId}/vouchers/purchase" ||
		c.spec.Path == "/v1.1/{organizationId}/vouchers/purchase/{guid}"
}

// purchaseStatus is the status of a booked purchase voucher: a cash
// purchase is paid when booked; a credit purchase is Booked until its
// payment date passes (payments on it are not modelled here).
func purchaseStatus(pv *demodata.PurchaseVoucher, today string) string {
	switch {
	case pv.PurchaseType == "cash":
		return "Paid"
	case pv.PaymentDate != "" && pv.PaymentDate < today:
		return "Overdue"
	}
	return "Booked"
}

func (in *purchaseIn) stamp() *string { return in.Timestamp }

func createPurchase(c *call) error {
	var in purchaseIn
	if err := decodeBody(c, &in, false); err != nil {
		return err
	}
	defer c.lock()()
	pv := &demodata.PurchaseVoucher{Guid: newGUID(), Document: demodata.Document{Stamps: c.created()}}
	if err := c.applyPurchase(&in, pv, false); err != nil {
		return err
	}
	pv.TimeStamp = c.s.nextStamp()
	store(&c.org.data.PurchaseVouchers, c.org.purchases, pv.Guid, pv)
	return c.ok(c.purchaseView(pv))
}

func getPurchase(c *call) error {
	defer c.lock()()
	pv, err := findLive(c, c.org.purchases, purchaseRef)
	if err != nil {
		return err
	}
	return c.ok(c.purchaseView(pv))
}

func updatePurchase(c *call) error {
	var in purchaseIn
	if err := decodeStamped(c, &in); err != nil {
		return err
	}
	defer c.lock()()
	pv, err := reviseDraft(c, c.org.purchases, purchaseRef, in.Timestamp, "A booked purchase voucher cannot be changed.",
		func(draft *demodata.PurchaseVoucher) *apiError { return c.applyPurchase(&in, draft, true) })
	if err != nil {
		return err
	}
	return c.ok(c.purchaseView(pv))
}

// deletePurchase deletes a draft; deleting a booked voucher books an
// offsetting voucher instead, so the books are unchanged and the voucher
// stays in them, as the spec describes.
func deletePurchase(c *call) error {
	var in timestampIn
	if err := decodeBody(c, &in, true); err != nil {
		return err
	}
	defer c.lock()()
	pv, err := findAndCheck(c, c.org.purchases, purchaseRef, in.Timestamp)
	if err != nil {
		return err
	}
	if pv.Booked {
		offset := &demodata.PurchaseVoucher{Guid: newGUID(), Document: demodata.Document{Stamps: c.created()},
			VoucherNumber: c.nextPurchaseNumber(), VoucherDate: c.today(), PaymentDate: c.today(),
			PurchaseType: pv.PurchaseType, RegionKey: pv.RegionKey, DepositAccountNumber: pv.DepositAccountNumber,
			ContactGuid: pv.ContactGuid, CurrencyKey: pv.CurrencyKey}
		for _, l := range pv.Lines {
			l.Amount = -l.Amount
			offset.Lines = append(offset.Lines, l)
		}
		c.book(offset.Doc())
		store(&c.org.data.PurchaseVouchers, c.org.purchases, offset.Guid, offset)
	}
	c.deleteDoc(pv.Doc())
	return c.empty()
}

func (c *call) nextPurchaseNumber() int64 {
	var highest int64
	for _, o := range c.org.data.PurchaseVouchers {
		highest = max(highest, o.VoucherNumber)
	}
	return highest + 1
}

func bookPurchase(c *call) error {
	var in timestampIn
	if err := decodeStamped(c, &in); err != nil {
		return err
	}
	defer c.lock()()
	pv, err := findDraft(c, c.org.purchases, purchaseRef, in.Timestamp, "The purchase voucher is already booked.")
	if err != nil {
		return err
	}
	if len(pv.Lines) == 0 {
		return invalid("Lines", "A purchase voucher needs at least one line before it can be booked.")
	}
	for i, l := range pv.Lines {
		if l.AccountNumber == 0 {
			return invalid(fmt.Sprintf("Lines[%d].AccountNumber", i), "Every line needs an account before booking.")
		}
	}
	if pv.PurchaseType == "credit" && pv.ContactGuid == "" {
		return invalid("ContactGuid", "A credit purchase needs a supplier contact before it can be booked.")
	}
	if err := c.bookableDate("VoucherDate", pv.VoucherDate); err != nil {
		return err
	}
	pv.VoucherNumber = c.nextPurchaseNumber()
	c.book(pv.Doc())
	return c.ok(c.purchaseView(pv))
}
