package dinero

import (
	"net/http"
	"strings"

	"github.com/dinero-tui/dinero-tui/sandbox/demodata"
)

type org = *demodata.Organization

// orgSchema holds the properties of both organization list versions, in
// the order v1.1 writes them.
var orgSchema = newSchema(
	column[org]{"Name", func(o org) any { return o.Name }},
	column[org]{"Id", func(o org) any { return o.ID }},
	column[org]{"Type", func(o org) any { return o.Type }},
	column[org]{"IsPro", func(o org) any { return o.Subscription.HasPro }},
	column[org]{"IsPayingPro", func(o org) any { return o.Subscription.HasPayingPro }},
	column[org]{"CompanyTypeKey", func(o org) any { return nullStr(o.CompanyTypeKey) }},
	column[org]{"IsVatFree", func(o org) any { return o.IsVatFree }},
	column[org]{"Email", func(o org) any { return nullStr(o.Email) }},
	column[org]{"Phone", func(o org) any { return nullStr(o.Phone) }},
	column[org]{"Street", func(o org) any { return nullStr(o.Street) }},
	column[org]{"City", func(o org) any { return nullStr(o.City) }},
	column[org]{"ZipCode", func(o org) any { return nullStr(o.ZipCode) }},
	column[org]{"AttPerson", func(o org) any { return nullStr(o.AttPerson) }},
	column[org]{"IsTaxFreeUnion", func(o org) any { return o.IsTaxFreeUnion }},
	column[org]{"VatNumber", func(o org) any { return nullStr(o.VatNumber) }},
	column[org]{"CountryKey", func(o org) any { return nullStr(o.CountryKey) }},
	column[org]{"Website", func(o org) any { return nullStr(o.Website) }},
	column[org]{"RoleKey", func(o org) any { return nullStr(o.RoleKey) }},
	column[org]{"Subscription", func(o org) any { return o.Subscription }},
)

var (
	orgV1Schema = orgSchema.only("Name", "Id", "Type", "IsPro", "IsPayingPro", "IsVatFree", "Email", "Phone",
		"Street", "City", "ZipCode", "AttPerson", "IsTaxFreeUnion", "VatNumber", "CountryKey", "Website")
	orgV2Schema = orgSchema.only("Name", "Id", "CompanyTypeKey", "IsVatFree", "Email", "Phone", "Street", "City",
		"ZipCode", "AttPerson", "IsTaxFreeUnion", "VatNumber", "CountryKey", "Website", "RoleKey", "Subscription")
)

// userOrgs lists the organizations the caller reaches, by id.
func (c *call) userOrgs() []org {
	var out []org
	for _, o := range c.s.cfg.Data.Organizations {
		if c.s.reach[c.claims.Subject][o.ID] {
			out = append(out, o)
		}
	}
	return out
}

func listOrganizationsV1(c *call) error {
	return c.writeRaw(http.StatusOK, arrayJSON(orgV1Schema.pick(c.r.URL.Query().Get("fields"), "id,name,isPro"), c.userOrgs()))
}

func listOrganizationsV11(c *call) error {
	return c.writeRaw(http.StatusOK, arrayJSON(orgV2Schema.all(), c.userOrgs()))
}

func listCountries(c *call) error {
	return c.ok(c.s.cfg.Data.Countries)
}

type accountingYearOut struct {
	Name, FromDate, ToDate string
	SalarySumTaxStateEnum  string
}

func listAccountingYears(c *call) error {
	defer c.lock()()
	out := []accountingYearOut{}
	for _, y := range c.org.data.AccountingYears {
		out = append(out, accountingYearOut{y.Name, y.FromDate, y.ToDate, y.SalarySumTaxState})
	}
	return c.ok(out)
}

type acct = *demodata.Account

var accountSchema = newSchema(
	column[acct]{"AccountNumber", func(a acct) any { return a.Number }},
	column[acct]{"PublicStandardNumber", func(a acct) any { return nullInt(a.PublicStandardNumber) }},
	column[acct]{"Name", func(a acct) any { return a.Name }},
	column[acct]{"VatCode", func(a acct) any { return nullStr(a.VatCode) }},
	column[acct]{"Category", func(a acct) any { return nullStr(a.Category) }},
	column[acct]{"CategoryName", func(a acct) any { return nullStr(a.CategoryName) }},
	column[acct]{"IsHidden", func(a acct) any { return a.IsHidden }},
	column[acct]{"IsDefaultSalesAccount", func(a acct) any { return a.IsDefaultSales }},
)

// Both account lists answer every property of EntryAccountReadModel when
// asked; the parameter descriptions name fewer, but the schema requires
// IsDefaultSalesAccount and IsHidden.
var (
	entryAccountFields    = accountSchema
	purchaseAccountFields = accountSchema
)

func listEntryAccounts(c *call) error {
	q := c.r.URL.Query()
	category := strings.TrimSpace(q.Get("categoryFilter"))
	defer c.lock()()
	var items []acct
	for i := range c.org.data.Accounts {
		a := &c.org.data.Accounts[i]
		if category == "" || strings.EqualFold(a.Category, category) {
			items = append(items, a)
		}
	}
	return c.writeRaw(http.StatusOK, arrayJSON(entryAccountFields.pick(q.Get("fields"), "AccountNumber,Name,IsHidden"), items))
}

