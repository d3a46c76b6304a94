package api

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
)

// envelope answers one page request: the page asked for and the number of
// requests so far (from 1).
type envelope func(page, call int) string

func pageJSON(first, n, size, total, page int) string {
	items := make([]string, n)
	for i := range items {
		items[i] = fmt.Sprintf(`{"Number":%d}`, first+i)
	}
	return fmt.Sprintf(`{"Collection":[%s],"Pagination":{"MaxPageSizeAllowed":1000,"PageSize":%d,"Result":%d,"ResultWithoutFilter":%d,"Page":%d}}`,
		strings.Join(items, ","), size, n, total, page)
}

func bareJSON(first, n int) string {
	body := pageJSON(first, n, 0, 0, 0)
	return body[len(`{"Collection":`):strings.Index(body, `,"Pagination"`)]
}

// TestPagingHardStop: servers that page wrongly end the run early with a
// clear error (or stop at the page count fixed by the first page), never
// loop until a timeout.
func TestPagingHardStop(t *testing.T) {
	tests := []struct {
		name        string
		serve       envelope
		maxRequests int
		err         string // "" = no error
	}{
		{"honest", func(p, _ int) string { return pageJSON(p*10, min(10, 35-p*10), 10, 35, p) }, 4, ""},
		{"alternating two full pages, Page echoed",
			func(p, _ int) string { return pageJSON(p%2*10, 10, 10, 1000, p) }, 3, "repeats page 0"},
		{"alternating two full pages, Page not echoed",
			func(p, c int) string { return pageJSON(c%2*10, 10, 10, 1000, 0) }, 2, "answered page 0"},
		{"same page for every page number",
			func(p, _ int) string { return pageJSON(0, 10, 10, 1000, p) }, 2, "repeats page 0"},
		{"total grows with every page: the first total rules",
			func(p, _ int) string { return pageJSON(p*10, 10, 10, 30+p*100, p) }, 3, ""},
		{"total beyond the page cap", func(p, _ int) string { return pageJSON(0, 10, 10, 10*MaxPages+1, p) }, 1, "more than the"},
		{"negative total", func(p, _ int) string { return pageJSON(p*10, 10, 10, -5, p) }, 1, ""},
		{"page size zero", func(p, _ int) string { return pageJSON(p*10, 10, 0, 40, p) }, 4, ""},
		{"fresh items forever, bare array", func(p, _ int) string { return bareJSON(p*10, 10) }, 50, "stopped after 50 pages"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var calls atomic.Int32
			c, _ := setup(t, func(w http.ResponseWriter, r *http.Request) {
				p, _ := strconv.Atoi(r.URL.Query().Get("page"))
				io.WriteString(w, tt.serve(p, int(calls.Add(1))))
			}, WithRateLimit(0, 0))
			if strings.Contains(tt.name, "bare array") {
				c.maxPages = 50
			}
			var buf bytes.Buffer
			err := c.AllPages(context.Background(), Request{Path: "/v1/1/invoices", Query: map[string][]string{"pageSize": {"10"}}}, &buf)
			switch {
			case tt.err == "" && err != nil:
				t.Fatalf("err = %v", err)
			case tt.err != "" && (err == nil || !strings.Contains(err.Error(), tt.err)):
				t.Fatalf("err = %v, want %q", err, tt.err)
			}
			if n := int(calls.Load()); n > tt.maxRequests {
				t.Errorf("%d requests, want at most %d", n, tt.maxRequests)
			}
		})
	}
}

// pagingTransport answers page requests from fuzz data, in memory.
type pagingTransport struct {
	data  []byte
	calls int
}

func (p *pagingTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	p.calls++
	page, _ := strconv.Atoi(r.URL.Query().Get("page"))
	b := func(i int) int {
		if len(p.data) == 0 {
			return 0
		}
		return int(p.data[(p.calls*4+i)%len(p.data)])
	}
	// Page number echoed or not, items fresh or repeated, total and size
	// anywhere from 0 to large.
	answered := page
	if b(0)%3 == 0 {
		answered = b(0) % 4
	}
	first := page * 7
	if b(1)%2 == 0 {
		first = b(1) % 3 * 7
	}
	body := pageJSON(first, b(2)%8, b(3)%9, b(3)*b(2)*37, answered)
	if b(0)%11 == 0 {
		body = bareJSON(first, b(2)%8)
	}
	return &http.Response{StatusCode: 200, Header: http.Header{"Content-Type": {"application/json"}},
		Body: io.NopCloser(strings.NewReader(body)), Request: r}, nil
}

// FuzzPagingEnvelopes: whatever the server answers, a run ends within the
// page cap plus one request, and never panics.
func FuzzPagingEnvelopes(f *testing.F) {
	f.Add([]byte{})
	f.Add([]byte{1, 1, 7, 8})
	f.Add([]byte{3, 2, 7, 8, 9, 9, 9, 9})
	f.Add([]byte{0, 0, 0, 0})
	f.Fuzz(func(t *testing.T, data []byte) {
		tr := &pagingTransport{data: data}
		c := NewClient(&http.Client{Transport: tr}, "https://api.example", WithRateLimit(0, 0), WithMaxPages(30))
		_ = c.AllPages(context.Background(), Request{Path: "/v1/1/invoices", Query: map[string][]string{"pageSize": {"7"}}}, io.Discard)
		if tr.calls > 31 {
			t.Fatalf("%d requests with a cap of 30 pages", tr.calls)
		}
	})
}
