// Package catalog is the map of the Dinero API: every operation, grouped
// like the folders of Dinero's Postman collection.
//
// It also reads a developer's own Postman collection and environment and
// sends their requests as Postman does:
//
//	env, _ := catalog.LoadEnvironment("Dinero.postman_environment.json")
//	c, skipped, _ := catalog.LoadWith("Dinero.postman_collection.json", catalog.LoadOptions{Environment: env.Values})
//	for _, op := range c.All() { // in the collection's order; op.Group is the folder path
//		p, err := catalog.Prepare(op, catalog.Input{PathParams: map[string]string{"organizationId": "123"}})
//		// err names the {{variables}} still to fill (Input.Vars)
//		req, err := p.APIRequest() // for api.Client.Do
//	}
//
// c.Postman holds the collection's variables, host variable and OAuth2
// block; PostmanSettings turns them into login settings, and ExportPostman
// writes requests back as a collection.
package catalog

import (
	_ "embed"
	"encoding/json"
	"strings"
	"sync"
)

// Catalog is an ordered list of groups of operations.
type Catalog struct {
	Source string // "built-in", or the file it was imported from
	Groups []Group
	// Postman is what a Postman collection says beyond its requests
	// (variables, host variable, OAuth2 block); nil for other sources.
	Postman *PostmanInfo `json:"-"`
}

// Group is one folder of operations (for example "Invoices").
type Group struct {
	Name        string
	Description string
	Operations  []Operation
}

// Operation is one endpoint of the API.
type Operation struct {
	ID          string // stable identifier, e.g. "invoices.list"
	Name        string // short human name, e.g. "List invoices"
	Description string
	Method      string // GET, POST, PUT, DELETE, PATCH
	Path        string // with its own version segment, e.g. "/v1/{organizationId}/invoices"
	PathParams  []Param
	Query       []Param
	Paged       bool     // answers a Collection + Pagination body and takes page/pageSize
	Write       bool     // changes data (POST/PUT/DELETE/PATCH)
	Body        string   // JSON body template for writes (required fields filled with placeholders), "" if none
	BodyType    string   `json:",omitempty"` // media type of the body: "application/json", "multipart/form-data"; "" if none
	Accepts     []string `json:",omitempty"` // media types the answer can come in, e.g. application/octet-stream for PDFs
	Deprecated  bool     `json:",omitempty"`
	Group       string   `json:"-"` // name of the group it belongs to (set by Find)

	// What a Postman collection adds (see Prepare for how they are sent):
	Headers []Param `json:",omitempty"` // request headers, folder ones first
	Form    []Param `json:",omitempty"` // urlencoded or formdata fields; Type "file" is a file part whose Value is its path
	Vars    []Param `json:",omitempty"` // {{variables}} nothing defines: the user fills them before sending
	NoAuth  bool    `json:",omitempty"` // sent without the session's bearer token (Postman auth "noauth")
	RawBody bool    `json:",omitempty"` // Body is sent exactly as written (a Postman raw body), not as a template to tidy
}

// Param is a path or query parameter.
type Param struct {
	Name        string
	Type        string // string, integer, boolean, number, date, datetime, guid, array
	Required    bool
	Default     string
	Enum        []string
	Description string
	// Enabled marks a Postman parameter, header or form field that is sent
	// with Value unless the user changes it. A disabled one (Enabled false)
	// shows its value as Default and is sent only once the user fills it.
	Enabled bool   `json:",omitempty"`
	Value   string `json:",omitempty"`
}

//go:embed builtin.json
var builtinJSON []byte

var (
	builtinOnce sync.Once
	builtin     *Catalog
)

// Builtin returns the catalogue shipped in the binary: every operation of
// Dinero's official API description, grouped like its Postman folders.
// Callers get their own copy and may change it.
func Builtin() *Catalog {
	builtinOnce.Do(func() {
		builtin = &Catalog{}
		if err := json.Unmarshal(builtinJSON, builtin); err != nil {
			panic("catalog: built-in catalogue is corrupt: " + err.Error()) // a build error, caught by tests
		}
		builtin.Source = "built-in"
	})
	return builtin.clone()
}

func (c *Catalog) clone() *Catalog {
	out := &Catalog{Source: c.Source, Groups: make([]Group, len(c.Groups)), Postman: c.Postman}
	for i, g := range c.Groups {
		g.Operations = append([]Operation(nil), g.Operations...)
		out.Groups[i] = g
	}
	return out
}

// Len is the number of operations.
func (c *Catalog) Len() int {
	n := 0
	for _, g := range c.Groups {
		n += len(g.Operations)
	}
	return n
}

// All returns every operation in catalogue order, each with Group set.
func (c *Catalog) All() []Operation {
	out := make([]Operation, 0, c.Len())
	for _, g := range c.Groups {
		for _, op := range g.Operations {
			op.Group = g.Name
			out = append(out, op)
		}
	}
	return out
}

// Find returns the operations matching filter, in catalogue order. Every
// word of the filter must occur (case-insensitively) in the operation's id,
// name, method, path, group or description. An empty filter matches all.
func (c *Catalog) Find(filter string) []Operation {
	words := strings.Fields(strings.ToLower(filter))
	var out []Operation
	for _, op := range c.All() {
		hay := strings.ToLower(strings.Join([]string{op.ID, op.Name, op.Method, op.Path, op.Group, op.Description}, " "))
		ok := true
		for _, w := range words {
			if !strings.Contains(hay, w) {
				ok = false
				break
			}
		}
		if ok {
			out = append(out, op)
		}
	}
	return out
}

// ByID returns the operation with the given id.
func (c *Catalog) ByID(id string) (Operation, bool) {
	for _, g := range c.Groups {
		for _, op := range g.Operations {
			if op.ID == id {
				op.Group = g.Name
				return op, true
			}
		}
	}
	return Operation{}, false
}

// Match returns the operation a method and path call: the path may be a
// template (/v1/{organizationId}/files) or filled (/v1/104871/files), with
// or without a query. Where several templates fit, the one with the most
// literal segments wins (/files/attachment over /files/{fileGuid}).
func (c *Catalog) Match(method, path string) (Operation, bool) {
	path, _, _ = strings.Cut(path, "?")
	want := strings.Split(strings.Trim(path, "/"), "/")
	var best Operation
	bestScore := -1
	for _, g := range c.Groups {
		for _, op := range g.Operations {
			if !strings.EqualFold(op.Method, method) {
				continue
			}
			if score := matchSegments(strings.Split(strings.Trim(op.Path, "/"), "/"), want); score > bestScore {
				op.Group = g.Name
				best, bestScore = op, score
			}
		}
	}
	return best, bestScore >= 0
}

// matchSegments scores how a template's segments fit a path's: -1 when
// they do not, else the number of literal segments that agree.
func matchSegments(tmpl, path []string) int {
	if len(tmpl) != len(path) {
		return -1
	}
	score := 0
	for i, t := range tmpl {
		switch {
		case strings.HasPrefix(t, "{") && strings.HasSuffix(t, "}"):
		case strings.EqualFold(t, path[i]):
			score++
		default:
			return -1
		}
	}
	return score
}
