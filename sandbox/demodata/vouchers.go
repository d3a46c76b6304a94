package demodata

import (
	"crypto/sha1"
	"fmt"
	"strconv"
	"time"
)

// VatRate is the VAT rate booked on account number acc: the rate of the
// account's VAT code, or 0 for a VAT-free organization or an account without one.
func (o *Organization) VatRate(acc int) float64 {
	if o.IsVatFree {
		return 0
	}
	for i := range o.Accounts {
		if o.Accounts[i].Number != acc {
			continue
		}
		code := o.Accounts[i].VatCode
		if code == "" || code[0] != 'U' {
			return 0 // purchase codes never apply to a sales line
		}
		for _, v := range o.VatTypes {
			if v.Code == code {
				return v.Rate
			}
		}
	}
	return 0
}

// LineTotal is a line's amount excl. VAT after discount.
func (l Line) LineTotal() float64 {
	return Round2(l.Quantity * l.BaseAmountValue * (1 - l.Discount/100))
}

// Recalculate sets the invoice totals from its lines.
func (inv *Invoice) Recalculate(o *Organization) {
	var excl, vat float64
	for _, l := range inv.Lines {
		t := l.LineTotal()
		excl += t
		vat += Round2(t * o.VatRate(l.AccountNumber))
	}
	inv.TotalExclVat, inv.TotalVat = Round2(excl), Round2(vat)
	inv.TotalInclVat = Round2(excl + vat)
}

// Paid is the sum of the payments on the invoice.
func (inv *Invoice) Paid() float64 {
	var sum float64
	for _, p := range inv.Payments {
		sum += p.Amount
	}
	return Round2(sum)
}

// Status is the invoice's payment state on day today (YYYY-MM-DD): Draft,
// Booked, Paid, OverPaid or Overdue. Dinero answers it as PaymentStatus, and
// as Status in sales lists; a credit note, which has no PaymentDate, is
// never Overdue.
func (inv *Invoice) Status(today string) string {
	switch paid := inv.Paid(); {
	case !inv.Booked:
		return "Draft"
	case paid > inv.TotalInclVat && inv.TotalInclVat >= 0:
		return "OverPaid"
	case paid >= inv.TotalInclVat:
		return "Paid"
	case inv.PaymentDate != "" && inv.PaymentDate < today:
		return "Overdue"
	default:
		return "Booked"
	}
}

// BookingStatus is the voucher status of a sales invoice or credit note:
// Draft or Booked.
func (inv *Invoice) BookingStatus() string {
	if inv.Booked {
		return "Booked"
	}
	return "Draft"
}

func (g *generator) invoices(o *Organization, n int) {
	active := make([]*Contact, 0, len(o.Contacts))
	for _, c := range o.Contacts {
		if c.DeletedAt == nil && c.IsDebitor {
			active = append(active, c)
		}
	}
	var products []*Product
	for _, p := range o.Products {
		if p.DeletedAt == nil {
			products = append(products, p)
		}
	}
	span := int(Anchor.Sub(g.day0).Hours() / 24)
	o.Invoices = make([]*Invoice, 0, n)
	var number int64
	for i := 0; i < n; i++ {
		day := spreadDay(i, n, span)
		age := span - day
		c := active[g.r.IntN(len(active))]
		inv := &Invoice{
			Guid: g.guid(), ContactGuid: c.Guid, ContactName: c.Name, Date: g.days[day],
			PaymentConditionType: c.PaymentConditionType, PaymentConditionNumberOfDays: c.PaymentConditionNumberOfDays,
			Description: invoiceTexts[g.r.IntN(len(invoiceTexts))], Currency: "DKK", Language: "da-DK",
			Address: c.Street + "\n" + c.ZipCode + " " + c.City + "\nDanmark", Document: Document{TimeStamp: g.stamp()},
			MailOutStatus: "NotSent",
		}
		due := day + c.PaymentConditionNumberOfDays
		if c.PaymentConditionType == "CurrentMonthOut" {
			due = day + 30
		}
		inv.PaymentDate = g.days[min(due, len(g.days)-1)]
		created := g.day0.AddDate(0, 0, day).Add(time.Duration(7*3600+g.r.IntN(36000)) * time.Second)
		inv.CreatedAt, inv.UpdatedAt = created, created
		for k := 1 + g.r.IntN(4); k > 0; k-- {
			p := products[g.r.IntN(len(products))]
			l := Line{ProductGuid: p.Guid, Description: p.Name, Quantity: float64(1 + g.r.IntN(12)),
				AccountNumber: p.AccountNumber, Unit: p.Unit, LineType: "Product", BaseAmountValue: p.BaseAmountValue}
			if g.r.IntN(8) == 0 {
				l.Discount = 10
			}
			inv.Lines = append(inv.Lines, l)
		}
		inv.Recalculate(o)
		draftChance := 1
		if age < 30 {
			draftChance = 35
		}
		if g.r.IntN(100) < draftChance || i == n-1 { // the newest invoice is always a draft
			if g.r.IntN(12) == 0 {
				inv.MarkDeleted(created.Add(48 * time.Hour))
			}
			o.Invoices = append(o.Invoices, inv)
			continue
		}
		number++
		inv.Number, inv.Booked, inv.BookedAt = number, true, created.Add(time.Hour)
		inv.MailOutStatus = "Sent"
		g.pay(inv, day, age)
		o.Invoices = append(o.Invoices, inv)
	}
}

