package common

import (
	"net/url"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// readable undoes the escaping of characters that are safe to read in a
// query value and common in Dinero's (field lists, timestamps).
var readable = strings.NewReplacer("%2C", ",", "%3A", ":")

// DisplayURL is a request's path with its parameters filled in and its
// query, for reading: values are escaped as they are sent except commas
// and colons. Query names come in the given order, then any others sorted.
// A path parameter without a value stays a {placeholder}.
func DisplayURL(path string, pathParams map[string]string, query url.Values, order []string) string {
	for k, v := range pathParams {
		if v != "" {
			path = strings.ReplaceAll(path, "{"+k+"}", url.PathEscape(v))
		}
	}
	seen := map[string]bool{}
	names := make([]string, 0, len(query))
	for _, k := range order {
		if _, ok := query[k]; ok && !seen[k] {
			names, seen[k] = append(names, k), true
		}
	}
	var rest []string
	for k := range query {
		if !seen[k] {
			rest = append(rest, k)
		}
	}
	sort.Strings(rest)
	var b strings.Builder
	b.WriteString(path)
	sep := "?"
	for _, k := range append(names, rest...) {
		for _, v := range query[k] {
			b.WriteString(sep + url.QueryEscape(k) + "=" + readable.Replace(url.QueryEscape(v)))
			sep = "&"
		}
	}
	return b.String()
}

// WrapURL splits a URL into lines of at most w cells (the first line first
// cells). It breaks before ? and &; a parameter longer than a line breaks
// after its commas or slashes, and inside a word only as a last resort.
func WrapURL(u string, first, w int) []string {
	first, w = max(1, first), max(1, w)
	var lines []string
	line, limit := "", first
	flush := func() {
		lines = append(lines, line)
		line, limit = "", w
	}
	fits := func(s string) bool { return ansi.StringWidth(line+s) <= limit }
	for _, tok := range splitBefore(u, "?&") {
		if fits(tok) {
			line += tok
			continue
		}
		if line != "" && ansi.StringWidth(tok) <= w {
			flush()
			line = tok
			continue
		}
		for _, part := range splitAfter(tok, ",/") {
			if !fits(part) && line != "" {
				flush()
			}
			for !fits(part) {
				// longer than a line: cut it
				cut := ansi.Cut(part, 0, limit-ansi.StringWidth(line))
				if cut == "" { // a wide rune on a narrow line
					_, n := utf8.DecodeRuneInString(part)
					cut = part[:n]
				}
				line += cut
				part = part[len(cut):]
				flush()
			}
			line += part
		}
	}
	if line != "" || len(lines) == 0 {
		lines = append(lines, line)
	}
	return lines
}

// splitBefore splits s before every byte in seps.
func splitBefore(s, seps string) []string {
	var out []string
	start := 0
	for i := 1; i < len(s); i++ {
		if strings.IndexByte(seps, s[i]) >= 0 {
			out = append(out, s[start:i])
			start = i
		}
	}
	return append(out, s[start:])
}

// splitAfter splits s after every byte in seps.
func splitAfter(s, seps string) []string {
	var out []string
	start := 0
	for i := 0; i < len(s); i++ {
		if strings.IndexByte(seps, s[i]) >= 0 {
			out = append(out, s[start:i+1])
			start = i + 1
		}
	}
	if start < len(s) {
		out = append(out, s[start:])
	}
	return out
}
