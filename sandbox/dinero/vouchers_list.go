package dinero

import (
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/dinero-tui/dinero-tui/sandbox/demodata"
)

// listItem is one row of an invoice, credit note or sales list.
type listItem struct {
	inv    *demodata.Invoice
	credit bool
	status string
}

var listSchema = newSchema(
	column[listItem]{"Number", func(i listItem) any { return i.inv.Number }},
	column[listItem]{"Guid", func(i listItem) any { return i.inv.Guid }},
	column[listItem]{"ExternalReference", func(i listItem) any { return nullStr(i.inv.ExternalReference) }},
	column[listItem]{"Date", func(i listItem) any { return nullStr(i.inv.Date) }},
	column[listItem]{"PaymentDate", func(i listItem) any { return nullStr(i.inv.PaymentDate) }},
	column[listItem]{"Description", func(i listItem) any { return nullStr(i.inv.Description) }},
	column[listItem]{"Status", func(i listItem) any { return i.status }},
	column[listItem]{"Type", func(i listItem) any { return voucherType(i.credit) }},
	column[listItem]{"ContactName", func(i listItem) any { return nullStr(i.inv.ContactName) }},
	column[listItem]{"ContactGuid", func(i listItem) any { return nullStr(i.inv.ContactGuid) }},
	column[listItem]{"TotalInclVat", func(i listItem) any { return i.inv.TotalInclVat }},
	column[listItem]{"TotalExclVat", func(i listItem) any { return i.inv.TotalExclVat }},
	column[listItem]{"TotalInclVatInDkk", func(i listItem) any { return inDKK(i.inv.TotalInclVat, i.inv.Currency) }},
	column[listItem]{"TotalExclVatInDkk", func(i listItem) any { return inDKK(i.inv.TotalExclVat, i.inv.Currency) }},
	column[listItem]{"MailOutStatus", func(i listItem) any { return nullStr(i.inv.MailOutStatus) }},
	column[listItem]{"LatestMailOutType", func(i listItem) any { return latestMailOut(i.inv) }},
	column[listItem]{"Currency", func(i listItem) any { return nullStr(i.inv.Currency) }},
	column[listItem]{"CreatedAt", func(i listItem) any { return isoTime(i.inv.CreatedAt) }},
	column[listItem]{"UpdatedAt", func(i listItem) any { return isoTime(i.inv.UpdatedAt) }},
	column[listItem]{"DeletedAt", func(i listItem) any { return isoTimePtr(i.inv.DeletedAt) }},
)

var invoiceListFields = listSchema.only("Number", "Guid", "ExternalReference", "ContactName", "ContactGuid", "Date",
	"PaymentDate", "Description", "Currency", "Status", "MailOutStatus", "LatestMailOutType", "TotalExclVatInDkk",
	"TotalInclVatInDkk", "TotalExclVat", "TotalInclVat", "CreatedAt", "UpdatedAt", "DeletedAt")

func voucherType(credit bool) string {
	if credit {
		return "CreditNote"
	}
	return "Invoice"
}

// latestMailOut is LatestMailOutType, one of the documented categories:
// a sent invoice or credit note went out as a Mailout (email).
func latestMailOut(inv *demodata.Invoice) any {
	if inv.MailOutStatus == "Sent" {
		return "Mailout"
	}
	return "None"
}

var voucherFilterFields = []string{"ExternalReference", "ContactGuid", "Description"}

// statusRank is the fixed order Status sorts in, whatever the sortOrder.
var statusRank = map[string]int{"Draft": 0, "Overdue": 1, "Booked": 2, "OverPaid": 3, "Paid": 4}

// voucherQuery is a validated list request.
type voucherQuery struct {
	pg        paging
	dates     dateRange
	since     time.Time
	mode      deletedMode
	statuses  map[string]bool
	conds     []Condition
	text      string
	sortKeys  []string
	ascending bool
	fields    string
}

