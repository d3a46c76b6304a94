package demodata

import (
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
	"time"
)

// DefaultInvoices is the number of invoices of the main organization when
// Generate is called with size 0.
const DefaultInvoices = 60

// Organization ids of the demo data.
const (
	OrgCarpenter = 104871 // paying Pro, the large one
	OrgFarmShop  = 104872 // Pro on a trial (not paying)
	OrgDesign    = 104873 // paying Pro
	OrgUnion     = 104874 // a forening without Pro
	OrgForeign   = 209911 // Pro, but only the other user reaches it
)

type orgSpec struct {
	id                     int
	name, companyType      string
	street, zip, city      string
	att, email, phone, web string
	vat                    string
	sub                    Subscription
	vatFree, union         bool
	products               []productRow
	invoices, contacts     int
}

// Generate builds the demo data for seed. size scales the number of invoices
// of the main organization (0 means DefaultInvoices); the other organizations
// grow more slowly.
func Generate(seed int64, size int) *Dataset {
	if size <= 0 {
		size = DefaultInvoices
	}
	g := &generator{r: rand.New(rand.NewPCG(uint64(seed), 0x9e3779b97f4a7c15)), ds: &Dataset{Seed: seed, NextTimeStamp: 0x2A5E0}}
	g.day0 = Anchor.AddDate(-2, 0, -Anchor.YearDay()+1)
	g.days = dayStrings(g.day0, Anchor.AddDate(0, 3, 0))
	side := clamp(size/40, 20, 2500)
	specs := []orgSpec{
		{OrgCarpenter, "Kjærgård Tømrer & Snedker ApS", "PrivateLimitedCompany", "Skovbrynet 14", "8230", "Åbyhøj",
			"Åse Kjærgård Sørensen", "kontor@kjaergaard-toemrer.dk", "86 15 42 90", "kjaergaard-toemrer.dk", "",
			Subscription{HasPro: true, HasPayingPro: true}, false, false, carpenterProducts, size, clamp(40+size/250, 40, 1500)},
		{OrgFarmShop, "Søndergaard Økologiske Gårdbutik I/S", "GeneralPartnership", "Møllevej 3", "6200", "Aabenraa",
			"Åse Kjærgård Sørensen", "hej@soendergaard-gaardbutik.dk", "74 62 18 05", "soendergaard-gaardbutik.dk", "",
			Subscription{HasPro: true}, false, false, farmShopProducts, side, 25},
		{OrgDesign, "Ærø Grafisk Design v/Åse Sørensen", "SoleProprietorship", "Havnegade 8", "5700", "Svendborg",
			"Åse Kjærgård Sørensen", "studie@aeroe-grafisk.dk", "62 21 77 40", "aeroe-grafisk.dk", "",
			Subscription{HasPro: true, HasPayingPro: true, HasTotal: true}, false, false, designProducts, side, 20},
		{OrgUnion, "Grundejerforeningen Æblehaven", "Association", "Æblehaven 1", "4000", "Roskilde",
			"Åse Kjærgård Sørensen", "bestyrelsen@aeblehaven.dk", "46 35 12 12", "", "",
			Subscription{}, true, true, unionProducts, 12, 15},
		{OrgForeign, "Nørrebro Cykelværksted ApS", "PrivateLimitedCompany", "Nørrebrogade 212", "2200", "København N",
			"Mads Bøgh Frølund", "vaerksted@noerrebro-cykler.dk", "35 85 11 22", "noerrebro-cykler.dk", "",
			Subscription{HasPro: true, HasPayingPro: true}, false, false, workshopProducts, 20, 15},
	}
	for _, s := range specs {
		g.ds.Organizations = append(g.ds.Organizations, g.organization(s))
	}
	g.ds.Users = []User{
		{Sub: DemoUserSub, Name: "Åse Kjærgård Sørensen", Email: "aase@kjaergaard-toemrer.dk",
			OrganizationIDs: []int{OrgCarpenter, OrgFarmShop, OrgDesign, OrgUnion}},
		{Sub: OtherUserSub, Name: "Mads Bøgh Frølund", Email: "mads@noerrebro-cykler.dk",
			OrganizationIDs: []int{OrgForeign}},
	}
	g.ds.Countries = append([]Country(nil), countries...)
	return g.ds
}

type generator struct {
	r    *rand.Rand
	ds   *Dataset
	days []string // YYYY-MM-DD per day from days[0]
	day0 time.Time
}

