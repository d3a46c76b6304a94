package catalog

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"
)

var methods = []string{"get", "post", "put", "patch", "delete"}

// fromOpenAPI builds a catalogue from an OpenAPI 3 document: tags become
// groups (in the order of the document's tags list, then first use), and
// every operation keeps the document's own summary and description.
func fromOpenAPI(root *object) (*Catalog, []string) {
	oa := &openAPI{root: root, components: asObject(asObject(root.get("components")).get("schemas"))}
	var skipped []string
	groups := map[string]*Group{}
	var order []string
	for _, t := range asList(root.get("tags")) {
		if name := asString(asObject(t).get("name")); name != "" && groups[name] == nil {
			groups[name] = &Group{Name: GroupName(name), Description: firstLine(asString(asObject(t).get("description")))}
			order = append(order, name)
		}
	}
	paths := asObject(root.get("paths"))
	if paths == nil {
		return &Catalog{}, []string{"the file has no paths object"}
	}
	ids := map[string]int{}
	for _, p := range paths.keys {
		item := asObject(paths.get(p))
		if !strings.HasPrefix(p, "/") {
			skipped = append(skipped, fmt.Sprintf("path %q: does not start with /", p))
			continue
		}
		if item == nil {
			skipped = append(skipped, fmt.Sprintf("path %s: not an object", p))
			continue
		}
		shared := asList(item.get("parameters"))
		for _, m := range methods {
			raw := item.get(m)
			if raw == nil {
				continue
			}
			op := asObject(raw)
			if op == nil {
				skipped = append(skipped, fmt.Sprintf("%s %s: not an object", strings.ToUpper(m), p))
				continue
			}
			o, notes := oa.operation(m, p, op, shared)
			for _, n := range notes {
				skipped = append(skipped, fmt.Sprintf("%s %s: %s", o.Method, p, n))
			}
			tag := "Other"
			if tags := asList(op.get("tags")); len(tags) > 0 && asString(tags[0]) != "" {
				tag = asString(tags[0])
			}
			o.ID = uniqueID(ids, openAPIID(tag, op, o))
			g := groups[tag]
			if g == nil {
				g = &Group{Name: GroupName(tag)}
				groups[tag] = g
				order = append(order, tag)
			}
			g.Operations = append(g.Operations, o)
		}
	}
	c := &Catalog{}
	for _, name := range order {
		if g := groups[name]; len(g.Operations) > 0 {
			c.Groups = append(c.Groups, *g)
		}
	}
	return c, skipped
}

type openAPI struct {
	root       *object
	components *object
}

func (oa *openAPI) operation(method, path string, op *object, shared []any) (Operation, []string) {
	var notes []string
	o := Operation{
		Name:        firstLine(asString(op.get("summary"))),
		Description: strings.TrimSpace(asString(op.get("description"))),
		Method:      strings.ToUpper(method),
		Path:        path,
		Write:       method != "get",
		Deprecated:  asBool(op.get("deprecated")),
	}
	if o.Name == "" {
		o.Name = o.Method + " " + path
	}
	seen := map[string]bool{}
	for _, raw := range append(append([]any(nil), asList(op.get("parameters"))...), shared...) {
		p := asObject(oa.resolve(raw, 0))
		name, in := asString(p.get("name")), asString(p.get("in"))
		if p == nil || name == "" {
			notes = append(notes, "a parameter without a name was skipped")
			continue
		}
		if seen[in+" "+name] {
			continue // operation-level parameters override path-level ones
		}
		seen[in+" "+name] = true
		param := oa.param(p)
		switch in {
		case "path":
			param.Required = true
			o.PathParams = append(o.PathParams, param)
		case "query":
			o.Query = append(o.Query, param)
		}
	}
	o.PathParams = orderLike(o.PathParams, placeholders(path))
	if body := asObject(oa.resolve(op.get("requestBody"), 0)); body != nil {
		content := asObject(body.get("content"))
		if content != nil && len(content.keys) > 0 {
			o.BodyType = content.keys[0]
			if js := asObject(content.get("application/json")); js != nil {
				o.BodyType = "application/json"
				o.Body = oa.template(js.get("schema"))
			} else if strings.HasPrefix(o.BodyType, "multipart/") {
				o.BodyType = "multipart/form-data"
			}
		}
	}
	ok := asObject(asObject(op.get("responses")).get("200"))
	if ok == nil {
		ok = asObject(asObject(op.get("responses")).get("201"))
	}
	content := asObject(asObject(oa.resolve(ok, 0)).get("content"))
	if content != nil {
		o.Accepts = append(o.Accepts, content.keys...)
	}
	o.Accepts = acceptsNamedInText(o.Accepts, o.Description)
	o.Paged = hasParam(o.Query, "page") && hasParam(o.Query, "pageSize") && oa.returnsCollection(content)
	return o, notes
}

