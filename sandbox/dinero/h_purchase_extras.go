package dinero

import (
	"github.com/dinero-tui/dinero-tui/sandbox/demodata"
)

// fixedAssetLimit is the amount excl. VAT from which a purchase may be a
// fixed asset (the Danish small-asset limit, "småaktiver").
const fixedAssetLimit = 32300

// purchaseFetchOut is PurchaseVoucherFetchReadModel.
type purchaseFetchOut struct {
	Status                     string
	FileGuid                   *string
	VoucherNumber              *int64
	VoucherDate                string
	PaymentDate                *string
	RegionKey                  string
	PurchaseType               string
	Lines                      []purchaseLineOut
	DepositAccountNumber       *int
	ContactGuid                *string
	ExternalReference          *string
	VoucherTotals              []voucherTotal
	ShouldPossiblyBeFixedAsset bool
}

// draftPurchase validates a purchase body into an unsaved voucher.
func (c *call) draftPurchase() (*demodata.PurchaseVoucher, *apiError) {
	var in purchaseIn
	if err := decodeBody(c, &in, false); err != nil {
		return nil, err
	}
	pv := &demodata.PurchaseVoucher{}
	if err := c.applyPurchase(&in, pv, false); err != nil {
		return nil, err
	}
	return pv, nil
}

func fetchPurchaseTotals(c *call) error {
	defer c.lock()()
	pv, err := c.draftPurchase()
	if err != nil {
		return err
	}
	v := c.purchaseView(pv)
	return c.ok(purchaseFetchOut{Status: v.Status, FileGuid: v.FileGuid, VoucherDate: v.VoucherDate,
		PaymentDate: v.PaymentDate, RegionKey: v.RegionKey, PurchaseType: v.PurchaseType, Lines: v.Lines,
		DepositAccountNumber: v.DepositAccountNumber, ContactGuid: v.ContactGuid, ExternalReference: v.ExternalReference,
		VoucherTotals: v.VoucherTotals, ShouldPossiblyBeFixedAsset: v.VoucherTotals[0].Total >= fixedAssetLimit})
}

type similarOut struct {
	VoucherNumber *int64
	SimilarGuid   *string
	SimilarFound  bool
}

// similarPurchase looks for a live voucher with the same date and total,
// and the same supplier or file when the body names one.
func similarPurchase(c *call) error {
	defer c.lock()()
	pv, err := c.draftPurchase()
	if err != nil {
		return err
	}
	total := c.purchaseView(pv).VoucherTotals[2].Total
	for _, o := range c.org.data.PurchaseVouchers {
		if o.DeletedAt != nil || o.VoucherDate != pv.VoucherDate || c.purchaseView(o).VoucherTotals[2].Total != total {
			continue
		}
		if (pv.ContactGuid != "" && o.ContactGuid != pv.ContactGuid) || (pv.FileGuid != "" && o.FileGuid != pv.FileGuid) {
			continue
		}
		out := similarOut{SimilarGuid: &o.Guid, SimilarFound: true}
		if o.Booked {
			n := o.VoucherNumber
			out.VoucherNumber = &n
		}
		return c.ok(out)
	}
	return c.ok(similarOut{})
}

// purchaseDraftsByFile lists the purchase drafts made from a file.
func purchaseDraftsByFile(c *call) error {
	defer c.lock()()
	id := c.params["fileGuid"]
	if c.org.files[id] == nil {
		return notFound("The file")
	}
	out := []string{}
	for _, pv := range c.org.data.PurchaseVouchers {
		if pv.FileGuid == id && !pv.Booked && pv.DeletedAt == nil {
			out = append(out, pv.Guid)
		}
	}
	return c.ok(out)
}

