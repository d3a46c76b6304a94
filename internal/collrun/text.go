package collrun

import (
	"fmt"
	"io"
	"time"

	"github.com/dinero-tui/dinero-tui/internal/sanitize"
)

// TextWriter prints results as they come: a heading per folder, then a
// line per request with its status, method, name, path template, time
// and size; a failure's reason on the line below.
type TextWriter struct {
	W      io.Writer
	folder string
	seen   bool
}

// Write prints one result.
func (t *TextWriter) Write(r Result) {
	if !t.seen || r.Folder != t.folder {
		fmt.Fprintln(t.W, sanitize.Line(r.Folder))
		t.folder, t.seen = r.Folder, true
	}
	head := fmt.Sprintf("  %-6s %-40s", r.Method, sanitize.Line(r.Name))
	switch {
	case r.Skipped != "":
		fmt.Fprintf(t.W, "  skip %s  %s\n", head, sanitize.Line(r.Skipped))
	case r.Status == 0:
		fmt.Fprintf(t.W, "  FAIL %s  %s  %s\n", head, sanitize.Line(r.Path), Millis(r.Duration))
		fmt.Fprintf(t.W, "         %s\n", sanitize.Line(r.Err))
	default:
		mark := "  ok  "
		if r.Failed() {
			mark = "  FAIL"
		}
		fmt.Fprintf(t.W, "%s %s  %d  %s  %s  %s\n", mark, head, r.Status, sanitize.Line(r.Path), Millis(r.Duration), Size(r.Size))
		if r.Failed() {
			fmt.Fprintf(t.W, "         %s\n", sanitize.Line(r.Err))
		}
	}
}

// Summary is the closing line of a run.
func Summary(rep *Report) string {
	passed, failed, skipped := rep.Counts()
	s := fmt.Sprintf("%d requests in %s: %d passed, %d failed, %d skipped; %s received",
		len(rep.Results), rep.Duration.Round(time.Millisecond), passed, failed, skipped, Size(rep.Bytes()))
	if rep.Interrupted {
		s += " (interrupted before the end)"
	}
	return s
}

// Millis renders a duration in whole milliseconds.
func Millis(d time.Duration) string { return fmt.Sprintf("%d ms", d.Milliseconds()) }

// Size renders a byte count for people.
func Size(n int64) string {
	switch {
	case n < 1000:
		return fmt.Sprintf("%d B", n)
	case n < 1000*1000:
		return fmt.Sprintf("%.1f kB", float64(n)/1000)
	}
	return fmt.Sprintf("%.1f MB", float64(n)/1e6)
}
