// Package codegen renders one API request as code that sends it again: a
// `dinero-tui api` or curl command line, an HTTPie command, or a small
// program in Go, C#, Python or JavaScript. No snippet ever holds a secret:
// the api command uses the stored session, every other form reads the
// access token from the DINERO_TOKEN environment variable.
package codegen

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"net/url"
	"slices"
	"strings"
	"unicode/utf8"
)

// DefaultBaseURL is the real Dinero API, used when Options.BaseURL is "".
const DefaultBaseURL = "https://api.dinero.dk"

// Request is the call to render.
type Request struct {
	Method     string            // GET when empty
	Path       string            // template, e.g. /v1/{organizationId}/invoices
	PathParams map[string]string // values for its {name} placeholders
	Query      url.Values
	Body       []byte // sent as application/json
}

// Language is one form a request can be copied as.
type Language struct {
	Name    string // what --print-code takes, e.g. "python"
	Title   string // what a menu shows, e.g. "Python (requests)"
	Aliases []string
	render  func(Request, Options) string
}

// Languages lists every form, in menu order.
var Languages = []Language{
	{Name: "api", Title: "dinero-tui api", Aliases: []string{"dinero-tui"}, render: API},
	{Name: "curl", Title: "curl", render: func(r Request, o Options) string { return Curl(r, o.BaseURL) }},
	{Name: "httpie", Title: "HTTPie", Aliases: []string{"http"}, render: HTTPie},
	{Name: "go", Title: "Go (net/http + x/oauth2)", Aliases: []string{"golang"}, render: Go},
	{Name: "python", Title: "Python (requests)", Aliases: []string{"py"}, render: Python},
	{Name: "javascript", Title: "JavaScript (fetch)", Aliases: []string{"js", "node"}, render: JavaScript},
	{Name: "csharp", Title: "C# (HttpClient)", Aliases: []string{"c#", "cs", "dotnet"}, render: CSharp},
}

// Names lists the languages' names, for help texts.
func Names() []string {
	out := make([]string, len(Languages))
	for i, l := range Languages {
		out[i] = l.Name
	}
	return out
}

// Lookup finds a language by name or alias, ignoring case.
func Lookup(name string) (Language, bool) {
	name = strings.ToLower(strings.TrimSpace(name))
	for _, l := range Languages {
		if l.Name == name || slices.Contains(l.Aliases, name) {
			return l, true
		}
	}
	return Language{}, false
}

// Generate renders r in the named language. It fails for an unknown
// language, and for a body that is not UTF-8 text (only a file can carry
// that; send it with 'dinero-tui api --input FILE').
func Generate(lang string, r Request, o Options) (string, error) {
	l, ok := Lookup(lang)
	if !ok {
		return "", fmt.Errorf("unknown language %q; choose one of %s", lang, strings.Join(Names(), ", "))
	}
	return l.Render(r, o)
}

// Render renders r in l.
func (l Language) Render(r Request, o Options) (string, error) {
	if !utf8.Valid(r.Body) {
		return "", fmt.Errorf("the body is binary, which a %s snippet cannot hold; send the file with 'dinero-tui api --input FILE'", l.Title)
	}
	return l.render(r, o), nil
}

// target is the request's method, full URL without the query, and the
// query in sorted key order (the order the API client sends).
func target(r Request, o Options) (method, base string, query [][2]string) {
	method = methodOf(r)
	plain := r
	plain.Query = nil
	base = FullURL(orDefault(o.BaseURL, DefaultBaseURL), plain)
	for _, k := range slices.Sorted(maps.Keys(r.Query)) {
		for _, v := range r.Query[k] {
			query = append(query, [2]string{k, v})
		}
	}
	return method, base, query
}

// quoted renders s as a double-quoted string literal with JSON escapes,
// which Python, JavaScript and C# all read the same way.
func quoted(s string) string {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s) // a string always encodes
	return strings.TrimSuffix(buf.String(), "\n")
}

func orDefault(s, d string) string {
	if s == "" {
		return d
	}
	return s
}
