package dinero

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/dinero-tui/dinero-tui/sandbox/demodata"
)

type contact = *demodata.Contact

var contactSchema = newSchema(
	column[contact]{"ContactGuid", func(c contact) any { return c.Guid }},
	column[contact]{"CreatedAt", func(c contact) any { return isoTime(c.CreatedAt) }},
	column[contact]{"UpdatedAt", func(c contact) any { return isoTime(c.UpdatedAt) }},
	column[contact]{"DeletedAt", func(c contact) any { return isoTimePtr(c.DeletedAt) }},
	column[contact]{"IsDebitor", func(c contact) any { return c.IsDebitor }},
	column[contact]{"IsCreditor", func(c contact) any { return c.IsCreditor }},
	column[contact]{"CompanyStatus", func(c contact) any { return nullStr(c.CompanyStatus) }},
	column[contact]{"VatRegionKey", func(c contact) any { return nullStr(c.VatRegionKey) }},
	column[contact]{"ExternalReference", func(c contact) any { return nullStr(c.ExternalReference) }},
	column[contact]{"Name", func(c contact) any { return c.Name }},
	column[contact]{"Street", func(c contact) any { return nullStr(c.Street) }},
	column[contact]{"ZipCode", func(c contact) any { return nullStr(c.ZipCode) }},
	column[contact]{"City", func(c contact) any { return nullStr(c.City) }},
	column[contact]{"CountryKey", func(c contact) any { return c.CountryKey }},
	column[contact]{"Phone", func(c contact) any { return nullStr(c.Phone) }},
	column[contact]{"Email", func(c contact) any { return nullStr(c.Email) }},
	column[contact]{"Webpage", func(c contact) any { return nullStr(c.Webpage) }},
	column[contact]{"AttPerson", func(c contact) any { return nullStr(c.AttPerson) }},
	column[contact]{"VatNumber", func(c contact) any { return nullStr(c.VatNumber) }},
	column[contact]{"EanNumber", func(c contact) any { return nullStr(c.EanNumber) }},
	column[contact]{"SENumber", func(c contact) any { return nullStr(c.SENumber) }},
	column[contact]{"PNumber", func(c contact) any { return nullStr(c.PNumber) }},
	column[contact]{"PaymentConditionType", func(c contact) any { return nullStr(c.PaymentConditionType) }},
	column[contact]{"PaymentConditionNumberOfDays", func(c contact) any { return c.PaymentConditionNumberOfDays }},
	column[contact]{"IsPerson", func(c contact) any { return c.IsPerson }},
	column[contact]{"IsMember", func(c contact) any { return c.IsMember }},
	column[contact]{"MemberNumber", func(c contact) any { return nullStr(c.MemberNumber) }},
	column[contact]{"UseCvr", func(c contact) any { return c.UseCvr }},
	column[contact]{"CompanyTypeKey", func(c contact) any { return nullStr(c.CompanyTypeKey) }},
	column[contact]{"InvoiceMailOutOptionKey", func(c contact) any { return nullStr(c.InvoiceMailOutOptionKey) }},
	column[contact]{"PreferredInvoiceLanguageKey", func(c contact) any { return nullStr(c.PreferredLanguage) }},
	column[contact]{"PreferredInvoiceCurrencyKey", func(c contact) any { return nullStr(c.PreferredCurrency) }},
)

// contactListFields is every property of ContactReadModel: the list's
// parameter description names fewer, but its schema requires IsDebitor,
// IsCreditor and UseCvr, and the reference lists them all (the schema wins).
var contactListFields = contactSchema

var contactFilterFields = []string{"ExternalReference", "Name", "Email", "VatNumber", "EanNumber", "IsPerson", "Phone"}

func contactFilterValue(c contact) func(string) string {
	return func(field string) string {
		switch field {
		case "ExternalReference":
			return c.ExternalReference
		case "Name":
			return c.Name
		case "Email":
			return c.Email
		case "VatNumber":
			return c.VatNumber
		case "EanNumber":
			return c.EanNumber
		case "IsPerson":
			return strconv.FormatBool(c.IsPerson)
		case "Phone":
			return c.Phone
		}
		return ""
	}
}

