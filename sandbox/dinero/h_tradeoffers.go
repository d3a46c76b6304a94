package dinero

import (
	"net/http"
	"sort"
	"strconv"
	"strings"

	"github.com/dinero-tui/dinero-tui/sandbox/demodata"
)

var tradeOfferRef = entityRef{"guid", "trade offer", "trade offer"}

// tradeView renders a trade offer (TradeOfferReadModel).
type tradeView struct {
	ivw
	to   *demodata.TradeOffer
	mail any // LatestMailOutType
}

func (c *call) tradeView(to *demodata.TradeOffer) tradeView {
	return tradeView{ivw: invoiceView{o: c.org.data, inv: &to.Invoice, today: c.today()}, to: to,
		mail: c.latestMailType(to.Guid)}
}

type historyOut struct {
	Status                  string
	UpdatedAt               any
	TradeOfferEmailSentAt   any
	ConfirmationEmailSentAt any
	TotalInclVat            float64
	Currency                string
}

func (v tradeView) history() []historyOut {
	h := historyOut{Status: v.to.Status, UpdatedAt: isoTime(v.to.UpdatedAt), TotalInclVat: v.to.TotalInclVat,
		Currency: v.to.Currency}
	if v.to.MailOutStatus == "Sent" {
		h.TradeOfferEmailSentAt = isoTime(v.to.UpdatedAt)
	}
	return []historyOut{h}
}

var tradeOfferSchema = func() *schema[tradeView] {
	cols := []column[tradeView]{
		{"HasGeneratedAnyVouchers", func(v tradeView) any { return len(v.to.GeneratedVouchers) > 0 }},
		{"ContactGuid", func(v tradeView) any { return nullStr(v.to.ContactGuid) }},
		{"Status", func(v tradeView) any { return v.to.Status }},
		{"MailOutStatus", func(v tradeView) any { return nullStr(v.to.MailOutStatus) }},
		{"LatestMailOutType", func(v tradeView) any { return v.mail }},
		{"GeneratedVouchers", func(v tradeView) any { return append([]string{}, v.to.GeneratedVouchers...) }},
		{"History", func(v tradeView) any { return v.history() }},
	}
	for _, col := range invoiceSchema.only("Guid", "TimeStamp", "CreatedAt", "UpdatedAt", "DeletedAt", "Number",
		"ContactName", "ShowLinesInclVat", "TotalExclVat", "TotalVatableAmount", "TotalInclVat", "TotalNonVatableAmount",
		"TotalVat", "TotalLines", "InvoiceTemplateId", "Currency", "Language", "ExternalReference", "Description",
		"Comment", "Date", "ProductLines", "Address").cols {
		get := col.get
		cols = append(cols, column[tradeView]{col.name, func(v tradeView) any { return get(v.ivw) }})
	}
	return newSchema(cols...)
}()

// tradeOfferListSchema holds the fields a list may ask for (no lines or totals lines).
var tradeOfferListSchema = tradeOfferSchema.only("Number", "Guid", "TimeStamp", "ContactName", "ContactGuid", "Address",
	"Date", "Comment", "Description", "ExternalReference", "Language", "Currency", "TotalExclVat", "TotalVatableAmount",
	"TotalInclVat", "TotalNonVatableAmount", "TotalVat", "HasGeneratedAnyVouchers", "Status", "MailOutStatus",
	"LatestMailOutType", "CreatedAt", "UpdatedAt", "DeletedAt")

var tradeOfferFilterFields = []string{"ExternalReference", "ContactName", "Address", "Comment", "Description",
	"HasGeneratedAnyVouchers", "Currency", "Date", "Number"}

func (v tradeView) filterValue(field string) string {
	switch field {
	case "ExternalReference":
		return v.to.ExternalReference
	case "ContactName":
		return v.to.ContactName
	case "Address":
		return v.to.Address
	case "Comment":
		return v.to.Comment
	case "HasGeneratedAnyVouchers":
		return strconv.FormatBool(len(v.to.GeneratedVouchers) > 0)
	case "Currency":
		return v.to.Currency
	case "Date":
		return v.to.Date
	case "Number":
		return strconv.FormatInt(v.to.Number, 10)
	}
	return v.to.Description
}

