package common

import "strings"

// Prefill is what a new request can take from the answer shown last.
type Prefill struct {
	// Item holds the top-level scalar fields (as text) of the object the
	// user was on: the collection item under the cursor, or the answer
	// itself when it is one object. Nil when there is none.
	Item map[string]string
	// Resource is the last fixed segment of the path that answered:
	// "contacts" for /v1/{organizationId}/contacts/{guid}.
	Resource string
}

// Field returns the item's field called name (case-insensitive) and its
// name as the answer spells it.
func (p Prefill) Field(name string) (value, key string) {
	for k, v := range p.Item {
		if strings.EqualFold(k, name) && v != "" {
			return v, k
		}
	}
	return "", ""
}

// ID returns the item's own identifier: its Guid, or the Guid named after
// its resource (ContactGuid in an answer from /contacts).
func (p Prefill) ID() (value, key string) {
	if v, k := p.Field("guid"); v != "" {
		return v, k
	}
	if r := Singular(p.Resource); r != "" {
		return p.Field(r + "guid")
	}
	return "", ""
}

// LastSegment returns the last fixed segment of a path template:
// "notes" for /v1/{organizationId}/contacts/{contactGuid}/notes.
func LastSegment(path string) string {
	segs := strings.Split(strings.Trim(path, "/"), "/")
	for i := len(segs) - 1; i >= 0; i-- {
		if s := segs[i]; s != "" && !strings.HasPrefix(s, "{") {
			return s
		}
	}
	return ""
}

// Singular is the lower-case singular of a resource segment without
// separators: "contacts" → "contact", "credit-notes" → "creditnote",
// "entries" → "entry".
func Singular(resource string) string {
	r := strings.ToLower(strings.NewReplacer("-", "", "_", "").Replace(resource))
	switch {
	case strings.HasSuffix(r, "ies") && len(r) > 4:
		return r[:len(r)-3] + "y"
	case strings.HasSuffix(r, "s") && !strings.HasSuffix(r, "ss"):
		return r[:len(r)-1]
	}
	return r
}
