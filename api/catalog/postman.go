package catalog

import (
	"fmt"
	"maps"
	"regexp"
	"strings"
)

// PostmanInfo is what a Postman collection holds beyond its requests.
type PostmanInfo struct {
	Name string
	// Variables are the collection's own enabled variables.
	Variables map[string]string
	// Environment holds the Postman environment the collection was loaded
	// with (LoadOptions.Environment); its values win over Variables.
	Environment map[string]string
	// HostVariable names the variable that stands for the host in most
	// requests (e.g. "baseUrl"); "" when the hosts are written out.
	HostVariable string
	// OAuth2 is the collection-level OAuth2 block as written (keys such as
	// clientId, clientSecret, authUrl, with {{variables}} unresolved); nil
	// when the collection has none. It may hold a secret: never print it.
	OAuth2 map[string]string
}

// Vars returns the variables requests are resolved with: the collection's,
// overridden by the environment's.
func (p *PostmanInfo) Vars() map[string]string {
	out := maps.Clone(p.Variables)
	if out == nil {
		out = map[string]string{}
	}
	maps.Copy(out, p.Environment)
	return out
}

// OrgVariable is the variable that names the company. It is never
// resolved from the collection: the chosen company fills it when a request
// is sent (its value in a collection or environment preselects the
// company instead).
const OrgVariable = "organizationId"

// identifier is a variable name that can be a {name} path placeholder.
var identifier = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)

// fromPostman builds a catalogue from a Postman Collection v2.0/v2.1:
// folders become groups ("Parent / Child" when nested) and requests become
// operations that keep what Postman sends: enabled query parameters and
// headers with their values (disabled ones offered, not sent), folder
// headers, auth inheritance (noauth = no bearer token), and raw,
// urlencoded and formdata bodies. Variables are resolved from env over the
// collection's own; {{var}} and :var path parts become {var} placeholders;
// other references nothing defines become Operation.Vars.
func fromPostman(root *object, env map[string]string) (*Catalog, []string) {
	info := &PostmanInfo{Name: asString(asObject(root.get("info")).get("name")), Variables: variables(root.get("variable")),
		Environment: env}
	vars := info.Vars()
	delete(vars, OrgVariable) // always the chosen company: filled when sent
	pm := &postman{vars: vars, groups: map[string]*Group{}, ids: map[string]int{}, hosts: map[string]int{}}
	rootAuth := asObject(root.get("auth"))
	if asString(rootAuth.get("type")) == "oauth2" {
		info.OAuth2 = authValues(rootAuth.get("oauth2"))
	}
	top := orDefault(strings.TrimSpace(info.Name), "Requests")
	pm.walk(asList(root.get("item")), "", top, 0, scope{noAuth: isNoAuth(rootAuth), headers: headerParams(root.get("header"))})
	c := &Catalog{Postman: info}
	for _, name := range pm.order {
		if g := pm.groups[name]; len(g.Operations) > 0 {
			c.Groups = append(c.Groups, *g)
		}
	}
	best := 0
	for name, n := range pm.hosts {
		if n > best || n == best && name < info.HostVariable {
			info.HostVariable, best = name, n
		}
	}
	return c, pm.skipped
}

// scope is what a folder passes down to its requests.
type scope struct {
	noAuth  bool
	headers []Param
}

type postman struct {
	vars    map[string]string
	groups  map[string]*Group
	order   []string
	ids     map[string]int
	hosts   map[string]int // host variable name -> requests using it
	skipped []string
}

func (pm *postman) group(name, desc string) *Group {
	g := pm.groups[name]
	if g == nil {
		g = &Group{Name: name, Description: desc}
		pm.groups[name] = g
		pm.order = append(pm.order, name)
	}
	return g
}

func (pm *postman) walk(items []any, folder, top string, depth int, sc scope) {
	if depth > 20 {
		pm.skipped = append(pm.skipped, fmt.Sprintf("folder %q: nested too deeply", folder))
		return
	}
	for i, raw := range items {
		it := asObject(raw)
		name := strings.TrimSpace(asString(it.get("name")))
		switch {
		case it == nil:
			pm.skipped = append(pm.skipped, fmt.Sprintf("item %d in %q: not an object", i+1, orDefault(folder, top)))
		case it.get("item") != nil: // a folder
			sub := orDefault(name, fmt.Sprintf("Folder %d", i+1))
			if folder != "" {
				sub = folder + " / " + sub
			}
			pm.group(sub, firstLine(description(it.get("description"))))
			inner := sc
			if a := asObject(it.get("auth")); a != nil && asString(a.get("type")) != "inherit" {
				inner.noAuth = isNoAuth(a)
			}
			inner.headers = mergeHeaders(sc.headers, headerParams(it.get("header")))
			pm.walk(asList(it.get("item")), sub, top, depth+1, inner)
		case it.get("request") != nil:
			op, err := pm.request(it, sc)
			if err != nil {
				pm.skipped = append(pm.skipped, fmt.Sprintf("request %q in %q: %v", name, orDefault(folder, top), err))
				continue
			}
			g := pm.group(orDefault(folder, top), "")
			g.Operations = append(g.Operations, op)
		default:
			pm.skipped = append(pm.skipped, fmt.Sprintf("item %q in %q: neither a folder nor a request", name, orDefault(folder, top)))
		}
	}
}

