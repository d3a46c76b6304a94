package response

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/dinero-tui/dinero-tui/api/catalog"
	"github.com/dinero-tui/dinero-tui/internal/download"
	"github.com/dinero-tui/dinero-tui/ui/common"
)

// fileAnswer is an answer that is a file (a PDF, an image, bytes), shown
// by its type, size and name instead of in the JSON viewer: its bytes
// never reach the terminal.
type fileAnswer struct {
	Type string // media type, sniffed when the server only says octet-stream
	Name string // the name to save it under (made safe)
	Size int64
	body []byte // the bytes when small
	path string // the spooled body file when large
}

// open reads the answer's bytes.
func (f *fileAnswer) open() (io.ReadCloser, error) {
	if f.path != "" {
		return os.Open(f.path)
	}
	return io.NopCloser(bytes.NewReader(f.body)), nil
}

// asFile returns the answer as a file when it is not text to show: a
// successful answer whose type or first bytes say it is binary.
func asFile(op catalog.Operation, req common.Request, resp *common.Response) *fileAnswer {
	if resp == nil || resp.Err != nil || resp.Size == 0 {
		return nil
	}
	head := resp.Body
	if resp.BodyFile != "" {
		head = readHead(resp.BodyFile)
	}
	head = head[:min(len(head), 512)]
	ct := resp.Header.Get("Content-Type")
	if !download.IsBinary(ct, head) {
		return nil
	}
	typ := download.Type(ct, head)
	return &fileAnswer{Type: typ, Name: download.FileName(resp.Header, fallbackName(op, req), typ),
		Size: resp.Size, body: resp.Body, path: resp.BodyFile}
}

func readHead(path string) []byte {
	f, err := os.Open(path)
	if err != nil {
		return nil
	}
	defer f.Close()
	head := make([]byte, 512)
	n, _ := io.ReadFull(f, head)
	return head[:n]
}

// fallbackName names an answer without a Content-Disposition after what
// was asked for: invoice-<guid> for /invoices/{guid}, else the
// operation's id.
func fallbackName(op catalog.Operation, req common.Request) string {
	segs := strings.Split(strings.Trim(req.Path, "/"), "/")
	for i := len(segs) - 1; i > 0; i-- {
		name, ok := strings.CutPrefix(segs[i], "{")
		if !ok || strings.HasPrefix(segs[i-1], "{") {
			continue
		}
		if v := req.PathParams[strings.TrimSuffix(name, "}")]; v != "" {
			return common.Singular(segs[i-1]) + "-" + v
		}
	}
	if op.ID != "" {
		return op.ID
	}
	return common.LastSegment(req.Path)
}

// uploadBar is the progress of an upload's files while they go, "" when
// the request uploads nothing or they are all sent.
func (m *Model) uploadBar(w int) string {
	done, total := m.progress.sent.Load(), m.progress.size.Load()
	if total <= 0 || done >= total {
		return ""
	}
	s := m.com.Styles
	frac := float64(done) / float64(total)
	n := int(frac * float64(w))
	return s.Progress.Done.Render(strings.Repeat("█", n)) + s.Progress.Rest.Render(strings.Repeat("░", w-n)) +
		fmt.Sprintf(" %3.0f%% uploaded, %s of %s", frac*100, common.FormatSize(done), common.FormatSize(total))
}
