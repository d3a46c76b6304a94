package ui

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/exp/teatest/v2"
	"github.com/tidwall/gjson"

	"github.com/dinero-tui/dinero-tui/api"
	"github.com/dinero-tui/dinero-tui/api/catalog"
	"github.com/dinero-tui/dinero-tui/oauth"
	"github.com/dinero-tui/dinero-tui/sandbox/connect"
	"github.com/dinero-tui/dinero-tui/ui/internal/keytest"
)

// TestExplorerFilesSandbox drives the real program against the sandbox
// over HTTP, as a person would: upload a receipt whose name has æøå and
// spaces from the upload form, get a booked invoice as PDF through the
// Accept field and save it (an existing file is kept until y), and see
// Dinero's error for a draft invoice's PDF.
func TestExplorerFilesSandbox(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end test")
	}
	p, getenv := sandboxProfile(t, 30, "files")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	s, err := oauth.NewSession(p, oauth.WithOpener(func(string) error { return nil }))
	if err != nil {
		t.Fatal(err)
	}
	deps := NewDeps(p, s, catalog.Builtin(), getenv)
	deps.Backend.(*realBackend).open = func(string) error { return nil }
	deps.DemoApprove = func(ctx context.Context, u string) error { return connect.Approve(ctx, nil, u, "accept") }
	work := filepath.Join(t.TempDir(), "work")
	if err := os.Mkdir(work, 0o700); err != nil {
		t.Fatal(err)
	}
	t.Chdir(work)
	receipt := append([]byte("%PDF-1.4\n"), []byte(strings.Repeat("kvittering \x00\xff\n", 500))...)
	if err := os.WriteFile("Kvittering æøå 12.pdf", receipt, 0o600); err != nil {
		t.Fatal(err)
	}

	m := New(ctx, deps)
	defer m.Close()
	var screen atomic.Value
	screen.Store("")
	tm := teatest.NewTestModel(t, screenTap{m, &screen}, teatest.WithInitialTermSize(120, 40),
		teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.ANSI256)))
	waitFor := func(want ...string) {
		t.Helper()
		deadline := time.Now().Add(10 * time.Second)
		for time.Now().Before(deadline) {
			got := strings.Join(strings.Fields(screen.Load().(string)), " ")
			ok := true
			for _, w := range want {
				ok = ok && strings.Contains(got, w)
			}
			if ok {
				return
			}
			time.Sleep(20 * time.Millisecond)
		}
		t.Fatalf("screen never showed %q; last screen:\n%s", want, screen.Load())
	}
	keys := func(ks ...string) {
		for _, k := range ks {
			tm.Send(keytest.Press(k))
		}
	}
	typeText := func(s string) {
		for _, r := range s {
			tm.Send(tea.KeyPressMsg{Code: r, Text: string(r)})
		}
	}

	keys("enter")
	waitFor("approve as demo user")
	keys("a")
	waitFor("Your companies", "PRO", "explore this company", "session ok")
	client := api.NewClient(s.HTTPClient(), p.APIURL)
	orgs, err := client.Organizations(ctx)
	if err != nil || len(orgs) == 0 {
		t.Fatalf("orgs %v %v", orgs, err)
	}
	org := strconv.FormatInt(orgs[0].ID, 10)
	invoice := func(status string) string {
		r, err := client.Do(ctx, api.Request{Path: "/v1/{organizationId}/invoices", PathParams: map[string]string{"organizationId": org},
			Query: map[string][]string{"statusFilter": {status}, "fields": {"Guid"}}})
		if err != nil {
			t.Fatal(err)
		}
		g := gjson.GetBytes(r.Body, "Collection.0.Guid").String()
		if g == "" {
			t.Fatalf("no %s invoice", status)
		}
		return g
	}
	booked, draft := invoice("Booked,Paid,Overdue,OverPaid"), invoice("Draft")

	// upload
	keys("enter")
	waitFor("Endpoints")
	keys("/")
	typeText("upload file")
	waitFor("> POST Upload file")
	keys("enter")
	waitFor("Puts a file")
	keys("enter")
	waitFor("Upload file", "No file chosen")
	typeText("Kvittering æøå 12.pdf")
	waitFor("Kvittering æøå 12.pdf · 7.0 KB · application/pdf")
	keys("enter")
	waitFor("It uploads Kvittering æøå 12.pdf")
	keys("y")
	waitFor("200 OK", "FileGuid")
	r, err := client.Do(ctx, api.Request{Path: "/v1/{organizationId}/files", PathParams: map[string]string{"organizationId": org}})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(r.Body), `"Kvittering æøå 12.pdf"`) {
		t.Fatalf("the archive lacks the upload: %s", r.Body)
	}

	// a booked invoice as PDF, saved
	keys("esc")
	waitFor("Kvittering æøå 12.pdf · 7.0 KB")
	keys("esc")
	waitFor("Endpoints")
	keys("/", "ctrl+u")
	typeText("get invoice")
	waitFor("> GET Get invoice")
	keys("enter")
	waitFor("PDF (booked invoices)")
	keys("enter")
	waitFor("Get invoice", "Accept")
	keys("tab", "ctrl+u")
	typeText(booked)
	keys("tab", "right")
	waitFor("‹ PDF (application/octet-stream) ›")
	name := "invoice-" + booked + ".pdf"
	if err := os.WriteFile(name, []byte("mine"), 0o600); err != nil {
		t.Fatal(err)
	}
	keys("enter")
	waitFor("200 OK", "File "+name, "Type application/pdf", "s save it")
	keys("s", "enter")
	waitFor("exists. Replace it?")
	keys("n")
	waitFor("Save as")
	keys("ctrl+u")
	typeText("faktura æøå.pdf")
	keys("enter")
	waitFor("Saved", "faktura æøå.pdf")
	if b, _ := os.ReadFile(name); string(b) != "mine" {
		t.Fatalf("the existing file was replaced: %q", b)
	}
	if b, _ := os.ReadFile("faktura æøå.pdf"); !strings.HasPrefix(string(b), "%PDF") {
		t.Fatalf("saved %q", b[:min(len(b), 20)])
	}
	keys("s", "enter")
	waitFor("exists. Replace it?")
	keys("y")
	waitFor("Saved")
	if b, _ := os.ReadFile(name); !strings.HasPrefix(string(b), "%PDF") {
		t.Fatalf("y did not replace: %q", b[:min(len(b), 20)])
	}

	// a draft invoice's PDF: Dinero's error
	keys("esc")
	waitFor("‹ PDF")
	keys("up", "ctrl+u")
	typeText(draft)
	keys("enter")
	waitFor("Dinero says:", "A PDF can only be made for a booked invoice.")
	keys("ctrl+c")
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
}
