package fakebackend

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/dinero-tui/dinero-tui/ui/common"
)

// AllPages implements common.Backend: it pages through the invoices from
// the page req asks for, as the real client does, merging their items.
func (b *Backend) AllPages(ctx context.Context, req common.Request, progress func(common.PagesProgress)) (*common.Response, error) {
	b.mu.Lock()
	b.AllSent = append(b.AllSent, req)
	gate := b.PageGate
	b.mu.Unlock()
	if !strings.HasSuffix(req.Path, "/invoices") || req.Method != "GET" {
		return ErrorResponse(404, 40, "Not found"), nil
	}
	size, _ := strconv.Atoi(req.Query.Get("pageSize"))
	if size <= 0 {
		size = 1000
	}
	start, _ := strconv.Atoi(req.Query.Get("page"))
	var out bytes.Buffer
	out.WriteByte('[')
	items, pages := 0, 0
	for n := start; n == start || n*size < len(b.Invoices); n++ {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		from, to := min(len(b.Invoices), n*size), min(len(b.Invoices), (n+1)*size)
		for _, inv := range b.Invoices[from:to] {
			if items > 0 {
				out.WriteByte(',')
			}
			data, _ := json.Marshal(inv)
			out.Write(data)
			items++
		}
		pages++
		if progress != nil {
			progress(common.PagesProgress{Pages: pages, Items: items, Bytes: int64(out.Len()), Total: len(b.Invoices)})
		}
		if gate != nil {
			select {
			case <-gate:
			case <-ctx.Done():
				return nil, ctx.Err()
			}
		}
	}
	out.WriteByte(']')
	return &common.Response{Status: 200, Body: out.Bytes(), Size: int64(out.Len()), Duration: 420 * time.Millisecond,
		Header: http.Header{"Content-Type": {"application/json"}}, URL: "https://api.example" + req.Path,
		Pages: pages, Items: items}, nil
}
