package history

import (
	"net/url"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/dinero-tui/dinero-tui/internal/sanitize"
)

// Matches reports whether e passes the filter text q. Every word of q
// (case-insensitive) must begin the method, the status, or a word of the
// path as shown (parameters filled in, with the query) or of the
// operation's name. One to three digits are a status ("2" is every 2xx)
// unless a whole path word is just that; a word holding punctuation, like
// "v1/10", may appear anywhere in the path. "post 4" finds the writes
// that failed with a 4xx.
func Matches(e Entry, q string) bool {
	method := strings.ToLower(e.Method)
	status := ""
	if e.Status > 0 {
		status = strconv.Itoa(e.Status)
	}
	shown := expand(e)
	if plain, err := url.QueryUnescape(shown); err == nil {
		shown += " " + plain // Ørsted, not %C3%98rsted
	}
	text := strings.ToLower(sanitize.Line(shown) + " " + sanitize.Line(e.Name))
	words := strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	for _, w := range strings.Fields(strings.ToLower(q)) {
		switch {
		case strings.HasPrefix(method, w), strings.HasPrefix(status, w):
		case len(w) <= 3 && isDigits(w):
			if !slices.Contains(words, w) {
				return false
			}
		case strings.IndexFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) >= 0:
			if !strings.Contains(text, w) {
				return false
			}
		case !anyHasPrefix(words, w):
			return false
		}
	}
	return true
}

func isDigits(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return r < '0' || r > '9' }) < 0
}

func anyHasPrefix(words []string, prefix string) bool {
	for _, w := range words {
		if strings.HasPrefix(w, prefix) {
			return true
		}
	}
	return false
}

// applyFilter lists the entries that pass the filter, keeping the cursor
// on the same entry when it still shows.
func (m *Model) applyFilter() {
	sel := -1
	if len(m.shown) > 0 && m.list.Cursor < len(m.shown) {
		sel = m.shown[m.list.Cursor]
	}
	q := m.filter.Value()
	m.shown = m.shown[:0]
	for i, e := range m.entries {
		if Matches(e, q) {
			m.shown = append(m.shown, i)
		}
	}
	m.list.Len = len(m.shown)
	m.list.Height = m.filter.ListRows(m.height)
	m.list.Cursor = 0
	for i, idx := range m.shown {
		if idx == sel {
			m.list.Cursor = i
		}
	}
	m.list.Clamp()
}
