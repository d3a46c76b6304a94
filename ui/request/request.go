// Package request is the request editor: the operation's path and query
// parameters as a form, a JSON body for writes (in $EDITOR or a text area),
// and a confirmation naming the organization before anything is changed.
package request

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"charm.land/bubbles/v2/filepicker"
	"charm.land/bubbles/v2/textarea"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/dinero-tui/dinero-tui/api/catalog"
	"github.com/dinero-tui/dinero-tui/internal/sanitize"
	"github.com/dinero-tui/dinero-tui/ui/common"
)

// fieldKind says where a form row's value goes.
type fieldKind int

const (
	inQuery fieldKind = iota
	inPath
	inHeader // a Postman request's header
	inForm   // a Postman urlencoded or formdata field
	inVar    // a Postman {{variable}} nothing defines
	inAccept // the Accept header, one of the catalogue's Accepts (←/→)
	inFile   // the file of a multipart upload: a path
)

// field is one form row.
type field struct {
	param  catalog.Param
	kind   fieldKind
	source string // where the prefilled value came from, shown as a hint
	start  string // the value it was filled with: the hint goes once it is changed
	off    bool   // a disabled Postman field: sent only once filled
	input  textinput.Model
}

// Model is the request editor.
type Model struct {
	com        common.Common
	op         catalog.Operation
	org        common.Org
	fields     []field
	focus      int
	body       textarea.Model
	editing    bool // the body text area has the keyboard
	confirming bool
	note       string
	problem    string
	// lookup names a company by id (the root's list of companies)
	lookup func(id int64) (common.Org, bool)
	width  int
	height int
	// the file field of an upload: its checked file, and the picker
	upload  uploadState
	picker  filepicker.Model
	picking bool
}

// New returns an empty editor; call Set before showing it.
func New(com common.Common) *Model {
	ta := common.NewTextArea(com)
	ta.ShowLineNumbers = true
	ta.Placeholder = "{ }"
	ta.MaxHeight = 0 // no cap on the body's lines (the default stops at 99)
	return &Model{com: com, body: ta}
}

// Title implements common.Component.
func (m *Model) Title() string { return m.op.Name }

// Operation returns the operation being edited.
func (m *Model) Operation() catalog.Operation { return m.op }

// Capturing implements common.Component: the form always has a text field
// focused, so every key goes to it.
func (m *Model) Capturing() bool { return true }

// Confirming reports whether the write confirmation is showing.
func (m *Model) Confirming() bool { return m.confirming }

// SetOrgLookup gives the editor a way to name the company an
// organizationId typed into the form points at.
func (m *Model) SetOrgLookup(lookup func(id int64) (common.Org, bool)) { m.lookup = lookup }

// Org is the company the request goes to: the one its organizationId
// field names, which the user may have changed from the one it was
// opened for.
func (m *Model) Org() common.Org {
	for _, f := range m.fields {
		if f.kind != inPath || !strings.EqualFold(f.param.Name, "organizationId") {
			continue
		}
		id, err := strconv.ParseInt(strings.TrimSpace(f.input.Value()), 10, 64)
		if err != nil || id == m.org.ID {
			break
		}
		if m.lookup != nil {
			if o, ok := m.lookup(id); ok {
				return o
			}
		}
		return common.Org{ID: id}
	}
	return m.org
}

// AskConfirm shows the write confirmation at once (a write re-sent from
// the answer or the history), after the same checks as a send.
func (m *Model) AskConfirm() {
	if p := m.check(); p != "" {
		m.problem = p
		return
	}
	if m.locked() {
		m.problem = common.ReadOnlyRefusal(m.op.Method)
		return
	}
	m.confirming = m.isWrite()
}

// locked reports whether the operation is a write in read-only mode: it
// cannot be sent.
func (m *Model) locked() bool { return m.com.Profile.ReadOnly && m.isWrite() }

