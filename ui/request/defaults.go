package request

import (
	"cmp"
	"strconv"
	"strings"

	"github.com/dinero-tui/dinero-tui/api/catalog"
	"github.com/dinero-tui/dinero-tui/ui/common"
)

// placeholder is what an empty field shows: the server's default (which
// is not sent), or the shape of the value (dates by their name too, since
// the catalogue types many of them as plain strings).
func placeholder(p catalog.Param) string {
	if p.Default != "" {
		return p.Default
	}
	name := strings.ToLower(p.Name)
	switch {
	case p.Type == "string" && strings.HasSuffix(name, "date"):
		return "YYYY-MM-DD"
	case p.Type == "string" && strings.HasSuffix(name, "since"):
		return "YYYY-MM-DDThh:mm:ssZ"
	}
	switch p.Type {
	case "date":
		return "YYYY-MM-DD"
	case "datetime":
		return "YYYY-MM-DDThh:mm:ssZ"
	case "boolean":
		return "true or false"
	case "integer", "number":
		return "number"
	case "guid":
		return "Guid"
	}
	return ""
}

func (m *Model) pathValue(p catalog.Param, prefill common.Prefill) (string, string) {
	if strings.EqualFold(p.Name, "organizationId") {
		return strconv.FormatInt(m.org.ID, 10), "from the chosen company"
	}
	if v, src := prefillValue(p, m.op.Path, prefill); v != "" {
		return v, src
	}
	return p.Default, ""
}

// queryDefault is the value a query field starts with: for a paged
// list, the page, its size and the fields to return (so the answer is
// small and the paging keys work); every other parameter starts empty and
// is not sent, so the server applies its own default.
func queryDefault(op catalog.Operation, p catalog.Param) (string, string) {
	if !op.Paged {
		return "", ""
	}
	switch p.Name {
	case "page":
		return cmp.Or(p.Default, "0"), "default"
	case "pageSize":
		return cmp.Or(p.Default, "100"), "default"
	case "fields":
		return p.Default, "default"
	}
	return "", ""
}
