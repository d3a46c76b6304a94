package codegen

import (
	"maps"
	"net/url"
	"slices"
	"strings"
)

// TokenHeader is the curl header that carries the token: a shell variable
// in double quotes, so the real token is never part of the copied text.
const TokenHeader = `"Authorization: Bearer $DINERO_TOKEN"`

// Options are what a snippet needs besides the request.
type Options struct {
	// BaseURL is the API base, e.g. https://api.dinero.dk ("" means that one).
	BaseURL string
	// Profile is the config profile; "" or "default" adds no flag.
	Profile string
	// Paginate asks for every page (`--paginate`; the api form only).
	Paginate bool
}

// Quote returns s as one shell word: unchanged when it holds only
// characters no shell treats specially, else in single quotes, where each
// single quote inside becomes: end quote, backslash-quote, open quote.
// Letters outside ASCII (æ, ø, å) are kept as they are.
func Quote(s string) string {
	if s != "" && strings.IndexFunc(s, unsafe) < 0 {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

func unsafe(r rune) bool {
	switch {
	case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9':
		return false
	}
	return !strings.ContainsRune("_@%+=:,./-", r)
}

// API renders r as a `dinero-tui api` command line. The path carries the
// real parameter values (the organization id too); query values become
// -f fields; a flat JSON object body becomes -f/-F fields, any other body
// goes through --input - from a here-document. Writes get --yes.
func API(r Request, o Options) string {
	method := methodOf(r)
	hasBody := len(strings.TrimSpace(string(r.Body))) > 0
	args := []string{"dinero-tui", "api"}
	if o.Profile != "" && o.Profile != "default" {
		args = append(args, "--profile", Quote(o.Profile))
	}
	if method != "GET" || hasBody {
		args = append(args, "-X", method)
	}
	path := ExpandPath(r.Path, r.PathParams)
	var bodyFields []string
	if hasBody && method != "GET" && len(r.Query) == 0 {
		bodyFields, _ = flatFields(r.Body, placeholders(path))
	}
	// The api command puts fields into the query for GET and next to
	// --input; for a write without a body they would become the body, so
	// the query then rides in the path.
	queryInPath := (method != "GET" && !hasBody) || !fieldSafe(r.Query)
	if queryInPath && len(r.Query) > 0 {
		path += "?" + r.Query.Encode()
	}
	args = append(args, Quote(path))
	if !queryInPath {
		for _, k := range slices.Sorted(maps.Keys(r.Query)) {
			for _, v := range r.Query[k] {
				args = append(args, "-f", Quote(k+"="+v))
			}
		}
	}
	args = append(args, bodyFields...)
	if o.Paginate {
		args = append(args, "--paginate")
	}
	if IsWrite(method) {
		args = append(args, "--yes")
	}
	line := strings.Join(args, " ")
	if hasBody && bodyFields == nil {
		line += " --input - " + hereDoc(string(r.Body))
	}
	return line
}

// Curl renders r as a curl command line against baseURL (the API's base,
// e.g. https://api.dinero.dk). The token is "$DINERO_TOKEN", never its value.
func Curl(r Request, baseURL string) string {
	method := methodOf(r)
	full := FullURL(baseURL, r)
	args := []string{"curl"}
	if method != "GET" {
		args = append(args, "-X", method)
	}
	if strings.ContainsAny(full, "[]{}") {
		args = append(args, "-g") // no curl globbing of brackets
	}
	args = append(args, Quote(full), "-H", TokenHeader, "-H", Quote("Accept: application/json"))
	if len(r.Body) > 0 {
		args = append(args, "-H", Quote("Content-Type: application/json"), "--data-raw", Quote(string(r.Body)))
	}
	return strings.Join(args, " ")
}

// FullURL is the address r is sent to: baseURL without any user
// information, the path with its parameters filled in, and the query as
// the API client encodes it.
func FullURL(baseURL string, r Request) string {
	base := strings.TrimRight(baseURL, "/")
	if u, err := url.Parse(base); err == nil && u.User != nil {
		u.User = nil
		base = u.String()
	}
	full := base + ExpandPath(r.Path, r.PathParams)
	if len(r.Query) > 0 {
		full += "?" + r.Query.Encode()
	}
	return full
}

// ExpandPath fills the {name} placeholders of path that have a value,
// each escaped as one path segment; the others stay as they are.
func ExpandPath(path string, params map[string]string) string {
	for _, k := range slices.Sorted(maps.Keys(params)) {
		if v := params[k]; v != "" {
			path = strings.ReplaceAll(path, "{"+k+"}", url.PathEscape(v))
		}
	}
	return path
}

// IsWrite reports whether method changes data.
func IsWrite(method string) bool {
	switch strings.ToUpper(method) {
	case "", "GET", "HEAD", "OPTIONS":
		return false
	}
	return true
}

func methodOf(r Request) string {
	if r.Method == "" {
		return "GET"
	}
	return strings.ToUpper(r.Method)
}

// fieldSafe reports whether every query name can be a -f field: a name
// with "=" would be cut at it.
func fieldSafe(q url.Values) bool {
	for k := range q {
		if k == "" || strings.Contains(k, "=") {
			return false
		}
	}
	return true
}

// hereDoc returns a quoted here-document (no expansion inside) holding
// body, with a delimiter that no line of body equals.
func hereDoc(body string) string {
	delim := "JSON"
	lines := strings.Split(body, "\n")
	for n := 1; contains(lines, delim); n++ {
		delim = "JSON_" + strings.Repeat("X", n)
	}
	if !strings.HasSuffix(body, "\n") {
		body += "\n"
	}
	return "<<'" + delim + "'\n" + body + delim
}

func contains(lines []string, s string) bool {
	for _, l := range lines {
		if strings.TrimRight(l, "\r") == s {
			return true
		}
	}
	return false
}
