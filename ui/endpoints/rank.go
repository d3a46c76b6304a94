package endpoints

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dinero-tui/dinero-tui/api/catalog"
	"github.com/dinero-tui/dinero-tui/ui/common"
)

// Match grades, from best to worst. A word is a run of letters and digits
// that starts the text, follows a separator, or starts a camelCase hump.
const (
	gradeWhole      = 120 // the token is the whole text
	gradeWord       = 100 // the token is a whole word
	gradeWordPrefix = 80  // the token starts a word
	gradeSubstring  = 50  // the token sits inside a word
	gradeFuzzyMax   = 25  // the token's letters are scattered (subsequence)
)

// field is one text of an operation the filter looks at, with how much a
// match in it counts (percent).
type field struct {
	text   string
	weight int
}

// score rates how well the filter q selects op of group: 0 means not at
// all. Every word of q must match the name, group, id, path or method;
// exact and word-prefix matches beat substrings, which beat scattered
// letters; earlier positions and matches covering more of the name score
// higher.
func score(q, group string, op catalog.Operation) int {
	q = strings.TrimSpace(q)
	if q == "" {
		return 1
	}
	fields := []field{{op.Name, 100}, {group, 80}, {op.ID, 70}, {op.Path, 60}}
	total := 0
	toks := strings.Fields(q)
	for _, tok := range toks {
		best, sum := 0, 0
		for _, f := range fields {
			s := tokenScore(tok, f.text) * f.weight / 100
			best, sum = max(best, s), sum+s
		}
		if strings.EqualFold(tok, op.Method) {
			best, sum = max(best, gradeWordPrefix), sum+gradeWordPrefix
		}
		if best == 0 {
			// a word matching nowhere: the whole query may still spell
			// the operation with its letters scattered ("lstinv")
			return fuzzyScore(strings.Join(toks, ""), op.Method+" "+group+" "+op.Name) / 2
		}
		// the best field counts in full, the others a tenth: "inv"
		// in the name, the group and the path beats "inv" in the name only
		total += best + (sum-best)/10
	}
	if lq, ln := strings.ToLower(strings.Join(toks, " ")), strings.ToLower(op.Name); len(toks) > 1 {
		// the words in a row, as typed
		if i := strings.Index(ln, lq); i >= 0 {
			total += 20
			if i == 0 {
				total += 20
			}
		}
	}
	// the more of the name the query covers, the better ("Create contact"
	// before "Create contact note" for "create cont")
	if n := utf8.RuneCountInString(op.Name); n > 0 {
		total += 20 * min(utf8.RuneCountInString(q), n) / n
	}
	return total
}

// tokenScore grades one filter word against one text (0: no match).
func tokenScore(tok, text string) int {
	lt, lx := strings.ToLower(tok), strings.ToLower(text)
	if lt == "" || lx == "" {
		return 0
	}
	if lt == lx {
		return gradeWhole
	}
	best := 0
	for from := 0; from < len(lx); {
		i := strings.Index(lx[from:], lt)
		if i < 0 {
			break
		}
		i += from
		grade := gradeSubstring
		if wordStart(text, i) {
			grade = gradeWordPrefix
			if wordEnd(text, i+len(lt)) {
				grade = gradeWord
			}
		}
		best = max(best, grade-min(i, 30)/3)
		from = i + 1
	}
	if best > 0 {
		return best
	}
	return fuzzyScore(tok, text)
}

// fuzzyScore grades a scattered match: always below a substring match.
func fuzzyScore(tok, text string) int {
	s, ok := common.FuzzyMatch(tok, text)
	if !ok {
		return 0
	}
	// FuzzyMatch gives at most 6 points a letter (match, run, word start)
	n := max(1, utf8.RuneCountInString(tok))
	return 1 + min(gradeFuzzyMax-1, s*(gradeFuzzyMax-1)/(6*n))
}

// wordStart reports whether byte offset i of s begins a word. Offsets
// are the same in s and its lower-case form for the ASCII texts of the
// catalogue; for other texts a wrong guess only changes the grade.
func wordStart(s string, i int) bool {
	if i == 0 {
		return true
	}
	if i >= len(s) {
		return false
	}
	prev, _ := utf8.DecodeLastRuneInString(s[:i])
	cur, _ := utf8.DecodeRuneInString(s[i:])
	if !isWordRune(prev) {
		return true
	}
	return unicode.IsLower(prev) && unicode.IsUpper(cur)
}

// wordEnd reports whether byte offset i of s ends a word.
func wordEnd(s string, i int) bool {
	if i >= len(s) {
		return true
	}
	next, _ := utf8.DecodeRuneInString(s[i:])
	return !isWordRune(next) || wordStart(s, i)
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
