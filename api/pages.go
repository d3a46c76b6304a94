package api

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
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

// Page is one page of a paged list.
type Page struct {
	Number     int               // 0-based page number that was asked for
	Items      []json.RawMessage // the page's Collection items (or the bare array's items)
	Pagination Pagination        // zero when the answer had none (bare arrays)
	Paginated  bool              // the answer carried a Pagination block
	Response   *Response
}

// ErrStop may be returned by a Pages callback to stop early without error.
var ErrStop = errors.New("stop paging")

// Pages fetches r page by page, starting at the caller's page (default 0)
// and keeping every other query value, and calls fn for each page. It stops
// after the last page according to ResultWithoutFilter (or, for bare-array
// answers, at the first short page). Requests stay within the client's
// request budget (100 a minute per organization by default).
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
	var prevFirst json.RawMessage
	for n := start; ; n++ {
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
		// An endpoint that ignores page would answer the same page forever.
		if n > start && len(page.Items) > 0 && string(page.Items[0]) == string(prevFirst) {
			return fmt.Errorf("page %d repeats page %d: this endpoint does not seem to page", n, n-1)
		}
		if len(page.Items) > 0 {
			prevFirst = append(prevFirst[:0], page.Items[0]...)
		}
		if err := fn(page); err != nil {
			if errors.Is(err, ErrStop) {
				return nil
			}
			return err
		}
		if lastPage(page, size) {
			return nil
		}

	}
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
