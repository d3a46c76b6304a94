package cli

import (
	"errors"
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/dinero-tui/dinero-tui/api"
	"github.com/dinero-tui/dinero-tui/api/catalog"
	"github.com/dinero-tui/dinero-tui/config"
)

// buildPostmanRequest sends a request of the user's own Postman collection
// as Postman would: its enabled parameters, headers, auth and body. A -f/-F
// field fills the path placeholder, variable, query parameter, header or
// form field of its name; any other field is added to the query; --input
// replaces the body.
func buildPostmanRequest(env *Env, o *apiOptions, p config.Profile, op catalog.Operation) (api.Request, error) {
	in := catalog.Input{PathParams: map[string]string{}, Query: map[string]string{}, Header: map[string]string{},
		Form: map[string]string{}, Vars: map[string]string{}}
	if p.OrgID != 0 { // {{organizationId}} anywhere is the chosen company
		in.PathParams[catalog.OrgVariable] = strconv.FormatInt(p.OrgID, 10)
		in.Vars[catalog.OrgVariable] = in.PathParams[catalog.OrgVariable]
	}
	placeholders := map[string]bool{}
	for _, n := range api.Placeholders(op.Path) {
		placeholders[n] = true
	}
	fields, err := parseFields(env, o, false, placeholders, in.PathParams)
	if err != nil {
		return api.Request{}, err
	}
	extra := url.Values{}
	for _, f := range fields {
		switch {
		case hasParam(op.Vars, f.key):
			in.Vars[f.key] = f.text
		case hasParam(op.Query, f.key):
			in.Query[f.key] = f.text
		case hasParam(op.Form, f.key):
			in.Form[f.key] = f.text
		case hasParam(op.Headers, f.key):
			in.Header[f.key] = f.text
		default:
			extra.Add(f.key, f.text)
		}
	}
	if o.input != "" {
		b, err := readInput(env, o.input)
		if err != nil {
			return api.Request{}, err
		}
		body := string(b)
		in.Body = &body
	}
	if placeholders[catalog.OrgVariable] && in.PathParams[catalog.OrgVariable] == "" {
		return api.Request{}, errors.New("this request needs an organization: pass --org ID, set DINERO_ORG_ID or organizationId in the Postman environment (see 'dinero-tui orgs')")
	}
	prepared, err := catalog.Prepare(op, in)
	if err != nil {
		return api.Request{}, fmt.Errorf("%s: %w (give them with -f NAME=VALUE)", op.Name, err)
	}
	if m := strings.ToUpper(o.method); m != "" && m != op.Method {
		return api.Request{}, fmt.Errorf("%q is a %s request in the collection; drop -X or use a path instead of the operation id", op.Name, op.Method)
	}
	req, err := prepared.APIRequest()
	if err != nil {
		return api.Request{}, err
	}
	req.Query = extra
	if o.accept != "" {
		req.Accept = o.accept
		req.Header.Del("Accept")
	}
	if o.paginate {
		if req.Method != "GET" {
			return api.Request{}, fmt.Errorf("--paginate works only with GET, not %s", req.Method)
		}
		q, err := url.ParseQuery(req.RawQuery)
		if err != nil {
			return api.Request{}, fmt.Errorf("the request's query: %w", err)
		}
		for k, vs := range extra {
			q[k] = append(q[k], vs...)
		}
		req.Query, req.RawQuery = q, ""
	}
	return req, nil
}

func hasParam(ps []catalog.Param, name string) bool {
	return slices.ContainsFunc(ps, func(p catalog.Param) bool { return p.Name == name })
}
