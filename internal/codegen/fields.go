package codegen

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/tidwall/gjson"
)

// flatFields turns a JSON object body whose values are all scalars into
// `dinero-tui api` fields that rebuild exactly that body: strings as -f
// (sent as text whatever they look like), numbers, true, false and null
// as -F (typed). ok is false when the body cannot be said that way: not
// an object, empty, nested values, repeated or odd names, control
// characters, or numbers that -F would rewrite.
func flatFields(body []byte, placeholders map[string]bool) (args []string, ok bool) {
	if !gjson.ValidBytes(body) {
		return nil, false
	}
	root := gjson.ParseBytes(body)
	if !root.IsObject() {
		return nil, false
	}
	seen := map[string]bool{}
	ok = true
	root.ForEach(func(k, v gjson.Result) bool {
		name := k.String()
		if name == "" || seen[name] || placeholders[name] || strings.Contains(name, "=") || hasControl(name) {
			ok = false
			return false
		}
		seen[name] = true
		switch {
		case v.Type == gjson.String && !hasControl(v.Str):
			args = append(args, "-f", Quote(name+"="+v.Str))
		case v.Type == gjson.Number && canonicalNumber(v.Raw),
			v.Type == gjson.True, v.Type == gjson.False, v.Type == gjson.Null:
			args = append(args, "-F", Quote(name+"="+v.Raw))
		default:
			ok = false
			return false
		}
		return true
	})
	if !ok || len(args) == 0 {
		return nil, false
	}
	return args, true
}

// canonicalNumber reports whether -F turns raw back into the same JSON
// text: it reads whole numbers as int64 and others as float64.
func canonicalNumber(raw string) bool {
	if n, err := strconv.ParseInt(raw, 10, 64); err == nil {
		return strconv.FormatInt(n, 10) == raw
	}
	f, err := strconv.ParseFloat(raw, 64)
	return err == nil && strconv.FormatFloat(f, 'f', -1, 64) == raw
}

func hasControl(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) }) >= 0
}

var placeholder = regexp.MustCompile(`\{([A-Za-z_][A-Za-z0-9_]*)\}`)

// placeholders lists the {name} placeholders left in a path: the api
// command would fill them from fields of the same name.
func placeholders(path string) map[string]bool {
	out := map[string]bool{}
	for _, m := range placeholder.FindAllStringSubmatch(path, -1) {
		out[m[1]] = true
	}
	return out
}