func listPurchaseAccounts(c *call) error {
	defer c.lock()()
	var items []acct
	for i := range c.org.data.Accounts {
		if a := &c.org.data.Accounts[i]; a.Number >= 2000 && a.Number <= 9399 {
			items = append(items, a)
		}
	}
	return c.writeRaw(http.StatusOK, arrayJSON(purchaseAccountFields.pick(c.r.URL.Query().Get("fields"),
		"AccountNumber,Name,VatCode,Category,CategoryName,IsHidden"), items))
}

type dep = *demodata.DepositAccount

var depositSchema = newSchema(
	column[dep]{"AccountNumber", func(d dep) any { return d.Number }},
	column[dep]{"Name", func(d dep) any { return d.Name }},
	column[dep]{"IsDefault", func(d dep) any { return d.IsDefault }},
	column[dep]{"IsHidden", func(d dep) any { return d.IsHidden }},
	column[dep]{"PublicStandardNumber", func(d dep) any { return nil }},
	column[dep]{"BankRegistrationNumber", func(d dep) any { return nullStr(d.RegistrationNumber) }},
	column[dep]{"BankAccountNumber", func(d dep) any { return nullStr(d.AccountNumber) }},
	column[dep]{"BankSwiftNumber", func(d dep) any { return nullStr(d.SwiftNumber) }},
	column[dep]{"BankIbanNumber", func(d dep) any { return nullStr(d.IbanNumber) }},
)

func listDepositAccounts(c *call) error {
	defer c.lock()()
	items := make([]dep, 0, len(c.org.data.DepositAccounts))
	for i := range c.org.data.DepositAccounts {
		items = append(items, &c.org.data.DepositAccounts[i])
	}
	return c.writeRaw(http.StatusOK, arrayJSON(depositSchema.pick(c.r.URL.Query().Get("fields"), "AccountNumber,Name"), items))
}

type accountIn struct {
	Number               *int
	PublicStandardNumber *int
	Name                 *string
	VatCode              *string
	RegistrationNumber   string
	AccountNumber        string
	SwiftNumber          string
	IbanNumber           string
}

func (in *accountIn) validate(c *call, lo, hi int) *apiError {
	switch {
	case in.Number == nil:
		return invalid("Number", "Number is required.")
	case *in.Number < lo || *in.Number > hi:
		return invalid("Number", "Number must be between "+itoa(lo)+" and "+itoa(hi)+".")
	case in.Name == nil || strings.TrimSpace(*in.Name) == "":
		return invalid("Name", "Name is required.")
	case c.org.account(*in.Number) != nil || c.org.deposit(*in.Number) != nil:
		return invalid("Number", "An account with this number already exists.")
	}
	return nil
}

func createEntryAccount(c *call) error {
	var in accountIn
	if err := decodeBody(c, &in, false); err != nil {
		return err
	}
	defer c.lock()()
	if err := in.validate(c, 1000, 54999); err != nil {
		return err
	}
	if in.VatCode == nil {
		return invalid("VatCode", "VatCode is required (use \"none\" for no VAT).")
	}
	code := *in.VatCode
	if !strings.EqualFold(code, "none") && !c.knownVatCode(code) {
		return invalid("VatCode", "Unknown VAT code "+code+".")
	}
	if strings.EqualFold(code, "none") {
		code = ""
	}
	a := demodata.Account{Number: *in.Number, Name: *in.Name, VatCode: code, Category: "Not Set", CategoryName: "Ikke angivet"}
	if in.PublicStandardNumber != nil {
		a.PublicStandardNumber = *in.PublicStandardNumber
	}
	c.org.data.Accounts = append(c.org.data.Accounts, a)
	return c.empty()
}

func createDepositAccount(c *call) error {
	var in accountIn
	if err := decodeBody(c, &in, false); err != nil {
		return err
	}
	defer c.lock()()
	if err := in.validate(c, 55000, 55999); err != nil {
		return err
	}
	c.org.data.DepositAccounts = append(c.org.data.DepositAccounts, demodata.DepositAccount{
		Number: *in.Number, Name: *in.Name, RegistrationNumber: in.RegistrationNumber,
		AccountNumber: in.AccountNumber, SwiftNumber: in.SwiftNumber, IbanNumber: in.IbanNumber})
	return c.empty()
}

func (c *call) knownVatCode(code string) bool {
	for _, v := range c.org.data.VatTypes {
		if strings.EqualFold(v.Code, code) {
			return true
		}
	}
	return false
}

type vatTypeOut struct {
	VatCode, Name string
	VatRate       float64
}

func listVatTypes(c *call) error {
	defer c.lock()()
	out := []vatTypeOut{}
	for _, v := range c.org.data.VatTypes {
		out = append(out, vatTypeOut{v.Code, v.Name, v.Rate})
	}
	return c.ok(out)
}
