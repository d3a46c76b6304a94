package endpoints

import (
	"strings"
	"unicode"
)

// groupNames are groups whose OpenAPI tag reads badly even split into
// words (a misspelling, a verb, an acronym).
var groupNames = map[string]string{
	"ListOrganizations":     "Organizations",
	"ManuelVouchers":        "Manual vouchers",
	"Entry":                 "Entries",
	"Sms":                   "SMS",
	"VatTypes":              "VAT types",
	"ContactStateOfAccount": "Contact state of account",
	"PurchaseCreditNote":    "Purchase credit notes",
}

// groupName turns a group's OpenAPI tag into words, the way Dinero's
// Postman folders read: "SalesCreditNotes" becomes "Sales credit notes".
// Names that already contain a space (an imported collection's folders)
// are kept as they are.
func groupName(tag string) string {
	if n, ok := groupNames[tag]; ok {
		return n
	}
	if strings.ContainsRune(tag, ' ') {
		return tag
	}
	var words []string
	start := 0
	r := []rune(tag)
	for i := 1; i < len(r); i++ {
		if isHump(r, i) {
			words = append(words, string(r[start:i]))
			start = i
		}
	}
	words = append(words, string(r[start:]))
	for i := 1; i < len(words); i++ {
		if !isAcronym(words[i]) {
			words[i] = strings.ToLower(words[i])
		}
	}
	return strings.Join(words, " ")
}

// isHump reports whether rune i starts a new word of a CamelCase tag:
// "aB" splits before B, and "ABc" splits before B (an acronym ends).
func isHump(r []rune, i int) bool {
	prev, cur := r[i-1], r[i]
	if !unicode.IsUpper(cur) {
		return false
	}
	if unicode.IsLower(prev) || unicode.IsDigit(prev) {
		return true
	}
	return unicode.IsUpper(prev) && i+1 < len(r) && unicode.IsLower(r[i+1])
}

func isAcronym(w string) bool {
	return len(w) > 1 && strings.ToUpper(w) == w
}
