package demodata

import (
	"strconv"
	"time"
)

// Overdue reports whether a booked invoice is unpaid past its payment date
// on day today (YYYY-MM-DD).
func (inv *Invoice) Overdue(today string) bool {
	return inv.Booked && inv.DeletedAt == nil && inv.Paid() < inv.TotalInclVat && inv.PaymentDate < today
}

var tradeOfferTexts = []string{
	"Tilbud på ny terrasse i lærk", "Tilbud på udskiftning af vinduer", "Tilbud på køkkenmontage",
	"Tilbud på tagrenovering", "Tilbud på gulvafslibning og lakering", "Tilbud på carport med redskabsrum",
}

var ledgerTexts = []string{"Kaffe og kage til værkstedet", "Parkering ved kunde i Århus C", "Frimærker og porto"}

// salesExtras adds trade offers, reminders, mail-outs, attachments, ledger
// items, purchase credit notes, a webhook and the sales settings. It runs
// after everything else, so the older data stays the same for a seed.
func (g *generator) salesExtras(o *Organization, invoices int) {
	today := Anchor.Format("2006-01-02")
	o.SalesSettings = SalesSettings{UseFikCode: true, FikCreditorNumber: strconv.Itoa(80000000 + g.r.IntN(9999999)),
		AddVoucherAsPdfAttachment: true, ReminderFee: 100, ReminderInterestRate: 0.7,
		PaymentConditionType: "Netto", PaymentConditionNumberOfDays: 8}
	o.InvoiceTemplates = []InvoiceTemplate{
		{ID: g.guid(), Name: "Standard", Theme: "Standard", PrimaryColor: "#1d5c8c", IsDefault: true},
		{ID: g.guid(), Name: "Tilbud med logo", Theme: "TopImage", PrimaryColor: "#6b8e23"},
	}
	o.SalesSettings.DefaultTemplateID = o.InvoiceTemplates[0].ID
	terms := &File{Guid: g.fileID(), Name: "Handelsbetingelser.pdf", Extension: "pdf",
		UploadedAt: Anchor.AddDate(0, -6, 0), UploadedBy: o.AttPerson,
		Content: []byte("%PDF-1.4\n% Handelsbetingelser for " + o.Name + "\n%%EOF\n")}
	o.Files = append(o.Files, terms)
	o.DefaultAttachments = map[string][]string{"Invoice": {terms.Guid}, "TradeOffer": {terms.Guid}}
	g.tradeOffers(o, clamp(invoices/5, 4, 400), terms)
	g.reminders(o, today)
	g.mailouts(o)
	g.ledgerItems(o)
	g.purchaseCreditNotes(o)
	if o.ID == OrgCarpenter {
		o.Webhooks = []WebhookSubscription{{EventID: "entries", URI: "http://127.0.0.1:8089/dinero/webhook",
			CreatedAt: Anchor.AddDate(0, -1, 0)}}
	}
}

func (g *generator) tradeOffers(o *Organization, n int, terms *File) {
	var products []*Product
	for _, p := range o.Products {
		if p.DeletedAt == nil {
			products = append(products, p)
		}
	}
	var contacts []*Contact
	for _, c := range o.Contacts {
		if c.DeletedAt == nil && c.IsDebitor {
			contacts = append(contacts, c)
		}
	}
	for i := 0; i < n; i++ {
		c := contacts[g.r.IntN(len(contacts))]
		day := len(g.days) - 92 - 120 + i*120/n
		at := g.day0.AddDate(0, 0, day).Add(time.Duration(8*3600+g.r.IntN(30000)) * time.Second)
		to := &TradeOffer{Invoice: Invoice{Guid: g.guid(), Number: int64(i + 1), ContactGuid: c.Guid, ContactName: c.Name,
			Date: g.days[day], Description: tradeOfferTexts[g.r.IntN(len(tradeOfferTexts))], Currency: "DKK",
			Language: "da-DK", Address: c.Street + "\n" + c.ZipCode + " " + c.City + "\nDanmark", MailOutStatus: "NotSent",
			Comment:  "Tilbuddet gælder i 30 dage.",
			Document: Document{Stamps: NewStamps(at), TimeStamp: g.stamp()}}, Status: "Draft"}
		for k := 1 + g.r.IntN(3); k > 0; k-- {
			p := products[g.r.IntN(len(products))]
			to.Lines = append(to.Lines, Line{ProductGuid: p.Guid, Description: p.Name, Quantity: float64(1 + g.r.IntN(20)),
				AccountNumber: p.AccountNumber, Unit: p.Unit, LineType: "Product", BaseAmountValue: p.BaseAmountValue})
		}
		to.Recalculate(o)
		if i < n-2 { // the newest two stay unsent drafts
			to.MailOutStatus = "Sent"
			to.Status = []string{"Draft", "CustomerAccepted", "CustomerDeclined", "Draft"}[g.r.IntN(4)]
		}
		if i < 3 {
			o.Attachments = append(o.Attachments, Attachment{DocumentGuid: to.Guid, FileGuid: terms.Guid, FileName: terms.Name})
		}
		o.TradeOffers = append(o.TradeOffers, to)
	}
}