func (pm *postman) request(it *object, sc scope) (Operation, error) {
	reqV := it.get("request")
	req := asObject(reqV)
	var method string
	var urlV any
	if s, ok := reqV.(string); ok { // v2 allows a bare URL string
		method, urlV = "GET", s
	} else if req != nil {
		method = strings.ToUpper(strings.TrimSpace(asString(req.get("method"))))
		urlV = req.get("url")
		if method == "" {
			method = "GET"
		}
	} else {
		return Operation{}, fmt.Errorf("request is neither an object nor a URL")
	}
	switch method {
	case "GET", "POST", "PUT", "PATCH", "DELETE":
	default:
		return Operation{}, fmt.Errorf("method %q is not supported", method)
	}
	path, query, pathDefaults, err := pm.url(urlV)
	if err != nil {
		return Operation{}, err
	}
	name := strings.TrimSpace(asString(it.get("name")))
	op := Operation{
		Name:        orDefault(name, method+" "+path),
		Description: strings.TrimSpace(description(req.get("description"))),
		Method:      method,
		Path:        path,
		Query:       query,
		Write:       method != "GET",
		Headers:     mergeHeaders(sc.headers, headerParams(req.get("header"))),
		NoAuth:      sc.noAuth,
	}
	if a := asObject(req.get("auth")); a != nil && asString(a.get("type")) != "inherit" {
		op.NoAuth = isNoAuth(a)
	}
	for i := range op.Headers {
		op.Headers[i].Value = pm.expand(op.Headers[i].Value)
		op.Headers[i].Default = pm.expand(op.Headers[i].Default)
	}
	for _, p := range placeholders(path) {
		def := pathDefaults[p]
		if undefinedRef(def) {
			def = "" // the user fills the path parameter itself
		}
		op.PathParams = append(op.PathParams, Param{Name: p, Type: "string", Required: true, Default: def})
	}
	op.Paged = hasParam(query, "page") && hasParam(query, "pageSize")
	pm.body(&op, asObject(req.get("body")))
	op.Vars = pm.undefined(op)
	op.ID = uniqueID(pm.ids, slug(op.Method+" "+op.Path))
	return op, nil
}

// body reads a Postman body into op, keeping its mode.
func (pm *postman) body(op *Operation, body *object) {
	if body == nil || asBool(body.get("disabled")) {
		return
	}
	switch asString(body.get("mode")) {
	case "raw":
		op.Body, op.RawBody = pm.expand(asString(body.get("raw"))), true
		op.BodyType = rawContentType(asString(asObject(asObject(body.get("options")).get("raw")).get("language")))
	case "urlencoded":
		op.Form, op.BodyType = pm.fields(body.get("urlencoded")), "application/x-www-form-urlencoded"
	case "formdata":
		op.Form, op.BodyType = pm.fields(body.get("formdata")), "multipart/form-data"
	}
	if ct := headerValue(op.Headers, "Content-Type"); ct != "" && op.BodyType != "multipart/form-data" {
		op.BodyType = ct
	}
}

// rawContentType is the Content-Type Postman adds for a raw body language.
func rawContentType(language string) string {
	switch language {
	case "json":
		return "application/json"
	case "javascript":
		return "application/javascript"
	case "xml":
		return "application/xml"
	case "html":
		return "text/html"
	}
	return "text/plain"
}

// fields reads urlencoded or formdata fields.
func (pm *postman) fields(v any) []Param {
	var out []Param
	for _, f := range asList(v) {
		o := asObject(f)
		k := asString(o.get("key"))
		if k == "" {
			continue
		}
		p := Param{Name: k, Type: "string", Description: strings.TrimSpace(description(o.get("description")))}
		val := pm.expand(asString(o.get("value")))
		if asString(o.get("type")) == "file" {
			p.Type = "file"
			val = asString(o.get("src"))
			if l := asList(o.get("src")); len(l) > 0 {
				val = asString(l[0])
			}
		}
		if asBool(o.get("disabled")) {
			p.Default = val
		} else {
			p.Enabled, p.Value = true, val
		}
		out = append(out, p)
	}
	return out
}