// SetSize implements common.Component.
func (m *Model) SetSize(w, h int) {
	m.width, m.height = w, h
	for i := range m.fields {
		m.fields[i].input.SetWidth(max(8, m.inputWidth()))
	}
	m.body.SetWidth(max(10, w-2))
	m.body.SetHeight(max(3, m.bodyHeight()))
	m.showBodyFromTop()
}

// showBodyFromTop scrolls the text area as little as keeps the cursor in
// view, counted from the first line: after a resize to a taller area the
// lines above the cursor show again instead of staying scrolled away.
func (m *Model) showBodyFromTop() {
	row, col := m.body.Line(), m.body.Column()
	m.body.MoveToBegin()
	for i := 0; m.body.Line() < row && i < 100_000; i++ {
		m.body.CursorDown()
	}
	m.body.SetCursorColumn(col)
	m.body.SetHeight(m.body.Height()) // scrolls the cursor into view
}

func (m *Model) inputWidth() int { return max(12, min(50, (m.width-30)/2)) }

// Set opens op for org. prefill is what the last answer offers (the item
// the user was on); previous, when not nil, is a request to edit again
// (from the history). The command it returns checks a file field's path.
func (m *Model) Set(op catalog.Operation, org common.Org, prefill common.Prefill, previous *common.Request) tea.Cmd {
	m.op, m.org = op, org
	m.fields, m.focus = nil, 0
	m.confirming, m.editing, m.note, m.problem = false, false, "", ""
	m.upload, m.picking = uploadState{}, false
	for _, p := range op.PathParams {
		v, src := m.pathValue(p, prefill)
		switch {
		case previous != nil && strings.EqualFold(p.Name, "organizationId"):
			src = "the company it was sent to"
		case previous != nil && previous.PathParams[p.Name] != "":
			v, src = previous.PathParams[p.Name], "from the history"
		}
		m.addField(p, inPath, v, src)
	}
	for _, p := range op.Query {
		v, src := queryDefault(op, p)
		if p.Enabled {
			v, src = p.Value, "from the collection"
		}
		if previous != nil {
			v, src = previous.Query.Get(p.Name), "from the history"
		}
		m.addField(p, inQuery, v, src)
		m.fields[len(m.fields)-1].off = op.FromPostman() && !p.Enabled
	}
	m.addPostmanFields(op)
	m.addAcceptField(op, previous)
	check := m.addFileField(op, previous)
	body := op.Body
	if previous != nil && len(previous.Body) > 0 {
		body = string(previous.Body)
	}
	m.body.SetValue(body)
	m.body.Blur()
	// start on the first field the user must fill, else the first field
	m.focus = 0
	for i, f := range m.fields {
		if f.param.Required && f.input.Value() == "" {
			m.focus = i
			break
		}
	}
	m.focusField()
	m.SetSize(m.width, m.height)
	return check
}

// addPostmanFields adds a Postman request's headers, form fields and
// undefined variables: enabled ones filled with their value, disabled ones
// empty (shown, sent once filled).
func (m *Model) addPostmanFields(op catalog.Operation) {
	for _, group := range []struct {
		params []catalog.Param
		kind   fieldKind
		source string
	}{{op.Headers, inHeader, "header"}, {op.Form, inForm, "form field"}, {op.Vars, inVar, "variable"}} {
		for _, p := range group.params {
			v := ""
			if p.Enabled {
				v = p.Value
			}
			m.addField(p, group.kind, v, group.source)
			m.fields[len(m.fields)-1].off = group.kind != inVar && !p.Enabled
		}
	}
}

func (m *Model) addField(p catalog.Param, kind fieldKind, value, source string) {
	in := common.NewInput(m.com)
	in.Prompt = ""
	in.CharLimit = 2000
	in.Placeholder = placeholder(p)
	in.SetValue(value)
	m.fields = append(m.fields, field{param: p, kind: kind, source: source, start: value, input: in})
}

