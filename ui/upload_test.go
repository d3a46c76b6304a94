package ui

import (
	"bytes"
	"context"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/dinero-tui/dinero-tui/api"
	"github.com/dinero-tui/dinero-tui/api/catalog"
	"github.com/dinero-tui/dinero-tui/config"
	"github.com/dinero-tui/dinero-tui/ui/common"
)

// The real backend streams an upload's file as a multipart part, tells
// the caller how far it has come, and sends the chosen Accept; a file
// over Dinero's limit never leaves the machine.
func TestBackendStreamsUploadsWithProgress(t *testing.T) {
	var requests atomic.Int32
	var got struct {
		sync.Mutex
		name, accept string
		data         []byte
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		requests.Add(1)
		_, params, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
		if err != nil {
			t.Errorf("content type %q", r.Header.Get("Content-Type"))
		}
		part, err := multipart.NewReader(r.Body, params["boundary"]).NextPart()
		if err != nil {
			t.Errorf("no part: %v", err)
			return
		}
		data, _ := io.ReadAll(part)
		got.Lock()
		got.name, got.accept, got.data = part.FileName(), r.Header.Get("Accept"), data
		got.Unlock()
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, `{"FileGuid":"abc"}`)
	}))
	defer srv.Close()
	dir := t.TempDir()
	data := bytes.Repeat([]byte("kvittering æøå "), 200_000) // 3.4 MB
	path := filepath.Join(dir, "Kvittering æøå 12.pdf")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	b := &realBackend{profile: config.Profile{CacheDir: t.TempDir()}, client: api.NewClient(srv.Client(), srv.URL)}
	defer b.Cleanup()
	var last, total atomic.Int64
	ctx := common.WithUploadNotify(context.Background(), func(done, size int64) { last.Store(done); total.Store(size) })
	req := common.Request{Method: "POST", Path: "/v1/{organizationId}/files", PathParams: map[string]string{"organizationId": "1"},
		Header: http.Header{"Accept": {"application/json"}}, Parts: []catalog.Part{{Name: "file", Value: path, File: true}}}
	resp, err := b.Send(ctx, req, nil)
	if err != nil || resp.Status != 200 {
		t.Fatalf("send: %v %+v", err, resp)
	}
	got.Lock()
	defer got.Unlock()
	if got.name != "Kvittering æøå 12.pdf" || !bytes.Equal(got.data, data) || got.accept != "application/json" {
		t.Fatalf("server got %q (%d bytes, accept %q)", got.name, len(got.data), got.accept)
	}
	if total.Load() != int64(len(data)) || last.Load() != int64(len(data)) {
		t.Fatalf("progress %d of %d, want %d", last.Load(), total.Load(), len(data))
	}

	big := filepath.Join(dir, "stor.pdf")
	if err := os.WriteFile(big, make([]byte, api.MaxUploadSize+1), 0o600); err != nil {
		t.Fatal(err)
	}
	req.Parts[0].Value = big
	n := requests.Load()
	_, err = b.Send(context.Background(), req, nil)
	if err == nil || !strings.Contains(err.Error(), "over Dinero's upload limit of 6 MB") || requests.Load() != n {
		t.Fatalf("6 MB + 1: err %v, %d requests", err, requests.Load()-n)
	}
}

// BenchmarkBackendUpload59MB sends a 5.9 MB file through the explorer's
// backend to an HTTP server: the allocations per upload stay far below
// the file's size (it streams from disk).
func BenchmarkBackendUpload59MB(b *testing.B) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.Copy(io.Discard, r.Body)
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, `{"FileGuid":"abc"}`)
	}))
	defer srv.Close()
	path := filepath.Join(b.TempDir(), "receipt.pdf")
	if err := os.WriteFile(path, bytes.Repeat([]byte("%PDF-1.4 receipt "), 5_900_000/17), 0o600); err != nil {
		b.Fatal(err)
	}
	be := &realBackend{profile: config.Profile{CacheDir: b.TempDir()}, client: api.NewClient(srv.Client(), srv.URL)}
	defer be.Cleanup()
	req := common.Request{Method: "POST", Path: "/v1/1/files", Parts: []catalog.Part{{Name: "file", Value: path, File: true}}}
	b.ReportAllocs()
	b.SetBytes(5_900_000)
	for b.Loop() {
		if _, err := be.Send(context.Background(), req, nil); err != nil {
			b.Fatal(err)
		}
	}
}