func (oa *openAPI) returnsCollection(content *object) bool {
	js := asObject(content.get("application/json"))
	if js == nil {
		return false
	}
	raw := js.get("schema")
	if ref := asString(asObject(raw).get("$ref")); strings.HasSuffix(ref, "DineroCollection") {
		return true
	}
	s := asObject(oa.resolve(raw, 0))
	return asObject(s.get("properties")).get("Collection") != nil
}

func (oa *openAPI) param(p *object) Param {
	s := asObject(oa.resolve(p.get("schema"), 0))
	param := Param{
		Name:        asString(p.get("name")),
		Type:        schemaType(s),
		Required:    asBool(p.get("required")),
		Description: strings.TrimSpace(asString(p.get("description"))),
	}
	if d := s.get("default"); d != nil {
		param.Default = asString(d)
	}
	for _, e := range asList(s.get("enum")) {
		if v := asString(e); v != "" {
			param.Enum = append(param.Enum, v)
		}
	}
	return param
}

// resolve follows local $refs ("#/components/...") up to a small depth.
func (oa *openAPI) resolve(v any, depth int) any {
	o := asObject(v)
	ref := asString(o.get("$ref"))
	if ref == "" || depth > 20 {
		return v
	}
	if !strings.HasPrefix(ref, "#/") {
		return nil
	}
	var cur any = oa.root
	for _, part := range strings.Split(strings.TrimPrefix(ref, "#/"), "/") {
		part = strings.ReplaceAll(strings.ReplaceAll(part, "~1", "/"), "~0", "~")
		cur = asObject(cur).get(part)
		if cur == nil {
			return nil
		}
	}
	return oa.resolve(cur, depth+1)
}

// schemaType maps a schema to the catalogue's parameter types.
func schemaType(s *object) string {
	t := asString(s.get("type"))
	if t == "" {
		for _, x := range asList(s.get("type")) { // OpenAPI 3.1: ["string","null"]
			if xs := asString(x); xs != "null" && xs != "" {
				t = xs
				break
			}
		}
	}
	switch f := asString(s.get("format")); {
	case f == "uuid":
		return "guid"
	case f == "date-time":
		return "datetime"
	case f == "date":
		return "date"
	}
	switch t {
	case "integer", "number", "boolean", "array":
		return t
	}
	return "string"
}

// template builds a JSON body with the schema's required properties (all
// properties when none are required), each holding a placeholder of its
// type.
func (oa *openAPI) template(schema any) string {
	v := oa.sample(schema, 0)
	if v == nil {
		return ""
	}
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return ""
	}
	return string(b)
}

