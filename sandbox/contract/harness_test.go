package contract

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/tidwall/gjson"

	"github.com/dinero-tui/dinero-tui/sandbox"
	"github.com/dinero-tui/dinero-tui/sandbox/demodata"
	"github.com/dinero-tui/dinero-tui/sandbox/dinero"
	"github.com/dinero-tui/dinero-tui/sandbox/sandboxtest"
)

// apiCall is one row of the proof table. Path parameters, query, body and
// the organization may use {{var}}: a value kept by an earlier call.
type apiCall struct {
	Op      string            // operation id from the sandbox route table, e.g. "Invoices_BookInvoice"
	Name    string            // what the call shows, e.g. "stale timestamp"
	Org     string            // organizationId; "" is the demo organization {{org}}
	Params  map[string]string // the other path parameters
	Query   string            // raw query string
	Body    string            // JSON body (sent as application/json unless Type says otherwise)
	Type    string            // request Content-Type when not application/json
	Accept  string            // Accept header; "" is application/json
	File    *upload           // a multipart file upload instead of Body
	NoToken bool              // sent without the access token
	Status  int               // the status the call must get
	Code    int               // for errors: the Dinero error code it must carry (0 = any)
	Invalid bool              // the request breaks the schema on purpose: the validator must refuse it
	Keep    map[string]string // var -> gjson path into the answer, for later calls
}

// upload is a multipart/form-data body with one part named "file".
type upload struct {
	Name    string
	Content []byte
}

// errorSchema is Dinero's JSON error shape (reference §2, errors), which the
// official file does not describe: every error answer must match it.
var errorSchema = func() *openapi3.Schema {
	var s openapi3.Schema
	const raw = `{"type":"object","required":["code","message"],"properties":{
		"code":{"type":"integer"},"message":{"type":"string"},"operation":{"type":"string"},
		"validationErrors":{"type":"object","additionalProperties":{"type":"string"}},
		"languageSpecificMessages":{"type":"array","items":{"type":"object","required":["property","message"],
			"properties":{"property":{"type":"string"},"message":{"type":"string"}}}}}}`
	if err := json.Unmarshal([]byte(raw), &s); err != nil {
		panic(err)
	}
	return &s
}()

// harness runs calls against one sandbox.
type harness struct {
	t    *testing.T
	sb   *sandbox.Sandbox
	hc   *http.Client
	doc  *openapi3.T
	ops  map[string]dinero.Operation // by operation id
	vars map[string]string
}

// clock is the fixed "now" of the proof: the day after the demo data's anchor.
var clock = demodata.Anchor.Add(27 * time.Hour)

func newHarness(t *testing.T) *harness {
	t.Helper()
	doc := loadSpec(t)
	sb := sandboxtest.Start(t, sandbox.Options{AutoApprove: true, RateLimit: -1, Now: func() time.Time { return clock }})
	h := &harness{t: t, sb: sb, doc: doc, ops: map[string]dinero.Operation{},
		vars: map[string]string{"org": strconv.Itoa(demodata.OrgCarpenter)}}
	for _, op := range sb.Dinero.Operations() {
		h.ops[op.OperationID] = op
	}
	h.hc = sandboxtest.BearerClient(sandboxtest.AccessToken(t, sb))
	return h
}

var varRe = regexp.MustCompile(`\{\{(\w+)\}\}`)

// expand fills {{var}} references; an unknown var fails the call.
func (h *harness) expand(s string) (string, error) {
	var missing []string
	out := varRe.ReplaceAllStringFunc(s, func(m string) string {
		v, ok := h.vars[m[2:len(m)-2]]
		if !ok {
			missing = append(missing, m)
		}
		return v
	})
	if len(missing) > 0 {
		return "", fmt.Errorf("no value kept yet for %s", strings.Join(missing, ", "))
	}
	return out, nil
}

// run sends c, checks it against the spec, and keeps its values.
func (h *harness) run(c apiCall) {
	h.t.Helper()
	if err := h.try(c); err != nil {
		h.t.Errorf("%s (%s): %v", c.Op, c.Name, err)
	}
}

func (h *harness) try(c apiCall) error {
	op, ok := h.ops[c.Op]
	if !ok {
		return fmt.Errorf("no such operation in the route table")
	}
	rt, ok := route(h.doc, op.Method, op.Path)
	if !ok {
		return fmt.Errorf("%s %s is not in the official file", op.Method, op.Path)
	}
	req, params, err := h.build(c, op)
	if err != nil {
		return err
	}
	in := &openapi3filter.RequestValidationInput{Request: req, PathParams: params, Route: rt, Options: filterOptions()}
	reqErr := openapi3filter.ValidateRequest(context.Background(), in)
	switch {
	case c.Invalid && reqErr == nil:
		return fmt.Errorf("the request was meant to break the schema, but the validator accepts it")
	case !c.Invalid && reqErr != nil:
		return fmt.Errorf("request is not valid against the spec: %v", reqErr)
	}
	client := h.hc
	if c.NoToken {
		client = http.DefaultClient
	}
	res, err := client.Do(req)
	if err != nil {
		return err
	}
	body, err := io.ReadAll(res.Body)
	res.Body.Close()
	if err != nil {
		return err
	}
	if res.StatusCode != c.Status {
		return fmt.Errorf("status %d, want %d; body %.300s", res.StatusCode, c.Status, body)
	}
	for name, path := range c.Keep {
		v := gjson.GetBytes(body, path)
		if !v.Exists() {
			return fmt.Errorf("answer has no %s to keep as {{%s}}: %.300s", path, name, body)
		}
		h.vars[name] = v.String()
	}
	return h.checkAnswer(c, in, res, body)
}

