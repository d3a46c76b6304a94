// Package catalog is the map of the Dinero API: every operation, grouped
// like the folders of Dinero's Postman collection.
package catalog

// Catalog is an ordered list of groups of operations.
type Catalog struct {
	Source string // "built-in", or the file it was imported from
	Groups []Group
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
	Paged       bool   // answers a Collection + Pagination body and takes page/pageSize
	Write       bool   // changes data (POST/PUT/DELETE/PATCH)
	Body        string // JSON body template for writes (required fields filled with placeholders), "" if none
}

// Param is a path or query parameter.
type Param struct {
	Name        string
	Type        string // string, integer, boolean, number, date, datetime, guid
	Required    bool
	Default     string
	Enum        []string
	Description string
}
