package dinero

//go:generate go run ./internal/gen -spec ../../../shared/reference/dinero-openapi.json -out routes_gen.go

import (
	"net/url"
	"strings"
)

// routeSpec is one row of the generated route table.
type routeSpec struct {
	Method      string
	Path        string
	OperationID string
	Tag         string
	Deprecated  bool
}

// Operation describes one operation of the Dinero API and whether the
// sandbox models it (false means it answers 501).
type Operation struct {
	Method      string
	Path        string // template with its exact version segment, e.g. "/v1.2/{organizationId}/invoices/{guid}"
	OperationID string // derived from the OpenAPI description, e.g. "Invoices_BookInvoice"
	Tag         string
	Deprecated  bool
	Modeled     bool
}

// route is a compiled routeSpec.
type route struct {
	spec     routeSpec
	segments []string // literal segments, or "{name}" for parameters
	handler  handlerFunc
	orgScope bool // the path has {organizationId}
}

// router matches request paths against the route table. Literal segments win
// over parameters, position by position.
type router struct {
	routes []*route
}

func newRouter(specs []routeSpec, handlers map[string]handlerFunc) *router {
	rt := &router{}
	for _, s := range specs {
		segs := strings.Split(strings.TrimPrefix(s.Path, "/"), "/")
		rt.routes = append(rt.routes, &route{
			spec: s, segments: segs, handler: handlers[s.Method+" "+s.Path],
			orgScope: strings.Contains(s.Path, "{organizationId}"),
		})
	}
	return rt
}

// match finds the route for method and escaped path, with its decoded path
// parameters. ok is false when no route has that method and path.
func (rt *router) match(method, escapedPath string) (r *route, params map[string]string, ok bool) {
	p := strings.TrimPrefix(escapedPath, "/")
	if len(p) > 1 && strings.HasSuffix(p, "/") {
		p = strings.TrimSuffix(p, "/")
	}
	raw := strings.Split(p, "/")
	segs := make([]string, len(raw))
	for i, s := range raw {
		d, err := url.PathUnescape(s)
		if err != nil {
			return nil, nil, false
		}
		segs[i] = d
	}
	var best *route
	for _, cand := range rt.routes {
		if cand.spec.Method != method || len(cand.segments) != len(segs) || !cand.matches(segs) {
			continue
		}
		if best == nil || cand.moreLiteral(best) {
			best = cand
		}
	}
	if best == nil {
		return nil, nil, false
	}
	params = map[string]string{}
	for i, s := range best.segments {
		if isParam(s) {
			params[s[1:len(s)-1]] = segs[i]
		}
	}
	return best, params, true
}

func (r *route) matches(segs []string) bool {
	for i, s := range r.segments {
		if isParam(s) {
			if segs[i] == "" {
				return false
			}
			continue
		}
		if i == 0 && s != segs[i] { // the version segment must match exactly
			return false
		}
		if !strings.EqualFold(s, segs[i]) {
			return false
		}
	}
	return true
}

// moreLiteral reports whether r has a literal segment where other has a
// parameter, at the first position where they differ in kind.
func (r *route) moreLiteral(other *route) bool {
	for i := range r.segments {
		a, b := isParam(r.segments[i]), isParam(other.segments[i])
		if a != b {
			return !a
		}
	}
	return false
}

func isParam(seg string) bool { return strings.HasPrefix(seg, "{") && strings.HasSuffix(seg, "}") }
