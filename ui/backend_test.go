package ui

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dinero-tui/dinero-tui/api"
	"github.com/dinero-tui/dinero-tui/config"
	"github.com/dinero-tui/dinero-tui/ui/common"
	"github.com/dinero-tui/dinero-tui/ui/jsonview"
)

// bigList is a Collection body of about n bytes.
func bigList(n int) string {
	var b strings.Builder
	b.WriteString(`{"Collection":[`)
	for i := 0; b.Len() < n; i++ {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `{"Number":%d,"ContactName":"Kunde %d ApS","Description":"Løbende levering"}`, i, i)
	}
	b.WriteString(`],"Pagination":{"Page":0}}`)
	return b.String()
}

// TestSendKeepsLargeBodiesOnDisk: the real backend streams every answer to
// the cache directory with progress; small ones come back in memory, large
// ones stay in the file (one at a time) for the viewer to map.
func TestSendKeepsLargeBodiesOnDisk(t *testing.T) {
	large, small := bigList(MemoryLimit+1<<20), `{"Collection":[],"Pagination":{"Page":0}}`
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		if r.URL.Query().Get("size") == "small" {
			fmt.Fprint(w, small)
			return
		}
		w.Header().Set("Content-Length", fmt.Sprint(len(large)))
		fmt.Fprint(w, large)
	}))
	defer srv.Close()
	cache := t.TempDir()
	b := &realBackend{profile: config.Profile{CacheDir: cache}, client: api.NewClient(srv.Client(), srv.URL)}
	defer b.Cleanup()
	send := func(size string) (*common.Response, []int64) {
		t.Helper()
		var progress []int64
		resp, err := b.Send(context.Background(), common.Request{Method: "GET", Path: "/v1/1/invoices",
			Query: map[string][]string{"size": {size}}}, func(done, total int64) { progress = append(progress, done) })
		if err != nil {
			t.Fatal(err)
		}
		return resp, progress
	}

	first, progress := send("large")
	if first.Body != nil || first.BodyFile == "" || first.Size != int64(len(large)) {
		t.Fatalf("large answer: body %d bytes in memory, file %q, size %d", len(first.Body), first.BodyFile, first.Size)
	}
	if len(progress) < 2 || progress[len(progress)-1] != int64(len(large)) {
		t.Fatalf("progress reports: %v", progress)
	}
	doc, err := jsonview.Open(first.BodyFile)
	if err != nil || !doc.IsJSON() {
		t.Fatalf("viewer cannot open the kept body: %v", err)
	}
	doc.Close()

	second, _ := send("large")
	if _, err := os.Stat(first.BodyFile); !os.IsNotExist(err) {
		t.Fatalf("the previous large body was not removed: %v", err)
	}
	tiny, _ := send("small")
	if string(tiny.Body) != small || tiny.BodyFile != "" {
		t.Fatalf("small answer not kept in memory: %q %q", tiny.Body, tiny.BodyFile)
	}
	left, _ := filepath.Glob(filepath.Join(cache, "responses", "*"))
	if len(left) != 1 || left[0] != second.BodyFile {
		t.Fatalf("files left in the cache: %v, want only %s", left, second.BodyFile)
	}
	b.Cleanup()
	if left, _ := filepath.Glob(filepath.Join(cache, "responses", "*")); len(left) != 0 {
		t.Fatalf("Cleanup left %v", left)
	}
}
