package api

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"runtime"
	"strconv"
	"strings"
	"testing"
)

// collection serves total items as a Dinero Collection, recording the
// query of every request.
func collection(total int, queries *[]url.Values) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		*queries = append(*queries, q)
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
	}
}

func TestAllPagesMergesEveryItemOnce(t *testing.T) {
	for _, tt := range []struct {
		total    int
		pageSize string
		requests int
	}{
		{2345, "100", 24}, {2000, "1000", 2}, {0, "", 1}, {5, "", 1}, {1000, "", 1},
	} {
		t.Run(fmt.Sprintf("%d/%s", tt.total, tt.pageSize), func(t *testing.T) {
			var queries []url.Values
			c, _ := setup(t, collection(tt.total, &queries))
			q := url.Values{"fields": {"Number"}}
			if tt.pageSize != "" {
				q.Set("pageSize", tt.pageSize)
			}
			var buf bytes.Buffer
			if err := c.AllPages(context.Background(), Request{Path: "/v1/{organizationId}/invoices", PathParams: map[string]string{"organizationId": "1"}, Query: q}, &buf); err != nil {
				t.Fatal(err)
			}
			var got []struct{ Number int }
			if err := json.Unmarshal(buf.Bytes(), &got); err != nil {
				t.Fatalf("merged output is not JSON: %v", err)
			}
			if len(got) != tt.total {
				t.Fatalf("got %d items, want %d", len(got), tt.total)
			}
			for i, it := range got {
				if it.Number != i {
					t.Fatalf("item %d is %d", i, it.Number)
				}
			}
			if len(queries) != tt.requests {
				t.Errorf("%d requests, want %d", len(queries), tt.requests)
			}
			for _, q := range queries {
				if q.Get("fields") != "Number" {
					t.Errorf("caller's query lost: %v", q)
				}
			}
		})
	}
}

func TestPagesStartsAtCallerPageAndStops(t *testing.T) {
	var queries []url.Values
	c, _ := setup(t, collection(50, &queries))
	var numbers []int
	err := c.Pages(context.Background(), Request{Path: "/v1/1/contacts?page=2&pageSize=10"}, func(p Page) error {
		numbers = append(numbers, p.Number)
		if p.Pagination.ResultWithoutFilter != 50 || len(p.Items) != 10 {
			t.Errorf("page %d: %+v, %d items", p.Number, p.Pagination, len(p.Items))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(numbers) != "[2 3 4]" {
		t.Errorf("pages %v", numbers)
	}
	for _, q := range queries {
		if len(q["page"]) != 1 {
			t.Errorf("page sent twice: %v", q)
		}
	}
	// ErrStop ends early without error.
	calls := 0
	err = c.Pages(context.Background(), Request{Path: "/v1/1/contacts", Query: url.Values{"pageSize": {"10"}}}, func(p Page) error {
		calls++
		return ErrStop
	})
	if err != nil || calls != 1 {
		t.Errorf("ErrStop: err %v calls %d", err, calls)
	}
}

func TestPagesBareArrayAndNonPagingEndpoint(t *testing.T) {
	// A bare array that pages (files): stops at the short page.
	c, _ := setup(t, func(w http.ResponseWriter, r *http.Request) {
		page, _ := strconv.Atoi(r.URL.Query().Get("page"))
		if page == 0 {
			io.WriteString(w, `[{"a":1},{"a":2}]`)
			return
		}
		io.WriteString(w, `[{"a":3}]`)
	})
	var buf bytes.Buffer
	if err := c.AllPages(context.Background(), Request{Path: "/v1/1/files", Query: url.Values{"pageSize": {"2"}}}, &buf); err != nil {
		t.Fatal(err)
	}
	if buf.String() != `[{"a":1},{"a":2},{"a":3}]` {
		t.Errorf("merged = %s", buf.String())
	}
	// An endpoint that ignores page must not loop forever.
	c2, _ := setup(t, func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, `[{"a":1},{"a":2}]`) })
	buf.Reset()
	err := c2.AllPages(context.Background(), Request{Path: "/v1/1/accounts/entry", Query: url.Values{"pageSize": {"2"}}}, &buf)
	if err == nil || !strings.Contains(err.Error(), "does not seem to page") {
		t.Errorf("err = %v", err)
	}
	// A body without Collection is refused with a clear message.
	c3, _ := setup(t, func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, `{"Name":"x"}`) })
	if err := c3.AllPages(context.Background(), Request{Path: "/v1/1/sales/settings"}, &buf); err == nil || !strings.Contains(err.Error(), "does not page") {
		t.Errorf("err = %v", err)
	}
}

func TestPagesStopsOnError(t *testing.T) {
	c, _ := setup(t, func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(403)
		io.WriteString(w, `{"code":90,"message":"no pro"}`)
	})
	var buf bytes.Buffer
	err := c.AllPages(context.Background(), Request{Path: "/v1/1/invoices"}, &buf)
	var apiErr *Error
	if !asError(err, &apiErr) || apiErr.Kind != KindNotPro {
		t.Errorf("err = %v", err)
	}
}

