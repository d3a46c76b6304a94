package api

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"net/url"
	"strconv"
	"strings"

	"github.com/tidwall/gjson"
)

// MaxPageSize is the largest pageSize Dinero accepts.
const MaxPageSize = 1000

// Pagination is Dinero's paging block of a Collection answer.
type Pagination struct {
	MaxPageSizeAllowed  int
	PageSize            int
	Result              int // items in this page
	ResultWithoutFilter int // items in all pages
	Page                int
}

// MaxPages caps the pages one Pages run fetches: 10,000 pages are 10
// million items at the largest page size, and at least 100 minutes under
// Dinero's budget of 100 requests a minute. WithMaxPages changes it.
const MaxPages = 10000

// Page is one page of a paged list.
type Page struct {
	Number     int               // 0-based page number that was asked for
	Items      []json.RawMessage // the page's Collection items (or the bare array's items)
	Pagination Pagination        // zero when the answer had none (bare arrays)
	Paginated  bool              // the answer carried a Pagination block
	// LastPage is the number of the last page, fixed from the first page's
	// total; -1 when unknown (bare arrays).
	LastPage int
	Response *Response
}

// ErrStop may be returned by a Pages callback to stop early without error.
var ErrStop = errors.New("stop paging")

// Pages fetches r page by page, starting at the caller's page (default 0)
// and keeping every other query value, and calls fn for each page.
//
// It always stops: the page count is fixed from the first page's
// ResultWithoutFilter (later totals are not trusted), a short or empty page
// is the last one, an answer whose Pagination.Page is not the page asked
// for or whose items repeat an earlier page is an error, and no run goes
// beyond the page cap (MaxPages). Bare-array answers stop at the first
// short page. Requests stay within the client's request budget.
func (c *Client) Pages(ctx context.Context, r Request, fn func(page Page) error) error {
	r, q, err := splitQuery(r)
	if err != nil {
		return err
	}
	start, err := intQuery(q, "page", 0)
	if err != nil {
		return err
	}
	size, err := intQuery(q, "pageSize", 0)
	if err != nil {
		return err
	}
	plan := pagePlan{start: start, asked: size, last: -1, max: c.maxPages, seen: map[uint64]int{}}
	for n := start; ; n++ {
		if n-start >= plan.max {
			return fmt.Errorf("stopped after %d pages, the most one run fetches: narrow the list (a filter, changesSince) or ask for larger pages (pageSize up to %d)", plan.max, MaxPageSize)
		}
		q.Set("page", strconv.Itoa(n))
		r.Query = q
		resp, err := c.Do(ctx, r)
		if err != nil {
			return fmt.Errorf("page %d: %w", n, err)
		}
		page, err := parsePage(n, resp)
		if err != nil {
			return err
		}
		if err := plan.check(&page); err != nil {
			return err
		}
		if err := fn(page); err != nil {
			if errors.Is(err, ErrStop) {
				return nil
			}
			return err
		}
		if lastPage(page, size) || plan.last >= 0 && n >= plan.last {
			return nil
		}
	}
}

// pagePlan is what a paging run has learned: the last page (from the first
// page's total) and a fingerprint of every page seen.
type pagePlan struct {
	start, asked int
	last         int // -1 until known
	max          int
	seen         map[uint64]int // fingerprint of a page's items -> its number
}

// check validates page against the plan and fixes the plan from the first
// page. It sets page.LastPage.
func (pl *pagePlan) check(page *Page) error {
	n := page.Number
	if page.Paginated {
		if page.Pagination.Page != n {
			return fmt.Errorf("asked for page %d, the server answered page %d: stopped (this endpoint does not page as Dinero does)", n, page.Pagination.Page)
		}
		if n == pl.start {
			size := page.Pagination.PageSize
			if size <= 0 {
				size = max(pl.asked, len(page.Items), 1)
			}
			total := max(page.Pagination.ResultWithoutFilter, 0)
			pages := max((total+size-1)/size, 1)
			pl.last = max(pages-1, pl.start)
			if count := pl.last - pl.start + 1; count > pl.max {
				return fmt.Errorf("the list holds %d items, %d pages of %d: more than the %d pages one run fetches; narrow the list (a filter, changesSince) or ask for larger pages (pageSize up to %d)",
					total, count, size, pl.max, MaxPageSize)
			}
		}
	}
	page.LastPage = pl.last
	if len(page.Items) == 0 {
		return nil
	}
	h := fnv.New64a()
	for _, it := range page.Items {
		h.Write(it)
		h.Write([]byte{0})
	}
	sum := h.Sum64()
	if prev, ok := pl.seen[sum]; ok {
		return fmt.Errorf("page %d repeats page %d: stopped (this endpoint does not seem to page)", n, prev)
	}
	pl.seen[sum] = n
	return nil
}

