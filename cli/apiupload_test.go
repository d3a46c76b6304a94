package cli

import (
	"bytes"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/tidwall/gjson"

	"github.com/dinero-tui/dinero-tui/api"
	"github.com/dinero-tui/dinero-tui/config"
)

// countRequests makes the commands' HTTP client count what it sends.
func countRequests(t *testing.T) *atomic.Int64 {
	t.Helper()
	var n atomic.Int64
	inner := apiHTTPClient
	apiHTTPClient = func(env *Env, p config.Profile) (*http.Client, func(string), error) {
		hc, done, err := inner(env, p)
		if err != nil {
			return nil, nil, err
		}
		c := *hc
		base := c.Transport
		if base == nil {
			base = http.DefaultTransport
		}
		c.Transport = roundTripFunc(func(r *http.Request) (*http.Response, error) { n.Add(1); return base.RoundTrip(r) })
		return &c, done, nil
	}
	t.Cleanup(func() { apiHTTPClient = inner })
	return &n
}

type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

func writeTemp(t *testing.T, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestAPIReceiptToVoucherFlow uploads a receipt, books a purchase voucher
// on it, downloads it again, and fetches a booked invoice's PDF.
func TestAPIReceiptToVoucherFlow(t *testing.T) {
	u := apiSandbox(t, 30)
	receipt := append([]byte("%PDF-1.4\n"), bytes.Repeat([]byte("kvittering \x00\xff\n"), 2000)...)
	path := writeTemp(t, "Kvittering for Æbler og Øl på Å.pdf", receipt)
	org := "--org=" + carpenter

	up := runCmd(t, u, "", false, nil, "api", "files.upload", org, "-F", "file=@"+path, "--yes", "-q", "FileGuid")
	fileGuid := strings.TrimSpace(up.stdout)
	if up.code != 0 || len(fileGuid) != 32 {
		t.Fatalf("upload: code %d stdout %q stderr %q", up.code, up.stdout, up.stderr)
	}
	listed := runCmd(t, u, "", false, nil, "api", "files.list", org, "-q", `#(FileGuid=="`+fileGuid+`").Name`)
	if strings.TrimSpace(listed.stdout) != "Kvittering for Æbler og Øl på Å.pdf" {
		t.Errorf("listed name %q (stderr %q)", listed.stdout, listed.stderr)
	}

	voucher := `{"PurchaseType":"cash","FileGuid":"` + fileGuid + `","DepositAccountNumber":55000,"Lines":[{"AccountNumber":4000,"Amount":125,"Description":"Æbler"}]}`
	created := runCmd(t, u, voucher, false, nil, "api", "purchasevouchers.create", org, "--input", "-", "--yes")
	if created.code != 0 {
		t.Fatalf("create voucher: code %d stderr %q", created.code, created.stderr)
	}
	guid, stamp := gjson.Get(created.stdout, "Guid").String(), gjson.Get(created.stdout, "Timestamp").String()
	booked := runCmd(t, u, "", false, nil, "api", "purchasevouchers.book", org, "-f", "guid="+guid, "-f", "Timestamp="+stamp, "--yes")
	if booked.code != 0 {
		t.Fatalf("book voucher %s: code %d stderr %q", guid, booked.code, booked.stderr)
	}

	down := runCmd(t, u, "", false, nil, "api", "files.download", org, "-f", "fileGuid="+fileGuid, "--accept", "application/octet-stream")
	if down.code != 0 || down.stdout != string(receipt) {
		t.Fatalf("download: code %d, %d bytes (want %d identical) stderr %q", down.code, len(down.stdout), len(receipt), down.stderr)
	}

	invoices := func(status string) string {
		r := runCmd(t, u, "", false, nil, "api", "invoices.list", org, "-f", "statusFilter="+status, "-f", "fields=Guid", "-q", "Collection.0.Guid")
		if g := strings.TrimSpace(r.stdout); g != "" {
			return g
		}
		t.Fatalf("no %s invoice: %q", status, r.stderr)
		return ""
	}
	pdf := runCmd(t, u, "", false, nil, "api", "invoices.get", org, "-f", "guid="+invoices("Booked,Paid,Overdue,OverPaid"), "--accept", "application/octet-stream")
	if pdf.code != 0 || !strings.HasPrefix(pdf.stdout, "%PDF") {
		t.Fatalf("booked invoice PDF: code %d starts %q stderr %q", pdf.code, pdf.stdout[:min(len(pdf.stdout), 20)], pdf.stderr)
	}
	// On a terminal the PDF is not written raw.
	tty := runCmd(t, u, "", true, nil, "api", "invoices.get", org, "-f", "guid="+invoices("Booked,Paid,Overdue,OverPaid"), "--accept", "application/octet-stream")
	if tty.stdout != "" || !strings.Contains(tty.stderr, "binary") || !strings.Contains(tty.stderr, "redirect it to a file") {
		t.Errorf("PDF on a terminal: stdout %d bytes, stderr %q", len(tty.stdout), tty.stderr)
	}
	draft := runCmd(t, u, "", false, nil, "api", "invoices.get", org, "-f", "guid="+invoices("Draft"), "--accept", "application/octet-stream")
	t.Logf("draft PDF: %s", draft.stderr)
	if draft.code != 1 || draft.stdout != "" || !strings.Contains(draft.stderr, "only be made for a booked invoice") {
		t.Errorf("draft PDF: code %d stdout %q stderr %q", draft.code, draft.stdout, draft.stderr)
	}
}

func TestAPIUploadRefusals(t *testing.T) {
	u := apiSandbox(t, 0)
	sent := countRequests(t)
	org := "--org=" + carpenter
	tooBig := writeTemp(t, "big scan.pdf", bytes.Repeat([]byte("x"), api.MaxUploadSize+1))
	empty := writeTemp(t, "empty.pdf", nil)
	cases := []struct {
		name string
		args []string
		says string
	}{
		{"6 MB and 1 byte", []string{"files.upload", "-F", "file=@" + tooBig}, "over Dinero's upload limit of 6 MB"},
		{"by method and path", []string{"-X", "POST", "/v1/{organizationId}/files", "-F", "file=@" + tooBig}, "over Dinero's upload limit"},
		{"--form on any path", []string{"--form", "/v1/{organizationId}/files/attachment", "-F", "file=@" + tooBig}, "over Dinero's upload limit"},
		{"empty file", []string{"files.upload", "-F", "file=@" + empty}, "empty"},
		{"missing file", []string{"files.upload", "-F", "file=@" + filepath.Join(t.TempDir(), "nope.pdf")}, "no such file"},
		{"stdin", []string{"files.upload", "-F", "file=@-"}, "needs a file path"},
		{"with --input", []string{"files.upload", "--input", empty}, "--input"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := runCmd(t, u, "", false, nil, append([]string{"api", org, "--yes"}, c.args...)...)
			if r.code != 2 || !strings.Contains(r.stderr, c.says) {
				t.Errorf("code %d stderr %q, want 2 saying %q", r.code, r.stderr, c.says)
			}
		})
	}
	if n := sent.Load(); n != 0 {
		t.Errorf("%d requests were sent for refused uploads", n)
	}
	// Exactly 6 MB goes, by path with --form and with a text field.
	six := writeTemp(t, "six.pdf", bytes.Repeat([]byte("x"), api.MaxUploadSize))
	r := runCmd(t, u, "", false, nil, "api", org, "--yes", "--form", "/v1/{organizationId}/files", "-F", "file=@"+six, "-f", "note=@not-a-file", "-q", "FileGuid")
	if r.code != 0 || len(strings.TrimSpace(r.stdout)) != 32 || sent.Load() != 1 {
		t.Errorf("6 MB upload: code %d stdout %q stderr %q, %d requests", r.code, r.stdout, r.stderr, sent.Load())
	}
}
