package ui

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dinero-tui/dinero-tui/api"
	"github.com/dinero-tui/dinero-tui/api/catalog"
	"github.com/dinero-tui/dinero-tui/ui/common"
)

var (
	uploadOp = catalog.Operation{ID: "files.upload", Name: "Upload file", Method: "POST", Path: "/v1/{organizationId}/files",
		Description: "Puts a file (up to 6 MB, multipart) into the file archive.",
		PathParams:  []catalog.Param{{Name: "organizationId", Type: "string", Required: true}},
		Write:       true, BodyType: "multipart/form-data", Accepts: []string{"application/json"}}
	pdfOp = catalog.Operation{ID: "invoices.get", Name: "Get invoice", Method: "GET", Path: "/v1/{organizationId}/invoices/{guid}",
		Description: "One invoice as JSON, or as a PDF (booked invoices) when asking for application/octet-stream.",
		PathParams:  []catalog.Param{{Name: "organizationId", Type: "string", Required: true}, {Name: "guid", Type: "guid", Required: true}},
		Accepts:     []string{"application/json", "application/octet-stream"}}
)

// fakePDF answers an Accept: application/octet-stream with a PDF, as
// Dinero does (typed octet-stream, no file name).
func fakePDF(h *harness) {
	h.be.SendFunc = func(ctx context.Context, req common.Request) (*common.Response, error) {
		if req.Header.Get("Accept") != "application/octet-stream" {
			return &common.Response{Status: 200, Body: []byte(`{"Ok":true}`), Size: 11, Header: http.Header{"Content-Type": {"application/json"}}}, nil
		}
		body := []byte("%PDF-1.4\n% faktura\n\x00\x01\x02\x1b[2J%%EOF\n")
		return &common.Response{Status: 200, Body: body, Size: int64(len(body)), Duration: 31 * time.Millisecond,
			Header: http.Header{"Content-Type": {"application/octet-stream"}}}, nil
	}
}

// TestGoldenFileScreens pins the upload form (a file chosen, a file over
// the limit), the Accept field on PDF, and a PDF answer, at 80x24 and
// 120x40.
func TestGoldenFileScreens(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "Kvittering æøå 12.pdf"), []byte("%PDF-1.4 kvittering"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "for-stor.pdf"), make([]byte, api.MaxUploadSize+1), 0o600); err != nil {
		t.Fatal(err)
	}
	guid := "3fa85f64-5717-4562-b3fc-2c963f66afa6"
	screens := []struct {
		name  string
		op    catalog.Operation
		typed string
		keys  []string
	}{
		{"upload_form", uploadOp, "Kv", []string{"tab"}},
		{"upload_too_big", uploadOp, "for-stor.pdf", []string{"enter"}},
		{"upload_confirm", uploadOp, "Kvittering æøå 12.pdf", []string{"enter"}},
		{"accept_pdf", pdfOp, guid, []string{"tab", "right"}},
		{"pdf_answer", pdfOp, guid, []string{"tab", "right", "enter"}},
		{"pdf_save_prompt", pdfOp, guid, []string{"tab", "right", "enter", "s"}},
	}
	for _, sc := range screens {
		for _, size := range [][2]int{{80, 24}, {120, 40}} {
			t.Run(fmt.Sprintf("%s_%dx%d", sc.name, size[0], size[1]), func(t *testing.T) {
				h := newHarness(t, true, size[0], size[1])
				fakePDF(h)
				h.key("enter")
				inDir(t, dir, func() { // the paths on screen are relative: the same every run
					h.send(common.OperationChosenMsg{Op: sc.op})
					h.typeText(sc.typed)
					h.key(sc.keys...)
				})
				h.golden()
			})
		}
	}
}

// The explorer sends an upload as a file part (never a JSON body), and
// the history keeps the file's path and the Accept chosen, not the bytes.
func TestUploadAndAcceptReachTheBackendAndHistory(t *testing.T) {
	t.Chdir(t.TempDir())
	if err := os.WriteFile("bilag.pdf", []byte("%PDF-1.4 bilag"), 0o600); err != nil {
		t.Fatal(err)
	}
	h := newHarness(t, true, 120, 40)
	fakePDF(h)
	h.key("enter")
	h.send(common.OperationChosenMsg{Op: uploadOp})
	h.typeText("bilag.pdf")
	h.key("enter", "y")
	h.send(common.OperationChosenMsg{Op: pdfOp})
	h.typeText("3fa85f64-5717-4562-b3fc-2c963f66afa6")
	h.key("tab", "right", "enter")
	sent := h.be.Sent
	if len(sent) != 2 {
		t.Fatalf("%d requests sent: %+v\n%s", len(sent), sent, h.plain())
	}
	if up := sent[0]; len(up.Parts) != 1 || up.Parts[0] != (catalog.Part{Name: "file", Value: "bilag.pdf", File: true}) || up.Body != nil {
		t.Fatalf("upload sent parts %+v body %q", up.Parts, up.Body)
	}
	if a := sent[1].Header.Get("Accept"); a != "application/octet-stream" {
		t.Fatalf("Accept %q", a)
	}
	data, err := json.Marshal(h.m.store.Entries())
	if err != nil {
		t.Fatal(err)
	}
	hist := string(data)
	if !strings.Contains(hist, `"parts":[{"name":"file","value":"bilag.pdf","file":true}]`) || strings.Contains(hist, "%PDF") ||
		!strings.Contains(hist, `"accept":"application/octet-stream"`) {
		t.Fatalf("history:\n%s", hist)
	}
	h.contains("application/pdf", "s save it")
	// the upload again from the history: its form has the file back
	h.key("ctrl+r", "down", "e")
	h.contains("Upload file", "> file", "bilag.pdf · 14 B · application/pdf")
}

// inDir runs fn with dir as the current directory (the goldens are read
// relative to the package's).
func inDir(t *testing.T, dir string, fn func()) {
	t.Helper()
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Chdir(dir); err != nil {
		t.Fatal(err)
	}
	defer func() {
		if err := os.Chdir(wd); err != nil {
			t.Fatal(err)
		}
	}()
	fn()
}
