package dinero

import (
	"bytes"
	"encoding/json"
	"strings"
	"time"
)

// column is one output property of an entity.
type column[T any] struct {
	name string
	get  func(T) any
}

// schema is an entity's ordered output properties, looked up case-insensitively.
type schema[T any] struct {
	cols  []column[T]
	index map[string]int
}

func newSchema[T any](cols ...column[T]) *schema[T] {
	s := &schema[T]{cols: cols, index: map[string]int{}}
	for i, c := range cols {
		s.index[strings.ToLower(c.name)] = i
	}
	return s
}

// only returns a schema restricted to names (in the schema's order).
func (s *schema[T]) only(names ...string) *schema[T] {
	keep := map[string]bool{}
	for _, n := range names {
		keep[strings.ToLower(n)] = true
	}
	var cols []column[T]
	for _, c := range s.cols {
		if keep[strings.ToLower(c.name)] {
			cols = append(cols, c)
		}
	}
	return newSchema(cols...)
}

// bound is a column chosen for output, with the key spelled as requested.
type bound[T any] struct {
	key []byte // JSON-encoded property name
	get func(T) any
}

// pick resolves a comma-separated fields list (def when empty) against the
// schema. Matching is case-insensitive and the key keeps the caller's
// spelling; unknown names are ignored and repeats dropped.
func (s *schema[T]) pick(fields, def string) []bound[T] {
	if strings.TrimSpace(fields) == "" {
		fields = def
	}
	var out []bound[T]
	seen := map[string]bool{}
	for _, f := range strings.Split(fields, ",") {
		f = strings.TrimSpace(f)
		i, ok := s.index[strings.ToLower(f)]
		if !ok || seen[strings.ToLower(f)] {
			continue
		}
		seen[strings.ToLower(f)] = true
		key, _ := json.Marshal(f)
		out = append(out, bound[T]{key: key, get: s.cols[i].get})
	}
	return out
}

// all binds every column with its own PascalCase name.
func (s *schema[T]) all() []bound[T] {
	out := make([]bound[T], len(s.cols))
	for i, c := range s.cols {
		key, _ := json.Marshal(c.name)
		out[i] = bound[T]{key: key, get: c.get}
	}
	return out
}

// jsonWriter appends JSON values to a buffer without HTML escaping.
type jsonWriter struct {
	buf *bytes.Buffer
	enc *json.Encoder
}

func newJSONWriter() *jsonWriter {
	b := &bytes.Buffer{}
	enc := json.NewEncoder(b)
	enc.SetEscapeHTML(false)
	return &jsonWriter{buf: b, enc: enc}
}

func (jw *jsonWriter) value(v any) {
	if err := jw.enc.Encode(v); err != nil {
		jw.buf.WriteString("null")
		return
	}
	jw.buf.Truncate(jw.buf.Len() - 1) // drop Encode's newline
}

func writeObject[T any](jw *jsonWriter, cols []bound[T], item T) {
	jw.buf.WriteByte('{')
	for i, c := range cols {
		if i > 0 {
			jw.buf.WriteByte(',')
		}
		jw.buf.Write(c.key)
		jw.buf.WriteByte(':')
		jw.value(c.get(item))
	}
	jw.buf.WriteByte('}')
}

// objectJSON renders every column of item.
func objectJSON[T any](s *schema[T], item T) []byte {
	jw := newJSONWriter()
	writeObject(jw, s.all(), item)
	return jw.buf.Bytes()
}

// arrayJSON renders items as a bare array with the chosen columns.
func arrayJSON[T any](cols []bound[T], items []T) []byte {
	jw := newJSONWriter()
	jw.buf.WriteByte('[')
	for i, it := range items {
		if i > 0 {
			jw.buf.WriteByte(',')
		}
		writeObject(jw, cols, it)
	}
	jw.buf.WriteByte(']')
	return jw.buf.Bytes()
}

// collectionJSON renders a page in Dinero's Collection + Pagination shape.
func collectionJSON[T any](cols []bound[T], items []T, pg paging, total int) []byte {
	jw := newJSONWriter()
	jw.buf.WriteString(`{"Collection":`)
	jw.buf.Write(arrayJSON(cols, items))
	jw.buf.WriteString(`,"Pagination":`)
	jw.value(struct {
		MaxPageSizeAllowed, PageSize, Result, ResultWithoutFilter, Page int
	}{maxPageSize, pg.size, len(items), total, pg.page})
	jw.buf.WriteByte('}')
	return jw.buf.Bytes()
}

// Value helpers: Dinero sends null for absent optional values.

func nullStr(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func nullInt(n int) any {
	if n == 0 {
		return nil
	}
	return n
}

func isoTime(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.UTC().Format("2006-01-02T15:04:05Z")
}

func isoTimePtr(t *time.Time) any {
	if t == nil {
		return nil
	}
	return isoTime(*t)
}
