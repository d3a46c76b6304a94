package ui

import (
	"context"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tidwall/gjson"

	"github.com/dinero-tui/dinero-tui/api"
	"github.com/dinero-tui/dinero-tui/config"
	"github.com/dinero-tui/dinero-tui/ui/common"
	"github.com/dinero-tui/dinero-tui/ui/jsonview"
)

// Over real HTTP, each progress report names the body file and how much
// of it holds the array so far: the viewer opens that part with every item
// reported (and no error for the missing end), while the fetch goes on.
func TestAllPagesProgressNamesTheArraySoFar(t *testing.T) {
	srv := &pagedServer{total: 10}
	ts := httptest.NewServer(srv)
	defer ts.Close()
	cache := t.TempDir()
	b := &realBackend{profile: config.Profile{CacheDir: cache}, client: api.NewClient(ts.Client(), ts.URL), memoryLimit: 100}
	defer b.Cleanup()
	req := common.Request{Method: "GET", Path: "/v1/{organizationId}/invoices", PathParams: map[string]string{"organizationId": "7"},
		Query: url.Values{"pageSize": {"4"}}}
	reports := 0
	resp, err := b.AllPages(context.Background(), req, func(p common.PagesProgress) {
		reports++
		if p.File == "" || !strings.HasPrefix(p.File, filepath.Join(cache, "responses")) {
			t.Fatalf("progress names no body file: %+v", p)
		}
		d, err := jsonview.OpenUnfinished(p.File, p.Bytes)
		if err != nil {
			t.Fatalf("open the array so far: %v", err)
		}
		defer d.Close()
		d.Wait()
		data := append(append([]byte(nil), d.Bytes()...), ']')
		if d.Problem() != "" || !d.IsJSON() || gjson.GetBytes(data, "#").Int() != int64(p.Items) {
			t.Fatalf("after %d items: problem %q, %d items in %q", p.Items, d.Problem(), gjson.GetBytes(data, "#").Int(), data)
		}
		if p.Total != 10 || (p.Pages < 3) != (p.ETA > 0) { // the API client's estimate, 0 at the end
			t.Fatalf("progress %+v", p)
		}
	})
	if err != nil || resp.Items != 10 || reports != 3 || resp.BodyFile == "" {
		t.Fatalf("fetch: %v, %+v after %d reports", err, resp, reports)
	}
}

// An answer passing the cap stops with a message saying what to do, and
// its file is gone.
func TestBodyFileCap(t *testing.T) {
	old := maxBodyFile
	maxBodyFile = 2000
	defer func() { maxBodyFile = old }()
	srv := &pagedServer{total: 100}
	ts := httptest.NewServer(srv)
	defer ts.Close()
	cache := t.TempDir()
	b := &realBackend{profile: config.Profile{CacheDir: cache}, client: api.NewClient(ts.Client(), ts.URL)}
	req := common.Request{Method: "GET", Path: "/v1/{organizationId}/invoices", PathParams: map[string]string{"organizationId": "7"},
		Query: url.Values{"pageSize": {"10"}}}
	for name, call := range map[string]func() (*common.Response, error){
		"all pages": func() (*common.Response, error) { return b.AllPages(context.Background(), req, nil) },
		"send":      func() (*common.Response, error) { return b.Send(context.Background(), withPageSize(req, "100"), nil) },
	} {
		_, err := call()
		if err == nil || !strings.Contains(err.Error(), "the most the explorer keeps on disk; narrow the request") {
			t.Fatalf("%s: %v", name, err)
		}
		if left, _ := filepath.Glob(filepath.Join(cache, "responses", "*")); len(left) != 0 {
			t.Fatalf("%s left %v", name, left)
		}
	}
}

func withPageSize(r common.Request, n string) common.Request {
	r.Query = url.Values{"pageSize": {n}}
	return r
}
