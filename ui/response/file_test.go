package response

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/dinero-tui/dinero-tui/api/catalog"
	"github.com/dinero-tui/dinero-tui/ui/common"
	"github.com/dinero-tui/dinero-tui/ui/fakebackend"
	"github.com/dinero-tui/dinero-tui/ui/internal/keytest"
	"github.com/dinero-tui/dinero-tui/ui/keymap"
	"github.com/dinero-tui/dinero-tui/ui/styles"
)

var pdfBytes = []byte("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n\x1b[2J\x1b]0;pwned\x07\x00\xff\xfe trailer\n%%EOF\n")

var getInvoice = catalog.Operation{ID: "invoices.get", Name: "Get invoice", Method: "GET", Path: "/v1/{organizationId}/invoices/{guid}"}

// fileAnswerPane sends a request whose answer is body with header and
// returns the pane showing it.
func fileAnswerPane(t *testing.T, header http.Header, body []byte, bodyFile string) *Model {
	t.Helper()
	be := fakebackend.New(true)
	be.SendFunc = func(ctx context.Context, req common.Request) (*common.Response, error) {
		r := &common.Response{Status: 200, Header: header, Size: int64(len(body)), Duration: 9 * time.Millisecond}
		if bodyFile != "" {
			r.BodyFile = bodyFile
		} else {
			r.Body = body
		}
		return r, nil
	}
	com := common.Common{Ctx: context.Background(), Styles: styles.NoColor(), Keys: keymap.DefaultKeyMap(),
		Backend: be, Now: time.Now, CacheDir: t.TempDir(), Getenv: func(string) string { return "" }}
	m := New(com)
	m.SetSize(80, 20)
	req := common.Request{OperationID: "invoices.get", Method: "GET", Path: getInvoice.Path,
		PathParams: map[string]string{"organizationId": "42", "guid": "3fa85f64-5717-4562-b3fc-2c963f66afa6"},
		Header:     http.Header{"Accept": {"application/octet-stream"}}}
	run(m, m.Send(getInvoice, req))
	return m
}

// run runs cmd and feeds what comes back to the pane, skipping ticks.
func run(m *Model, cmd tea.Cmd) {
	queue := []tea.Cmd{cmd}
	for len(queue) > 0 {
		c := queue[0]
		queue = queue[1:]
		if c == nil {
			continue
		}
		switch msg := c().(type) {
		case nil, progressTickMsg, common.ResponseMsg:
		case tea.BatchMsg:
			for _, c := range msg {
				if c != nil && !strings.Contains(strings.ToLower(typeOf(c)), "tick") {
					queue = append(queue, c)
				}
			}
		default:
			if strings.Contains(strings.ToLower(typeOf(msg)), "tick") {
				continue
			}
			_, next := m.Update(msg)
			queue = append(queue, next)
		}
	}
}

func typeOf(v any) string { return fmt.Sprintf("%T", v) }

func keys(m *Model, ks ...string) {
	for _, k := range ks {
		_, cmd := m.Update(keytest.Press(k))
		run(m, cmd)
	}
}

// A PDF answer shows its type, size and name, never its bytes.
func TestFileAnswerShowsWhatItIsNotItsBytes(t *testing.T) {
	m := fileAnswerPane(t, http.Header{"Content-Type": {"application/octet-stream"}}, pdfBytes, "")
	view := m.View()
	size := fmt.Sprintf("(%d bytes)", len(pdfBytes))
	for _, want := range []string{"invoice-3fa85f64-5717-4562-b3fc-2c963f66afa6.pdf", "application/pdf", size, "s save it", "O open it"} {
		if !strings.Contains(ansi.Strip(view), want) {
			t.Fatalf("view lacks %q:\n%s", want, ansi.Strip(view))
		}
	}
	if strings.Contains(view, "%PDF") || strings.ContainsAny(view, "\x00\x07") || strings.Contains(view, "pwned") {
		t.Fatalf("the bytes reached the screen:\n%q", view)
	}
}

// The name comes from Content-Disposition, made safe.
func TestFileAnswerNamedByContentDisposition(t *testing.T) {
	h := http.Header{"Content-Type": {"application/pdf"}, "Content-Disposition": {"attachment; filename=\"../\x1b[31mFaktura 1042.pdf\""}}
	m := fileAnswerPane(t, h, pdfBytes, "")
	if m.file == nil || m.file.Name != "Faktura 1042.pdf" {
		t.Fatalf("file %+v", m.file)
	}
}

// s saves into the current folder under the shown name; saving again
// asks before replacing, n keeps the file and asks for another name, y
// replaces it.
func TestSaveNeverOverwritesWithoutYes(t *testing.T) {
	t.Chdir(t.TempDir())
	m := fileAnswerPane(t, http.Header{"Content-Type": {"application/octet-stream"}}, pdfBytes, "")
	name := m.file.Name
	if err := os.WriteFile(name, []byte("mine"), 0o600); err != nil {
		t.Fatal(err)
	}
	keys(m, "s")
	if !m.Capturing() || !strings.Contains(ansi.Strip(m.View()), "Save as "+name) {
		t.Fatalf("prompt:\n%s", ansi.Strip(m.View()))
	}
	keys(m, "enter")
	if view := strings.Join(strings.Fields(ansi.Strip(m.View())), " "); !strings.Contains(view, "exists. Replace it?") {
		t.Fatalf("no question:\n%s", view)
	}
	keys(m, "n")
	if b, _ := os.ReadFile(name); string(b) != "mine" {
		t.Fatalf("replaced without a yes: %q", b)
	}
	keys(m, "ctrl+u")
	for _, r := range "kopi æøå.pdf" {
		_, cmd := m.Update(tea.KeyPressMsg{Code: r, Text: string(r)})
		run(m, cmd)
	}
	keys(m, "enter")
	if b, _ := os.ReadFile("kopi æøå.pdf"); string(b) != string(pdfBytes) {
		t.Fatalf("saved %q", b)
	}
	if view := ansi.Strip(m.View()); !strings.Contains(view, fmt.Sprintf("Saved %d B to ", len(pdfBytes))) || m.Capturing() {
		t.Fatalf("after saving:\n%s", view)
	}
	keys(m, "s", "enter", "y")
	if b, _ := os.ReadFile(name); string(b) != string(pdfBytes) {
		t.Fatalf("y did not replace: %q", b)
	}
	keys(m, "s", "esc")
	if m.Capturing() || !strings.Contains(ansi.Strip(m.View()), "Not saved.") {
		t.Fatalf("esc:\n%s", ansi.Strip(m.View()))
	}
}