func (g *generator) organization(s orgSpec) *Organization {
	o := &Organization{
		ID: s.id, Name: s.name, Type: "Default", CompanyTypeKey: s.companyType, RoleKey: "Owner",
		Email: s.email, Phone: s.phone, Street: s.street, City: s.city, ZipCode: s.zip,
		AttPerson: s.att, VatNumber: "DK" + g.cvr(), CountryKey: "DK", Website: s.web,
		IsVatFree: s.vatFree, IsTaxFreeUnion: s.union, Subscription: s.sub,
		AccountingYears: accountingYears(), Accounts: chartOfAccounts(s.vatFree),
		DepositAccounts: depositAccounts(strconv.Itoa(1000+g.r.IntN(9000)), strconv.Itoa(1000000000+g.r.IntN(899999999))),
		VatTypes:        append([]VatType(nil), vatTypes...),
	}
	if s.union {
		o.VatNumber = ""
	}
	for i := 0; i < s.contacts; i++ {
		o.Contacts = append(o.Contacts, g.contact(i, s.union))
	}
	for i, p := range s.products {
		o.Products = append(o.Products, g.product(i, p, s.vatFree, i == len(s.products)-1 && len(s.products) > 5))
	}
	g.files(o)
	g.invoices(o, s.invoices)
	g.creditNotes(o)
	g.purchases(o)
	g.manuals(o)
	g.salesExtras(o, s.invoices)
	return o
}

func (g *generator) stamp() uint64 {
	g.ds.NextTimeStamp++
	return g.ds.NextTimeStamp
}

func (g *generator) guid() string {
	const hexd = "0123456789abcdef"
	a, b := g.r.Uint64(), g.r.Uint64()
	b = b&^(0xf<<60) | 4<<60 // version 4 nibble placed in the third group below
	var buf [36]byte
	j := 0
	for i := 0; i < 32; i++ {
		if i == 8 || i == 12 || i == 16 || i == 20 {
			buf[j] = '-'
			j++
		}
		var nib uint64
		if i < 16 {
			nib = a >> (60 - 4*uint(i)) & 0xf
		} else {
			nib = b >> (60 - 4*uint(i-16)) & 0xf
		}
		if i == 12 {
			nib = 4
		}
		if i == 16 {
			nib = 8 | nib&3
		}
		buf[j] = hexd[nib]
		j++
	}
	return string(buf[:])
}

// cvr returns an 8-digit number that passes the CVR modulus-11 check.
func (g *generator) cvr() string {
	weights := [8]int{2, 7, 6, 5, 4, 3, 2, 1}
	for {
		d := [8]int{1 + g.r.IntN(9)}
		sum := d[0] * weights[0]
		for i := 1; i < 7; i++ {
			d[i] = g.r.IntN(10)
			sum += d[i] * weights[i]
		}
		last := (11 - sum%11) % 11
		if last == 10 {
			continue
		}
		d[7] = last
		b := make([]byte, 8)
		for i, x := range d {
			b[i] = byte('0' + x)
		}
		return string(b)
	}
}

func (g *generator) phone() string {
	n := 20000000 + g.r.IntN(79999999)
	s := strconv.Itoa(n)
	return s[0:2] + " " + s[2:4] + " " + s[4:6] + " " + s[6:8]
}

func (g *generator) pick(list []string) string { return list[g.r.IntN(len(list))] }

