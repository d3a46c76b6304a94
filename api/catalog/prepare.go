package catalog

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"net/textproto"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/dinero-tui/dinero-tui/api"
)

// Input is what the user (or a command line) gives an operation before it
// is sent. Every map is optional.
type Input struct {
	// PathParams fill {placeholders}; a missing one takes the parameter's
	// Default (a Postman path variable's value).
	PathParams map[string]string
	// Query, Header and Form give the value of the parameter, header or
	// form field of that name. A given empty value is not sent. One not
	// given is sent with its Value when Enabled, and not at all otherwise.
	Query, Header, Form map[string]string
	// Vars fill the operation's Vars (and any other {{name}}).
	Vars map[string]string
	// Body replaces the operation's body when not nil.
	Body *string
}

// Prepared is an operation ready for the wire, exactly as the collection
// says to send it.
type Prepared struct {
	Method     string
	Path       string            // template; {placeholders} are filled from PathParams by the API client
	PathParams map[string]string // values for the path's placeholders
	// RawQuery is the encoded query in the collection's order, escaped the
	// way Postman escapes it (commas and colons stay readable).
	RawQuery string
	Header   http.Header // the collection's enabled headers (Content-Type included)
	Body     []byte      // raw or urlencoded body; nil without one
	// Parts are a formdata body's fields; EncodeParts turns them into the
	// multipart body (reading the files).
	Parts  []Part
	NoAuth bool // send without the session's bearer token
}

// Part is one field of a multipart/form-data body.
type Part struct {
	Name  string
	Value string // the text, or the path of the file when File
	File  bool
}

// Prepare builds what op sends with in: the fields the collection enables
// (or the user filled), every {{variable}} replaced (dynamic ones with a
// fresh value), and the body in its mode. A {{variable}} with no value is
// an error naming it, so nothing with literal braces reaches the wire.
func Prepare(op Operation, in Input) (Prepared, error) {
	return prepareAt(op, in, time.Now())
}

func prepareAt(op Operation, in Input, now time.Time) (Prepared, error) {
	vars := in.Vars
	if org := in.PathParams[OrgVariable]; org != "" && vars[OrgVariable] == "" {
		vars = mergeVars(vars, map[string]string{OrgVariable: org})
	}
	f := filler{vars: vars, now: now}
	p := Prepared{Method: op.Method, NoAuth: op.NoAuth, PathParams: map[string]string{}, Header: http.Header{}}
	p.Path = f.fill(op.Path)
	for _, pp := range op.PathParams {
		v, ok := in.PathParams[pp.Name]
		if !ok {
			v = pp.Default
		}
		p.PathParams[pp.Name] = f.fill(v)
	}
	for k, v := range in.PathParams { // values for placeholders the catalogue does not list
		if _, ok := p.PathParams[k]; !ok {
			p.PathParams[k] = f.fill(v)
		}
	}
	var q []string
	for _, qp := range sent(op.Query, in.Query) {
		q = append(q, postmanEscape(f.fill(qp.Name), true)+"="+postmanEscape(f.fill(qp.Value), false))
	}
	p.RawQuery = strings.Join(q, "&")
	for _, h := range sent(op.Headers, in.Header) {
		p.Header.Add(h.Name, f.fill(h.Value))
	}
	body := op.Body
	if in.Body != nil {
		body = *in.Body
	}
	switch {
	case op.BodyType == "multipart/form-data":
		for _, fp := range sent(op.Form, in.Form) {
			part := Part{Name: f.fill(fp.Name), Value: fp.Value, File: fp.Type == "file"}
			if !part.File {
				part.Value = f.fill(part.Value)
			}
			p.Parts = append(p.Parts, part)
		}
	case op.BodyType == "application/x-www-form-urlencoded" && len(op.Form) > 0:
		var kv []string
		for _, fp := range sent(op.Form, in.Form) {
			kv = append(kv, url.QueryEscape(f.fill(fp.Name))+"="+url.QueryEscape(f.fill(fp.Value)))
		}
		p.Body = []byte(strings.Join(kv, "&"))
		setDefault(p.Header, "Content-Type", op.BodyType)
	case body != "" || in.Body != nil && op.Method != "GET":
		p.Body = []byte(f.fill(body))
		setDefault(p.Header, "Content-Type", orDefault(op.BodyType, "application/json"))
	}
	if len(f.missing) > 0 {
		sort.Strings(f.missing)
		return Prepared{}, fmt.Errorf("fill in the variable(s) %s first: no collection or environment variable defines them",
			strings.Join(f.missing, ", "))
	}
	return p, nil
}

// sent returns the params that go on the wire, with their values.
func sent(ps []Param, given map[string]string) []Param {
	var out []Param
	for _, p := range ps {
		v, ok := given[p.Name]
		switch {
		case ok && v == "":
			continue
		case ok:
			p.Value = v
		case !p.Enabled:
			continue
		}
		out = append(out, p)
	}
	return out
}

func setDefault(h http.Header, k, v string) {
	if h.Get(k) == "" {
		h.Set(k, v)
	}
}

// filler replaces {{variables}} and remembers the ones with no value.
type filler struct {
	vars    map[string]string
	now     time.Time
	missing []string
}

func (f *filler) fill(s string) string {
	out, missing := fill(s, f.vars, f.now)
	for _, m := range missing {
		if !slices.Contains(f.missing, m) {
			f.missing = append(f.missing, m)
		}
	}
	return out
}