func (g *generator) reminders(o *Organization, today string) {
	anchor, _ := time.Parse("2006-01-02", today)
	id := 1
	k := 0
	for _, inv := range o.Invoices {
		if !inv.Overdue(today) {
			continue
		}
		k++
		if k%3 == 0 { // a third of the overdue invoices have no reminder yet
			continue
		}
		due, _ := time.Parse("2006-01-02", inv.PaymentDate)
		days := int(anchor.Sub(due).Hours() / 24)
		count := min(1+days/30, 3)
		for n := 1; n <= count; n++ {
			on := due.AddDate(0, 0, 3+(n-1)*14)
			if on.After(anchor) {
				break
			}
			r := &Reminder{ID: id, InvoiceGuid: inv.Guid, Number: n, Date: on.Format("2006-01-02"),
				Title:       strconv.Itoa(n) + ". rykker for faktura " + strconv.FormatInt(inv.Number, 10),
				Description: "Vi kan se, at fakturaen endnu ikke er betalt. Vi beder dig betale hurtigst muligt.",
				WithFee:     n > 1, WithInterestFee: n > 1, WithDebtCollectionWarning: n == 3,
				Booked: n < count || k%2 == 1, TimeStamp: g.stamp(), Stamps: NewStamps(on.Add(9 * time.Hour))}
			if r.WithFee {
				r.FeeAmount = o.SalesSettings.ReminderFee
			}
			if r.WithInterestFee {
				r.InterestAmount = Round2(inv.TotalInclVat * o.SalesSettings.ReminderInterestRate / 100 * float64(n-1))
			}
			id++
			o.Reminders = append(o.Reminders, r)
		}
	}
}

func (g *generator) mailouts(o *Organization) {
	// One backing array and one message text keep this cheap for 100,000 invoices.
	store := make([]Mailout, 0, len(o.Invoices)+len(o.CreditNotes)+len(o.TradeOffers)+len(o.Reminders))
	o.Mailouts = make([]*Mailout, 0, cap(store))
	message := "Hej\n\nSe vedhæftede: [link-to-pdf]\n\nVenlig hilsen\n" + o.Name
	add := func(guid, receiver, subject, kind string, at time.Time) {
		store = append(store, Mailout{ID: len(o.Mailouts) + 1, VoucherGuid: guid, Date: at,
			Sender: o.Email, Receiver: receiver, Subject: subject, Type: kind, Status: "Sent", Message: message})
		o.Mailouts = append(o.Mailouts, &store[len(store)-1])
	}
	mail := map[string]string{}
	for _, c := range o.Contacts {
		mail[c.Guid] = c.Email
	}
	for _, inv := range o.Invoices {
		if inv.Booked && inv.MailOutStatus == "Sent" {
			add(inv.Guid, mail[inv.ContactGuid], "Faktura "+strconv.FormatInt(inv.Number, 10), "Mailout", inv.BookedAt.Add(5*time.Minute))
		}
	}
	for _, cn := range o.CreditNotes {
		add(cn.Guid, mail[cn.ContactGuid], "Kreditnota "+strconv.FormatInt(cn.Number, 10), "Mailout", cn.BookedAt.Add(5*time.Minute))
	}
	for _, to := range o.TradeOffers {
		if to.MailOutStatus == "Sent" {
			add(to.Guid, mail[to.ContactGuid], "Tilbud "+strconv.FormatInt(to.Number, 10), "TradeOffer", to.CreatedAt.Add(time.Hour))
		}
	}
	for _, r := range o.Reminders {
		if r.Booked {
			add(r.InvoiceGuid, "", r.Title, "Reminder", r.CreatedAt.Add(time.Hour))
		}
	}
}

func (g *generator) ledgerItems(o *Organization) {
	for i, text := range ledgerTexts {
		amount := float64(40 + g.r.IntN(400))
		o.LedgerItems = append(o.LedgerItems, &LedgerItem{ID: g.guid(), Version: g.stamp(),
			VoucherDate: Anchor.AddDate(0, 0, -2-i).Format("2006-01-02"), Status: "Draft",
			Lines: []LedgerLine{{ID: g.guid(), Description: text, Amount: amount, AccountNumber: 6000, AccountVatCode: "I25",
				BalancingAccountNumber: AccountBank, BalancingAccountVatCode: "none"}}})
	}
}

func (g *generator) purchaseCreditNotes(o *Organization) {
	var base *PurchaseVoucher
	for _, pv := range o.PurchaseVouchers {
		if pv.Booked {
			base = pv
			break
		}
	}
	if base == nil {
		return
	}
	at := base.CreatedAt.AddDate(0, 0, 9)
	line := base.Lines[0]
	line.Amount = Round2(line.Amount / 4)
	line.Description = "Returneret: " + line.Description
	// A credit note not tied to a purchase is settled by its own payment (a refund).
	booked := &PurchaseCreditNote{Guid: g.guid(), Number: 1, ContactGuid: base.ContactGuid, BookedByType: "Web", BookedBy: o.AttPerson,
		Date: at.Format("2006-01-02"), Currency: "DKK", Lines: []PurchaseLine{line},
		Document: Document{Stamps: NewStamps(at), TimeStamp: g.stamp(), Booked: true, BookedAt: at}}
	draft := &PurchaseCreditNote{Guid: g.guid(), ContactGuid: base.ContactGuid, Date: Anchor.Format("2006-01-02"),
		Currency: "DKK", Lines: []PurchaseLine{{AccountNumber: 2000, Description: "Mængderabat på tømmer", Amount: 625, VatCode: "I25"}},
		Document: Document{Stamps: NewStamps(Anchor), TimeStamp: g.stamp()}}
	if o.IsVatFree {
		draft.Lines[0].VatCode = ""
	}
	o.PurchaseCreditNotes = append(o.PurchaseCreditNotes, booked, draft)
	o.PurchasePayments = append(o.PurchasePayments, &PurchasePayment{VoucherGuid: booked.Guid, Payment: Payment{
		Guid: g.guid(), DepositAccountNumber: AccountBank, Description: "Tilbagebetaling fra leverandør",
		Amount: -line.Amount, PaymentDate: at.AddDate(0, 0, 5).Format("2006-01-02")}})
}
