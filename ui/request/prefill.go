package request

import (
	"strings"

	"github.com/dinero-tui/dinero-tui/api/catalog"
	"github.com/dinero-tui/dinero-tui/ui/common"
)

// prefillValue is what path parameter p of the operation at path takes
// from the last answer, and a note saying where it came from ("" when
// nothing fits):
//   - {guid} is the item's own Guid, or, when the item refers to the
//     operation's resource by name (ContactGuid for /contacts/{guid}),
//     that field;
//   - {id} is the item's Id when the answer came from the resource the
//     parameter follows (/reminders/{id} after listing reminders);
//   - a named parameter ({contactGuid}) is the item's field of that
//     name, or the item's own Guid when the answer came from the resource
//     the parameter names (/contacts for contactGuid, or the segment the
//     parameter follows: /invoices for /invoices/{voucherGuid}).
//
// A named parameter never takes the Guid of an unrelated resource.
func prefillValue(p catalog.Param, path string, pf common.Prefill) (string, string) {
	if len(pf.Item) == 0 {
		return "", ""
	}
	name := strings.ToLower(p.Name)
	target := common.Singular(segmentBefore(path, p.Name))
	if name == "guid" {
		if target != "" && target != common.Singular(pf.Resource) {
			if v, k := pf.Field(target + "guid"); v != "" {
				return v, source(p.Name, k)
			}
		}
		v, k := pf.ID()
		return v, source(p.Name, k)
	}
	from := common.Singular(pf.Resource)
	if name == "id" {
		// a bare id is only meaningful within its own resource
		if target == "" || target != from {
			return "", ""
		}
	}
	if v, k := pf.Field(p.Name); v != "" {
		return v, source(p.Name, k)
	}
	stem, named := strings.CutSuffix(name, "guid")
	if from != "" && ((named && stem != "" && stem == from) || target == from) {
		v, k := pf.ID()
		return v, source(p.Name, k)
	}
	return "", ""
}

// source says where a prefilled value came from, naming the answer's
// field when it is not the parameter's own name.
func source(param, key string) string {
	if key == "" {
		return ""
	}
	if strings.EqualFold(param, key) {
		return "from the last response"
	}
	return "last response's " + key
}

// segmentBefore returns the fixed path segment just before {param}:
// "invoices" for /v1/{organizationId}/invoices/{voucherGuid}/reminders.
func segmentBefore(path, param string) string {
	segs := strings.Split(strings.Trim(path, "/"), "/")
	for i, s := range segs {
		if s == "{"+param+"}" && i > 0 && !strings.HasPrefix(segs[i-1], "{") {
			return segs[i-1]
		}
	}
	return ""
}
