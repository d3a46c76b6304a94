package demodata

import "time"

// TradeOffer is a quote ("tilbud"): shaped like an invoice, it never
// books; it can be sent, accepted or declined, and turned into invoices.
type TradeOffer struct {
	Invoice
	Status            string   // Draft, Invoiced, CustomerAccepted or CustomerDeclined
	GeneratedVouchers []string // guids of the invoices made from it
}

// Reminder is a "rykker" on an overdue invoice; an invoice has at most three.
type Reminder struct {
	Stamps
	ID                        int
	InvoiceGuid               string
	Number                    int // 1-3, the reminder's place on its invoice
	Date                      string
	Title, Description        string
	WithDebtCollectionWarning bool
	WithFee                   bool
	WithInterestFee           bool
	WithCompensationFee       bool
	FeeAmount                 float64
	InterestAmount            float64
	CompensationFeeAmount     float64
	Booked                    bool
	TimeStamp                 uint64
}

// Mailout is an email or SMS the organization sent about a voucher. The
// sandbox records mail-outs; it never sends them.
type Mailout struct {
	ID          int
	VoucherGuid string // invoice, credit note, trade offer or contact (state of account)
	Date        time.Time
	Sender      string
	Receiver    string
	Subject     string
	Message     string
	Type        string // Mailout, TradeOffer, PreReminder, Reminder, Einvoice, ElectronicInvoiceReminder, Sms, StateOfAccount
	Status      string // Pending, Sent, SeenByCustomer, Failed or ManuallySent
	IsSms       bool
	CCToSender  bool
}

// Attachment binds an archived file to an invoice, trade offer or credit note.
type Attachment struct {
	DocumentGuid string
	FileGuid     string
	FileName     string
}

// LedgerLine is one line of a ledger item.
type LedgerLine struct {
	ID                      string
	Description             string
	Amount                  float64
	AccountNumber           int
	AccountVatCode          string
	BalancingAccountNumber  int
	BalancingAccountVatCode string
	IsPaymentForVoucherID   string
}

// LedgerItem is an entry in the organization's ledger ("kassekladde")
// waiting to be booked.
type LedgerItem struct {
	ID            string
	Version       uint64
	VoucherNumber int
	VoucherDate   string
	FileGuid      string
	Lines         []LedgerLine
	Status        string    // Draft, PendingBooking or Booked
	SentAt        time.Time // when it was sent to booking
	Deleted       bool
}

// PurchaseCreditNote is a credit note received from a supplier.
type PurchaseCreditNote struct {
	Document
	Guid          string
	CreditNoteFor string // the purchase voucher credited, if any
	FileGuid      string
	Number        int64
	ContactGuid   string
	Date          string
	Currency      string
	Lines         []PurchaseLine
	BookedByType  string // Web for the demo data, API for bookings through the API
	BookedBy      string // user name, or the client id for API bookings
}

// PurchasePayment is a payment on a credit purchase voucher or a purchase
// credit note.
type PurchasePayment struct {
	VoucherGuid string
	Payment
}

// WebhookSubscription is one event an integration listens to.
type WebhookSubscription struct {
	EventID   string
	URI       string
	CreatedAt time.Time
}

// SalesSettings are the organization's defaults for new sales vouchers.
type SalesSettings struct {
	LinesInclVat                 bool
	UseFikCode                   bool
	FikCreditorNumber            string
	AddVoucherAsPdfAttachment    bool
	ReminderFee                  float64
	ReminderInterestRate         float64
	PaymentConditionType         string
	PaymentConditionNumberOfDays int
	DefaultTemplateID            string
}

// InvoiceTemplate is a design for invoices, made in Dinero's web app.
type InvoiceTemplate struct {
	ID, Name, Theme, PrimaryColor string
	IsDefault                     bool
}