// spreadDay places invoice i of n on a day in [0, span]: the oldest 85 %
// spread evenly over all but the last 45 days, the newest 15 % in those.
func spreadDay(i, n, span int) int {
	old := n * 85 / 100
	if i < old {
		return i * (span - 45) / max(old, 1)
	}
	return span - 45 + (i-old)*45/max(n-old, 1)
}

func (g *generator) pay(inv *Invoice, day, age int) {
	chance := 25
	switch {
	case age > 60:
		chance = 90
	case age > 30:
		chance = 60
	}
	if g.r.IntN(100) >= chance {
		return
	}
	amount := inv.TotalInclVat
	if g.r.IntN(200) == 0 {
		amount += 50
	}
	pd := min(day+3+g.r.IntN(20), len(g.days)-1)
	p := Payment{Guid: g.guid(), DepositAccountNumber: AccountBank,
		Description: "Indbetaling faktura " + strconv.FormatInt(inv.Number, 10), Amount: amount, PaymentDate: g.days[pd]}
	p.VoucherGuid = DerivedGUID("payment voucher " + p.Guid)
	inv.Payments = append(inv.Payments, p)
	inv.UpdatedAt = g.day0.AddDate(0, 0, pd).Add(10 * time.Hour)
	inv.TimeStamp = g.stamp()
}

func (g *generator) creditNotes(o *Organization) {
	var number int64
	for _, inv := range o.Invoices {
		if !inv.Booked || inv.Number%17 != 5 || len(o.CreditNotes) >= 6 {
			continue
		}
		number++
		cn := &Invoice{Guid: g.guid(), Number: number, ContactGuid: inv.ContactGuid,
			ContactName: inv.ContactName, Date: inv.PaymentDate,
			Description: "Kreditnota til faktura " + strconv.FormatInt(inv.Number, 10), Currency: "DKK",
			Language: "da-DK", Address: inv.Address, CreditNoteFor: inv.Guid,
			Document: Document{Stamps: NewStamps(inv.UpdatedAt), TimeStamp: g.stamp(), Booked: true},
			Lines:    inv.Lines[:1], MailOutStatus: "Sent"}
		cn.Recalculate(o)
		cn.BookedAt = cn.CreatedAt
		o.CreditNotes = append(o.CreditNotes, cn)
	}
}

func (g *generator) purchases(o *Organization) {
	var suppliers []*Contact
	for _, c := range o.Contacts {
		if c.IsCreditor && c.DeletedAt == nil {
			suppliers = append(suppliers, c)
		}
	}
	for i := 0; i < 8; i++ {
		t := purchaseTexts[g.r.IntN(len(purchaseTexts))]
		day := len(g.days) - 100 - 25*i
		at := g.day0.AddDate(0, 0, day).Add(11 * time.Hour)
		pv := &PurchaseVoucher{Guid: g.guid(), Document: Document{Stamps: NewStamps(at), TimeStamp: g.stamp(), Booked: i > 1},
			VoucherDate: g.days[day], PaymentDate: g.days[day], PurchaseType: "cash", RegionKey: "DK",
			DepositAccountNumber: AccountBank, CurrencyKey: "DKK",
			Lines: []PurchaseLine{{AccountNumber: t.account, Description: t.text,
				Amount: float64(200 + g.r.IntN(8000)), VatCode: t.vat}}}
		if o.IsVatFree {
			pv.Lines[0].VatCode = ""
		}
		if i < len(o.Files) {
			pv.FileGuid = o.Files[i].Guid
		}
		if len(suppliers) > 0 && i%2 == 0 { // bought on credit from a supplier, due in 30 days
			pv.PurchaseType, pv.DepositAccountNumber = "credit", 0
			pv.ContactGuid = suppliers[i%len(suppliers)].Guid
			pv.PaymentDate = g.days[min(day+30, len(g.days)-1)]
		}
		if pv.Booked {
			pv.VoucherNumber, pv.BookedAt = int64(i-1), at
			pv.BookedByType, pv.BookedByUsername = "Web", o.Email
		}
		o.PurchaseVouchers = append(o.PurchaseVouchers, pv)
	}
}

func (g *generator) manuals(o *Organization) {
	for i := 0; i < 3; i++ {
		day := len(g.days) - 120 - 40*i
		at := g.day0.AddDate(0, 0, day).Add(14 * time.Hour)
		mv := &ManualVoucher{Guid: g.guid(), Document: Document{Stamps: NewStamps(at), TimeStamp: g.stamp(), Booked: i > 0},
			VoucherDate: g.days[day],
			Lines: []ManualLine{{Description: "Overførsel til opsparing", AccountNumber: 55100,
				BalancingAccountNumber: AccountBank, Amount: float64(5000 * (i + 1)), AccountVatCode: "none", BalancingAccountVatCode: "none"}}}
		if mv.Booked {
			mv.VoucherNumber, mv.BookedAt = int64(i), at
			mv.BookedByType, mv.BookedByUsername = "Web", o.Email
		}
		o.ManualVouchers = append(o.ManualVouchers, mv)
	}
}

// DerivedGUID is a name-based (version 5 shaped) UUID for name: the same
// name always gives the same guid, and no randomness is used, so adding one
// leaves the rest of the generated data as it was.
func DerivedGUID(name string) string {
	h := sha1.Sum([]byte(name))
	h[6], h[8] = h[6]&0x0f|0x50, h[8]&0x3f|0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", h[0:4], h[4:6], h[6:8], h[8:10], h[10:16])
}
