package ui

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"time"

	"github.com/dinero-tui/dinero-tui/api"
	"github.com/dinero-tui/dinero-tui/ui/common"
	"github.com/dinero-tui/dinero-tui/ui/shellcmd"
)

// AllPages streams the merged array of every page to a file under the
// cache directory, like a large Send, reporting each page as it lands. The
// file is removed when the fetch fails or is cancelled; small answers come
// back in memory.
func (b *realBackend) AllPages(ctx context.Context, req common.Request, progress func(common.PagesProgress)) (*common.Response, error) {
	f, err := b.bodyFile()
	if err != nil {
		return nil, err
	}
	path := f.Name()
	buf := bufio.NewWriterSize(f, 64<<10)
	out := &countingWriter{w: buf}
	var pages, items int
	onPage := func(p api.Page) {
		pages, items = pages+1, items+len(p.Items)
		if progress != nil {
			progress(common.PagesProgress{Pages: pages, Items: items, Bytes: out.n})
		}
	}
	start := time.Now()
	err = b.client.AllPagesNotify(ctx, api.Request{Method: req.Method, Path: req.Path, PathParams: req.PathParams,
		Query: req.Query}, out, onPage)
	if err == nil {
		err = buf.Flush()
	}
	closeErr := f.Close()
	if err != nil {
		os.Remove(path)
		var apiErr *api.Error
		if errors.As(err, &apiErr) {
			return errorResponse(apiErr, time.Since(start)), nil
		}
		return nil, loginErr(fmt.Errorf("fetch every page: %w", err))
	}
	if closeErr != nil {
		os.Remove(path)
		return nil, fmt.Errorf("write the pages to %s: %w", path, closeErr)
	}
	resp := &common.Response{Status: http.StatusOK, Header: http.Header{"Content-Type": {"application/json"}},
		Duration: time.Since(start), URL: shellcmd.FullURL(b.client.BaseURL(), req),
		Pages: max(1, pages), Items: items}
	return b.keep(resp, path)
}

// countingWriter counts the bytes written through it.
type countingWriter struct {
	w io.Writer
	n int64
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}
