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
// cache directory, like a large Send, reporting each page as it lands:
// the page's items are flushed to the file first, so the progress names a
// file whose first Bytes bytes are the array so far (for a viewer of the
// answer while it arrives). The file is removed when the fetch fails or is
// cancelled; small answers come back in memory.
func (b *realBackend) AllPages(ctx context.Context, req common.Request, progress func(common.PagesProgress)) (*common.Response, error) {
	defer b.watchWaits(ctx)()
	var pages, items int
	stream := func(w io.Writer) error {
		file := ""
		if n, ok := w.(interface{ Name() string }); ok {
			file = n.Name()
		}
		buf := bufio.NewWriterSize(w, 64<<10)
		var flushErr error
		onPage := func(p api.PagesProgress) {
			pages, items = p.Pages, p.Items
			if flushErr = buf.Flush(); flushErr != nil || progress == nil {
				return
			}
			progress(common.PagesProgress{Pages: p.Pages, Items: p.Items, Bytes: p.Bytes,
				Total: p.ItemsTotal, ETA: p.ETA, File: file})
		}
		err := b.client.AllPagesProgress(ctx, api.Request{Method: req.Method, Path: req.Path, PathParams: req.PathParams,
			Query: req.Query, Header: req.Header, NoAuth: req.NoAuth}, buf, onPage)
		if err == nil {
			err = flushErr
		}
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