func (oa *openAPI) sample(schema any, depth int) any {
	s := asObject(oa.resolve(schema, 0))
	if s == nil || depth > 4 {
		return nil
	}
	if e := asList(s.get("enum")); len(e) > 0 {
		return e[0]
	}
	if all := asList(s.get("allOf")); len(all) > 0 {
		return oa.sample(all[0], depth)
	}
	switch schemaType(s) {
	case "integer", "number":
		return 0
	case "boolean":
		return false
	case "guid":
		return "00000000-0000-0000-0000-000000000000"
	case "date":
		return "YYYY-MM-DD"
	case "datetime":
		return "YYYY-MM-DDTHH:mm:ssZ"
	case "array":
		if item := oa.sample(s.get("items"), depth+1); item != nil {
			if _, isObj := item.(orderedJSON); isObj {
				return []any{item}
			}
		}
		return []any{}
	}
	props := asObject(s.get("properties"))
	if props == nil {
		if asString(s.get("type")) == "object" {
			return orderedJSON{}
		}
		return ""
	}
	var keys []string
	for _, r := range asList(s.get("required")) {
		if k := asString(r); props.get(k) != nil {
			keys = append(keys, k)
		}
	}
	if len(keys) == 0 {
		keys = append(keys, props.keys...)
	}
	out := orderedJSON{}
	for _, k := range keys {
		out = append(out, kv{k, oa.sample(props.get(k), depth+1)})
	}
	return out
}

// orderedJSON marshals as an object with keys in order.
type orderedJSON []kv

type kv struct {
	k string
	v any
}

// MarshalJSON writes the keys in order.
func (o orderedJSON) MarshalJSON() ([]byte, error) {
	var b strings.Builder
	b.WriteByte('{')
	for i, p := range o {
		if i > 0 {
			b.WriteByte(',')
		}
		k, _ := json.Marshal(p.k)
		v, err := json.Marshal(p.v)
		if err != nil {
			return nil, err
		}
		b.Write(k)
		b.WriteByte(':')
		b.Write(v)
	}
	b.WriteByte('}')
	return []byte(b.String()), nil
}

func hasParam(ps []Param, name string) bool {
	for _, p := range ps {
		if p.Name == name {
			return true
		}
	}
	return false
}

// orderLike sorts params into the order their placeholders appear.
func orderLike(ps []Param, names []string) []Param {
	pos := map[string]int{}
	for i, n := range names {
		pos[n] = i
	}
	sort.SliceStable(ps, func(i, j int) bool {
		pi, oki := pos[ps[i].Name]
		pj, okj := pos[ps[j].Name]
		if oki != okj {
			return oki
		}
		return pi < pj
	})
	return ps
}

func placeholders(path string) []string {
	var out []string
	for {
		i := strings.IndexByte(path, '{')
		if i < 0 {
			return out
		}
		j := strings.IndexByte(path[i:], '}')
		if j < 0 {
			return out
		}
		out = append(out, path[i+1:i+j])
		path = path[i+j+1:]
	}
}

func firstLine(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = strings.TrimSpace(s[:i])
	}
	return s
}

// openAPIID derives a stable id: the operationId when there is one, else
// the tag and a slug of method and path.
func openAPIID(tag string, op *object, o Operation) string {
	if id := asString(op.get("operationId")); id != "" {
		return id
	}
	var parts []string
	for _, seg := range strings.Split(o.Path, "/") {
		if seg == "" || strings.HasPrefix(seg, "{") {
			continue
		}
		parts = append(parts, strings.ToLower(seg))
	}
	return strings.ToLower(tag) + "." + strings.ToLower(o.Method) + "." + strings.Join(parts, "-")
}

func uniqueID(seen map[string]int, id string) string {
	seen[id]++
	if n := seen[id]; n > 1 {
		return fmt.Sprintf("%s-%d", id, n)
	}
	return id
}

// octetStream is the media type Dinero answers a PDF in.
const octetStream = "application/octet-stream"

// acceptsNamedInText adds application/octet-stream to an operation's answer
// types when its description tells the reader to ask for it with the Accept
// header although the responses omit it (Dinero's "Get credit note": "json or
// pdf ... 'application/octet-stream'" with only a JSON response listed).
func acceptsNamedInText(accepts []string, description string) []string {
	if len(accepts) == 0 || !strings.Contains(description, "Accept header") || !strings.Contains(description, octetStream) {
		return accepts
	}
	for _, a := range accepts {
		if a == octetStream {
			return accepts
		}
	}
	return append(accepts, octetStream)
}
