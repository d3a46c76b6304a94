package catalog

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/url"
	"regexp"
	"strings"
)

// pathVariables are collection variables that stand for path parameters our
// session fills, so they become {name} placeholders instead of values.
var postmanVar = regexp.MustCompile(`\{\{\s*([^{}]+?)\s*\}\}`)

// fromPostman builds a catalogue from a Postman Collection v2.0/v2.1:
// folders become groups ("Parent / Child" when nested), requests become
// operations, {{var}} and :var path parts become {var} placeholders, and
// raw example bodies become body templates. Auth blocks are ignored: the
// session authorizes every request.
func fromPostman(root *object) (*Catalog, []string) {
	pm := &postman{vars: map[string]string{}, groups: map[string]*Group{}, ids: map[string]int{}}
	for _, v := range asList(root.get("variable")) {
		o := asObject(v)
		if k := asString(o.get("key")); k != "" {
			pm.vars[k] = asString(o.get("value"))
		}
	}
	top := asString(asObject(root.get("info")).get("name"))
	if top == "" {
		top = "Requests"
	}
	pm.walk(asList(root.get("item")), "", top, 0)
	c := &Catalog{}
	for _, name := range pm.order {
		if g := pm.groups[name]; len(g.Operations) > 0 {
			c.Groups = append(c.Groups, *g)
		}
	}
	return c, pm.skipped
}

type postman struct {
	vars    map[string]string
	groups  map[string]*Group
	order   []string
	ids     map[string]int
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

func (pm *postman) walk(items []any, folder, top string, depth int) {
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
			pm.walk(asList(it.get("item")), sub, top, depth+1)
		case it.get("request") != nil:
			op, err := pm.request(it)
			if err != nil {
				pm.skipped = append(pm.skipped, fmt.Sprintf("request %q in %q: %v", name, orDefault(folder, top), err))
				continue
			}
			pm.group(orDefault(folder, top), "").Operations = append(pm.group(orDefault(folder, top), "").Operations, op)
		default:
			pm.skipped = append(pm.skipped, fmt.Sprintf("item %q in %q: neither a folder nor a request", name, orDefault(folder, top)))
		}
	}
}

func (pm *postman) request(it *object) (Operation, error) {
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
	path, query, err := pm.url(urlV)
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
	}
	for _, p := range placeholders(path) {
		op.PathParams = append(op.PathParams, Param{Name: p, Type: "string", Required: true})
	}
	op.Paged = hasParam(query, "page") && hasParam(query, "pageSize")
	body := asObject(req.get("body"))
	switch asString(body.get("mode")) {
	case "raw":
		op.Body, op.BodyType = prettyJSON(pm.expand(asString(body.get("raw")))), "application/json"
	case "formdata":
		op.BodyType = "multipart/form-data"
	case "urlencoded":
		op.BodyType = "application/x-www-form-urlencoded"
	}
	op.ID = uniqueID(pm.ids, slug(op.Method+" "+op.Path))
	return op, nil
}

// url returns the path (with {placeholders}, without scheme and host) and
// the query parameters of a Postman URL (a string or an object).
func (pm *postman) url(v any) (string, []Param, error) {
	var raw string
	var query []Param
	if s, ok := v.(string); ok {
		raw = s
	} else if o := asObject(v); o != nil {
		raw = asString(o.get("raw"))
		if pathList := asList(o.get("path")); len(pathList) > 0 && raw == "" {
			var segs []string
			for _, s := range pathList {
				segs = append(segs, asString(s))
			}
			raw = "/" + strings.Join(segs, "/")
		}
		for _, q := range asList(o.get("query")) {
			qo := asObject(q)
			if k := asString(qo.get("key")); k != "" {
				query = append(query, Param{
					Name:        k,
					Type:        "string",
					Default:     pm.expand(asString(qo.get("value"))),
					Description: strings.TrimSpace(description(qo.get("description"))),
				})
			}
		}
	} else {
		return "", nil, fmt.Errorf("no URL")
	}
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return "", nil, fmt.Errorf("empty URL")
	}
	path, rawQuery, _ := strings.Cut(raw, "?")
	if query == nil && rawQuery != "" {
		for _, kvs := range strings.Split(rawQuery, "&") {
			k, v, _ := strings.Cut(kvs, "=")
			if k != "" {
				query = append(query, Param{Name: k, Type: "string", Default: pm.expand(v)})
			}
		}
	}
	path = pm.stripHost(path)
	var segs []string
	for _, seg := range strings.Split(path, "/") {
		if seg == "" {
			continue
		}
		if strings.HasPrefix(seg, ":") && len(seg) > 1 {
			seg = "{" + seg[1:] + "}"
		}
		segs = append(segs, postmanVar.ReplaceAllString(seg, "{$1}"))
	}
	return "/" + strings.Join(segs, "/"), query, nil
}

// stripHost removes the scheme and host, or a leading {{baseUrl}}-style
// variable (keeping any path its value carries).
func (pm *postman) stripHost(path string) string {
	if m := postmanVar.FindStringSubmatchIndex(path); m != nil && m[0] == 0 {
		name := path[m[2]:m[3]]
		val := pm.vars[name]
		if u, err := url.Parse(val); err == nil && u.Host != "" {
			return strings.TrimRight(u.Path, "/") + path[m[1]:]
		}
		if val == "" || strings.Contains(strings.ToLower(name), "url") || strings.Contains(strings.ToLower(name), "host") {
			return path[m[1]:]
		}
	}
	if i := strings.Index(path, "://"); i >= 0 {
		rest := path[i+3:]
		if j := strings.IndexByte(rest, '/'); j >= 0 {
			return rest[j:]
		}
		return "/"
	}
	if !strings.HasPrefix(path, "/") {
		// "api.dinero.dk/v1/..." without a scheme
		if j := strings.IndexByte(path, '/'); j >= 0 && strings.Contains(path[:j], ".") {
			return path[j:]
		}
	}
	return path
}

// expand replaces each {{var}} that has a value in the collection; unknown
// ones are kept as written, so the user sees what to fill in.
func (pm *postman) expand(s string) string {
	return postmanVar.ReplaceAllStringFunc(s, func(m string) string {
		if v := pm.vars[strings.TrimSpace(m[2:len(m)-2])]; v != "" {
			return v
		}
		return m
	})
}

func description(v any) string {
	if s, ok := v.(string); ok {
		return s
	}
	return asString(asObject(v).get("content"))
}

// prettyJSON indents s when it is JSON and returns it unchanged otherwise.
func prettyJSON(s string) string {
	s = strings.TrimSpace(s)
	var buf bytes.Buffer
	if json.Indent(&buf, []byte(s), "", "  ") == nil {
		return buf.String()
	}
	return s
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