// A large answer spooled to a file saves from that file.
func TestSaveFromTheSpooledBody(t *testing.T) {
	dir := t.TempDir()
	spool := filepath.Join(dir, "body-1.json")
	big := append(append([]byte{}, pdfBytes...), make([]byte, 1<<20)...)
	if err := os.WriteFile(spool, big, 0o600); err != nil {
		t.Fatal(err)
	}
	m := fileAnswerPane(t, http.Header{"Content-Type": {"application/pdf"}}, big, spool)
	if m.file == nil || m.doc != nil {
		t.Fatalf("spooled PDF indexed as a document: file %v", m.file)
	}
	target := filepath.Join(dir, "out.pdf")
	keys(m, "s", "ctrl+u")
	m.save.input.SetValue(target)
	keys(m, "enter")
	if st, err := os.Stat(target); err != nil || st.Size() != int64(len(big)) {
		t.Fatalf("saved %v %v", st, err)
	}
}

// O opens a copy under the cache folder with the viewer; a failure is a
// short message.
func TestOpenUsesACopyAndSaysWhenItFails(t *testing.T) {
	m := fileAnswerPane(t, http.Header{"Content-Type": {"application/pdf"}}, pdfBytes, "")
	var opened, typ string
	m.opener = func(path, mt string) error { opened, typ = path, mt; return nil }
	keys(m, "O")
	b, err := os.ReadFile(opened)
	if err != nil || string(b) != string(pdfBytes) || typ != "application/pdf" || !strings.HasPrefix(opened, m.com.CacheDir) ||
		filepath.Base(opened) != m.file.Name {
		t.Fatalf("opened %q (%s): %q %v", opened, typ, b, err)
	}
	if !strings.Contains(ansi.Strip(m.View()), "Opened "+m.file.Name) {
		t.Fatalf("view:\n%s", ansi.Strip(m.View()))
	}
	m.opener = func(string, string) error { return errors.New("no viewer: xdg-open is not installed") }
	keys(m, "O")
	if view := ansi.Strip(m.View()); !strings.Contains(view, "Could not open it: no viewer: xdg-open is not installed") {
		t.Fatalf("view:\n%s", view)
	}
}

// A JSON answer and a Dinero error stay in the viewer.
func TestJSONAndErrorsAreNotFiles(t *testing.T) {
	m := fileAnswerPane(t, http.Header{"Content-Type": {"application/json"}}, []byte(`{"Guid":"x"}`), "")
	if m.file != nil || m.doc == nil {
		t.Fatalf("JSON answer taken for a file")
	}
	keys(m, "O")
	if m.note != "" {
		t.Fatalf("O on JSON: %q", m.note)
	}
}

// While an upload's files go, the pane shows how much has been sent;
// then it shows the download of the answer as before.
func TestSendingShowsUploadProgress(t *testing.T) {
	block := make(chan struct{})
	be := fakebackend.New(true)
	be.SendFunc = func(ctx context.Context, req common.Request) (*common.Response, error) {
		common.NotifyUpload(ctx, 2_000_000, 5_000_000)
		<-block
		return nil, ctx.Err()
	}
	com := common.Common{Ctx: context.Background(), Styles: styles.NoColor(), Keys: keymap.DefaultKeyMap(),
		Backend: be, Now: time.Now, Getenv: func(string) string { return "" }}
	m := New(com)
	m.SetSize(100, 20)
	cmd := m.Send(catalog.Operation{ID: "files.upload", Method: "POST", Path: "/v1/1/files"},
		common.Request{Method: "POST", Path: "/v1/1/files", Parts: []catalog.Part{{Name: "file", Value: "x.pdf", File: true}}})
	done := make(chan tea.Msg, 1)
	go func() { done <- cmd().(tea.BatchMsg)[0]() }() // the send; the rest are ticks
	deadline := time.Now().Add(5 * time.Second)
	for m.progress.sent.Load() == 0 && time.Now().Before(deadline) {
		time.Sleep(5 * time.Millisecond)
	}
	if view := ansi.Strip(m.View()); !strings.Contains(view, "40% uploaded, 2.0 MB of 5.0 MB") || !strings.Contains(view, "esc cancels") {
		t.Fatalf("view:\n%s", view)
	}
	keys(m, "esc")
	close(block)
	<-done
	if m.sending || !strings.Contains(ansi.Strip(m.View()), "Cancelled") {
		t.Fatalf("esc did not cancel:\n%s", ansi.Strip(m.View()))
	}
}
