package dinero

import (
	"fmt"
	"strings"

	"github.com/dinero-tui/dinero-tui/sandbox/demodata"
)

// lineOut is InvoiceLinesReadModel.
type lineOut struct {
	AccountName            *string
	BaseAmountValue        float64
	BaseAmountValueInclVat float64
	TotalAmount            float64
	TotalAmountInclVat     float64
	ProductGuid            *string
	Description            *string
	Comments               *string
	Quantity               float64
	AccountNumber          int
	Unit                   *string
	Discount               float64
	LineType               *string
}

// totalLine is TotalLine.
type totalLine struct {
	Type        string
	TotalAmount float64
	Position    int
	Label       string
}

func strPtr(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// invoiceView renders an invoice or credit note in the read-model shape.
type invoiceView struct {
	o      *demodata.Organization
	inv    *demodata.Invoice
	today  string
	credit bool
}

func (v invoiceView) lines() []lineOut {
	out := make([]lineOut, 0, len(v.inv.Lines))
	for _, l := range v.inv.Lines {
		rate := v.o.VatRate(l.AccountNumber)
		t := l.LineTotal()
		var accName string
		for _, a := range v.o.Accounts {
			if a.Number == l.AccountNumber {
				accName = a.Name
			}
		}
		out = append(out, lineOut{AccountName: strPtr(accName), BaseAmountValue: l.BaseAmountValue,
			BaseAmountValueInclVat: demodata.Round2(l.BaseAmountValue * (1 + rate)), TotalAmount: t,
			TotalAmountInclVat: demodata.Round2(t * (1 + rate)), ProductGuid: strPtr(l.ProductGuid),
			Description: strPtr(l.Description), Comments: strPtr(l.Comments), Quantity: l.Quantity,
			AccountNumber: l.AccountNumber, Unit: strPtr(l.Unit), Discount: l.Discount, LineType: strPtr(l.LineType)})
	}
	return out
}

func (v invoiceView) vatable() (vatable, nonVatable float64) {
	for _, l := range v.inv.Lines {
		if v.o.VatRate(l.AccountNumber) > 0 {
			vatable += l.LineTotal()
		} else {
			nonVatable += l.LineTotal()
		}
	}
	return demodata.Round2(vatable), demodata.Round2(nonVatable)
}

func (v invoiceView) totals() []totalLine {
	vat := "Moms (25%)"
	if v.inv.Language == "en-GB" {
		vat = "VAT (25%)"
	}
	return []totalLine{
		{"SubTotal", v.inv.TotalExclVat, 0, "Subtotal"},
		{"Vat", v.inv.TotalVat, 1, vat},
		{"Total", v.inv.TotalInclVat, 2, "Total " + v.inv.Currency},
	}
}

func (v invoiceView) fik() any {
	if !v.inv.Booked || v.credit {
		return nil
	}
	return fmt.Sprintf("+71<%015d+%08d<", v.inv.Number, v.o.ID)
}

// paymentStatus is PaymentStatus: Draft, Booked, Paid, OverPaid or Overdue.
func (v invoiceView) paymentStatus() any { return v.inv.Status(v.today) }

type ivw = invoiceView

var invoiceSchema = newSchema(
	column[ivw]{"PaymentDate", func(v ivw) any { return nullStr(v.inv.PaymentDate) }},
	column[ivw]{"PaymentStatus", func(v ivw) any { return v.paymentStatus() }},
	column[ivw]{"PaymentConditionNumberOfDays", func(v ivw) any { return v.inv.PaymentConditionNumberOfDays }},
	column[ivw]{"PaymentConditionType", func(v ivw) any { return nullStr(v.inv.PaymentConditionType) }},
	column[ivw]{"FikCode", func(v ivw) any { return v.fik() }},
	column[ivw]{"DepositAccountNumber", func(v ivw) any { return demodata.AccountBank }},
	column[ivw]{"MailOutStatus", func(v ivw) any { return nullStr(v.inv.MailOutStatus) }},
	column[ivw]{"LatestMailOutType", func(v ivw) any { return latestMailOut(v.inv) }},
	column[ivw]{"IsSentToDebtCollection", func(v ivw) any { return false }},
	column[ivw]{"IsMobilePayInvoiceEnabled", func(v ivw) any { return false }},
	column[ivw]{"IsPensoPayEnabled", func(v ivw) any { return false }},
	column[ivw]{"Status", func(v ivw) any { return v.inv.BookingStatus() }},
	column[ivw]{"ContactGuid", func(v ivw) any { return nullStr(v.inv.ContactGuid) }},
	column[ivw]{"Guid", func(v ivw) any { return v.inv.Guid }},
	column[ivw]{"TimeStamp", func(v ivw) any { return formatStamp(v.inv.TimeStamp) }},
	column[ivw]{"CreatedAt", func(v ivw) any { return isoTime(v.inv.CreatedAt) }},
	column[ivw]{"UpdatedAt", func(v ivw) any { return isoTime(v.inv.UpdatedAt) }},
	column[ivw]{"DeletedAt", func(v ivw) any { return isoTimePtr(v.inv.DeletedAt) }},
	column[ivw]{"Number", func(v ivw) any { return v.inv.Number }},
	column[ivw]{"ContactName", func(v ivw) any { return nullStr(v.inv.ContactName) }},
	column[ivw]{"ShowLinesInclVat", func(v ivw) any { return v.inv.ShowLinesInclVat }},
	column[ivw]{"TotalExclVat", func(v ivw) any { return v.inv.TotalExclVat }},
	column[ivw]{"TotalVatableAmount", func(v ivw) any { a, _ := v.vatable(); return a }},
	column[ivw]{"TotalInclVat", func(v ivw) any { return v.inv.TotalInclVat }},
	column[ivw]{"TotalNonVatableAmount", func(v ivw) any { _, b := v.vatable(); return b }},
	column[ivw]{"TotalVat", func(v ivw) any { return v.inv.TotalVat }},
	column[ivw]{"TotalLines", func(v ivw) any { return v.totals() }},
	column[ivw]{"InvoiceTemplateId", func(v ivw) any { return nil }},
	column[ivw]{"Currency", func(v ivw) any { return nullStr(v.inv.Currency) }},
	column[ivw]{"Language", func(v ivw) any { return nullStr(v.inv.Language) }},
	column[ivw]{"ExternalReference", func(v ivw) any { return nullStr(v.inv.ExternalReference) }},
	column[ivw]{"Description", func(v ivw) any { return nullStr(v.inv.Description) }},
	column[ivw]{"Comment", func(v ivw) any { return nullStr(v.inv.Comment) }},
	column[ivw]{"Date", func(v ivw) any { return nullStr(v.inv.Date) }},
	column[ivw]{"ProductLines", func(v ivw) any { return v.lines() }},
	column[ivw]{"Address", func(v ivw) any { return nullStr(v.inv.Address) }},
)

var creditNoteSchema = newSchema(append([]column[ivw]{
	{"CreditNoteFor", func(v ivw) any { return nullStr(v.inv.CreditNoteFor) }},
	{"MailOutStatus", func(v ivw) any { return nullStr(v.inv.MailOutStatus) }},
	{"LatestMailOutType", func(v ivw) any { return latestMailOut(v.inv) }},
	{"PaymentStatus", func(v ivw) any { return v.paymentStatus() }},
}, invoiceSchema.only("Status", "ContactGuid", "Guid", "TimeStamp", "CreatedAt", "UpdatedAt", "DeletedAt", "Number",
	"ContactName", "ShowLinesInclVat", "TotalExclVat", "TotalVatableAmount", "TotalInclVat", "TotalNonVatableAmount",
	"TotalVat", "TotalLines", "InvoiceTemplateId", "Currency", "Language", "ExternalReference", "Description",
	"Comment", "Date", "ProductLines", "Address").cols...)...)

// lineIn is InvoiceLinesCreateModel.
type lineIn struct {
	BaseAmountValue *float64
	ProductGuid     *string
	Description     string
	Comments        string
	Quantity        *float64
	AccountNumber   *int
	Unit            *string
	Discount        *float64
	LineType        *string
}

// invoiceIn is InvoiceCreateModel / InvoiceUpdateModel.
type invoiceIn struct {
	Timestamp                    *string
	PaymentConditionNumberOfDays *int
	PaymentConditionType         *string
	ContactGuid                  *string
	Guid                         *string
	ShowLinesInclVat             *bool
	Currency                     *string
	Language                     *string
	ExternalReference            string
	Description                  string
	Comment                      string
	Date                         *string
	ProductLines                 *[]lineIn
	Address                      *string
	InvoiceTemplateId            *string
}

func (in *invoiceIn) lines(st *orgState) ([]demodata.Line, *apiError) {
	if in.ProductLines == nil || len(*in.ProductLines) == 0 {
		return nil, invalid("ProductLines", "ProductLines is required and needs at least one line.")
	}
	var out []demodata.Line
	for i, l := range *in.ProductLines {
		f := func(name string) string { return fmt.Sprintf("ProductLines[%d].%s", i, name) }
		switch {
		case l.BaseAmountValue == nil:
			return nil, invalid(f("BaseAmountValue"), "BaseAmountValue is required.")
		case l.Quantity == nil:
			return nil, invalid(f("Quantity"), "Quantity is required.")
		case l.AccountNumber == nil || st.account(*l.AccountNumber) == nil:
			return nil, invalid(f("AccountNumber"), "AccountNumber is required and must be in the chart of accounts.")
		case l.Discount == nil || *l.Discount < 0 || *l.Discount > 100:
			return nil, invalid(f("Discount"), "Discount is required and must be between 0 and 100.")
		case l.Unit != nil && *l.Unit != "" && !validUnit(*l.Unit):
			return nil, invalid(f("Unit"), "Unit must be one of: "+strings.Join(units, ", ")+".")
		case l.LineType != nil && *l.LineType != "" && *l.LineType != "Product" && *l.LineType != "Text":
			return nil, invalid(f("LineType"), "LineType must be Product or Text.")
		case strings.TrimSpace(l.Description) == "" && (l.ProductGuid == nil || *l.ProductGuid == ""):
			return nil, invalid(f("Description"), "Description is required when the line has no ProductGuid.")
		}
		line := demodata.Line{Description: l.Description, Comments: l.Comments, Quantity: *l.Quantity,
			AccountNumber: *l.AccountNumber, Discount: *l.Discount, BaseAmountValue: *l.BaseAmountValue, LineType: "Product", Unit: "parts"}
		if l.Unit != nil && *l.Unit != "" {
			line.Unit = *l.Unit
		}
		if l.LineType != nil && *l.LineType != "" {
			line.LineType = *l.LineType
		}
		if l.ProductGuid != nil && *l.ProductGuid != "" {
			g, ok := lookupGUID(*l.ProductGuid)
			if p := st.products[g]; !ok || p == nil || p.DeletedAt != nil {
				return nil, invalid(f("ProductGuid"), "ProductGuid does not name an existing product.")
			}
			line.ProductGuid = g
			if strings.TrimSpace(line.Description) == "" {
				line.Description = st.products[g].Name // the read model always has a description
			}
		}
		out = append(out, line)
	}
	return out, nil
}