// tradeQuery is a validated trade offer list request.
type tradeQuery struct {
	listQuery
	text      string
	sortKeys  []string
	ascending bool
}

func parseTradeQuery(c *call) (tradeQuery, *apiError) {
	q := c.r.URL.Query()
	var tq tradeQuery
	var err *apiError
	if tq.listQuery, err = parseListQuery(q, liveOnly, tradeOfferFilterFields); err != nil {
		return tq, err
	}
	if tq.sortKeys, tq.ascending, err = parseSort(q, "TradeOfferNumber", "TradeOfferDate", "Status", "ContactName"); err != nil {
		return tq, err
	}
	tq.text = strings.ToLower(strings.TrimSpace(q.Get("freeTextSearch")))
	return tq, nil
}

func (tq tradeQuery) less(a, b *demodata.TradeOffer) bool {
	for _, k := range tq.sortKeys {
		var x int
		switch k {
		case "TradeOfferNumber":
			x = cmpInt(a.Number, b.Number)
		case "TradeOfferDate":
			x = strings.Compare(a.Date, b.Date)
		case "Status":
			x = strings.Compare(a.Status, b.Status)
		case "ContactName":
			x = strings.Compare(strings.ToLower(a.ContactName), strings.ToLower(b.ContactName))
		}
		if x != 0 {
			return (x < 0) == tq.ascending
		}
	}
	return a.Guid < b.Guid
}

func (tq tradeQuery) matchesText(to *demodata.TradeOffer) bool {
	if tq.text == "" {
		return true
	}
	hay := strconv.FormatInt(to.Number, 10) + "\x00" + strings.ToLower(to.ContactName) + "\x00" +
		strings.ToLower(to.Description) + "\x00" + strconv.FormatFloat(to.TotalInclVat, 'f', -1, 64)
	return strings.Contains(hay, tq.text)
}

func listTradeOffers(c *call) error {
	tq, err := parseTradeQuery(c)
	if err != nil {
		return err
	}
	cols := tradeOfferListSchema.pick(c.r.URL.Query().Get("fields"), "Guid,ContactName,Date,Description")
	defer c.lock()()
	guids := make([]string, len(c.org.data.TradeOffers))
	for i, to := range c.org.data.TradeOffers {
		guids[i] = to.Guid
	}
	mail := c.latestMailTypes(guids...)
	var match []tradeView
	for _, to := range c.org.data.TradeOffers {
		v := tradeView{ivw: invoiceView{o: c.org.data, inv: &to.Invoice, today: c.today()}, to: to, mail: nullStr(mail[to.Guid])}
		if tq.keeps(&to.Stamps, v.filterValue) && tq.matchesText(to) {
			match = append(match, v)
		}
	}
	sort.SliceStable(match, func(i, j int) bool { return tq.less(match[i].to, match[j].to) })
	from, to := tq.pg.window(len(match))
	return c.writeRaw(http.StatusOK, collectionJSON(cols, match[from:to], tq.pg, len(match)))
}

// decodeTradeOffer reads a trade offer body, whose ContactGuid is required.
func decodeTradeOffer(c *call, in *salesDocIn, update bool) *apiError {
	if err := decodeBody(c, in, false); err != nil {
		return err
	}
	if update && in.Timestamp == nil {
		return invalid("Timestamp", "Timestamp is required.")
	}
	if in.ContactGuid == nil || *in.ContactGuid == "" {
		return invalid("ContactGuid", "ContactGuid is required.")
	}
	return nil
}

func createTradeOffer(c *call) error {
	var in salesDocIn
	if err := decodeTradeOffer(c, &in, false); err != nil {
		return err
	}
	defer c.lock()()
	to := &demodata.TradeOffer{Invoice: demodata.Invoice{Guid: newGUID(), MailOutStatus: "NotSent",
		Document: demodata.Document{Stamps: c.created()}}, Status: "Draft"}
	if in.Guid != nil && *in.Guid != "" {
		g, ok := lookupGUID(*in.Guid)
		if !ok || c.org.tradeOffers[g] != nil {
			return invalid("Guid", "Guid must be a new, unused GUID.")
		}
		to.Guid = g
	}
	if err := c.applySalesDoc(&in, &to.Invoice); err != nil {
		return err
	}
	for _, o := range c.org.data.TradeOffers {
		to.Number = max(to.Number, o.Number)
	}
	to.Number++
	to.TimeStamp = c.s.nextStamp()
	store(&c.org.data.TradeOffers, c.org.tradeOffers, to.Guid, to)
	return c.ok(createdResponse{to.Guid, formatStamp(to.TimeStamp)})
}

