package demodata

// Account numbers the generator books on.
const (
	AccountSales       = 1000  // sales with VAT
	AccountSalesNoVat  = 1100  // VAT-free sales (foreningen's contingent)
	AccountDebtors     = 5600  // debitorer
	AccountCreditors   = 6800  // kreditorer
	AccountSalesVat    = 7200  // salgsmoms
	AccountPurchaseVat = 7210  // købsmoms
	AccountBank        = 55000 // default deposit account
)

type accountRow struct {
	number   int
	public   int
	name     string
	vat      string
	category string
	catName  string
}

// kontoplan is a small Danish chart of accounts in Dinero's numbering style.
var kontoplan = []accountRow{
	{1000, 1010, "Salg af varer og ydelser m/moms", "U25", "Turnover", "Omsætning"},
	{1100, 1020, "Salg uden moms", "", "Turnover", "Omsætning"},
	{1200, 1030, "Salg af varer til EU", "UEUV", "Turnover", "Omsætning"},
	{1300, 1040, "Salg af ydelser til udlandet", "UEUY", "Turnover", "Omsætning"},
	{2000, 1310, "Vareforbrug", "I25", "Variable Expenses", "Vareforbrug"},
	{2100, 1320, "Varekøb i EU", "IEUV", "Variable Expenses", "Vareforbrug"},
	{2200, 1330, "Fremmed arbejde", "I25", "Variable Expenses", "Vareforbrug"},
	{3000, 1410, "Lønninger", "", "Salary", "Lønninger"},
	{3100, 1420, "ATP og feriepenge", "", "Salary", "Lønninger"},
	{4000, 1510, "Annoncer og reklame", "I25", "Sales Expenses", "Salgsomkostninger"},
	{4100, 1520, "Repræsentation", "IREP", "Sales Expenses", "Salgsomkostninger"},
	{4200, 1530, "Gaver og blomster", "I25", "Sales Expenses", "Salgsomkostninger"},
	{5000, 1610, "Husleje", "I25", "Property Expenses", "Lokaleomkostninger"},
	{5100, 1620, "El, vand og varme", "I25", "Property Expenses", "Lokaleomkostninger"},
	{5200, 1630, "Rengøring og vedligeholdelse", "I25", "Property Expenses", "Lokaleomkostninger"},
	{6000, 1710, "Kontorartikler og tryksager", "I25", "Administration Expenses", "Administration"},
	{6100, 1720, "Telefon og internet", "I25", "Administration Expenses", "Administration"},
	{6200, 1730, "Software og abonnementer", "I25", "Administration Expenses", "Administration"},
	{6300, 1740, "Revisor og bogføring", "I25", "Administration Expenses", "Administration"},
	{6400, 1750, "Forsikringer", "", "Administration Expenses", "Administration"},
	{6500, 1760, "Porto og gebyrer", "", "Administration Expenses", "Administration"},
	{6600, 1770, "Småanskaffelser", "I25", "Administration Expenses", "Administration"},
	{7000, 1810, "Rejseudgifter", "I25", "Travel Expenses", "Rejser og kørsel"},
	{7100, 1820, "Kørselsgodtgørelse", "", "Travel Expenses", "Rejser og kørsel"},
	{8000, 1910, "Afskrivninger", "", "Depreciation", "Afskrivninger"},
	{9000, 2010, "Renteindtægter", "", "Interest Income", "Renter"},
	{9100, 2020, "Renteudgifter", "", "Interest Expenses", "Renter"},
	{9200, 2030, "Rykkergebyrer", "", "Interest Income", "Renter"},
	{5500, 3110, "Driftsmidler og inventar", "I25", "Property", "Anlægsaktiver"},
	{5600, 3310, "Debitorer", "", "Receivables", "Tilgodehavender"},
	{5700, 3320, "Varelager", "", "Turnover Assets", "Omsætningsaktiver"},
	{6800, 4210, "Kreditorer", "", "Short Term Debt", "Kortfristet gæld"},
	{6900, 4220, "Skyldig A-skat og AM-bidrag", "", "Salary Due", "Skyldig løn"},
	{7200, 4310, "Salgsmoms", "", "Vat Due", "Moms"},
	{7210, 4320, "Købsmoms", "", "Vat Due", "Moms"},
	{7220, 4330, "Moms af varekøb i EU", "", "Vat Due", "Moms"},
	{7300, 4340, "Momsafregning", "", "Vat Due", "Moms"},
	{7500, 5110, "Egenkapital primo", "", "Equity", "Egenkapital"},
	{7600, 5120, "Privat hævet", "", "Equity", "Egenkapital"},
	{7700, 4110, "Banklån", "", "Long Term Debt", "Langfristet gæld"},
}

