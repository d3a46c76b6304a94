package ui

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/dinero-tui/dinero-tui/api"
	"github.com/dinero-tui/dinero-tui/config"
	"github.com/dinero-tui/dinero-tui/ui/common"
)

// pagedServer serves total items, pageSize to a page, like Dinero's
// Collection + Pagination answers; block makes page 2 wait until the
// request is cancelled, fail answers page 1 with a Dinero error.
type pagedServer struct {
	total       int
	block, fail atomic.Bool
	mu          sync.Mutex
	asked       []url.Values
}

func (s *pagedServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	s.mu.Lock()
	s.asked = append(s.asked, q)
	s.mu.Unlock()
	page, _ := strconv.Atoi(q.Get("page"))
	size, _ := strconv.Atoi(q.Get("pageSize"))
	w.Header().Set("Content-Type", "application/json")
	switch {
	case s.block.Load() && page == 2:
		<-r.Context().Done()
		return
	case s.fail.Load() && page == 1:
		w.WriteHeader(http.StatusForbidden)
		fmt.Fprint(w, `{"code":90,"message":"No Pro subscription"}`)
		return
	}
	var items []string
	for i := page * size; i < min(s.total, (page+1)*size); i++ {
		// commas, brackets and escaped quotes inside strings, nested values
		items = append(items, fmt.Sprintf(`{"Number":%d,"Text":"a, [b] {c} \"d\" \\","Lines":[{"N":[1,2]},{}]}`, i))
	}
	fmt.Fprintf(w, `{"Collection":[%s],"Pagination":{"MaxPageSizeAllowed":1000,"PageSize":%d,"Result":%d,"ResultWithoutFilter":%d,"Page":%d}}`,
		strings.Join(items, ","), size, len(items), s.total, page)
}

func TestAllPagesMergesEveryItemOnceAndCleansUp(t *testing.T) {
	srv := &pagedServer{total: 7}
	ts := httptest.NewServer(srv)
	defer ts.Close()
	cache := t.TempDir()
	b := &realBackend{profile: config.Profile{CacheDir: cache}, client: api.NewClient(ts.Client(), ts.URL)}
	defer b.Cleanup()
	req := common.Request{Method: "GET", Path: "/v1/{organizationId}/invoices", PathParams: map[string]string{"organizationId": "7"},
		Query: url.Values{"pageSize": {"3"}, "fields": {"Number,Text"}}}
	files := func() []string {
		left, _ := filepath.Glob(filepath.Join(cache, "responses", "*"))
		return left
	}
	fetch := func(ctx context.Context) (*common.Response, []common.PagesProgress, error) {
		var seen []common.PagesProgress
		resp, err := b.AllPages(ctx, req, func(p common.PagesProgress) { seen = append(seen, p) })
		return resp, seen, err
	}

	resp, seen, err := fetch(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var items []struct{ Number int }
	if err := json.Unmarshal(resp.Body, &items); err != nil {
		t.Fatalf("merged answer is not one JSON array: %v", err)
	}
	for i, it := range items {
		if it.Number != i {
			t.Fatalf("item %d is Number %d: every item must arrive once, in order", i, it.Number)
		}
	}
	if len(items) != 7 || resp.Items != 7 || resp.Pages != 3 || resp.Size != int64(len(resp.Body)) {
		t.Fatalf("%d items; response says %d items, %d pages, %d bytes", len(items), resp.Items, resp.Pages, resp.Size)
	}
	if len(srv.asked) != 3 || srv.asked[0].Get("page") != "0" || srv.asked[2].Get("page") != "2" || srv.asked[1].Get("fields") != "Number,Text" {
		t.Fatalf("pages asked: %v", srv.asked)
	}
	last := seen[len(seen)-1]
	if last.Items != 7 || last.Pages != 3 || last.Bytes < int64(len(resp.Body))-1 {
		t.Fatalf("last progress %+v", last)
	}
	for i := 1; i < len(seen); i++ {
		if seen[i].Items < seen[i-1].Items || seen[i].Pages < seen[i-1].Pages {
			t.Fatalf("progress went back: %+v", seen)
		}
	}
	if left := files(); len(left) != 0 {
		t.Fatalf("a small answer left %v in the cache", left)
	}

	// large answers stay on disk, one at a time, like Send's
	b.memoryLimit = 100
	first, _, err := fetch(context.Background())
	if err != nil || first.BodyFile == "" || first.Body != nil {
		t.Fatalf("large answer: %v, file %q", err, first.BodyFile)
	}
	second, _, _ := fetch(context.Background())
	if left := files(); len(left) != 1 || left[0] != second.BodyFile {
		t.Fatalf("files left: %v, want only %s", left, second.BodyFile)
	}
	data, _ := os.ReadFile(second.BodyFile)
	if !json.Valid(data) || second.Items != 7 {
		t.Fatalf("kept file is not the merged array (%d items)", second.Items)
	}
	b.Cleanup()
	if left := files(); len(left) != 0 {
		t.Fatalf("Cleanup left %v", left)
	}

	// a Dinero error on a page comes back as an answer; nothing is left
	srv.fail.Store(true)
	failed, _, err := fetch(context.Background())
	if err != nil || failed.Err == nil || failed.Status != 403 || failed.Err.Code != 90 {
		t.Fatalf("error page: %v %+v", err, failed)
	}
	if left := files(); len(left) != 0 {
		t.Fatalf("a failed fetch left %v", left)
	}

	// cancelling mid-way removes the half-written file
	srv.fail.Store(false)
	srv.block.Store(true)
	ctx, cancel := context.WithCancel(context.Background())
	_, err = fetchCancelled(ctx, cancel, b, req)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled fetch: %v", err)
	}
	if left := files(); len(left) != 0 {
		t.Fatalf("a cancelled fetch left %v", left)
	}
}

// fetchCancelled cancels the fetch once two pages have arrived.
func fetchCancelled(ctx context.Context, cancel context.CancelFunc, b *realBackend, req common.Request) (*common.Response, error) {
	defer cancel()
	return b.AllPages(ctx, req, func(p common.PagesProgress) {
		if p.Items == 6 {
			cancel()
		}
	})
}
