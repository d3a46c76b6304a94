package catalog

import (
	"fmt"
	"net/url"
	"strings"
)

// url returns the path (with {placeholders}, without scheme and host),
// the query parameters and the path variables' values of a Postman URL
// (a string or an object).
func (pm *postman) url(v any) (string, []Param, map[string]string, error) {
	var raw string
	var query []Param
	pathVals := map[string]string{}
	hasQueryList := false
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
		_, hasQueryList = o.get("query").([]any)
		for _, q := range asList(o.get("query")) {
			qo := asObject(q)
			k := asString(qo.get("key"))
			if k == "" {
				continue
			}
			p := Param{Name: k, Type: "string", Description: strings.TrimSpace(description(qo.get("description")))}
			if val := pm.expand(asString(qo.get("value"))); asBool(qo.get("disabled")) {
				p.Default = val
			} else {
				p.Enabled, p.Value = true, val
			}
			query = append(query, p)
		}
		for _, pv := range asList(o.get("variable")) {
			po := asObject(pv)
			if k := asString(po.get("key")); k != "" {
				pathVals[k] = pm.expand(asString(po.get("value")))
			}
		}
	} else {
		return "", nil, nil, fmt.Errorf("no URL")
	}
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return "", nil, nil, fmt.Errorf("empty URL")
	}
	path, rawQuery, _ := strings.Cut(raw, "?")
	if !hasQueryList && rawQuery != "" {
		for _, kvs := range strings.Split(rawQuery, "&") {
			k, v, _ := strings.Cut(kvs, "=")
			if k != "" {
				query = append(query, Param{Name: k, Type: "string", Enabled: true, Value: pm.expand(v)})
			}
		}
	}
	path = pm.stripHost(path)
	var segs []string
	for _, seg := range strings.Split(path, "/") {
		if seg == "" {
			continue
		}
		if strings.HasPrefix(seg, ":") && identifier.MatchString(seg[1:]) {
			seg = "{" + seg[1:] + "}"
		}
		seg = postmanVar.ReplaceAllStringFunc(seg, func(m string) string {
			name := strings.TrimSpace(m[2 : len(m)-2])
			if !identifier.MatchString(name) {
				return m // a dynamic or oddly named variable: filled when sent
			}
			if v, ok := pm.vars[name]; ok {
				if _, seen := pathVals[name]; !seen {
					pathVals[name] = Expand(v, pm.vars)
				}
			}
			return "{" + name + "}"
		})
		segs = append(segs, seg)
	}
	return "/" + strings.Join(segs, "/"), query, pathVals, nil
}

// stripHost removes the scheme and host, or a leading {{baseUrl}}-style
// variable (keeping any path its value carries), and counts the host
// variables used.
func (pm *postman) stripHost(path string) string {
	if m := postmanVar.FindStringSubmatchIndex(path); m != nil && m[0] == 0 {
		name := path[m[2]:m[3]]
		val := Expand(pm.vars[name], pm.vars)
		if u, err := url.Parse(val); err == nil && u.Host != "" {
			pm.hosts[name]++
			return strings.TrimRight(u.Path, "/") + path[m[1]:]
		}
		if val == "" || strings.Contains(strings.ToLower(name), "url") || strings.Contains(strings.ToLower(name), "host") {
			pm.hosts[name]++
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