func listContactsV1(c *call) error { return listContacts(c, liveOnly) }
func listContactsV2(c *call) error { return listContacts(c, liveAndDeleted) }

func listContacts(c *call, whenAbsent deletedMode) error {
	q := c.r.URL.Query()
	lq, err := parseListQuery(q, whenAbsent, contactFilterFields)
	if err != nil {
		return err
	}
	cols := contactListFields.pick(q.Get("fields"), "name,contactGuid")
	defer c.lock()()
	var match []contact
	for _, ct := range c.org.data.Contacts {
		if lq.keeps(&ct.Stamps, contactFilterValue(ct)) {
			match = append(match, ct)
		}
	}
	from, to := lq.pg.window(len(match))
	return c.writeRaw(http.StatusOK, collectionJSON(cols, match[from:to], lq.pg, len(match)))
}

func getContact(c *call) error {
	defer c.lock()()
	ct, err := findAny(c, c.org.contacts, contactRef)
	if err != nil {
		return err
	}
	return c.writeRaw(http.StatusOK, objectJSON(contactSchema, ct))
}

// contactIn is ContactCreateModel / ContactUpdateModel.
type contactIn struct {
	ContactGuid                  *string
	ExternalReference            string
	Name                         *string
	Street, ZipCode, City        string
	CountryKey                   *string
	Phone, Email, Webpage        string
	AttPerson                    string
	VatNumber, EanNumber         string
	SENumber, PNumber            string
	PaymentConditionType         *string
	PaymentConditionNumberOfDays *int
	IsPerson, IsMember, UseCvr   *bool
	MemberNumber                 string
	CompanyTypeKey               string
	InvoiceMailOutOptionKey      string
	PreferredInvoiceLanguageKey  string
	PreferredInvoiceCurrencyKey  string
}

func (in *contactIn) validate(c *call) *apiError {
	switch {
	case in.Name == nil || strings.TrimSpace(*in.Name) == "":
		return invalid("Name", "Name is required.")
	case in.CountryKey == nil || !c.knownCountry(*in.CountryKey):
		return invalid("CountryKey", "CountryKey is required and must be a country key from /v1/countries, e.g. DK.")
	case in.IsPerson == nil:
		return invalid("IsPerson", "IsPerson is required.")
	case in.IsMember == nil:
		return invalid("IsMember", "IsMember is required.")
	case in.UseCvr == nil:
		return invalid("UseCvr", "UseCvr is required.")
	case len(in.ExternalReference) > 128:
		return invalid("ExternalReference", "ExternalReference can be at most 128 characters.")
	}
	if in.PaymentConditionType != nil {
		switch *in.PaymentConditionType {
		case "Netto", "NettoCash", "CurrentMonthOut":
		default:
			return invalid("PaymentConditionType", "PaymentConditionType must be Netto, NettoCash or CurrentMonthOut.")
		}
	}
	if in.CompanyTypeKey != "" && canonical(in.CompanyTypeKey, companyTypes...) == "" {
		return invalid("CompanyTypeKey", "CompanyTypeKey must be one of: "+strings.Join(companyTypes, ", ")+".")
	}
	if in.PreferredInvoiceCurrencyKey != "" {
		if _, ok := dkkRate[strings.ToUpper(in.PreferredInvoiceCurrencyKey)]; !ok {
			return invalid("PreferredInvoiceCurrencyKey", "PreferredInvoiceCurrencyKey must be a currency code Dinero knows, such as DKK or EUR.")
		}
	}
	if in.PaymentConditionNumberOfDays != nil && *in.PaymentConditionNumberOfDays < 0 {
		return invalid("PaymentConditionNumberOfDays", "PaymentConditionNumberOfDays cannot be negative.")
	}
	return nil
}

func (c *call) knownCountry(key string) bool {
	for _, k := range c.s.cfg.Data.Countries {
		if k.Key == strings.ToUpper(key) {
			return true
		}
	}
	return false
}

