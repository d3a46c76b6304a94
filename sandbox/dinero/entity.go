package dinero

import "github.com/dinero-tui/dinero-tui/sandbox/demodata"

// deletable is anything that can be deleted and later still looked up.
type deletable interface{ IsDeleted() bool }

// entity is a stored object found by guid: a contact, note, product,
// invoice or voucher.
type entity interface {
	comparable
	deletable
}

// document is an entity with a version (TimeStamp) and a booking state:
// an invoice, credit note or voucher.
type document interface {
	entity
	Doc() *demodata.Document
}

// entityRef says which path parameter holds an entity's guid and how the
// error messages name the entity.
type entityRef struct {
	param string // path parameter holding the guid
	kind  string // noun of the malformed-guid message ("voucher")
	name  string // noun of the not-found and deleted messages ("purchase voucher")
}

var (
	invoiceRef    = entityRef{"guid", "invoice", "invoice"}
	creditNoteRef = entityRef{"guid", "credit note", "credit note"}
	manualRef     = entityRef{"guid", "voucher", "manual voucher"}
	purchaseRef   = entityRef{"guid", "voucher", "purchase voucher"}
	productRef    = entityRef{"guid", "product", "product"}
	contactRef    = entityRef{"guid", "contact", "contact"}
	ownerRef      = entityRef{"contactGuid", "contact", "contact"} // the contact a note belongs to
	noteRef       = entityRef{"noteGuid", "note", "note"}
	paymentRef    = entityRef{"paymentGuid", "payment", "payment"}
)

// guidParam reads ref's path parameter as a normalized guid.
func (c *call) guidParam(ref entityRef) (string, *apiError) {
	g, ok := lookupGUID(c.params[ref.param])
	if !ok {
		return "", invalid(ref.param, "The "+ref.kind+" guid is not a valid GUID.")
	}
	return g, nil
}

// findAny resolves ref in index, deleted entities included.
func findAny[T entity](c *call, index map[string]T, ref entityRef) (T, *apiError) {
	var none T
	g, err := c.guidParam(ref)
	if err != nil {
		return none, err
	}
	e := index[g]
	if e == none {
		return none, notFound("The " + ref.name)
	}
	return e, nil
}

// findLive resolves ref in index and refuses a deleted entity (code 65).
func findLive[T entity](c *call, index map[string]T, ref entityRef) (T, *apiError) {
	e, err := findAny(c, index, ref)
	if err == nil {
		err = refuseDeleted(e, ref)
	}
	if err != nil {
		var none T
		return none, err
	}
	return e, nil
}

// refuseDeleted answers code 65 for a deleted entity.
func refuseDeleted(e deletable, ref entityRef) *apiError {
	if e.IsDeleted() {
		return isDeleted(ref.name)
	}
	return nil
}

// findAndCheck resolves a live document and compares the client's
// Timestamp with its version. A nil given skips the comparison, for the
// deletes where Dinero makes the Timestamp optional.
func findAndCheck[T document](c *call, index map[string]T, ref entityRef, given *string) (T, *apiError) {
	d, err := findLive(c, index, ref)
	if err == nil && given != nil {
		err = checkStamp(*given, d.Doc().TimeStamp)
	}
	if err != nil {
		var none T
		return none, err
	}
	return d, nil
}

// findDraft is findAndCheck for a write that only drafts allow; a booked
// document is refused with bookedMsg.
func findDraft[T document](c *call, index map[string]T, ref entityRef, given *string, bookedMsg string) (T, *apiError) {
	d, err := findAndCheck(c, index, ref, given)
	if err == nil && d.Doc().Booked {
		var none T
		return none, invalid("guid", bookedMsg)
	}
	return d, err
}

// store adds e to an organization's list and to its guid index.
func store[T any](list *[]T, index map[string]T, guid string, e T) {
	*list = append(*list, e)
	index[guid] = e
}

// indexBy maps each item by its key.
func indexBy[T any](items []T, key func(T) string) map[string]T {
	m := make(map[string]T, len(items))
	for _, it := range items {
		m[key(it)] = it
	}
	return m
}

// user is the caller's entry in the user list (empty when it has none).
func (c *call) user() demodata.User {
	for _, u := range c.s.cfg.Data.Users {
		if u.Sub == c.claims.Subject {
			return u
		}
	}
	return demodata.User{}
}