// undefined lists the {{variables}} op still refers to that nothing
// defines (dynamic variables excepted): the user must fill them.
func (pm *postman) undefined(op Operation) []Param {
	texts := []string{op.Body, op.Path}
	for _, ps := range [][]Param{op.Query, op.Headers, op.Form} {
		for _, p := range ps {
			if p.Enabled && p.Type != "file" {
				texts = append(texts, p.Name, p.Value)
			}
		}
	}
	var out []Param
	seen := map[string]bool{}
	for _, t := range texts {
		for _, name := range References(t) {
			if seen[name] || IsDynamic(name) || name == OrgVariable {
				continue
			}
			seen[name] = true
			out = append(out, Param{Name: name, Type: "string", Required: true,
				Description: "Postman variable {{" + name + "}}: no collection or environment variable defines it"})
		}
	}
	return out
}

// undefinedRef reports whether s still refers to a variable that is
// neither defined nor dynamic.
func undefinedRef(s string) bool {
	for _, name := range References(s) {
		if !IsDynamic(name) {
			return true
		}
	}
	return false
}

// expand resolves the variables the collection and environment define;
// the others stay as written.
func (pm *postman) expand(s string) string { return Expand(s, pm.vars) }

// variables reads a Postman variable list, skipping disabled entries.
func variables(v any) map[string]string {
	out := map[string]string{}
	for _, e := range asList(v) {
		o := asObject(e)
		if k := asString(o.get("key")); k != "" && !asBool(o.get("disabled")) {
			out[k] = asString(o.get("value"))
		}
	}
	return out
}

// authValues reads the settings of an auth block: a list of {key, value}
// (v2.1) or an object (v2.0).
func authValues(v any) map[string]string {
	out := map[string]string{}
	if o := asObject(v); o != nil {
		for _, k := range o.keys {
			out[k] = asString(o.get(k))
		}
		return out
	}
	for _, e := range asList(v) {
		o := asObject(e)
		if k := asString(o.get("key")); k != "" {
			out[k] = asString(o.get("value"))
		}
	}
	return out
}

func isNoAuth(a *object) bool { return a != nil && asString(a.get("type")) == "noauth" }

// headerParams reads a header list, or the "Key: Value" lines v2.0 allows.
func headerParams(v any) []Param {
	var out []Param
	if s, ok := v.(string); ok {
		for _, line := range strings.Split(s, "\n") {
			if k, val, ok := strings.Cut(line, ":"); ok && strings.TrimSpace(k) != "" && !strings.EqualFold(strings.TrimSpace(k), "Authorization") {
				out = append(out, Param{Name: strings.TrimSpace(k), Type: "string", Enabled: true, Value: strings.TrimSpace(val)})
			}
		}
		return out
	}
	for _, h := range asList(v) {
		o := asObject(h)
		k := strings.TrimSpace(asString(o.get("key")))
		if k == "" || strings.ContainsAny(k, " :\r\n\t") || strings.EqualFold(k, "Authorization") {
			continue // the login authorizes; a token in a header is never shown or sent
		}
		p := Param{Name: k, Type: "string", Description: strings.TrimSpace(description(o.get("description")))}
		if val := asString(o.get("value")); asBool(o.get("disabled")) {
			p.Default = val
		} else {
			p.Enabled, p.Value = true, val
		}
		out = append(out, p)
	}
	return out
}

// mergeHeaders puts a request's headers after its folders', an enabled
// request header replacing a folder header of the same name.
func mergeHeaders(outer, inner []Param) []Param {
	out := make([]Param, 0, len(outer)+len(inner))
	for _, o := range outer {
		if !(o.Enabled && enabledHeader(inner, o.Name)) {
			out = append(out, o)
		}
	}
	return append(out, inner...)
}

func enabledHeader(ps []Param, name string) bool {
	for _, p := range ps {
		if p.Enabled && strings.EqualFold(p.Name, name) {
			return true
		}
	}
	return false
}

// headerValue is the value of the last enabled header called name.
func headerValue(ps []Param, name string) string {
	v := ""
	for _, p := range ps {
		if p.Enabled && strings.EqualFold(p.Name, name) {
			v = p.Value
		}
	}
	return v
}

func description(v any) string {
	if s, ok := v.(string); ok {
		return s
	}
	return asString(asObject(v).get("content"))
}

func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '.' {
			b.WriteRune(r)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}

func orDefault(s, d string) string {
	if s == "" {
		return d
	}
	return s
}
