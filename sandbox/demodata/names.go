package demodata

var firstNames = []string{
	"Søren", "Mette", "Jørgen", "Anne", "Bjørn", "Lærke", "Søs", "Mads", "Signe", "Frederik",
	"Astrid", "Rasmus", "Ida", "Kåre", "Birgitte", "Jens", "Ærtrud", "Ole", "Karen", "Torben",
	"Sørine", "Niels", "Åse", "Henrik", "Gry", "Bo", "Malene", "Østen", "Camilla", "Troels",
}

var lastNames = []string{
	"Sørensen", "Jørgensen", "Møller", "Kjærgaard", "Frølund", "Højgaard", "Bøgh", "Lærkesen",
	"Thøgersen", "Nørgaard", "Skovgård", "Dahl", "Andersen", "Østergaard", "Ågesen", "Brøndum",
	"Kristensen", "Fænø", "Mølgaard", "Græsbøll",
}

var companyStems = []string{
	"Nørre", "Søndergaard", "Østerbro", "Vesterhavs", "Fjordens", "Åbyhøj", "Bøgeskov", "Kløverløkke",
	"Strandvejens", "Lyngbakke", "Grønnegade", "Havnens", "Æbelø", "Skærbæk", "Rødovre", "Bakkegårds",
	"Fælledens", "Højvangs", "Engtofte", "Møllehus",
}

var companyTrades = []string{
	"Tømrerfirma", "VVS", "Elektrik", "Bageri", "Arkitekter", "Malerfirma", "Rådgivning", "Byggemarked",
	"Boligselskab", "Tandklinik", "Køkkener", "Ejendomme", "Revision", "Blomster", "Isenkram",
	"Kaffebar", "Smedie", "Anlægsgartner", "Friskole", "Gårdbutik",
}

var companyForms = []string{"ApS", "A/S", "I/S", "IVS", "& Søn", "ApS", "A/S", "K/S"}

type place struct{ zip, city string }

var places = []place{
	{"1799", "København V"}, {"2100", "København Ø"}, {"2200", "København N"}, {"2300", "København S"},
	{"2400", "København NV"}, {"2500", "Valby"}, {"2630", "Taastrup"}, {"2800", "Kongens Lyngby"},
	{"3000", "Helsingør"}, {"4000", "Roskilde"}, {"4700", "Næstved"}, {"5000", "Odense C"},
	{"5700", "Svendborg"}, {"6000", "Kolding"}, {"6700", "Esbjerg"}, {"7100", "Vejle"},
	{"7400", "Herning"}, {"8000", "Aarhus C"}, {"8230", "Åbyhøj"}, {"8600", "Silkeborg"},
	{"8800", "Viborg"}, {"9000", "Aalborg"}, {"9400", "Nørresundby"}, {"9800", "Hjørring"},
	{"3700", "Rønne"}, {"6200", "Aabenraa"}, {"4800", "Nykøbing F"}, {"7500", "Holstebro"},
}

var streets = []string{
	"Nørregade", "Søndergade", "Østergade", "Vestergade", "Åboulevarden", "Gærtorvet", "Møllevej",
	"Kærvej", "Skovbrynet", "Rådhuspladsen", "Strandvænget", "Bøgevej", "Æblehaven", "Kløvermarken",
	"Fælledvej", "Højskolevej", "Havnegade", "Lærkevej", "Engdraget", "Tørvemosen",
}

var mailDomains = []string{"mail.dk", "gmail.com", "outlook.dk", "jubii.dk", "live.dk"}

// productRow is a product template: name, unit, price excl. VAT in DKK.
type productRow struct {
	name  string
	unit  string
	price float64
}

