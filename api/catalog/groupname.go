package catalog

import (
	"strings"
	"unicode"
)

// acronyms are words kept in capitals when a tag is split into words.
var acronyms = map[string]string{"vat": "VAT", "sms": "SMS", "pdf": "PDF", "ean": "EAN", "cvr": "CVR", "api": "API"}

// GroupName turns an OpenAPI tag into words, the way Postman folders read:
// "SalesCreditNotes" becomes "Sales credit notes", "VatTypes" "VAT types".
// A name that already contains a space is kept as it is.
func GroupName(tag string) string {
	if tag == "" || strings.ContainsRune(tag, ' ') {
		return tag
	}
	var words []string
	r := []rune(tag)
	start := 0
	for i := 1; i < len(r); i++ {
		if startsWord(r, i) {
			words = append(words, string(r[start:i]))
			start = i
		}
	}
	words = append(words, string(r[start:]))
	for i, w := range words {
		switch {
		case acronyms[strings.ToLower(w)] != "":
			words[i] = acronyms[strings.ToLower(w)]
		case i > 0 && !isAcronym(w):
			words[i] = strings.ToLower(w)
		}
	}
	return strings.Join(words, " ")
}

// startsWord reports whether rune i starts a new word of a CamelCase tag:
// "aB" splits before B, and "ABc" splits before B (an acronym ends).
func startsWord(r []rune, i int) bool {
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