var vatTypes = []VatType{
	{"U25", "Dansk salgsmoms", 0.25},
	{"I25", "Dansk købsmoms", 0.25},
	{"IREP", "Købsmoms af repræsentation (25 % fradrag)", 0.0625},
	{"IEUV", "Moms af varekøb i EU", 0.25},
	{"IEUY", "Moms af ydelseskøb i EU", 0.25},
	{"UEUV", "Salg af varer til EU (momsfrit)", 0},
	{"UEUY", "Salg af ydelser til EU (momsfrit)", 0},
	{"none", "Ingen moms", 0},
}

var countries = []Country{
	{"DK", "Danmark", "Denmark"}, {"FO", "Færøerne", "Faroe Islands"}, {"GL", "Grønland", "Greenland"},
	{"SE", "Sverige", "Sweden"}, {"NO", "Norge", "Norway"}, {"FI", "Finland", "Finland"},
	{"IS", "Island", "Iceland"}, {"DE", "Tyskland", "Germany"}, {"NL", "Holland", "Netherlands"},
	{"BE", "Belgien", "Belgium"}, {"FR", "Frankrig", "France"}, {"ES", "Spanien", "Spain"},
	{"IT", "Italien", "Italy"}, {"AT", "Østrig", "Austria"}, {"CH", "Schweiz", "Switzerland"},
	{"PL", "Polen", "Poland"}, {"EE", "Estland", "Estonia"}, {"LV", "Letland", "Latvia"},
	{"LT", "Litauen", "Lithuania"}, {"IE", "Irland", "Ireland"}, {"GB", "Storbritannien", "United Kingdom"},
	{"US", "USA", "United States"},
}

// chartOfAccounts returns the organization's accounts; a VAT-free
// organization books sales without VAT codes.
func chartOfAccounts(vatFree bool) []Account {
	out := make([]Account, 0, len(kontoplan))
	for _, r := range kontoplan {
		a := Account{
			Number: r.number, PublicStandardNumber: r.public, Name: r.name, VatCode: r.vat,
			Category: r.category, CategoryName: r.catName,
			IsDefaultSales: r.number == AccountSales,
		}
		if vatFree {
			a.VatCode = ""
			a.IsDefaultSales = r.number == AccountSalesNoVat
		}
		out = append(out, a)
	}
	return out
}

func depositAccounts(bankReg string, accountNo string) []DepositAccount {
	return []DepositAccount{
		{Number: AccountBank, Name: "Bankkonto", IsDefault: true, RegistrationNumber: bankReg,
			AccountNumber: accountNo, SwiftNumber: "DABADKKK", IbanNumber: "DK50" + bankReg + accountNo},
		{Number: 55100, Name: "Opsparingskonto", RegistrationNumber: bankReg, AccountNumber: "4" + accountNo[1:]},
		{Number: 55200, Name: "Kontantkasse"},
	}
}

func accountingYears() []AccountingYear {
	return []AccountingYear{
		{"2024", "2024-01-01", "2024-12-31", "None"},
		{"2025", "2025-01-01", "2025-12-31", "None"},
		{"2026", "2026-01-01", "2026-12-31", "None"},
	}
}
