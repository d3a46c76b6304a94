package request

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/dinero-tui/dinero-tui/api"
	"github.com/dinero-tui/dinero-tui/api/catalog"
	"github.com/dinero-tui/dinero-tui/ui/common"
	"github.com/dinero-tui/dinero-tui/ui/internal/keytest"
)

var uploadOp = catalog.Operation{ID: "files.upload", Name: "Upload file", Method: "POST", Path: "/v1/{organizationId}/files",
	PathParams: []catalog.Param{{Name: "organizationId", Type: "string", Required: true}},
	Write:      true, BodyType: "multipart/form-data", Accepts: []string{"application/json"}}

var getInvoiceOp = catalog.Operation{ID: "invoices.get", Name: "Get invoice", Method: "GET", Path: "/v1/{organizationId}/invoices/{guid}",
	Description: "One invoice as JSON, or as a PDF (booked invoices) when asking for application/octet-stream.",
	PathParams:  []catalog.Param{{Name: "organizationId", Type: "string", Required: true}, {Name: "guid", Type: "guid", Required: true}},
	Accepts:     []string{"application/json", "application/octet-stream"}}

// drive runs cmd and what its messages lead to, like the program would,
// and returns the messages the form sends out (a request, a back).
func drive(m *Model, cmd tea.Cmd) []tea.Msg {
	var out []tea.Msg
	queue := []tea.Cmd{cmd}
	for len(queue) > 0 {
		c := queue[0]
		queue = queue[1:]
		if c == nil {
			continue
		}
		switch msg := c().(type) {
		case nil:
		case tea.BatchMsg:
			queue = append(queue, msg...)
		case common.SendRequestMsg, common.BackMsg:
			out = append(out, msg)
		default:
			_, next := m.Update(msg)
			queue = append(queue, next)
		}
	}
	return out
}

func press(m *Model, keys ...string) []tea.Msg {
	var out []tea.Msg
	for _, k := range keys {
		_, cmd := m.Update(keytest.Press(k))
		out = append(out, drive(m, cmd)...)
	}
	return out
}

func typeIn(m *Model, s string) {
	for _, r := range s {
		_, cmd := m.Update(tea.KeyPressMsg{Code: r, Text: string(r)})
		drive(m, cmd)
	}
}

