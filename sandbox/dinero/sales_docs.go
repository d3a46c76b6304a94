package dinero

import (
	"fmt"
	"strings"

	"github.com/dinero-tui/dinero-tui/sandbox/demodata"
)

// salesDocIn is the create, update and fetch body of trade offers and
// sales credit notes: the invoice body plus the design template and, for
// credit notes, the invoice credited.
type salesDocIn struct {
	invoiceIn
	InvoiceTemplateId *string
	CreditNoteFor     *string
}

// knownCurrencies are the currency codes the sandbox has rates for.
var knownCurrencies = []string{"DKK", "EUR", "USD", "GBP", "SEK", "NOK", "CHF", "PLN", "ISK"}

// checkSalesDoc applies the rules Dinero enforces beyond the schema on
// every sales document: at least one line, each line with a Description
// or a ProductGuid, a known currency and, when given, an existing design
// template.
func (c *call) checkSalesDoc(in *salesDocIn) *apiError {
	if in.ProductLines == nil || len(*in.ProductLines) == 0 {
		return invalid("ProductLines", "ProductLines is required and needs at least one line.")
	}
	for i, l := range *in.ProductLines {
		if strings.TrimSpace(l.Description) == "" && (l.ProductGuid == nil || *l.ProductGuid == "") {
			return invalid(fmt.Sprintf("ProductLines[%d].Description", i), "A line needs a Description or a ProductGuid.")
		}
	}
	if in.Currency != nil && *in.Currency != "" && canonical(*in.Currency, knownCurrencies...) == "" {
		return invalid("Currency", "Currency must be one of "+strings.Join(knownCurrencies, ", ")+".")
	}
	if in.InvoiceTemplateId != nil && *in.InvoiceTemplateId != "" {
		g, ok := lookupGUID(*in.InvoiceTemplateId)
		if !ok || c.template(g) == nil {
			return invalid("InvoiceTemplateId", "InvoiceTemplateId must be the id of one of the organization's invoice templates.")
		}
	}
	return nil
}

func (c *call) template(id string) *demodata.InvoiceTemplate {
	for i := range c.org.data.InvoiceTemplates {
		if c.org.data.InvoiceTemplates[i].ID == id {
			return &c.org.data.InvoiceTemplates[i]
		}
	}
	return nil
}

// applySalesDoc validates in and copies it onto doc.
func (c *call) applySalesDoc(in *salesDocIn, doc *demodata.Invoice) *apiError {
	if err := c.checkSalesDoc(in); err != nil {
		return err
	}
	return c.applyInvoice(&in.invoiceIn, doc)
}

// latestMailType is the type of the newest e-mail sent about a voucher, or
// nil when none was sent.
func (c *call) latestMailType(guid string) any {
	if t, ok := c.latestMailTypes(guid)[guid]; ok {
		return t
	}
	return nil
}

// latestMailTypes maps the given voucher guids to the type of their
// newest e-mail, in one pass over the mail-outs.
func (c *call) latestMailTypes(guids ...string) map[string]string {
	want := map[string]bool{}
	for _, g := range guids {
		want[g] = true
	}
	latest := map[string]*demodata.Mailout{}
	for _, m := range c.org.data.Mailouts {
		if m.IsSms || !want[m.VoucherGuid] {
			continue
		}
		if l := latest[m.VoucherGuid]; l == nil || !m.Date.Before(l.Date) {
			latest[m.VoucherGuid] = m
		}
	}
	out := make(map[string]string, len(latest))
	for g, m := range latest {
		out[g] = m.Type
	}
	return out
}

// fetchView renders an unsaved sales document for the totals ("fetch")
// operations.
type fetchView struct {
	ivw
	credit string
}

var fetchCols = func() []column[fetchView] {
	var out []column[fetchView]
	for _, col := range invoiceSchema.only("ContactGuid", "Number", "ContactName", "ShowLinesInclVat", "TotalExclVat",
		"TotalVatableAmount", "TotalInclVat", "TotalNonVatableAmount", "TotalVat", "TotalLines", "InvoiceTemplateId",
		"Currency", "Language", "ExternalReference", "Description", "Comment", "Date", "ProductLines", "Address").cols {
		get := col.get
		out = append(out, column[fetchView]{col.name, func(v fetchView) any { return get(v.ivw) }})
	}
	return out
}()

var tradeOfferFetchSchema = newSchema(fetchCols...)

var creditNoteFetchSchema = newSchema(append([]column[fetchView]{
	{"CreditNoteFor", func(v fetchView) any { return nullStr(v.credit) }}}, fetchCols...)...)

var invoiceFetchSchema = newSchema(append([]column[fetchView]{
	{"PaymentDate", func(v fetchView) any { return nullStr(v.inv.PaymentDate) }},
	{"PaymentConditionNumberOfDays", func(v fetchView) any { return v.inv.PaymentConditionNumberOfDays }},
	{"PaymentConditionType", func(v fetchView) any { return nullStr(v.inv.PaymentConditionType) }},
	{"CanEnableMobilePayInvoice", func(v fetchView) any { return false }},
	{"CanEnablePensoPay", func(v fetchView) any { return false }},
}, fetchCols...)...)

// fetchTotals is the shared "fetch" step: the body is computed as a draft
// would be, and nothing is stored.
func fetchTotals(c *call, s *schema[fetchView], credit bool) error {
	var in salesDocIn
	if err := decodeBody(c, &in, false); err != nil {
		return err
	}
	defer c.lock()()
	doc := &demodata.Invoice{}
	if err := c.applySalesDoc(&in, doc); err != nil {
		return err
	}
	v := fetchView{ivw: invoiceView{o: c.org.data, inv: doc, today: c.today(), credit: credit}}
	if credit && in.CreditNoteFor != nil && *in.CreditNoteFor != "" {
		inv, err := c.creditedInvoice(*in.CreditNoteFor)
		if err != nil {
			return err
		}
		v.credit = inv.Guid
	}
	return c.writeRaw(200, objectJSON(s, v))
}

func fetchInvoiceTotals(c *call) error    { return fetchTotals(c, invoiceFetchSchema, false) }
func fetchTradeOfferTotals(c *call) error { return fetchTotals(c, tradeOfferFetchSchema, false) }
func fetchCreditNoteTotals(c *call) error { return fetchTotals(c, creditNoteFetchSchema, true) }

// creditedInvoice resolves a CreditNoteFor guid to a booked invoice.
func (c *call) creditedInvoice(raw string) (*demodata.Invoice, *apiError) {
	g, ok := lookupGUID(raw)
	inv := c.org.invoices[g]
	if !ok || inv == nil || inv.DeletedAt != nil {
		return nil, invalid("CreditNoteFor", "CreditNoteFor does not name an existing invoice.")
	}
	if !inv.Booked {
		return nil, invalid("CreditNoteFor", "Only a booked invoice can be credited.")
	}
	return inv, nil
}