func getTradeOffer(c *call) error {
	defer c.lock()()
	to, err := findLive(c, c.org.tradeOffers, tradeOfferRef)
	if err != nil {
		return err
	}
	if wantsPDF(c) {
		return c.pdf(documentPDF(c.org.data, "Tilbud", &to.Invoice))
	}
	return c.writeRaw(http.StatusOK, objectJSON(tradeOfferSchema, c.tradeView(to)))
}

const tradeOfferSettled = "The trade offer has been invoiced; create a new trade offer instead."

func updateTradeOffer(c *call) error {
	var in salesDocIn
	if err := decodeTradeOffer(c, &in, true); err != nil {
		return err
	}
	defer c.lock()()
	to, err := findAndCheck(c, c.org.tradeOffers, tradeOfferRef, in.Timestamp)
	if err != nil {
		return err
	}
	if to.Status != "Draft" {
		return invalid("guid", "A trade offer that is "+to.Status+" cannot be changed; create a new one instead.")
	}
	draft := to.Invoice
	if err := c.applySalesDoc(&in, &draft); err != nil {
		return err
	}
	to.Invoice = draft
	c.restamp(to.Doc())
	return c.ok(createdResponse{to.Guid, formatStamp(to.TimeStamp)})
}

func deleteTradeOffer(c *call) error {
	var in timestampIn
	if err := decodeBody(c, &in, true); err != nil {
		return err
	}
	defer c.lock()()
	to, err := findAndCheck(c, c.org.tradeOffers, tradeOfferRef, in.Timestamp)
	if err != nil {
		return err
	}
	if to.Status == "CustomerAccepted" || to.Status == "Invoiced" {
		return invalid("guid", "An accepted trade offer is binding and cannot be deleted.")
	}
	c.deleteDoc(to.Doc())
	return c.empty()
}

// generateInvoice makes an invoice draft from a trade offer and gives the
// trade offer a new version.
func generateInvoice(c *call) error {
	var in timestampIn
	if err := decodeBody(c, &in, true); err != nil {
		return err
	}
	defer c.lock()()
	to, err := findAndCheck(c, c.org.tradeOffers, tradeOfferRef, in.Timestamp)
	if err != nil {
		return err
	}
	if to.Status == "CustomerDeclined" || to.Status == "UserDeclined" {
		return invalid("guid", "A declined trade offer cannot be invoiced.")
	}
	inv := &demodata.Invoice{Guid: newGUID(), ContactGuid: to.ContactGuid, ContactName: to.ContactName,
		Date: c.today(), Description: strings.Replace(to.Description, "Tilbud", "Faktura", 1), Comment: to.Comment,
		ExternalReference: to.ExternalReference, Currency: to.Currency, Language: to.Language, Address: to.Address,
		ShowLinesInclVat: to.ShowLinesInclVat, MailOutStatus: "NotSent", Lines: append([]demodata.Line(nil), to.Lines...),
		Document: demodata.Document{Stamps: c.created()}}
	if ct := c.org.contacts[to.ContactGuid]; ct != nil {
		inv.PaymentConditionType, inv.PaymentConditionNumberOfDays = ct.PaymentConditionType, ct.PaymentConditionNumberOfDays
	}
	if inv.PaymentConditionType == "" {
		inv.PaymentConditionType, inv.PaymentConditionNumberOfDays = "Netto", 8
	}
	inv.PaymentDate = dueDate(inv.Date, inv.PaymentConditionType, inv.PaymentConditionNumberOfDays)
	inv.Recalculate(c.org.data)
	inv.TimeStamp = c.s.nextStamp()
	store(&c.org.data.Invoices, c.org.invoices, inv.Guid, inv)
	c.org.touch()
	to.GeneratedVouchers = append(to.GeneratedVouchers, inv.Guid)
	to.Status = "Invoiced"
	c.restamp(to.Doc())
	return c.ok(createdResponse{inv.Guid, formatStamp(inv.TimeStamp)})
}
