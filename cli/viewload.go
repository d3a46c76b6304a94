package cli

import (
	"fmt"
	"io"
	"os"
	"strings"
	"sync/atomic"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/dinero-tui/dinero-tui/ui/jsonview"
)

// loader brings the input of `dinero-tui view` in while the program already
// runs, so that a slow or big input shows what is happening and Ctrl-C,
// SIGTERM and SIGHUP work throughout.
type loader struct {
	what  string    // "stdin" or the file name, for the progress line
	file  *os.File  // the file to open, or nil for stdin
	stdin io.Reader // read into a temporary file first
	read  *atomic.Int64
}

// startLoad opens the file now (so a missing file is reported before the
// screen changes) or prepares to spool stdin.
func startLoad(env *Env, name string) (*loader, error) {
	if name == "-" {
		return &loader{what: "stdin", stdin: env.Stdin, read: new(atomic.Int64)}, nil
	}
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	return &loader{what: name, file: f, read: new(atomic.Int64)}, nil
}

// loadedMsg carries the opened document (indexing goes on in the
// background) or why it could not be opened.
type loadedMsg struct {
	doc *jsonview.Document
	err error
}

type loadTickMsg struct{}

// cmd reads the input and opens it.
func (l *loader) cmd() tea.Cmd {
	if l == nil {
		return nil
	}
	return func() tea.Msg {
		f := l.file
		if f == nil {
			var err error
			if f, err = l.spool(); err != nil {
				return loadedMsg{err: err}
			}
		}
		doc, err := jsonview.OpenFile(f)
		if err != nil {
			f.Close()
			return loadedMsg{err: fmt.Errorf("open %s: %w", l.what, err)}
		}
		return loadedMsg{doc: doc}
	}
}

// spool copies stdin to an unlinked temporary file, which is then mapped
// like any other file: memory stays flat whatever the size of the input.
func (l *loader) spool() (*os.File, error) {
	f, err := os.CreateTemp("", "dinero-tui-view-*.json")
	if err != nil {
		return nil, fmt.Errorf("spool stdin: %w", err)
	}
	// Unlinked at once: nothing is left behind, whatever the exit path.
	_ = os.Remove(f.Name())
	if _, err := io.Copy(countingWriter{f, l.read}, l.stdin); err != nil {
		f.Close()
		return nil, fmt.Errorf("read stdin: %w", err)
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		f.Close()
		return nil, fmt.Errorf("spool stdin: %w", err)
	}
	return f, nil
}

type countingWriter struct {
	w io.Writer
	n *atomic.Int64
}

func (c countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n.Add(int64(n))
	return n, err
}

// tick redraws the progress line while loading.
func (l *loader) tick() tea.Cmd {
	if l == nil {
		return nil
	}
	return tea.Tick(100*time.Millisecond, func(time.Time) tea.Msg { return loadTickMsg{} })
}

// view is the screen while loading: what is read and how much so far.
func (l *loader) view(width int, viewer jsonview.Model) string {
	text := "opening " + l.what + "…"
	if l.file == nil {
		text = fmt.Sprintf("reading stdin… %s", byteCount(l.read.Load()))
	}
	lines := strings.Split(viewer.View(), "\n")
	lines[0] = jsonview.Sanitize(text)
	return strings.Join(lines, "\n")
}

func byteCount(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}

// loaded shows the document, or quits with the reason it could not open.
func (a viewApp) loaded(msg loadedMsg) (tea.Model, tea.Cmd) {
	a.load = nil
	if msg.err != nil {
		a.loadErr = msg.err
		return a, tea.Quit
	}
	a.viewer.SetDocument(msg.doc)
	a.resize()
	return a, a.viewer.Init()
}
