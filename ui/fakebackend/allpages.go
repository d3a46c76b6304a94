package fakebackend

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
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
	gate, liveDir, pageETA := b.PageGate, b.LiveDir, b.PageETA
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
	live, err := newLiveFile(liveDir)
	if err != nil {
		return nil, err
	}
	defer live.remove()
	last := max(start, (len(b.Invoices)+size-1)/size-1)
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
		if err := live.write(out.Bytes()); err != nil {
			return nil, err
		}
		if progress != nil {
			progress(common.PagesProgress{Pages: pages, Items: items, Bytes: int64(out.Len()), Total: len(b.Invoices),
				ETA: time.Duration(last-n) * pageETA, File: live.name()})
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

// liveFile is the merged array written page by page (Backend.LiveDir).
type liveFile struct{ f *os.File }

func newLiveFile(dir string) (*liveFile, error) {
	if dir == "" {
		return &liveFile{}, nil
	}
	f, err := os.CreateTemp(dir, "pages-*.json")
	if err != nil {
		return nil, fmt.Errorf("create the pages file: %w", err)
	}
	return &liveFile{f: f}, nil
}

// write makes the file hold all.
func (l *liveFile) write(all []byte) error {
	if l.f == nil {
		return nil
	}
	_, err := l.f.WriteAt(all, 0)
	return err
}

func (l *liveFile) name() string {
	if l.f == nil {
		return ""
	}
	return l.f.Name()
}

func (l *liveFile) remove() {
	if l.f != nil {
		l.f.Close()
		os.Remove(l.f.Name())
	}
}
