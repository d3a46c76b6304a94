package ui

import (
	"context"
	"fmt"
	"io"

	"github.com/dinero-tui/dinero-tui/api"
	"github.com/dinero-tui/dinero-tui/api/catalog"
	"github.com/dinero-tui/dinero-tui/ui/common"
	"github.com/dinero-tui/dinero-tui/ui/history"
)

// uploadBody checks the files of a multipart request with the rule `api
// -F` uses (catalog.CheckUpload: Dinero's 6 MB, regular, not empty) and
// streams the parts from disk (catalog.StreamParts), telling ctx's
// upload watcher how many of the files' bytes have been read.
func uploadBody(ctx context.Context, parts []catalog.Part) (io.ReadCloser, string, error) {
	var total int64
	for _, p := range parts {
		if !p.File {
			continue
		}
		f, err := catalog.CheckUpload(p.Value)
		if err != nil {
			return nil, "", fmt.Errorf("form field %s: %w", p.Name, err)
		}
		total += f.Size
	}
	body, ct := catalog.StreamParts(parts, api.MaxUploadSize)
	return &uploadReader{ReadCloser: body, ctx: ctx, total: total}, ct, nil
}

// uploadReader counts what the request reads of a multipart body.
type uploadReader struct {
	io.ReadCloser
	ctx         context.Context
	done, total int64
}

func (r *uploadReader) Read(p []byte) (int, error) {
	n, err := r.ReadCloser.Read(p)
	r.done += int64(n)
	// the body is a little larger than its files (part headers)
	common.NotifyUpload(r.ctx, min(r.done, r.total), r.total)
	return n, err
}

// historyParts is how the history keeps a multipart body: files by path.
func historyParts(parts []catalog.Part) []history.Part {
	var out []history.Part
	for _, p := range parts {
		out = append(out, history.Part{Name: p.Name, Value: p.Value, File: p.File})
	}
	return out
}

// requestParts turns a history entry's parts back into a request's.
func requestParts(parts []history.Part) []catalog.Part {
	var out []catalog.Part
	for _, p := range parts {
		out = append(out, catalog.Part{Name: p.Name, Value: p.Value, File: p.File})
	}
	return out
}
