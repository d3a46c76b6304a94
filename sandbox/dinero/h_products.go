package dinero

import (
	"net/http"
	"sort"
	"strings"

	"github.com/dinero-tui/dinero-tui/sandbox/demodata"
)

type product = *demodata.Product

// productSchema needs the organization for VAT-inclusive amounts, so it is
// built per request around a VAT rate lookup.
func productSchema(o *demodata.Organization) *schema[product] {
	incl := func(p product, v float64) float64 { return demodata.Round2(v * (1 + o.VatRate(p.AccountNumber))) }
	return newSchema(
		column[product]{"CreatedAt", func(p product) any { return isoTime(p.CreatedAt) }},
		column[product]{"UpdatedAt", func(p product) any { return isoTime(p.UpdatedAt) }},
		column[product]{"DeletedAt", func(p product) any { return isoTimePtr(p.DeletedAt) }},
		column[product]{"ProductGuid", func(p product) any { return p.Guid }},
		column[product]{"BaseAmountValueInclVat", func(p product) any { return incl(p, p.BaseAmountValue) }},
		column[product]{"TotalAmount", func(p product) any { return demodata.Round2(p.BaseAmountValue * p.Quantity) }},
		column[product]{"TotalAmountInclVat", func(p product) any { return incl(p, p.BaseAmountValue*p.Quantity) }},
		column[product]{"ProductNumber", func(p product) any { return nullStr(p.ProductNumber) }},
		column[product]{"Name", func(p product) any { return nullStr(p.Name) }},
		column[product]{"BaseAmountValue", func(p product) any { return p.BaseAmountValue }},
		column[product]{"Quantity", func(p product) any { return p.Quantity }},
		column[product]{"AccountNumber", func(p product) any { return p.AccountNumber }},
		column[product]{"Unit", func(p product) any { return p.Unit }},
		column[product]{"ExternalReference", func(p product) any { return nullStr(p.ExternalReference) }},
		column[product]{"Comment", func(p product) any { return nullStr(p.Comment) }},
	)
}

var productFilterFields = []string{"Name", "ProductNumber", "ExternalReference"}

func productFilterValue(p product) func(string) string {
	return func(field string) string {
		switch field {
		case "Name":
			return p.Name
		case "ProductNumber":
			return p.ProductNumber
		}
		return p.ExternalReference
	}
}

func listProducts(c *call) error {
	q := c.r.URL.Query()
	lq, err := parseListQuery(q, liveOnly, productFilterFields)
	if err != nil {
		return err
	}
	text := strings.ToLower(strings.TrimSpace(q.Get("freeTextSearch")))
	defer c.lock()()
	cols := productSchema(c.org.data).only("Name", "ProductGuid", "ProductNumber", "Quantity", "Unit", "AccountNumber",
		"BaseAmountValue", "BaseAmountValueInclVat", "TotalAmount", "TotalAmountInclVat", "ExternalReference",
		"CreatedAt", "UpdatedAt", "DeletedAt").pick(q.Get("fields"), "Name,ProductGuid")
	var match []product
	for _, p := range c.org.data.Products {
		if lq.keeps(&p.Stamps, productFilterValue(p)) && (text == "" ||
			strings.Contains(strings.ToLower(p.Name), text) || strings.Contains(strings.ToLower(p.ProductNumber), text)) {
			match = append(match, p)
		}
	}
	sort.SliceStable(match, func(i, j int) bool {
		if !match[i].UpdatedAt.Equal(match[j].UpdatedAt) {
			return match[i].UpdatedAt.Before(match[j].UpdatedAt)
		}
		return match[i].Guid < match[j].Guid
	})
	from, to := lq.pg.window(len(match))
	return c.writeRaw(http.StatusOK, collectionJSON(cols, match[from:to], lq.pg, len(match)))
}

func getProduct(c *call) error {
	defer c.lock()()
	p, err := findAny(c, c.org.products, productRef)
	if err != nil {
		return err
	}
	return c.writeRaw(http.StatusOK, objectJSON(productSchema(c.org.data), p))
}

type productIn struct {
	ProductNumber     string
	Name              string
	BaseAmountValue   *float64
	Quantity          *float64
	AccountNumber     *int
	Unit              *string
	ExternalReference string
	Comment           string
}

func (in *productIn) validate(c *call) *apiError {
	switch {
	case in.BaseAmountValue == nil:
		return invalid("BaseAmountValue", "BaseAmountValue is required.")
	case in.Quantity == nil:
		return invalid("Quantity", "Quantity is required.")
	case in.AccountNumber == nil:
		return invalid("AccountNumber", "AccountNumber is required.")
	case c.org.account(*in.AccountNumber) == nil:
		return invalid("AccountNumber", "AccountNumber is not an account in the organization's chart of accounts.")
	case in.Unit == nil || !validUnit(*in.Unit):
		return invalid("Unit", "Unit is required and must be one of: "+strings.Join(units, ", ")+".")
	case len(in.ExternalReference) > 128:
		return invalid("ExternalReference", "ExternalReference can be at most 128 characters.")
	case len(in.Comment) > 128:
		return invalid("Comment", "Comment can be at most 128 characters.")
	}
	return nil
}

func (in *productIn) apply(p product) {
	p.ProductNumber, p.Name, p.BaseAmountValue, p.Quantity = in.ProductNumber, in.Name, *in.BaseAmountValue, *in.Quantity
	p.AccountNumber, p.Unit, p.ExternalReference, p.Comment = *in.AccountNumber, *in.Unit, in.ExternalReference, in.Comment
}

var units = []string{"hours", "parts", "km", "day", "week", "month", "kilogram", "cubicMetre", "set", "litre", "box",
	"case", "carton", "metre", "package", "shipment", "squareMetre", "session", "tonne"}

func validUnit(u string) bool {
	for _, x := range units {
		if x == u {
			return true
		}
	}
	return false
}

type productCreated struct{ ProductGuid string }

func createProduct(c *call) error {
	var in productIn
	if err := decodeBody(c, &in, false); err != nil {
		return err
	}
	defer c.lock()()
	if err := in.validate(c); err != nil {
		return err
	}
	p := &demodata.Product{Guid: newGUID(), Stamps: c.created()}
	in.apply(p)
	store(&c.org.data.Products, c.org.products, p.Guid, p)
	return c.ok(productCreated{p.Guid})
}

func updateProduct(c *call) error { return replaceLive(c, &productIn{}, c.org.products, productRef) }

func deleteProduct(c *call) error { return deleteLive(c, c.org.products, productRef) }