func writeSized(t *testing.T, dir, name string, size int) string {
	t.Helper()
	path := filepath.Join(dir, name)
	data := []byte(strings.Repeat("x", size))
	if size >= 5 {
		copy(data, "%PDF-")
	}
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func uploadForm(t *testing.T) *Model {
	t.Helper()
	m := New(testCommon())
	m.SetSize(100, 24)
	drive(m, m.Set(uploadOp, common.Org{ID: 42, Name: "Nordlys"}, common.Prefill{}, nil))
	return m
}

// A multipart operation's form has a file field instead of a JSON body:
// tab completes the path against the file system, the form shows the
// file's name, size and type, and the request carries it as a file part.
func TestUploadFormCompletesAndDescribesTheFile(t *testing.T) {
	dir := t.TempDir()
	writeSized(t, dir, "Kvittering æøå 12.pdf", 2048)
	if err := os.Mkdir(filepath.Join(dir, "kvartal"), 0o700); err != nil {
		t.Fatal(err)
	}
	m := uploadForm(t)
	if m.hasBody() || m.fields[m.focus].kind != inFile {
		t.Fatalf("focus on %q, body %v", m.fields[m.focus].param.Name, m.hasBody())
	}
	view := ansi.Strip(m.View())
	if strings.Contains(view, "Body (JSON)") || !strings.Contains(view, "No file chosen") {
		t.Fatalf("form:\n%s", view)
	}
	typeIn(m, dir+"/Kv")
	press(m, "tab")
	f := m.fileField()
	if got := f.input.Value(); got != dir+"/Kvittering æøå 12.pdf" {
		t.Fatalf("tab completed to %q", got)
	}
	if m.fields[m.focus].kind != inFile {
		t.Fatal("tab moved on instead of completing")
	}
	view = ansi.Strip(m.View())
	if !strings.Contains(view, "Kvittering æøå 12.pdf · 2.0 KB · application/pdf") {
		t.Fatalf("file not described:\n%s", view)
	}
	// a complete path: tab moves to the next field
	press(m, "tab")
	if m.fields[m.focus].kind == inFile {
		t.Fatal("tab on a complete path did not move on")
	}
	req := m.Request()
	want := []catalog.Part{{Name: "file", Value: dir + "/Kvittering æøå 12.pdf", File: true}}
	if !slices.Equal(req.Parts, want) || req.Body != nil {
		t.Fatalf("parts %+v body %q", req.Parts, req.Body)
	}
	// the write is confirmed first, and the confirmation names the file
	if out := press(m, "enter"); len(out) != 0 || !m.confirming {
		t.Fatalf("sent without confirmation: %v", out)
	}
	if view := ansi.Strip(m.View()); !strings.Contains(view, "uploads Kvittering æøå 12.pdf") {
		t.Fatalf("confirmation:\n%s", view)
	}
	out := press(m, "y")
	if len(out) != 1 || !slices.Equal(out[0].(common.SendRequestMsg).Req.Parts, want) {
		t.Fatalf("sent %v", out)
	}
}

// Completion lists directories with a slash and hides dot files until a
// dot is typed.
func TestUploadCompletionListsFolders(t *testing.T) {
	dir := t.TempDir()
	os.Mkdir(filepath.Join(dir, "bilag"), 0o700)
	writeSized(t, dir, ".hemmelig", 3)
	msg := listCompletions(dir + "/")().(completionsMsg)
	if !slices.Equal(msg.names, []string{dir + "/bilag/"}) {
		t.Fatalf("completions %v", msg.names)
	}
	msg = listCompletions(dir + "/.h")().(completionsMsg)
	if !slices.Equal(msg.names, []string{dir + "/.hemmelig", dir + "/bilag/"}) {
		t.Fatalf("with a dot: %v", msg.names)
	}
}

// Dinero's limit is enforced in the form: 6 MB + 1 byte, an empty file, a
// folder and a missing file are refused there, and nothing is sent.
func TestUploadFormRefusesWhatDineroWouldRefuse(t *testing.T) {
	dir := t.TempDir()
	big := writeSized(t, dir, "stor.pdf", api.MaxUploadSize+1)
	writeSized(t, dir, "just.pdf", api.MaxUploadSize)
	empty := writeSized(t, dir, "tom.pdf", 0)
	for _, c := range []struct{ path, says string }{
		{big, "stor.pdf is 6291457 bytes, over Dinero's upload limit of 6 MB (6291456 bytes); nothing was sent"},
		{empty, "tom.pdf is empty"},
		{dir, "is not a regular file"},
		{filepath.Join(dir, "findes-ikke.pdf"), "No file"},
	} {
		m := uploadForm(t)
		typeIn(m, c.path)
		out := press(m, "enter")
		if len(out) != 0 || m.confirming {
			t.Fatalf("%s: sent or asked to send: %v", c.path, out)
		}
		view := ansi.Strip(m.View())
		if !strings.Contains(strings.Join(strings.Fields(view), " "), c.says) || !strings.Contains(view, "Not sent") {
			t.Fatalf("%s: view lacks %q:\n%s", c.path, c.says, view)
		}
	}
	m := uploadForm(t)
	typeIn(m, filepath.Join(dir, "just.pdf"))
	if press(m, "enter"); !m.confirming {
		t.Fatalf("a file of exactly 6 MB is not offered for sending:\n%s", ansi.Strip(m.View()))
	}
}

// Enter pressed before the file's check is back sends once it is.
func TestUploadSendWaitsForTheCheck(t *testing.T) {
	path := writeSized(t, t.TempDir(), "a.pdf", 10)
	m := uploadForm(t)
	m.fileField().input.SetValue(path) // no check started
	_, cmd := m.Update(keytest.Press("enter"))
	if m.confirming || cmd == nil {
		t.Fatal("asked to confirm before the file was checked")
	}
	drive(m, cmd)
	if !m.confirming {
		t.Fatalf("not confirming after the check:\n%s", ansi.Strip(m.View()))
	}
}

// ctrl+o opens the file picker in the typed path's folder; enter on a
// file fills the field; esc leaves the picker.
func TestUploadPicker(t *testing.T) {
	dir := t.TempDir()
	writeSized(t, dir, "bilag.pdf", 100)
	m := uploadForm(t)
	typeIn(m, dir+"/")
	press(m, "ctrl+o")
	if !m.picking || !strings.Contains(ansi.Strip(m.View()), "bilag.pdf") {
		t.Fatalf("picker:\n%s", ansi.Strip(m.View()))
	}
	press(m, "enter")
	if m.picking || m.fileField().input.Value() != filepath.Join(dir, "bilag.pdf") {
		t.Fatalf("picked %q, picking %v", m.fileField().input.Value(), m.picking)
	}
	if !strings.Contains(ansi.Strip(m.View()), "bilag.pdf · 100 B · application/pdf") {
		t.Fatalf("form after the pick:\n%s", ansi.Strip(m.View()))
	}
	press(m, "ctrl+o")
	if out := press(m, "esc"); m.picking || len(out) != 0 {
		t.Fatalf("esc: picking %v, sent %v", m.picking, out)
	}
}

// An operation with more than one answer type gets an Accept field: ←/→
// cycle it, octet-stream reads PDF, and the choice goes as the Accept
// header; typing does not change it.
func TestAcceptField(t *testing.T) {
	m := New(testCommon())
	m.SetSize(100, 24)
	m.Set(getInvoiceOp, common.Org{ID: 42}, common.Prefill{}, nil)
	i := slices.IndexFunc(m.fields, func(f field) bool { return f.kind == inAccept })
	if i < 0 {
		t.Fatal("no Accept field")
	}
	if h := m.Request().Header.Get("Accept"); h != "application/json" {
		t.Fatalf("default Accept %q", h)
	}
	m.focus = i
	m.focusField()
	press(m, "right")
	typeIn(m, "xyz")
	press(m, "ctrl+u", "backspace", "ctrl+k")
	m.Update(tea.PasteMsg{Content: "text/html"})
	if h := m.Request().Header.Get("Accept"); h != "application/octet-stream" {
		t.Fatalf("Accept after → %q", h)
	}
	if view := ansi.Strip(m.View()); !strings.Contains(view, "‹ PDF (application/octet-stream) ›") {
		t.Fatalf("view:\n%s", view)
	}
	press(m, "left")
	if h := m.Request().Header.Get("Accept"); h != "application/json" {
		t.Fatalf("Accept after ← %q", h)
	}
	// from the history, the Accept it was sent with
	prev := m.Request()
	prev.Header.Set("Accept", "application/octet-stream")
	m.Set(getInvoiceOp, common.Org{ID: 42}, common.Prefill{}, &prev)
	if h := m.Request().Header.Get("Accept"); h != "application/octet-stream" {
		t.Fatalf("Accept from the history %q", h)
	}
	// one answer type: no field
	m.Set(uploadOp, common.Org{ID: 42}, common.Prefill{}, nil)
	if slices.ContainsFunc(m.fields, func(f field) bool { return f.kind == inAccept }) {
		t.Fatal("an Accept field for an operation with one answer type")
	}
}

// Every operation of the catalogue with more than one answer type gets
// the Accept field, and octet-stream reads PDF exactly where Dinero's
// description says the answer is then a PDF.
func TestAcceptLabelsFollowTheSpec(t *testing.T) {
	// the verbatim copy the sandbox's contract tests validate against
	data, err := os.ReadFile("../../sandbox/contract/testdata/dinero-openapi.json")
	if err != nil {
		t.Fatal(err)
	}
	var spec struct {
		Paths map[string]map[string]struct{ Summary, Description string }
	}
	if err := json.Unmarshal(data, &spec); err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, op := range catalog.Builtin().All() {
		if _, ok := acceptParam(op); !ok {
			continue
		}
		n++
		o := spec.Paths[op.Path][strings.ToLower(op.Method)]
		saysPDF := strings.Contains(strings.ToLower(o.Summary+" "+o.Description), "pdf")
		if got := AcceptLabel(op, "application/octet-stream"); (got == "PDF") != saysPDF {
			t.Errorf("%s: octet-stream reads %q; the spec says PDF: %v", op.ID, got, saysPDF)
		}
	}
	if n < 3 {
		t.Fatalf("only %d operations with an Accept field", n)
	}
}

// A prefilled value says where it came from only while it is unchanged.
func TestPrefillHintGoesWhenTheValueChanges(t *testing.T) {
	m := New(testCommon())
	m.SetSize(120, 24)
	m.Set(getInvoiceOp, common.Org{ID: 42}, common.Prefill{Resource: "files", Item: map[string]string{"Guid": "3fa85f64-5717-4562-b3fc-2c963f66afa6"}}, nil)
	if !strings.Contains(ansi.Strip(m.View()), "(from the last response)") {
		t.Fatalf("no source hint:\n%s", ansi.Strip(m.View()))
	}
	m.focus = 1
	m.focusField()
	press(m, "backspace")
	typeIn(m, "7")
	if strings.Contains(ansi.Strip(m.View()), "from the last response") {
		t.Fatalf("hint stays after an edit:\n%s", ansi.Strip(m.View()))
	}
}