func parseVoucherQuery(q url.Values) (voucherQuery, *apiError) {
	var vq voucherQuery
	var err *apiError
	if vq.pg, err = parsePaging(q, 100); err != nil {
		return vq, err
	}
	if vq.dates, err = parseDateRange(q); err != nil {
		return vq, err
	}
	if vq.since, err = parseChangesSince(q); err != nil {
		return vq, err
	}
	if vq.mode, err = parseDeletedOnly(q, liveOnly); err != nil {
		return vq, err
	}
	if vq.conds, err = filterFor(q.Get("queryFilter"), voucherFilterFields); err != nil {
		return vq, err
	}
	if s := strings.TrimSpace(q.Get("statusFilter")); s != "" {
		vq.statuses = map[string]bool{}
		for _, part := range strings.Split(s, ",") {
			name := canonical(strings.TrimSpace(part), "Draft", "Booked", "Paid", "OverPaid", "Overdue")
			if name == "" {
				return vq, invalid("statusFilter", "statusFilter values must be Draft, Booked, Paid, OverPaid or Overdue.")
			}
			vq.statuses[name] = true
		}
	}
	if vq.sortKeys, vq.ascending, err = parseSort(q, "VoucherNumber", "VoucherDate", "Status", "Contact"); err != nil {
		return vq, err
	}
	vq.text = strings.ToLower(strings.TrimSpace(q.Get("freeTextSearch")))
	vq.fields = q.Get("fields")
	return vq, nil
}

// canonical returns the option equal to s ignoring case, or "".
// parseSort reads a list's sort (default: its first two keys) and
// sortOrder (default descending) parameters; keys are matched without
// regard to case and answered in the spelling of keys.
func parseSort(q url.Values, keys ...string) (sortKeys []string, ascending bool, err *apiError) {
	sortParam := q.Get("sort")
	if strings.TrimSpace(sortParam) == "" {
		sortParam = keys[0] + "," + keys[1]
	}
	for _, part := range strings.Split(sortParam, ",") {
		name := canonical(strings.TrimSpace(part), keys...)
		if name == "" {
			last := len(keys) - 1
			return nil, false, invalid("sort", "sort values must be "+strings.Join(keys[:last], ", ")+" or "+keys[last]+".")
		}
		sortKeys = append(sortKeys, name)
	}
	switch strings.ToLower(q.Get("sortOrder")) {
	case "", "descending":
	case "ascending":
		ascending = true
	default:
		return nil, false, invalid("sortOrder", "sortOrder must be ascending or descending.")
	}
	return sortKeys, ascending, nil
}

func canonical(s string, options ...string) string {
	for _, o := range options {
		if strings.EqualFold(o, s) {
			return o
		}
	}
	return ""
}

// sorted returns the org's vouchers of a kind ("invoices", "creditnotes" or
// "sales") ordered for vq, cached until the next change or day.
func (st *orgState) sorted(kind string, vq voucherQuery, today string) []listItem {
	key := kind + "|" + strings.Join(vq.sortKeys, ",") + "|" + strconv.FormatBool(vq.ascending) + "|" + today +
		"|" + strconv.Itoa(int(vq.mode))
	if l, ok := st.lists[key]; ok && l.version == st.version {
		return l.items
	}
	var items []listItem
	if kind != "creditnotes" {
		for _, inv := range st.data.Invoices {
			if vq.mode.keep(inv.DeletedAt != nil) {
				items = append(items, listItem{inv: inv, status: inv.Status(today)})
			}
		}
	}
	if kind != "invoices" {
		for _, cn := range st.data.CreditNotes {
			if vq.mode.keep(cn.DeletedAt != nil) {
				items = append(items, listItem{inv: cn, credit: true, status: cn.Status(today)})
			}
		}
	}
	sort.SliceStable(items, func(i, j int) bool { return lessItem(items[i], items[j], vq) })
	if len(st.lists) > 32 {
		st.lists = map[string]sortedList{}
	}
	st.lists[key] = sortedList{version: st.version, items: items}
	return items
}