// Request builds the request from the form.
func (m *Model) Request() common.Request {
	if m.op.FromPostman() {
		req, _ := m.postmanRequest()
		return req
	}
	req := common.Request{OperationID: m.op.ID, Method: m.op.Method, Path: m.op.Path,
		PathParams: map[string]string{}, Query: url.Values{}}
	for _, f := range m.fields {
		v := strings.TrimSpace(f.input.Value())
		switch {
		case f.kind == inPath:
			req.PathParams[f.param.Name] = v
		case f.kind == inAccept:
			req.Header = http.Header{"Accept": {v}}
		case f.kind == inFile:
			req.Parts = append(req.Parts, catalog.Part{Name: f.param.Name, Value: common.ExpandHome(v), File: true})
		case v != "":
			req.Query.Set(f.param.Name, v)
		}
	}
	if m.hasBody() {
		req.Body = []byte(m.body.Value())
	}
	return req
}

func (m *Model) hasBody() bool {
	if multipart(m.op) {
		return false // the file field is the body
	}
	return m.op.Body != "" || (m.op.Method != "GET" && m.op.Method != "DELETE" && m.op.Write)
}

// isWrite reports whether sending changes data and needs a confirmation.
func (m *Model) isWrite() bool {
	return common.IsWrite(m.op, common.Request{Method: m.op.Method})
}

// check returns what is missing or wrong before the request can be sent,
// or "", and puts the cursor on the first field that is wrong.
func (m *Model) check() string {
	var missing []string
	for _, f := range m.fields {
		if f.param.Required && strings.TrimSpace(f.input.Value()) == "" {
			missing = append(missing, f.param.Name)
		}
	}
	if len(missing) > 0 {
		sort.Strings(missing)
		return "Fill in " + strings.Join(missing, ", ") + " first."
	}
	for i, f := range m.fields {
		if p := checkValue(f.param, strings.TrimSpace(f.input.Value())); p != "" {
			m.focus = i
			m.focusField()
			return p
		}
	}
	if p := m.uploadProblem(); p != "" {
		return p
	}
	if m.hasBody() && m.jsonBody() {
		if p := bodyProblem(m.body.Value()); p != "" {
			return p
		}
	}
	if m.op.FromPostman() {
		if _, err := m.postmanRequest(); err != nil {
			return sanitize.Line(err.Error())
		}
	}
	return ""
}

// bodyProblem says where a body is not valid JSON, or "" (an empty body
// is allowed: the server says whether it needs one).
func bodyProblem(body string) string {
	if strings.TrimSpace(body) == "" || json.Valid([]byte(body)) {
		return ""
	}
	var v any
	err := json.Unmarshal([]byte(body), &v)
	var se *json.SyntaxError
	if errors.As(err, &se) {
		line, col := position(body, se.Offset)
		return fmt.Sprintf("The body is not valid JSON (line %d, column %d: %s); fix it with ctrl+e.", line, col,
			strings.TrimPrefix(se.Error(), "invalid character "))
	}
	return "The body is not valid JSON; fix it with ctrl+e."
}

// position turns a byte offset into a 1-based line and column.
func position(s string, off int64) (int, int) {
	off = min(max(off, 1), int64(len(s)))
	before := s[:off-1]
	line := strings.Count(before, "\n") + 1
	col := utf8.RuneCountInString(before[strings.LastIndex(before, "\n")+1:]) + 1
	return line, col
}

// PreviewURL is the path with parameters substituted and the query, in
// the form's order, with commas unescaped for reading.
func (m *Model) PreviewURL() string {
	req := m.Request()
	order := make([]string, 0, len(m.fields))
	for _, f := range m.fields {
		order = append(order, f.param.Name)
	}
	return common.DisplayURL(req.Path, req.PathParams, req.Query, order)
}

func (m *Model) focusField() tea.Cmd {
	var cmd tea.Cmd
	for i := range m.fields {
		if i == m.focus && !m.editing {
			cmd = m.fields[i].input.Focus()
		} else {
			m.fields[i].input.Blur()
		}
	}
	return cmd
}
