package codegen

import (
	"net/url"
	"regexp"
	"strings"
)

// plainItem is a query name HTTPie's name==value item syntax takes as is.
var plainItem = regexp.MustCompile(`^[A-Za-z0-9_.-]+$`)

// HTTPie renders r as an HTTPie (3.x) command line. Query values become
// name==value items when the name allows, else the query rides in the
// URL; the body goes through --raw as given.
func HTTPie(r Request, o Options) string {
	method, base, query := target(r, o)
	items := true
	for _, kv := range query {
		if !plainItem.MatchString(kv[0]) {
			items = false
		}
	}
	address := base
	if !items && len(query) > 0 {
		q := url.Values{}
		for _, kv := range query {
			q.Add(kv[0], kv[1])
		}
		address += "?" + q.Encode()
	}
	args := []string{"http"}
	if len(r.Body) > 0 {
		args = append(args, "--raw", Quote(string(r.Body)))
	}
	args = append(args, method, Quote(address))
	if items {
		for _, kv := range query {
			args = append(args, Quote(kv[0]+"=="+kv[1]))
		}
	}
	args = append(args, `"Authorization:Bearer $DINERO_TOKEN"`, "Accept:application/json")
	if len(r.Body) > 0 {
		args = append(args, "Content-Type:application/json")
	}
	return strings.Join(args, " ")
}
