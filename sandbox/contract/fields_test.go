package contract

import (
	"encoding/json"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
)

// Lists that take `fields` answer only the properties asked for (a default
// set when none are), spelled the way the caller spelled them (reference
// §2.2). The official schemas cannot say that: they list every property as
// PascalCase, closed with additionalProperties false, with some required.
// Such answers are validated with their keys matched to the schema
// case-insensitively, against a copy of the file whose `required` lists are
// empty; the harness then checks the required properties that were asked
// for itself.

var (
	relaxedOnce sync.Once
	relaxedDoc  *openapi3.T
)

// loadRelaxed is the patched file with every `required` list emptied.
func loadRelaxed(t testing.TB) *openapi3.T {
	t.Helper()
	relaxedOnce.Do(func() {
		doc := loadSpecCopy(t)
		seen := map[*openapi3.Schema]bool{}
		for _, s := range doc.Components.Schemas {
			clearRequired(s, seen)
		}
		for _, item := range doc.Paths.Map() {
			for _, op := range item.Operations() {
				for _, r := range op.Responses.Map() {
					for _, mt := range r.Value.Content {
						clearRequired(mt.Schema, seen)
					}
				}
			}
		}
		relaxedDoc = doc
	})
	return relaxedDoc
}

func clearRequired(ref *openapi3.SchemaRef, seen map[*openapi3.Schema]bool) {
	if ref == nil || ref.Value == nil || seen[ref.Value] {
		return
	}
	s := ref.Value
	seen[s] = true
	s.Required = nil
	for _, p := range s.Properties {
		clearRequired(p, seen)
	}
	clearRequired(s.Items, seen)
	for _, l := range [][]*openapi3.SchemaRef{s.AllOf, s.AnyOf, s.OneOf} {
		for _, x := range l {
			clearRequired(x, seen)
		}
	}
}

// takesFields reports whether op has a `fields` query parameter.
func takesFields(op *openapi3.Operation) bool {
	for _, p := range op.Parameters {
		if p.Value != nil && p.Value.In == "query" && strings.EqualFold(p.Value.Name, "fields") {
			return true
		}
	}
	return false
}

// canonical renames the keys of v to the schema's spelling, matched
// case-insensitively, all the way down.
func canonical(v any, ref *openapi3.SchemaRef) any {
	if ref == nil || ref.Value == nil {
		return v
	}
	s := ref.Value
	switch x := v.(type) {
	case map[string]any:
		props := map[string]string{}
		for _, sub := range append([]*openapi3.SchemaRef{ref}, s.AllOf...) {
			if sub.Value == nil {
				continue
			}
			for name := range sub.Value.Properties {
				props[strings.ToLower(name)] = name
			}
		}
		out := make(map[string]any, len(x))
		for k, val := range x {
			name, ok := props[strings.ToLower(k)]
			if !ok {
				out[k] = val
				continue
			}
			out[name] = canonical(val, property(ref, name))
		}
		return out
	case []any:
		out := make([]any, len(x))
		for i, it := range x {
			out[i] = canonical(it, s.Items)
		}
		return out
	}
	return v
}

func property(ref *openapi3.SchemaRef, name string) *openapi3.SchemaRef {
	if p := ref.Value.Properties[name]; p != nil {
		return p
	}
	for _, sub := range ref.Value.AllOf {
		if sub.Value != nil && sub.Value.Properties[name] != nil {
			return sub.Value.Properties[name]
		}
	}
	return nil
}

// listItems returns the item schema and the items of a list answer: a bare
// array, or the Collection of a paged one.
func listItems(body any, ref *openapi3.SchemaRef) (*openapi3.SchemaRef, []any) {
	if arr, ok := body.([]any); ok && ref.Value.Items != nil {
		return ref.Value.Items, arr
	}
	if m, ok := body.(map[string]any); ok {
		if coll := property(ref, "Collection"); coll != nil && coll.Value != nil && coll.Value.Items != nil {
			arr, _ := m["Collection"].([]any)
			return coll.Value.Items, arr
		}
	}
	return nil, nil
}

// checkAskedRequired reports a required property that was asked for in
// fields (case-insensitively) but is missing from an item.
func checkAskedRequired(body []byte, ref *openapi3.SchemaRef, fields string) error {
	if fields == "" {
		return nil
	}
	asked := map[string]bool{}
	for _, f := range strings.Split(fields, ",") {
		asked[strings.ToLower(strings.TrimSpace(f))] = true
	}
	var v any
	if err := json.Unmarshal(body, &v); err != nil {
		return err
	}
	item, items := listItems(canonical(v, ref), ref)
	if item == nil || item.Value == nil {
		return nil
	}
	for i, it := range items {
		m, _ := it.(map[string]any)
		for _, name := range item.Value.Required {
			if _, ok := m[name]; asked[strings.ToLower(name)] && !ok {
				return fmt.Errorf("item %d lacks %s, which is required and was asked for", i, name)
			}
		}
	}
	return nil
}
