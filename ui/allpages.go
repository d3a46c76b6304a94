package ui

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net/http"
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
	defer b.watchWaits(ctx)()
	var pages, items int
	stream := func(w io.Writer) error {
		buf := bufio.NewWriterSize(w, 64<<10)
		out := &countingWriter{w: buf}
		onPage := func(p api.Page) {
			pages, items = pages+1, items+len(p.Items)
			if progress != nil {
				progress(common.PagesProgress{Pages: pages, Items: items, Bytes: out.n,
					Total: p.Pagination.ResultWithoutFilter})
			}
		}
		err := b.client.AllPagesNotify(ctx, api.Request{Method: req.Method, Path: req.Path, PathParams: req.PathParams,
			Query: req.Query, Header: req.Header, NoAuth: req.NoAuth}, out, onPage)
		if err == nil {
			err = buf.Flush()
		}
		if err != nil {
			return fmt.Errorf("fetch every page: %w", err)
		}
		return nil
	}
	return b.streamBody("the pages", stream, func(took time.Duration) *common.Response {
		return &common.Response{Status: http.StatusOK, Header: http.Header{"Content-Type": {"application/json"}},
			Duration: took, URL: shellcmd.FullURL(b.client.BaseURL(), req), Pages: max(1, pages), Items: items}
	})
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