var carpenterProducts = []productRow{
	{"Tømrerarbejde, svend", "hours", 495}, {"Tømrerarbejde, lærling", "hours", 295},
	{"Kørsel til og fra byggeplads", "km", 3.79}, {"Terrassebrædder i lærk, 28x120 mm", "metre", 42.5},
	{"Gipsplader, 13 mm", "parts", 89}, {"Isolering, 95 mm bats", "squareMetre", 56},
	{"Montering af køkken", "session", 6500}, {"Udskiftning af vinduer", "parts", 3250},
	{"Tagrender i zink", "metre", 245}, {"Byggeaffald, bortskaffelse", "cubicMetre", 650},
	{"Skruer og beslag, diverse", "box", 129}, {"Gulvafslibning", "squareMetre", 185},
	{"Dør i massiv eg", "parts", 7800}, {"Stillads, leje pr. uge", "week", 1950},
	{"Opsætning af skillevæg", "squareMetre", 720}, {"Tilsyn og rådgivning", "hours", 650},
}

var farmShopProducts = []productRow{
	{"Økologiske æbler, Ingrid Marie", "kilogram", 28}, {"Rugbrød med solsikkekerner", "parts", 42},
	{"Gårdæg, 10 stk.", "box", 38}, {"Honning fra Sønderjylland", "parts", 75},
	{"Grøntsagskasse, stor", "box", 265}, {"Hyldeblomstsaft", "litre", 59},
	{"Kartofler, nye danske", "kilogram", 18}, {"Jordbær, bakke", "parts", 35},
	{"Ost, lagret i 12 måneder", "kilogram", 189}, {"Æblemost, ufiltreret", "litre", 45},
	{"Leverance til café, ugentlig", "shipment", 1450},
}

var designProducts = []productRow{
	{"Logodesign og visuel identitet", "session", 14500}, {"Grafisk opsætning", "hours", 750},
	{"Trykklar PDF, brochure", "parts", 2400}, {"Illustration, helside", "parts", 3900},
	{"Hjemmeside, design af forside", "session", 9800}, {"Korrektur på dansk og engelsk", "hours", 525},
	{"Fotografering, halv dag", "day", 4800}, {"Rettighedslicens, 1 år", "month", 850},
	{"Skiltedesign til butiksfacade", "parts", 5200}, {"Møde og sparring", "hours", 650},
}

var unionProducts = []productRow{
	{"Kontingent, helårligt", "parts", 1200}, {"Leje af fælleshus, weekend", "day", 750},
	{"Vejfond, andel", "parts", 450}, {"Snerydning, andel", "parts", 300},
}

var workshopProducts = []productRow{
	{"Cykelservice, stort eftersyn", "parts", 695}, {"Lapning af slange", "parts", 95},
	{"Ny kæde, montering inkl.", "parts", 349}, {"Ladcykel, udlejning pr. dag", "day", 350},
	{"Bremseklodser, sæt", "set", 189}, {"Værkstedstid", "hours", 450},
}

var invoiceTexts = []string{
	"Arbejde udført jf. aftale", "Levering af varer", "Månedlig fakturering", "Opgave afsluttet",
	"Tilbud accepteret, første rate", "Slutfaktura", "Ekstraarbejde efter aftale", "Løbende levering",
	"Service og vedligehold", "Materialer og arbejdsløn", "Aconto-faktura", "Rådgivning og projektering",
}

var noteTexts = []string{
	"Ringede om betalingsaftale, vender tilbage i næste uge.",
	"Kunden ønsker faktura sendt som EAN fremover.",
	"Mødtes på byggepladsen, alt forløb fint.",
	"Har rykket for betaling, lovede at betale fredag.",
	"Ny kontaktperson i økonomiafdelingen pr. 1. marts.",
	"Ønsker tilbud på udvidelse af opgaven til næste år.",
	"Meget tilfreds med leverancen, kan bruges som reference.",
}

var purchaseTexts = []struct {
	text    string
	account int
	vat     string
}{
	{"Husleje, værksted", 5000, "I25"}, {"El og varme, kvartal", 5100, "I25"},
	{"Mobilabonnement", 6100, "I25"}, {"Regnskabsprogram, årsabonnement", 6200, "I25"},
	{"Kontorartikler fra Bogø Papir", 6000, "I25"}, {"Frokost med kunde", 4100, "IREP"},
	{"Annonce i Ugeavisen", 4000, "I25"}, {"Materialer fra trælasten", 2000, "I25"},
	{"Togbillet, møde i Århus", 7000, "I25"}, {"Forsikring, erhverv", 6400, ""},
}