func asError(err error, target **Error) bool {
	for err != nil {
		if e, ok := err.(*Error); ok {
			*target = e
			return true
		}
		u, ok := err.(interface{ Unwrap() error })
		if !ok {
			return false
		}
		err = u.Unwrap()
	}
	return false
}

// TestAllPagesMemoryDoesNotGrowWithPages merges 10 and then 100 pages of
// ~200 KB each into a writer that keeps nothing, sampling the live heap as
// it goes: the peak must stay about one page, whatever the page count.
func TestAllPagesMemoryDoesNotGrowWithPages(t *testing.T) {
	if testing.Short() {
		t.Skip("heap measurement")
	}
	pad := strings.Repeat("p", 1000)
	handler := func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		page, _ := strconv.Atoi(q.Get("page"))
		size, _ := strconv.Atoi(q.Get("pageSize"))
		total, _ := strconv.Atoi(q.Get("total"))
		var b strings.Builder
		b.WriteString(`{"Collection":[`)
		n := 0
		for i := page * size; i < (page+1)*size && i < total; i++ {
			if n > 0 {
				b.WriteByte(',')
			}
			fmt.Fprintf(&b, `{"Number":%d,"Pad":"%s"}`, i, pad)
			n++
		}
		fmt.Fprintf(&b, `],"Pagination":{"MaxPageSizeAllowed":1000,"PageSize":%d,"Result":%d,"ResultWithoutFilter":%d,"Page":%d}}`, size, n, total, page)
		io.WriteString(w, b.String())
	}
	c, _ := setup(t, handler, WithRateLimit(0, 0))
	peak := func(pages int) (uint64, int64) {
		w := &heapSampler{every: 400}
		q := url.Values{"pageSize": {"200"}, "total": {strconv.Itoa(pages * 200)}}
		runtime.GC()
		if err := c.AllPages(context.Background(), Request{Path: "/v1/1/invoices", Query: q}, w); err != nil {
			t.Fatal(err)
		}
		return w.peak, w.n
	}
	peak10, out10 := peak(10)
	peak100, out100 := peak(100)
	t.Logf("peak live heap: 10 pages (%d KB out) %d KB, 100 pages (%d KB out) %d KB", out10>>10, peak10>>10, out100>>10, peak100>>10)
	if out100 < 10*out10-1000 {
		t.Fatalf("output sizes %d and %d", out10, out100)
	}
	// 100 pages write ~20 MB; holding them would show. Allow 2 MB of noise.
	if peak100 > peak10+2<<20 {
		t.Errorf("peak heap grew with the number of pages: %d KB for 10 pages, %d KB for 100", peak10>>10, peak100>>10)
	}
}

// heapSampler discards what it is given and samples the live heap (after a
// GC) every so many writes.
type heapSampler struct {
	every, writes int
	n             int64
	peak          uint64
}

func (h *heapSampler) Write(b []byte) (int, error) {
	h.n += int64(len(b))
	h.writes++
	if h.writes%h.every == 0 {
		runtime.GC()
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		h.peak = max(h.peak, ms.HeapAlloc)
	}
	return len(b), nil
}

func TestLastPage(t *testing.T) {
	items := func(n int) []json.RawMessage { return make([]json.RawMessage, n) }
	paged := func(n, result, size, total int) Page {
		return Page{Number: n, Items: items(result), Paginated: true,
			Pagination: Pagination{PageSize: size, Result: result, ResultWithoutFilter: total}}
	}
	tests := []struct {
		name  string
		page  Page
		asked int
		want  bool
	}{
		{"empty page", paged(3, 0, 100, 1000), 100, true},
		{"full page with more to come", paged(0, 100, 100, 250), 100, false},
		{"full last page", paged(1, 100, 100, 200), 100, true},
		{"short page ends even when the total counts unfiltered items", paged(0, 7, 100, 5000), 100, true},
		{"bare array, full page", Page{Items: items(10)}, 10, false},
		{"bare array, short page", Page{Items: items(3)}, 10, true},
		{"bare array, size unknown", Page{Items: items(3)}, 0, true},
	}
	for _, tt := range tests {
		if got := lastPage(tt.page, tt.asked); got != tt.want {
			t.Errorf("%s: lastPage = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestAllPagesNotifyReportsEachPageAfterItsItems(t *testing.T) {
	var queries []url.Values
	c, _ := setup(t, collection(250, &queries))
	var buf bytes.Buffer
	var seen []string
	err := c.AllPagesNotify(context.Background(), Request{Path: "/v1/1/invoices", Query: url.Values{"pageSize": {"100"}}}, &buf,
		func(p Page) {
			seen = append(seen, fmt.Sprintf("page %d: %d items, %d bytes so far", p.Number, len(p.Items), buf.Len()))
		})
	if err != nil {
		t.Fatal(err)
	}
	if len(seen) != 3 || !strings.HasPrefix(seen[0], "page 0: 100 items") || !strings.HasPrefix(seen[2], "page 2: 50 items") {
		t.Fatalf("notifications: %q", seen)
	}
	if strings.HasSuffix(seen[0], " 0 bytes so far") {
		t.Fatal("the first page was reported before its items were written")
	}
}
