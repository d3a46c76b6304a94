package dinero

import (
	"crypto/rand"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strings"
	"sync"

	"github.com/dinero-tui/dinero-tui/sandbox/demodata"
)

// orgState is one organization's data with lookup indexes. mu guards
// everything reachable from it.
type orgState struct {
	mu          sync.Mutex
	data        *demodata.Organization
	contacts    map[string]*demodata.Contact
	products    map[string]*demodata.Product
	invoices    map[string]*demodata.Invoice
	creditNotes map[string]*demodata.Invoice
	purchases   map[string]*demodata.PurchaseVoucher
	manuals     map[string]*demodata.ManualVoucher
	files       map[string]*demodata.File
	tradeOffers map[string]*demodata.TradeOffer
	purchaseCNs map[string]*demodata.PurchaseCreditNote
	ledger      map[string]*demodata.LedgerItem
	version     uint64 // bumped on every change to invoices or credit notes
	lists       map[string]sortedList
}

// sortedList is a cached, ordered voucher list valid for one version.
type sortedList struct {
	version uint64
	items   []listItem
}

func newOrgState(o *demodata.Organization) *orgState {
	return &orgState{data: o, lists: map[string]sortedList{},
		contacts:    indexBy(o.Contacts, func(c *demodata.Contact) string { return c.Guid }),
		products:    indexBy(o.Products, func(p *demodata.Product) string { return p.Guid }),
		invoices:    indexBy(o.Invoices, func(i *demodata.Invoice) string { return i.Guid }),
		creditNotes: indexBy(o.CreditNotes, func(i *demodata.Invoice) string { return i.Guid }),
		purchases:   indexBy(o.PurchaseVouchers, func(v *demodata.PurchaseVoucher) string { return v.Guid }),
		manuals:     indexBy(o.ManualVouchers, func(v *demodata.ManualVoucher) string { return v.Guid }),
		files:       indexBy(o.Files, func(f *demodata.File) string { return f.Guid }),
		tradeOffers: indexBy(o.TradeOffers, func(t *demodata.TradeOffer) string { return t.Guid }),
		purchaseCNs: indexBy(o.PurchaseCreditNotes, func(p *demodata.PurchaseCreditNote) string { return p.Guid }),
		ledger:      indexBy(o.LedgerItems, func(l *demodata.LedgerItem) string { return l.ID }),
	}
}

// touch invalidates cached voucher lists.
func (st *orgState) touch() { st.version++ }

func (st *orgState) account(n int) *demodata.Account {
	for i := range st.data.Accounts {
		if st.data.Accounts[i].Number == n {
			return &st.data.Accounts[i]
		}
	}
	return nil
}

func (st *orgState) deposit(n int) *demodata.DepositAccount {
	for i := range st.data.DepositAccounts {
		if st.data.DepositAccounts[i].Number == n {
			return &st.data.DepositAccounts[i]
		}
	}
	return nil
}

// lookupGUID normalizes a path guid (case-insensitive, must be a UUID).
func lookupGUID(raw string) (string, bool) {
	g := strings.ToLower(raw)
	if len(g) != 36 {
		return "", false
	}
	for i, ch := range g {
		switch i {
		case 8, 13, 18, 23:
			if ch != '-' {
				return "", false
			}
		default:
			if !(ch >= '0' && ch <= '9' || ch >= 'a' && ch <= 'f') {
				return "", false
			}
		}
	}
	return g, true
}

// newGUID returns a random version-4 UUID.
func newGUID() string {
	var b [16]byte
	_, _ = rand.Read(b[:])
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}

// formatStamp renders an entity version as 16 upper-case hex digits.
func formatStamp(v uint64) string { return fmt.Sprintf("%016X", v) }

// checkStamp compares a client timestamp with the entity's current one.
func checkStamp(given string, current uint64) *apiError {
	if !strings.EqualFold(strings.TrimSpace(given), formatStamp(current)) {
		return staleTimestamp(formatStamp(current))
	}
	return nil
}

// decodeBody reads a bounded JSON body into v. Property names match
// case-insensitively, so PascalCase and camelCase both work. An empty body
// is allowed only when optional is true.
func decodeBody(c *call, v any, optional bool) *apiError {
	body, err := io.ReadAll(http.MaxBytesReader(c.w, c.r.Body, maxJSONBody))
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			return invalid("body", "The request body is larger than 1 MB.")
		}
		return invalid("body", "The request body could not be read.")
	}
	if len(strings.TrimSpace(string(body))) == 0 {
		if optional {
			return nil
		}
		return invalid("body", "A JSON request body is required.")
	}
	if !isJSONMediaType(c.r.Header.Get("Content-Type")) {
		return errUnsupportedMediaType
	}
	if err := json.Unmarshal(body, v); err != nil {
		var typeErr *json.UnmarshalTypeError
		if errors.As(err, &typeErr) && typeErr.Field != "" {
			return invalid(typeErr.Field, "The value has the wrong type (expected "+typeErr.Type.String()+").")
		}
		return invalid("body", "The request body is not valid JSON.")
	}
	return nil
}

// isJSONMediaType reports whether a Content-Type names JSON
// (application/json or application/*+json, any parameters).
func isJSONMediaType(ct string) bool {
	mt, _, err := mime.ParseMediaType(ct)
	if err != nil {
		return false
	}
	return mt == "application/json" || strings.HasPrefix(mt, "application/") && strings.HasSuffix(mt, "+json")
}

// writeRaw sends an already rendered JSON body.
func (c *call) writeRaw(status int, body []byte) error {
	c.w.Header().Set("Content-Type", "application/json; charset=utf-8")
	c.w.WriteHeader(status)
	_, _ = c.w.Write(body)
	return nil
}

// ok sends v as JSON with status 200.
func (c *call) ok(v any) error {
	writeJSON(c.w, http.StatusOK, v)
	return nil
}

// empty sends 200 with no body.
func (c *call) empty() error {
	c.w.WriteHeader(http.StatusOK)
	return nil
}

// lock takes the organization's lock; callers defer the returned unlock.
func (c *call) lock() func() {
	c.org.mu.Lock()
	return c.org.mu.Unlock
}