func lessItem(a, b listItem, vq voucherQuery) bool {
	for _, k := range vq.sortKeys {
		var c int
		switch k {
		case "VoucherNumber":
			c = cmpInt(a.inv.Number, b.inv.Number)
		case "VoucherDate":
			c = strings.Compare(a.inv.Date, b.inv.Date)
		case "Contact":
			c = strings.Compare(strings.ToLower(a.inv.ContactName), strings.ToLower(b.inv.ContactName))
		case "Status":
			if c = cmpInt(int64(statusRank[a.status]), int64(statusRank[b.status])); c != 0 {
				return c < 0
			}
		}
		if c != 0 {
			return (c < 0) == vq.ascending
		}
	}
	if !a.inv.CreatedAt.Equal(b.inv.CreatedAt) {
		return a.inv.CreatedAt.Before(b.inv.CreatedAt) == vq.ascending
	}
	return a.inv.Guid < b.inv.Guid
}

func cmpInt(a, b int64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// keep applies every filter of vq to one item.
func (vq voucherQuery) keep(it listItem, draftsIgnoreDates bool) bool {
	inv := it.inv
	if vq.dates.set() && !(draftsIgnoreDates && !inv.Booked) && !vq.dates.contains(inv.Date) {
		return false
	}
	if !changedSince(vq.since, inv.CreatedAt, inv.UpdatedAt, inv.DeletedAt) {
		return false
	}
	if vq.statuses != nil && !vq.statuses[it.status] {
		return false
	}
	if len(vq.conds) > 0 && !matchAll(vq.conds, func(f string) string {
		switch f {
		case "ExternalReference":
			return inv.ExternalReference
		case "ContactGuid":
			return inv.ContactGuid
		}
		return inv.Description
	}) {
		return false
	}
	if vq.text != "" {
		hay := strconv.FormatInt(inv.Number, 10) + "\x00" + strings.ToLower(inv.ContactName) + "\x00" +
			strings.ToLower(inv.Description) + "\x00" + strconv.FormatFloat(inv.TotalInclVat, 'f', -1, 64)
		if !strings.Contains(hay, vq.text) {
			return false
		}
	}
	return true
}

// filtered reports whether vq narrows the list beyond the deleted mode.
func (vq voucherQuery) filtered() bool {
	return vq.dates.set() || !vq.since.IsZero() || vq.statuses != nil || len(vq.conds) > 0 || vq.text != ""
}

// page selects the requested page and counts all matches. Without filters
// it only slices the cached order.
func (vq voucherQuery) page(items []listItem, draftsIgnoreDates bool) (pageItems []listItem, total int) {
	if !vq.filtered() {
		from, to := vq.pg.window(len(items))
		return items[from:to], len(items)
	}
	start := int64(vq.pg.page) * int64(vq.pg.size)
	end := start + int64(vq.pg.size)
	for _, it := range items {
		if !vq.keep(it, draftsIgnoreDates) {
			continue
		}
		if n := int64(total); n >= start && n < end {
			pageItems = append(pageItems, it)
		}
		total++
	}
	return pageItems, total
}

func listVouchers(c *call, kind string, cols *schema[listItem], defFields string) error {
	vq, err := parseVoucherQuery(c.r.URL.Query())
	if err != nil {
		return err
	}
	bound := cols.pick(vq.fields, defFields)
	today := c.today()
	unlock := c.lock()
	items, total := vq.page(c.org.sorted(kind, vq, today), kind == "invoices")
	body := collectionJSON(bound, items, vq.pg, total)
	unlock()
	return c.writeRaw(http.StatusOK, body)
}

func listInvoices(c *call) error {
	return listVouchers(c, "invoices", invoiceListFields, "Guid,ContactName,Date,Description")
}

func listSales(c *call) error {
	return listVouchers(c, "sales", listSchema, "Guid,ContactName,Date,Description,Type")
}

func listCreditNotes(c *call) error {
	return listVouchers(c, "creditnotes", listSchema, "Guid,ContactName,Date,Description,Type")
}
