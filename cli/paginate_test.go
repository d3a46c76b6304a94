package cli

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/dinero-tui/dinero-tui/config"
)

// recordingAPI serves total items as a Dinero Collection and records the
// query of every request; the commands' client is pointed at it.
func recordingAPI(t *testing.T, total int) (string, func() []url.Values) {
	var mu sync.Mutex
	var queries []url.Values
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		mu.Lock()
		queries = append(queries, q)
		mu.Unlock()
		page, _ := strconv.Atoi(q.Get("page"))
		size, err := strconv.Atoi(q.Get("pageSize"))
		if err != nil {
			size = 100
		}
		var items []string
		for i := page * size; i < (page+1)*size && i < total; i++ {
			items = append(items, fmt.Sprintf(`{"Number":%d}`, i))
		}
		fmt.Fprintf(w, `{"Collection":[%s],"Pagination":{"MaxPageSizeAllowed":1000,"PageSize":%d,"Result":%d,"ResultWithoutFilter":%d,"Page":%d}}`,
			strings.Join(items, ","), size, len(items), total, page)
	}))
	t.Cleanup(srv.Close)
	old := apiHTTPClient
	apiHTTPClient = func(*Env, config.Profile) (*http.Client, func(string), error) {
		return srv.Client(), func(string) {}, nil
	}
	t.Cleanup(func() { apiHTTPClient = old })
	return srv.URL, func() []url.Values { mu.Lock(); defer mu.Unlock(); return append([]url.Values(nil), queries...) }
}

// TestPaginateAsksForTheLargestPage: without a pageSize, --paginate asks
// for Dinero's largest page (1000) and keeps every other parameter; a
// pageSize the user gave is kept.
func TestPaginateAsksForTheLargestPage(t *testing.T) {
	u, queries := recordingAPI(t, 2500)
	r := runCmd(t, u, "", false, nil, "api", "/v1/1/invoices?fields=Number", "--paginate", "-f", "changesSince=2026-01-01", "-q", "#")
	if r.code != 0 || strings.TrimSpace(r.stdout) != "2500" {
		t.Fatalf("code %d stdout %q stderr %q", r.code, r.stdout, r.stderr)
	}
	qs := queries()
	if len(qs) != 3 {
		t.Fatalf("%d requests, want 3 pages of 1000", len(qs))
	}
	for i, q := range qs {
		if q.Get("pageSize") != "1000" || q.Get("page") != strconv.Itoa(i) || q.Get("fields") != "Number" || q.Get("changesSince") != "2026-01-01" {
			t.Errorf("request %d: %v", i, q)
		}
	}
	u, queries = recordingAPI(t, 250)
	if r := runCmd(t, u, "", false, nil, "api", "/v1/1/invoices", "--paginate", "-F", "pageSize=100"); r.code != 0 {
		t.Fatalf("code %d stderr %q", r.code, r.stderr)
	}
	if qs := queries(); len(qs) != 3 || qs[0].Get("pageSize") != "100" {
		t.Errorf("the user's pageSize was not kept: %v", qs)
	}
}
