package dinero

import (
	"time"

	"github.com/dinero-tui/dinero-tui/sandbox/demodata"
)

// Account numbers reminder fees and interest are booked on.
const (
	accountReminderFees = 9200 // Rykkergebyrer
	accountInterest     = 9000 // Renteindtægter
)

// walkExtraEntries visits the entries of booked purchase credit notes,
// payments on credit purchases and booked reminders (fees and interest),
// in the same way walkEntries visits the other vouchers.
func walkExtraEntries(o *demodata.Organization, visit func(e *entry)) {
	var e entry
	post := func(acc int, amount float64, vat string) {
		if amount == 0 || acc == 0 {
			return
		}
		e.AccountNumber, e.Amount, e.VatCode = acc, demodata.Round2(amount), strPtr(vat)
		visit(&e)
		e.seq++
	}
	start := func(guid, date, kind, text, contact, file string, number int64, added time.Time) {
		n := number
		e = entry{Date: date, VoucherNumber: &n, VoucherGuid: &guid, VoucherType: kind, Description: strPtr(text),
			ContactGuid: strPtr(contact), FileGuid: strPtr(file), Type: "Normal", added: added}
	}
	for _, cn := range o.PurchaseCreditNotes {
		if !cn.Booked || cn.DeletedAt != nil {
			continue
		}
		start(cn.Guid, cn.Date, "PurchaseCreditNote", "", cn.ContactGuid, cn.FileGuid, cn.Number, cn.BookedAt)
		var total, vatSum float64
		for _, l := range cn.Lines {
			rate := 0.0
			for _, v := range o.VatTypes {
				if v.Code == l.VatCode {
					rate = v.Rate
				}
			}
			vat := demodata.Round2(l.Amount - l.Amount/(1+rate))
			e.Description = strPtr(l.Description)
			post(l.AccountNumber, -(l.Amount - vat), l.VatCode)
			total, vatSum = total+l.Amount, vatSum+vat
		}
		post(demodata.AccountPurchaseVat, -vatSum, "")
		post(demodata.AccountCreditors, total, "")
	}
	for _, p := range o.PurchasePayments {
		at, _ := time.Parse("2006-01-02", p.PaymentDate)
		start(p.VoucherGuid, p.PaymentDate, "PurchasePayment", p.Description, "", "", 0, at.Add(10*time.Hour))
		post(p.DepositAccountNumber, -p.Amount, "")
		post(demodata.AccountCreditors, p.Amount, "")
	}
	for _, r := range o.Reminders {
		if !r.Booked {
			continue
		}
		fees := r.FeeAmount + r.CompensationFeeAmount
		start(r.InvoiceGuid, r.Date, "Reminder", r.Title, "", "", int64(r.Number), r.CreatedAt)
		post(accountReminderFees, -fees, "")
		post(accountInterest, -r.InterestAmount, "")
		post(demodata.AccountDebtors, fees+r.InterestAmount, "")
		if r.DeletedAt != nil { // deleting a booked reminder adds an offset, so it leaves no trace in the balance
			start(r.InvoiceGuid, r.DeletedAt.UTC().Format("2006-01-02"), "Reminder", "Annulleret: "+r.Title, "", "",
				int64(r.Number), *r.DeletedAt)
			e.seq = 10
			post(accountReminderFees, fees, "")
			post(accountInterest, r.InterestAmount, "")
			post(demodata.AccountDebtors, -(fees + r.InterestAmount), "")
		}
	}
}
