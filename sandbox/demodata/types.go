// Package demodata builds a deterministic, Danish-flavoured set of Dinero
// organizations, users and bookkeeping data for the sandbox.
package demodata

import "time"

// DemoUserSub is the subject (sub claim) of the demo user, who reaches the
// demo organizations.
const DemoUserSub = "6f1c2b9e-4d7a-4e35-9a0b-3c5d8e7f1a24"

// OtherUserSub is the subject of a second user who owns an organization the
// demo user cannot reach.
const OtherUserSub = "0a9e8d7c-6b5a-4f3e-8d2c-1b0a9f8e7d6c"

// Anchor is the fixed "today" the demo data is built around, so the same seed
// always gives the same data.
var Anchor = time.Date(2026, time.November, 1, 9, 0, 0, 0, time.UTC)

// Dataset is everything the Dinero sandbox serves.
type Dataset struct {
	Seed          int64
	Users         []User
	Organizations []*Organization
	Countries     []Country
	// NextTimeStamp is the next free entity version (TimeStamp) number.
	NextTimeStamp uint64
}

// User is a Visma Connect user and the organizations they reach.
type User struct {
	Sub             string
	Name            string
	Email           string
	OrganizationIDs []int
}

// Country is one entry of the country list.
type Country struct {
	Key, DanishName, EnglishName string
}

// Subscription holds an organization's plan flags.
type Subscription struct {
	HasPro, HasPayingPro, HasStarterPlus, HasTotal, HasYfs bool
}

// Organization is one Dinero company ("firma") and its bookkeeping.
type Organization struct {
	ID             int
	Name           string
	Type           string // "Default" or "VIP"
	CompanyTypeKey string
	RoleKey        string
	Email, Phone   string
	Street, City   string
	ZipCode        string
	AttPerson      string
	VatNumber      string
	CountryKey     string
	Website        string
	IsVatFree      bool
	IsTaxFreeUnion bool
	Subscription   Subscription

	AccountingYears  []AccountingYear
	Accounts         []Account
	DepositAccounts  []DepositAccount
	VatTypes         []VatType
	Contacts         []*Contact
	Products         []*Product
	Invoices         []*Invoice
	CreditNotes      []*Invoice // sales credit notes share the invoice shape
	PurchaseVouchers []*PurchaseVoucher
	ManualVouchers   []*ManualVoucher
	Files            []*File

	// Sales extras, ledger and integrations (sales_extras.go).
	TradeOffers         []*TradeOffer
	Reminders           []*Reminder
	Mailouts            []*Mailout
	Attachments         []Attachment
	DefaultAttachments  map[string][]string // document type (Invoice, TradeOffer, CreditNote) -> file guids
	LedgerItems         []*LedgerItem
	PurchaseCreditNotes []*PurchaseCreditNote
	PurchasePayments    []*PurchasePayment
	Webhooks            []WebhookSubscription
	SalesSettings       SalesSettings
	InvoiceTemplates    []InvoiceTemplate
}

// IsPro reports whether the organization may use the API.
func (o *Organization) IsPro() bool { return o.Subscription.HasPro }

// AccountingYear is one financial year ("regnskabsår").
type AccountingYear struct {
	Name, FromDate, ToDate string // dates as YYYY-MM-DD
	SalarySumTaxState      string // None, OnlySalarySum or MixedActivities
}

// Account is one account of the chart of accounts ("kontoplan").
type Account struct {
	Number               int
	PublicStandardNumber int // 0 when none
	Name                 string
	VatCode              string // "" when none
	Category             string
	CategoryName         string
	IsHidden             bool
	IsDefaultSales       bool
}

// DepositAccount is a bank or cash account payments are booked on.
type DepositAccount struct {
	Number                            int
	Name                              string
	IsDefault, IsHidden               bool
	RegistrationNumber, AccountNumber string
	SwiftNumber, IbanNumber           string
}

// VatType is a VAT code ("momskode").
type VatType struct {
	Code, Name string
	Rate       float64
}

// Stamps are the change times every mutable entity carries.
type Stamps struct {
	CreatedAt time.Time
	UpdatedAt time.Time
	DeletedAt *time.Time
}

// NewStamps are the change times of an entity created at t.
func NewStamps(t time.Time) Stamps { return Stamps{CreatedAt: t, UpdatedAt: t} }

// IsDeleted reports whether the entity has been deleted.
func (s *Stamps) IsDeleted() bool { return s.DeletedAt != nil }

// MarkUpdated records a change to the entity at t.
func (s *Stamps) MarkUpdated(t time.Time) { s.UpdatedAt = t }

// MarkDeleted records that the entity was deleted at t.
func (s *Stamps) MarkDeleted(t time.Time) { s.DeletedAt, s.UpdatedAt = &t, t }

