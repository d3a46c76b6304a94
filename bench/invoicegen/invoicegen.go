// Package invoicegen writes large, deterministic invoice lists shaped like
// the answer of Dinero's invoice endpoints ({"Collection":[...],
// "Pagination":{...}}), for benchmarking the JSON viewer.
package invoicegen

import (
	"bufio"
	"fmt"
	"io"
	"math/rand/v2"
	"strconv"
)

var (
	customers = []string{"Nordlys Regnskab ApS", "Havnens Bageri I/S", "Fjord & Co. A/S", "Københavns Cykler", "Østerbro Tømrer ApS", "Jysk Kaffe", "Lærkegården", "Møller \"Mester\" Smed", "Café Ørsted", "Sønderjysk Transport"}
	products  = []string{"Konsulenttimer", "Licens, årlig", "Kaffebønner 1 kg", "Reparation", "Fragt", "Rådgivning", "Support-aftale", "Montering"}
	statuses  = []string{"Draft", "Booked", "Paid", "OverPaid", "Overdue"}
	units     = []string{"hours", "parts", "km", "day", "week", "month", "kilogram"}
)

// Write writes an invoice list of about size bytes to w and returns how many
// invoices it holds. The same seed always gives the same bytes.
func Write(w io.Writer, size int64, seed uint64) (int, error) {
	bw := bufio.NewWriterSize(w, 1<<20)
	cw := &countingWriter{w: bw}
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	buf := make([]byte, 0, 8<<10)
	if _, err := io.WriteString(cw, `{"Collection":[`); err != nil {
		return 0, err
	}
	n := 0
	for ; cw.n < size-200 || n == 0; n++ {
		buf = buf[:0]
		if n > 0 {
			buf = append(buf, ',')
		}
		buf = appendInvoice(buf, rng, n)
		if _, err := cw.Write(buf); err != nil {
			return n, err
		}
	}
	tail := fmt.Sprintf(`],"Pagination":{"MaxPageSizeAllowed":1000,"PageSize":%d,"Result":%d,"ResultWithoutFilter":%d,"Page":0}}`, n, n, n)
	if _, err := io.WriteString(cw, tail+"\n"); err != nil {
		return n, err
	}
	return n, bw.Flush()
}

type countingWriter struct {
	w io.Writer
	n int64
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

func appendInvoice(b []byte, rng *rand.Rand, n int) []byte {
	day := 1 + n%28
	month := 1 + (n/28)%12
	date := fmt.Sprintf("2024-%02d-%02d", month, day)
	contact := rng.IntN(len(customers))
	lines := 1 + rng.IntN(4)
	total := 0.0
	b = append(b, `{"Guid":"`...)
	b = appendGuid(b, rng)
	b = append(b, `","Number":`...)
	b = strconv.AppendInt(b, int64(n+1), 10)
	b = appendStr(b, "ContactName", customers[contact])
	b = append(b, `,"ContactGuid":"`...)
	b = appendGuid(b, rng)
	b = append(b, '"')
	b = appendStr(b, "Date", date)
	b = appendStr(b, "PaymentDate", date)
	b = appendStr(b, "Description", "Faktura "+strconv.Itoa(n+1))
	b = appendStr(b, "Currency", "DKK")
	b = appendStr(b, "Language", "da-DK")
	b = appendStr(b, "Status", statuses[rng.IntN(len(statuses))])
	b = appendStr(b, "PaymentStatus", "Unpaid")
	b = appendStr(b, "MailOutStatus", "NotSent")
	b = append(b, `,"LatestMailOutType":null,"ExternalReference":null,"Comment":null,"IsSentToDebtCollection":false,"IsMobilePayInvoiceEnabled":false,"IsPensoPayEnabled":false,"ShowLinesInclVat":false,"PaymentConditionNumberOfDays":8`...)
	b = appendStr(b, "PaymentConditionType", "Netto")
	b = append(b, `,"InvoiceTemplateId":"`...)
	b = appendGuid(b, rng)
	b = append(b, `","ProductLines":[`...)
	for i := 0; i < lines; i++ {
		if i > 0 {
			b = append(b, ',')
		}
		qty := float64(1 + rng.IntN(20))
		price := float64(rng.IntN(200000)) / 100
		total += qty * price
		b = append(b, `{"ProductGuid":"`...)
		b = appendGuid(b, rng)
		b = append(b, '"')
		b = appendStr(b, "Description", products[rng.IntN(len(products))])
		b = appendStr(b, "Comments", "")
		b = appendNum(b, "Quantity", qty)
		b = appendNum(b, "AccountNumber", 1000)
		b = appendStr(b, "AccountName", "Salg af varer/ydelser m/moms")
		b = appendStr(b, "Unit", units[rng.IntN(len(units))])
		b = appendNum(b, "Discount", 0)
		b = appendStr(b, "LineType", "Product")
		b = appendNum(b, "BaseAmountValue", price)
		b = appendNum(b, "BaseAmountValueInclVat", price*1.25)
		b = appendNum(b, "TotalAmount", qty*price)
		b = appendNum(b, "TotalAmountInclVat", qty*price*1.25)
		b = append(b, '}')
	}
	b = append(b, `],"Address":"Vestergade 1\n8000 Aarhus C"`...)
	b = appendNum(b, "TotalExclVat", total)
	b = appendNum(b, "TotalVatableAmount", total)
	b = appendNum(b, "TotalVat", total*0.25)
	b = appendNum(b, "TotalInclVat", total*1.25)
	b = appendNum(b, "TotalNonVatableAmount", 0)
	b = appendNum(b, "TotalLines", total)
	b = append(b, `,"FikCode":null,"DepositAccountNumber":55000`...)
	stamp := date + "T10:" + fmt.Sprintf("%02d:%02d", n%60, (n/60)%60) + "Z"
	b = appendStr(b, "CreatedAt", stamp)
	b = appendStr(b, "UpdatedAt", stamp)
	b = append(b, `,"DeletedAt":null,"TimeStamp":"`...)
	b = strconv.AppendUint(b, rng.Uint64()>>16, 16)
	return append(b, `"}`...)
}

func appendStr(b []byte, k, v string) []byte {
	b = append(b, ',', '"')
	b = append(b, k...)
	b = append(b, `":`...)
	return appendJSONString(b, v)
}

// appendJSONString quotes v as JSON (the inputs here need only \" and \\).
func appendJSONString(b []byte, v string) []byte {
	b = append(b, '"')
	for i := 0; i < len(v); i++ {
		if v[i] == '"' || v[i] == '\\' {
			b = append(b, '\\')
		}
		b = append(b, v[i])
	}
	return append(b, '"')
}

func appendNum(b []byte, k string, v float64) []byte {
	b = append(b, `,"`...)
	b = append(b, k...)
	b = append(b, `":`...)
	return strconv.AppendFloat(b, v, 'f', -1, 64)
}

func appendGuid(b []byte, rng *rand.Rand) []byte {
	const hex = "0123456789abcdef"
	for i := 0; i < 32; i++ {
		if i == 8 || i == 12 || i == 16 || i == 20 {
			b = append(b, '-')
		}
		b = append(b, hex[rng.IntN(16)])
	}
	return b
}
