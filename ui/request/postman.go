package request

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/dinero-tui/dinero-tui/api/catalog"
	"github.com/dinero-tui/dinero-tui/ui/common"
)

// postmanRequest builds a Postman request from the form with
// catalog.Prepare, so it goes out as the collection says: enabled and
// filled fields only, variables resolved, the body in its mode.
func (m *Model) postmanRequest() (common.Request, error) {
	in := catalog.Input{PathParams: map[string]string{}, Query: map[string]string{}, Header: map[string]string{},
		Form: map[string]string{}, Vars: map[string]string{}}
	for _, f := range m.fields {
		v := strings.TrimSpace(f.input.Value())
		switch f.kind {
		case inPath:
			in.PathParams[f.param.Name] = v
		case inQuery:
			in.Query[f.param.Name] = v
		case inHeader:
			in.Header[f.param.Name] = v
		case inForm:
			in.Form[f.param.Name] = v
		case inVar:
			if v != "" {
				in.Vars[f.param.Name] = v
			}
		}
	}
	if m.org.ID != 0 { // {{organizationId}} anywhere is the chosen company
		in.Vars[catalog.OrgVariable] = strconv.FormatInt(m.org.ID, 10)
	}
	if m.hasBody() && len(m.op.Form) == 0 {
		body := m.body.Value()
		in.Body = &body
	}
	p, err := catalog.Prepare(m.op, in)
	req := common.Request{OperationID: m.op.ID, Method: m.op.Method, Path: m.op.Path, PathParams: p.PathParams,
		RawQuery: p.RawQuery, Header: p.Header, Body: p.Body, NoAuth: p.NoAuth, Parts: p.Parts}
	if req.PathParams == nil {
		req.PathParams = in.PathParams
	}
	req.Query, _ = url.ParseQuery(p.RawQuery)
	for _, f := range m.fields {
		if f.kind == inAccept {
			if req.Header == nil {
				req.Header = http.Header{}
			}
			req.Header.Set("Accept", f.input.Value())
		}
	}
	if len(p.Body) > 0 {
		req.ContentType = p.Header.Get("Content-Type")
	}
	return req, err
}

// jsonBody reports whether the body is JSON (and so checked before it is
// sent).
func (m *Model) jsonBody() bool {
	return len(m.op.Form) == 0 && (m.op.BodyType == "" || strings.Contains(m.op.BodyType, "json"))
}