func intQuery(q url.Values, key string, def int) (int, error) {
	v := q.Get(key)
	if v == "" {
		return def, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 0 {
		return 0, fmt.Errorf("%s must be a whole number >= 0, got %q", key, v)
	}
	return n, nil
}

func lastPage(p Page, askedSize int) bool {
	if len(p.Items) == 0 {
		return true
	}
	if p.Paginated {
		size := p.Pagination.PageSize
		if size <= 0 {
			size = len(p.Items)
		}
		// A short page is the last one too: with a queryFilter, Dinero's
		// ResultWithoutFilter may count items the filter drops.
		return p.Pagination.Result < size || (p.Number+1)*size >= p.Pagination.ResultWithoutFilter
	}
	// Bare arrays (such as files) carry no totals: a short page is the last
	// one, and without a known page size one page is all we can trust.
	return askedSize == 0 || len(p.Items) < askedSize
}

// parsePage reads a Collection+Pagination body or a bare array.
func parsePage(n int, resp *Response) (Page, error) {
	page := Page{Number: n, Response: resp}
	root := gjson.ParseBytes(resp.Body)
	var list gjson.Result
	switch {
	case root.IsArray():
		list = root
	case root.IsObject():
		col := root.Get("Collection")
		if !col.Exists() {
			return page, fmt.Errorf("page %d: the answer has no Collection; this endpoint does not page", n)
		}
		list = col
		if p := root.Get("Pagination"); p.IsObject() {
			page.Paginated = true
			page.Pagination = Pagination{
				MaxPageSizeAllowed:  int(p.Get("MaxPageSizeAllowed").Int()),
				PageSize:            int(p.Get("PageSize").Int()),
				Result:              int(p.Get("Result").Int()),
				ResultWithoutFilter: int(p.Get("ResultWithoutFilter").Int()),
				Page:                int(p.Get("Page").Int()),
			}
		}
	default:
		return page, fmt.Errorf("page %d: the answer is not JSON", n)
	}
	if !gjson.ValidBytes(resp.Body) {
		return page, fmt.Errorf("page %d: the answer is not valid JSON", n)
	}
	if list.Type == gjson.Null {
		return page, nil
	}
	list.ForEach(func(_, v gjson.Result) bool {
		page.Items = append(page.Items, rawOf(resp.Body, v))
		return true
	})
	return page, nil
}

// rawOf returns v's bytes inside body without copying when possible.
func rawOf(body []byte, v gjson.Result) json.RawMessage {
	if v.Index > 0 && v.Index+len(v.Raw) <= len(body) && string(body[v.Index:v.Index+len(v.Raw)]) == v.Raw {
		return body[v.Index : v.Index+len(v.Raw)]
	}
	return json.RawMessage(v.Raw)
}

// AllPages writes one JSON array holding every page's items to w, page by
// page: memory holds one page at a time, never the merged result.
func (c *Client) AllPages(ctx context.Context, r Request, w io.Writer) error {
	return c.AllPagesNotify(ctx, r, w, nil)
}

// AllPagesNotify is AllPages that calls onPage (when not nil) after each
// page's items are written, for progress displays.
func (c *Client) AllPagesNotify(ctx context.Context, r Request, w io.Writer, onPage func(Page)) error {
	r, q, err := splitQuery(r)
	if err != nil {
		return err
	}
	if q.Get("pageSize") == "" {
		q.Set("pageSize", strconv.Itoa(MaxPageSize))
	}
	r.Query = q
	if _, err := io.WriteString(w, "["); err != nil {
		return err
	}
	first := true
	err = c.Pages(ctx, r, func(p Page) error {
		for _, it := range p.Items {
			if !first {
				if _, err := io.WriteString(w, ","); err != nil {
					return err
				}
			}
			first = false
			if _, err := w.Write(it); err != nil {
				return err
			}
		}
		if onPage != nil {
			onPage(p)
		}
		return nil
	})
	if err != nil {
		return err
	}
	_, err = io.WriteString(w, "]")
	return err
}

// splitQuery returns r without a query string in its Path, and a copy of
// its query values merged with that string's.
func splitQuery(r Request) (Request, url.Values, error) {
	q := url.Values{}
	path, raw, found := strings.Cut(r.Path, "?")
	if found {
		parsed, err := url.ParseQuery(raw)
		if err != nil {
			return r, nil, fmt.Errorf("query string %q: %w", raw, err)
		}
		q = parsed
		r.Path = path
	}
	for k, v := range r.Query {
		q[k] = append(q[k], v...)
	}
	return r, q, nil
}