func (g *generator) contact(i int, union bool) *Contact {
	pl := places[g.r.IntN(len(places))]
	c := &Contact{
		Guid: g.guid(), CountryKey: "DK", IsDebitor: true, VatRegionKey: "DK",
		Street: g.pick(streets) + " " + strconv.Itoa(1+g.r.IntN(180)), ZipCode: pl.zip, City: pl.city,
		Phone: "+45 " + g.phone(), PaymentConditionType: "Netto", PaymentConditionNumberOfDays: []int{8, 14, 30}[g.r.IntN(3)],
		PreferredLanguage: "da", PreferredCurrency: "DKK",
	}
	created := Anchor.AddDate(0, 0, -700+g.r.IntN(600)).Add(time.Duration(g.r.IntN(36000)) * time.Second)
	c.CreatedAt, c.UpdatedAt = created, created
	if union || g.r.IntN(10) < 3 {
		first, last := g.pick(firstNames), g.pick(lastNames)
		c.Name, c.IsPerson = first+" "+last, true
		c.Email = asciiSlug(first) + "." + asciiSlug(last) + "@" + g.pick(mailDomains)
		if union {
			c.IsMember, c.MemberNumber = true, "M-"+strconv.Itoa(101+i)
			c.PaymentConditionType, c.PaymentConditionNumberOfDays = "CurrentMonthOut", 0
		}
	} else {
		stem, trade := g.pick(companyStems), g.pick(companyTrades)
		c.Name = stem + " " + trade + " " + g.pick(companyForms)
		c.VatNumber, c.UseCvr, c.CompanyStatus = g.cvr(), true, "normal"
		c.CompanyTypeKey = "PrivateLimitedCompany"
		c.Email = "faktura@" + asciiSlug(stem) + "-" + asciiSlug(trade) + ".dk"
		c.Webpage = asciiSlug(stem) + "-" + asciiSlug(trade) + ".dk"
		c.AttPerson = g.pick(firstNames) + " " + g.pick(lastNames)
		c.IsCreditor = g.r.IntN(4) == 0
		if g.r.IntN(8) == 0 {
			c.EanNumber = "579" + strconv.Itoa(1000000000+g.r.IntN(899999999))
			c.InvoiceMailOutOptionKey, c.CompanyTypeKey = "GLN", "PublicInstitution"
		}
	}
	if g.r.IntN(6) == 0 {
		c.ExternalReference = "CRM-" + strconv.Itoa(10000+i)
	}
	for n := g.r.IntN(3); n > 0 && i%3 == 0; n-- {
		c.Notes = append(c.Notes, g.note(created))
	}
	if i == 7 || i == 13 { // a couple of deleted contacts for deletedOnly
		c.MarkDeleted(created.AddDate(0, 2, 0))
	}
	return c
}

func (g *generator) note(after time.Time) *Note {
	at := after.AddDate(0, 0, 1+g.r.IntN(200))
	return &Note{ID: g.guid(), NoteDate: at, AuthorName: "Åse Kjærgård Sørensen",
		AuthorEmail: "aase@kjaergaard-toemrer.dk", Text: g.pick(noteTexts),
		Stamps: NewStamps(at)}
}

func (g *generator) product(i int, p productRow, vatFree, deleted bool) *Product {
	created := Anchor.AddDate(-2, 0, g.r.IntN(300))
	acc := AccountSales
	if vatFree {
		acc = AccountSalesNoVat
	}
	pr := &Product{Guid: g.guid(), ProductNumber: strconv.Itoa(1001 + i), Name: p.name,
		BaseAmountValue: p.price, Quantity: 1, AccountNumber: acc, Unit: p.unit,
		Stamps: NewStamps(created)}
	if deleted {
		pr.MarkDeleted(created.AddDate(1, 0, 0))
	}
	return pr
}

func (g *generator) files(o *Organization) {
	for i := 0; i < 6; i++ {
		// Uploaded on the morning of the purchase voucher it is attached to
		// (see purchases), before that voucher was made.
		at := g.day0.AddDate(0, 0, len(g.days)-100-25*i).Add(7*time.Hour + time.Duration(g.r.IntN(10000))*time.Second)
		name := "kvittering-" + at.Format("2006-01-02") + ".pdf"
		ext := "pdf"
		if i%3 == 2 {
			name, ext = "bilag-"+strconv.Itoa(i)+".jpg", "jpg"
		}
		o.Files = append(o.Files, &File{Guid: g.fileID(), Name: name, Extension: ext, UploadedAt: at,
			UploadedBy: o.AttPerson, Archived: true,
			Content: []byte("%PDF-1.4\n% Demo-bilag fra " + o.Name + "\n%%EOF\n")})
	}
}

// fileID returns an id shaped like Dinero's file ids: "web" and 29 base-36 characters.
func (g *generator) fileID() string { return NewFileID(g.r) }

// NewFileID returns a Dinero-style file id drawn from r.
func NewFileID(r *rand.Rand) string {
	const alphabet = "0123456789abcdefghijklmnopqrstuvwxyz"
	b := []byte("web")
	for i := 0; i < 29; i++ {
		b = append(b, alphabet[r.IntN(len(alphabet))])
	}
	return string(b)
}

// Round2 rounds a DKK amount to whole øre.
func Round2(x float64) float64 { return math.Round(x*100) / 100 }

func clamp(v, lo, hi int) int { return max(lo, min(v, hi)) }

func asciiSlug(s string) string {
	r := strings.NewReplacer("æ", "ae", "ø", "oe", "å", "aa", "Æ", "ae", "Ø", "oe", "Å", "aa", " ", "-", "&", "og", "/", "")
	return strings.ToLower(r.Replace(s))
}

func dayStrings(from, to time.Time) []string {
	var out []string
	for d := from; !d.After(to); d = d.AddDate(0, 0, 1) {
		out = append(out, d.Format("2006-01-02"))
	}
	return out
}