// postmanEscape percent-encodes a query key or value the way Postman's URL
// encoder does: controls, space, non-ASCII and " # & ' < > (and = in a
// key); a % stays when it already starts an escape.
func postmanEscape(s string, key bool) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]):
			b.WriteByte(c)
		case c <= 0x20 || c >= 0x7f || strings.IndexByte(`"#&'<>%`, c) >= 0 || key && c == '=':
			fmt.Fprintf(&b, "%%%02X", c)
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

// maxPartFile bounds a file read into a formdata body.
const maxPartFile = 64 << 20

// EncodeParts builds the multipart/form-data body of p's Parts, reading
// the files, and returns it with its Content-Type (which carries the
// boundary). It returns nil values when p has no parts.
func (p Prepared) EncodeParts() ([]byte, string, error) {
	if len(p.Parts) == 0 {
		return nil, "", nil
	}
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	if err := writeParts(w, p.Parts, maxPartFile); err != nil {
		return nil, "", err
	}
	return buf.Bytes(), w.FormDataContentType(), nil
}

// StreamParts encodes parts as a multipart/form-data body that is written
// while it is read: the files are copied from disk in small pieces, so
// memory stays flat whatever their size. A file larger than limit bytes
// ends the body with an error. Close the body when done with it (the
// request does), which stops the writer.
func StreamParts(parts []Part, limit int64) (body io.ReadCloser, contentType string) {
	pr, pw := io.Pipe()
	w := multipart.NewWriter(pw)
	go func() { pw.CloseWithError(writeParts(w, parts, limit)) }()
	return pr, w.FormDataContentType()
}

// writeParts writes the fields and files of parts and closes w.
func writeParts(w *multipart.Writer, parts []Part, limit int64) error {
	for _, part := range parts {
		if !part.File {
			if err := w.WriteField(part.Name, part.Value); err != nil {
				return fmt.Errorf("form field %s: %w", part.Name, err)
			}
			continue
		}
		if err := writeFilePart(w, part, limit); err != nil {
			return err
		}
	}
	if err := w.Close(); err != nil {
		return fmt.Errorf("form body: %w", err)
	}
	return nil
}

// writeFilePart copies one file into a part named after its base name,
// typed by its extension or, failing that, by its first bytes.
func writeFilePart(w *multipart.Writer, part Part, limit int64) error {
	if part.Value == "" {
		return fmt.Errorf("form field %s is a file but names none; choose the file in Postman or fill the field with a path", part.Name)
	}
	f, err := os.Open(part.Value)
	if err != nil {
		return fmt.Errorf("form field %s: %w", part.Name, err)
	}
	defer f.Close()
	head := make([]byte, 512)
	nh, err := io.ReadFull(f, head)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) {
		return fmt.Errorf("form field %s: reading %s: %w", part.Name, part.Value, err)
	}
	head = head[:nh]
	h := textproto.MIMEHeader{}
	h.Set("Content-Disposition", fmt.Sprintf(`form-data; name="%s"; filename="%s"`, quoteEscape(part.Name), quoteEscape(filepath.Base(part.Value))))
	h.Set("Content-Type", FileType(part.Value, head))
	pw, err := w.CreatePart(h)
	if err != nil {
		return fmt.Errorf("form field %s: %w", part.Name, err)
	}
	n, err := io.Copy(pw, io.LimitReader(io.MultiReader(bytes.NewReader(head), f), limit+1))
	if err != nil {
		return fmt.Errorf("form field %s: reading %s: %w", part.Name, part.Value, err)
	}
	if n > limit {
		return fmt.Errorf("form field %s: %s is larger than %s", part.Name, filepath.Base(part.Value), sizeText(limit))
	}
	return nil
}

// FileType is the media type of a file: by its extension, else sniffed
// from its first bytes (up to 512), else application/octet-stream.
func FileType(name string, head []byte) string {
	if t := mime.TypeByExtension(strings.ToLower(filepath.Ext(name))); t != "" {
		return t
	}
	if len(head) == 0 {
		return "application/octet-stream"
	}
	return http.DetectContentType(head)
}

// sizeText writes a byte count in MB when it is whole MB (6 MB), else in bytes.
func sizeText(n int64) string {
	if n%(1<<20) == 0 {
		return fmt.Sprintf("%d MB", n>>20)
	}
	return fmt.Sprintf("%d bytes", n)
}

var quoteEscaper = strings.NewReplacer("\\", "\\\\", `"`, "\\\"", "\r", "%0D", "\n", "%0A")

func quoteEscape(s string) string { return quoteEscaper.Replace(s) }

// APIRequest turns p into the API client's request, encoding a formdata
// body (which reads its files).
func (p Prepared) APIRequest() (api.Request, error) {
	r := api.Request{Method: p.Method, Path: p.Path, PathParams: p.PathParams, RawQuery: p.RawQuery,
		Header: p.Header.Clone(), Body: p.Body, NoAuth: p.NoAuth}
	if len(p.Parts) > 0 {
		body, ct, err := p.EncodeParts()
		if err != nil {
			return api.Request{}, err
		}
		r.Body = body
		r.Header.Set("Content-Type", ct)
	}
	if ct := r.Header.Get("Content-Type"); ct != "" {
		r.ContentType = ct
	}
	if a := r.Header.Get("Accept"); a != "" {
		r.Accept = a
	}
	return r, nil
}

// FromPostman reports whether op carries anything of a Postman request
// beyond a method and path, so it must be sent through Prepare.
func (op Operation) FromPostman() bool {
	if op.RawBody || op.NoAuth || len(op.Headers)+len(op.Form)+len(op.Vars) > 0 {
		return true
	}
	for _, p := range op.Query {
		if p.Enabled {
			return true
		}
	}
	return false
}
