// Package collrun runs a collection's requests in order, like Postman's
// Newman: it plans the steps from an imported catalogue, sends them one at
// a time on the API client (which keeps Dinero's rate limit), and reports
// status, time and size per request, as text and as JUnit XML.
package collrun

import (
	"fmt"
	"strings"

	"github.com/dinero-tui/dinero-tui/api/catalog"
)

// Step is one request of the collection, as the collection describes it.
type Step struct {
	Folder, Name string
	Method       string
	Path         string // template, e.g. /v1/{organizationId}/invoices/{guid}
	// Op is the collection's request: its query parameters, headers, auth
	// and body, sent as catalog.Prepare builds them (as the explorer and
	// the api command send it). Method and Path above are the ones sent.
	Op catalog.Operation
}

// Write reports whether the step changes data.
func (s Step) Write() bool {
	switch s.Method {
	case "GET", "HEAD", "OPTIONS":
		return false
	}
	return true
}

// Plan lists the catalogue's operations in collection order as steps.
// With folder set, only the requests in folders of that name (at any
// depth, with their subfolders) are kept; no such folder is an error that
// lists the folders there are.
//
// The catalogue is the seam to the Postman importer: each step keeps its
// operation, which Run sends through catalog.Prepare.
func Plan(c *catalog.Catalog, folder string) ([]Step, error) {
	var steps []Step
	var folders []string
	for _, g := range c.Groups {
		folders = append(folders, g.Name)
		if folder != "" && !inFolder(g.Name, folder) {
			continue
		}
		for _, op := range g.Operations {
			steps = append(steps, stepOf(g.Name, op))
		}
	}
	if folder != "" && len(steps) == 0 {
		return nil, fmt.Errorf("no folder %q in the collection; its folders are: %s", folder, strings.Join(folders, ", "))
	}
	if len(steps) == 0 {
		return nil, fmt.Errorf("the collection holds no requests")
	}
	return steps, nil
}

// inFolder reports whether a group ("Parent / Child" when nested) is the
// folder named, or lies inside it.
func inFolder(group, folder string) bool {
	parts := strings.Split(group, " / ")
	for i, p := range parts {
		if strings.EqualFold(p, folder) || strings.EqualFold(strings.Join(parts[:i+1], " / "), folder) {
			return true
		}
	}
	return false
}

func stepOf(group string, op catalog.Operation) Step {
	return Step{Folder: group, Name: op.Name, Method: strings.ToUpper(op.Method), Path: op.Path, Op: op}
}