// apply copies the model onto ct (a full replace of the writable fields).
func (in *contactIn) apply(ct contact) {
	ct.Name, ct.CountryKey = strings.TrimSpace(*in.Name), strings.ToUpper(*in.CountryKey)
	ct.IsPerson, ct.IsMember, ct.UseCvr = *in.IsPerson, *in.IsMember, *in.UseCvr
	ct.ExternalReference, ct.Street, ct.ZipCode, ct.City = in.ExternalReference, in.Street, in.ZipCode, in.City
	ct.Phone, ct.Email, ct.Webpage, ct.AttPerson = in.Phone, in.Email, in.Webpage, in.AttPerson
	ct.VatNumber, ct.EanNumber, ct.SENumber, ct.PNumber = in.VatNumber, in.EanNumber, in.SENumber, in.PNumber
	ct.PaymentConditionType, ct.PaymentConditionNumberOfDays = "Netto", 8
	if in.PaymentConditionType != nil {
		ct.PaymentConditionType = *in.PaymentConditionType
	}
	if in.PaymentConditionNumberOfDays != nil {
		ct.PaymentConditionNumberOfDays = *in.PaymentConditionNumberOfDays
	}
	ct.MemberNumber, ct.CompanyTypeKey, ct.InvoiceMailOutOptionKey = in.MemberNumber, canonical(in.CompanyTypeKey, companyTypes...), in.InvoiceMailOutOptionKey
	ct.PreferredLanguage, ct.PreferredCurrency = in.PreferredInvoiceLanguageKey, in.PreferredInvoiceCurrencyKey
	ct.VatRegionKey = "World"
	switch {
	case ct.CountryKey == "DK":
		ct.VatRegionKey = "DK"
	case euCountries[ct.CountryKey]:
		ct.VatRegionKey = "EU"
	}
}

// companyTypes are the documented CompanyTypeKey values.
var companyTypes = []string{"EmptyCompanyType", "SoleProprietorship", "PrivateLimitedCompany", "PublicLimitedCompany",
	"GeneralPartnership", "LimitedPartnership", "LimitedLiabilityCooperative", "LimitedLiabilityVoluntaryAssociation",
	"LimitedLiabilityCompany", "EntreprenurLimitedCompany", "Union", "VoluntaryUnion", "SmallPersonallyOwnedCompany",
	"TrustFund", "Others"}

var euCountries = map[string]bool{"SE": true, "FI": true, "DE": true, "NL": true, "BE": true, "FR": true, "ES": true,
	"IT": true, "AT": true, "PL": true, "EE": true, "LV": true, "LT": true, "IE": true}

type contactCreated struct{ ContactGuid string }

func createContact(c *call) error {
	var in contactIn
	if err := decodeBody(c, &in, false); err != nil {
		return err
	}
	defer c.lock()()
	if err := in.validate(c); err != nil {
		return err
	}
	g := newGUID()
	if in.ContactGuid != nil && *in.ContactGuid != "" {
		var ok bool
		if g, ok = lookupGUID(*in.ContactGuid); !ok {
			return invalid("ContactGuid", "ContactGuid must be a GUID.")
		}
		if c.org.contacts[g] != nil {
			return invalid("ContactGuid", "A contact with this ContactGuid already exists.")
		}
	}
	ct := &demodata.Contact{Guid: g, IsDebitor: true, Stamps: c.created()}
	in.apply(ct)
	store(&c.org.data.Contacts, c.org.contacts, g, ct)
	return c.ok(contactCreated{g})
}

func updateContact(c *call) error { return replaceLive(c, &contactIn{}, c.org.contacts, contactRef) }

func deleteContact(c *call) error { return deleteLive(c, c.org.contacts, contactRef) }

func restoreContact(c *call) error {
	defer c.lock()()
	ct, err := findAny(c, c.org.contacts, contactRef)
	if err != nil {
		return err
	}
	if !ct.IsDeleted() {
		return invalid("guid", "The contact is not deleted, so there is nothing to restore.")
	}
	ct.DeletedAt, ct.UpdatedAt = nil, c.now.UTC()
	return c.empty()
}