// Document is what invoices, credit notes and vouchers share besides their
// content: change times, the version (TimeStamp) that guards concurrent
// writes, and whether and when the document was booked.
type Document struct {
	Stamps
	TimeStamp uint64 // a new one on every change
	Booked    bool
	BookedAt  time.Time
	// Who booked it, as Dinero reports it: BookedByType is where it was
	// booked from ("Web", or "API" with the client id) and
	// BookedByUsername the user's login.
	BookedByType     string
	BookedByUsername string
}

// Doc returns the shared part of a document; code that handles every kind
// of document reaches it through this method.
func (d *Document) Doc() *Document { return d }

// Contact is a customer or supplier, a company or a person.
type Contact struct {
	Stamps
	Guid                         string
	Name                         string
	IsPerson, IsMember, UseCvr   bool
	IsDebitor, IsCreditor        bool
	ExternalReference            string
	Street, ZipCode, City        string
	CountryKey                   string
	Phone, Email, Webpage        string
	AttPerson                    string
	VatNumber, EanNumber         string
	SENumber, PNumber            string
	PaymentConditionType         string
	PaymentConditionNumberOfDays int
	MemberNumber                 string
	CompanyStatus                string
	VatRegionKey                 string
	CompanyTypeKey               string
	InvoiceMailOutOptionKey      string
	PreferredLanguage            string
	PreferredCurrency            string
	Notes                        []*Note
}

// Note is a dated remark on a contact.
type Note struct {
	Stamps
	ID                      string
	NoteDate                time.Time
	AuthorName, AuthorEmail string
	Text                    string
}

// Product is an item or service that can be put on an invoice line.
type Product struct {
	Stamps
	Guid              string
	ProductNumber     string
	Name              string
	BaseAmountValue   float64 // price per unit, excl. VAT, DKK
	Quantity          float64
	AccountNumber     int
	Unit              string
	ExternalReference string
	Comment           string
}

// Line is one line of an invoice or credit note.
type Line struct {
	ProductGuid     string
	Description     string
	Comments        string
	Quantity        float64
	AccountNumber   int
	Unit            string
	Discount        float64 // percent, 0-100
	LineType        string  // Product or Text
	BaseAmountValue float64 // unit price excl. VAT
}

// Payment is money received against an invoice or credit note.
type Payment struct {
	Guid                 string
	DepositAccountNumber int
	Description          string
	Amount               float64
	PaymentDate          string
	ExternalReference    string
	RemainderIsFee       bool
	// VoucherGuid is the voucher booked for the payment (its entries carry
	// it), not the invoice the payment is for.
	VoucherGuid string
}

// Invoice is a sales invoice or a sales credit note.
type Invoice struct {
	Document
	Guid                         string
	Number                       int64 // 0 while a draft
	ContactGuid                  string
	ContactName                  string
	Date                         string // YYYY-MM-DD
	PaymentDate                  string // due date, YYYY-MM-DD
	PaymentConditionType         string
	PaymentConditionNumberOfDays int
	Description                  string
	Comment                      string
	ExternalReference            string
	Currency                     string
	Language                     string
	Address                      string
	ShowLinesInclVat             bool
	MailOutStatus                string
	CreditNoteFor                string // credit notes: the invoice credited
	Lines                        []Line
	Payments                     []Payment
	TotalExclVat, TotalVat       float64
	TotalInclVat                 float64
}

// PurchaseLine is one line of a purchase voucher.
type PurchaseLine struct {
	AccountNumber  int
	Description    string
	Amount         float64 // incl. VAT
	VatCode        string
	AccountTagName string
}

// PurchaseVoucher is a purchase ("køb") voucher.
type PurchaseVoucher struct {
	Document
	Guid                 string
	VoucherNumber        int64
	VoucherDate          string
	PaymentDate          string
	PurchaseType         string // cash or credit
	RegionKey            string
	DepositAccountNumber int
	ContactGuid          string
	FileGuid             string
	CurrencyKey          string
	ExternalReference    string
	Lines                []PurchaseLine
}

// ManualLine is one line of a manual voucher.
type ManualLine struct {
	Description             string
	AccountNumber           int
	BalancingAccountNumber  int
	Amount                  float64
	AccountVatCode          string
	BalancingAccountVatCode string
}

// ManualVoucher is a manual ("finansbilag") voucher.
type ManualVoucher struct {
	Document
	Guid              string
	VoucherNumber     int64
	VoucherDate       string
	FileGuid          string
	ExternalReference string
	Lines             []ManualLine
}

// File is a file in the organization's file archive.
type File struct {
	Guid       string
	Name       string
	Extension  string
	UploadedAt time.Time
	UploadedBy string
	Content    []byte
	Archived   bool // false for attachment-only uploads
}