// build makes the HTTP request of c for op and returns its path parameters.
func (h *harness) build(c apiCall, op dinero.Operation) (*http.Request, map[string]string, error) {
	params := map[string]string{}
	for k, v := range c.Params {
		x, err := h.expand(v)
		if err != nil {
			return nil, nil, err
		}
		params[k] = x
	}
	if strings.Contains(op.Path, "{organizationId}") {
		org := c.Org
		if org == "" {
			org = "{{org}}"
		}
		x, err := h.expand(org)
		if err != nil {
			return nil, nil, err
		}
		params["organizationId"] = x
	}
	path := op.Path
	for k, v := range params {
		if !strings.Contains(path, "{"+k+"}") {
			return nil, nil, fmt.Errorf("%s has no {%s}", op.Path, k)
		}
		path = strings.ReplaceAll(path, "{"+k+"}", url.PathEscape(v))
	}
	if strings.Contains(path, "{") {
		return nil, nil, fmt.Errorf("path %s lacks a parameter", path)
	}
	query, err := h.expand(c.Query)
	if err != nil {
		return nil, nil, err
	}
	if query != "" {
		path += "?" + query
	}
	var body io.Reader
	ctype := ""
	switch {
	case c.File != nil:
		var buf bytes.Buffer
		w := multipart.NewWriter(&buf)
		fw, err := w.CreateFormFile("file", c.File.Name)
		if err != nil {
			return nil, nil, err
		}
		_, _ = fw.Write(c.File.Content)
		_ = w.Close()
		body, ctype = &buf, w.FormDataContentType()
	case c.Body != "":
		b, err := h.expand(c.Body)
		if err != nil {
			return nil, nil, err
		}
		body, ctype = strings.NewReader(b), "application/json"
	}
	if c.Type != "" {
		ctype = c.Type
	}
	req, err := http.NewRequest(op.Method, h.sb.APIURL+path, body)
	if err != nil {
		return nil, nil, err
	}
	if ctype != "" {
		req.Header.Set("Content-Type", ctype)
	}
	req.Header.Set("Accept", orDefault(c.Accept, "application/json"))
	return req, params, nil
}

// checkAnswer validates a success against the spec's response and an error
// against Dinero's error shape.
func (h *harness) checkAnswer(c apiCall, in *openapi3filter.RequestValidationInput, res *http.Response, body []byte) error {
	documented := in.Route.Operation.Responses.Status(res.StatusCode) != nil
	if res.StatusCode >= 400 && !documented {
		var v any
		if err := json.Unmarshal(body, &v); err != nil {
			return fmt.Errorf("error answer is not JSON: %.200s", body)
		}
		if err := errorSchema.VisitJSON(v, openapi3.EnableJSONSchema2020()); err != nil {
			return fmt.Errorf("error answer does not have Dinero's error shape: %v", err)
		}
		if got := gjson.GetBytes(body, "code").Int(); c.Code != 0 && got != int64(c.Code) {
			return fmt.Errorf("error code %d, want %d: %.300s", got, c.Code, body)
		}
		return nil
	}
	resp := in.Route.Operation.Responses.Status(res.StatusCode)
	if res.Header.Get("Content-Type") == "application/pdf" && resp != nil {
		// The file documents PDFs as application/octet-stream, or (credit
		// notes) only in the description; Dinero sends application/pdf
		// bytes (reference §5, invoice PDF). Where the answer has no
		// documented content (credit note and state of account PDFs, file
		// downloads), any bytes are allowed, but a PDF must be one.
		op := in.Route.Operation
		documented := len(resp.Value.Content) == 0 || resp.Value.Content.Get("application/octet-stream") != nil ||
			strings.Contains(strings.ToLower(op.Description), "pdf")
		if !documented {
			return fmt.Errorf("a PDF answer, which the operation does not document")
		}
		if !bytes.HasPrefix(body, []byte("%PDF-")) {
			return fmt.Errorf("PDF answer does not start with %%PDF-")
		}
		return nil
	}
	out := &openapi3filter.ResponseValidationInput{RequestValidationInput: in, Status: res.StatusCode,
		Header: res.Header, Options: filterOptions()}
	out.SetBodyBytes(body)
	if takesFields(in.Route.Operation) && res.StatusCode == http.StatusOK {
		ref := in.Route.Operation.Responses.Status(http.StatusOK).Value.Content.Get("application/json").Schema
		if err := checkAskedRequired(body, ref, in.Request.URL.Query().Get("fields")); err != nil {
			return err
		}
		var v any
		if err := json.Unmarshal(body, &v); err != nil {
			return fmt.Errorf("answer is not JSON: %v", err)
		}
		canon, _ := json.Marshal(canonical(v, ref))
		relaxed, _ := route(loadRelaxed(h.t), in.Route.Method, in.Route.Path)
		rin := *in
		rin.Route = relaxed
		out.RequestValidationInput = &rin
		out.SetBodyBytes(canon)
	}
	if err := openapi3filter.ValidateResponse(context.Background(), out); err != nil {
		return fmt.Errorf("answer is not valid against the spec: %v", err)
	}
	return nil
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}