// creditVoucher resolves {id} to a booked credit purchase voucher or a
// booked purchase credit note not tied to a purchase, with its Timestamp.
func (c *call) creditVoucher() (guid string, doc *demodata.Document, currency string, err *apiError) {
	g, ok := lookupGUID(c.params["id"])
	if !ok {
		return "", nil, "", invalid("id", "The voucher id is not a valid GUID.")
	}
	if pv := c.org.purchases[g]; pv != nil && pv.DeletedAt == nil {
		if pv.PurchaseType != "credit" {
			return "", nil, "", invalid("id", "Payments are registered on credit purchases only; a cash purchase is paid when booked.")
		}
		doc, currency = pv.Doc(), pv.CurrencyKey
	} else if cn := c.org.purchaseCNs[g]; cn != nil && cn.DeletedAt == nil {
		if cn.CreditNoteFor != "" {
			return "", nil, "", invalid("id", "The credit note is settled through the purchase it credits.")
		}
		doc, currency = cn.Doc(), cn.Currency
	} else {
		return "", nil, "", notFound("The purchase voucher or credit note")
	}
	if !doc.Booked {
		return "", nil, "", invalid("id", "Payments can only be registered on a booked voucher.")
	}
	return g, doc, currency, nil
}

func addPurchasePayment(c *call) error {
	var in paymentIn
	if err := decodeBody(c, &in, false); err != nil {
		return err
	}
	defer c.lock()()
	if err := in.validate(c); err != nil {
		return err
	}
	guid, doc, _, err := c.creditVoucher()
	if err != nil {
		return err
	}
	if err := checkStamp(*in.Timestamp, doc.TimeStamp); err != nil {
		return err
	}
	p := &demodata.PurchasePayment{VoucherGuid: guid, Payment: demodata.Payment{Guid: newGUID(),
		DepositAccountNumber: *in.DepositAccountNumber, Description: *in.Description, Amount: demodata.Round2(*in.Amount),
		PaymentDate: c.today(), ExternalReference: in.ExternalReference, RemainderIsFee: *in.RemainderIsFee}}
	if in.PaymentDate != nil && *in.PaymentDate != "" {
		p.PaymentDate = *in.PaymentDate
	}
	c.org.data.PurchasePayments = append(c.org.data.PurchasePayments, p)
	c.restamp(doc)
	// RelatedVoucherGuid names the voucher booked for the payment.
	return c.ok(paymentCreated{p.Guid, formatStamp(doc.TimeStamp), newGUID()})
}

func listPurchasePayments(c *call) error {
	defer c.lock()()
	guid, _, currency, err := c.creditVoucher()
	if err != nil {
		return err
	}
	out := []paymentOut{}
	for _, p := range c.org.data.PurchasePayments {
		if p.VoucherGuid == guid {
			out = append(out, paymentOut{Guid: p.Guid, DepositAccountNumber: p.DepositAccountNumber, Currency: currency,
				ExchangeRate: 100, PaymentClass: strPtr("Payment"), ExternalReference: strPtr(p.ExternalReference),
				PaymentDate: p.PaymentDate, Description: p.Description, Amount: p.Amount})
		}
	}
	return c.ok(out)
}

// deletePurchasePayment takes the voucher's Timestamp from the path.
func deletePurchasePayment(c *call) error {
	defer c.lock()()
	guid, doc, _, err := c.creditVoucher()
	if err != nil {
		return err
	}
	if err := checkStamp(c.params["timestamp"], doc.TimeStamp); err != nil {
		return err
	}
	pg, ok := lookupGUID(c.params["paymentId"])
	if !ok {
		return invalid("paymentId", "The payment id is not a valid GUID.")
	}
	for i, p := range c.org.data.PurchasePayments {
		if p.VoucherGuid == guid && p.Guid == pg {
			list := c.org.data.PurchasePayments
			c.org.data.PurchasePayments = append(list[:i:i], list[i+1:]...)
			c.restamp(doc)
			return c.ok(stampOnly{formatStamp(doc.TimeStamp)})
		}
	}
	return notFound("The payment")
}
