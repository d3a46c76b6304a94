package request

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/dinero-tui/dinero-tui/api"
	"github.com/dinero-tui/dinero-tui/api/catalog"
)

var guidShape = regexp.MustCompile(`^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$`)

// kind is how a parameter's value is checked: the catalogue's type, or a
// date by its name when the catalogue types it as a plain string.
func kind(p catalog.Param) string {
	name := strings.ToLower(p.Name)
	switch {
	case p.Type == "string" && strings.HasSuffix(name, "date"):
		return "date"
	case p.Type == "string" && strings.HasSuffix(name, "since"):
		return "datetime"
	}
	return p.Type
}

// datetimeLayouts are the forms Dinero reads a date and time in.
var datetimeLayouts = []string{time.RFC3339, "2006-01-02T15:04:05", "2006-01-02T15:04", "2006-01-02"}

// checkValue says what is wrong with v for p (empty means fine). It checks
// only what the catalogue states (type, date shape, allowed values, the
// page size limit); the server's answer stays the final word.
func checkValue(p catalog.Param, v string) string {
	if v == "" {
		return ""
	}
	if len(p.Enum) > 0 {
		return checkEnum(p, v)
	}
	if strings.EqualFold(p.Name, "organizationId") {
		if _, err := strconv.ParseUint(v, 10, 63); err != nil {
			return fmt.Sprintf("organizationId must be a company's number, like 1048211, not %q.", v)
		}
		return ""
	}
	switch kind(p) {
	case "integer":
		n, err := strconv.ParseInt(v, 10, 64)
		switch {
		case err != nil:
			return fmt.Sprintf("%s must be a whole number, not %q.", p.Name, v)
		case (p.Name == "page" || p.Name == "pageSize") && n < 0:
			return fmt.Sprintf("%s cannot be negative.", p.Name)
		case p.Name == "pageSize" && (n < 1 || n > api.MaxPageSize):
			return fmt.Sprintf("pageSize must be 1 to %d.", api.MaxPageSize)
		}
	case "number":
		if _, err := strconv.ParseFloat(v, 64); err != nil {
			return fmt.Sprintf("%s must be a number, not %q.", p.Name, v)
		}
	case "boolean":
		if !strings.EqualFold(v, "true") && !strings.EqualFold(v, "false") {
			return fmt.Sprintf("%s must be true or false, not %q.", p.Name, v)
		}
	case "date":
		if _, err := time.Parse("2006-01-02", v); err != nil {
			return fmt.Sprintf("%s must be a date like 2024-01-31 (YYYY-MM-DD), not %q.", p.Name, v)
		}
	case "datetime":
		for _, l := range datetimeLayouts {
			if _, err := time.Parse(l, v); err == nil {
				return ""
			}
		}
		return fmt.Sprintf("%s must be a date and time like 2024-01-31T08:00:00Z, not %q.", p.Name, v)
	case "guid":
		if !guidShape.MatchString(v) {
			return fmt.Sprintf("%s must be a Guid like 3fa85f64-5717-4562-b3fc-2c963f66afa6, not %q.", p.Name, v)
		}
	}
	return ""
}

// checkEnum accepts one allowed value or several separated by commas
// (Dinero's filters take 'Paid,Overdue'), in any case.
func checkEnum(p catalog.Param, v string) string {
	for _, part := range strings.Split(v, ",") {
		part = strings.TrimSpace(part)
		ok := false
		for _, e := range p.Enum {
			ok = ok || strings.EqualFold(part, e)
		}
		if !ok {
			return fmt.Sprintf("%s takes %s, not %q.", p.Name, strings.Join(p.Enum, ", "), part)
		}
	}
	return ""
}
