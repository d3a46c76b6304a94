package cli

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"

	"github.com/dinero-tui/dinero-tui/api"
)

// maxSpooled is the most of one answer `api` keeps on disk for -q, a
// terminal or --include: an endless answer must not fill the disk.
var maxSpooled int64 = api.MaxAnswerFile

// spool holds an answer: in memory up to limit bytes, and beyond that in a
// file under dir (at most maxSpooled bytes), so a large or endless answer
// never grows the heap.
type spool struct {
	limit int64
	dir   string
	buf   bytes.Buffer
	f     *os.File
	n     int64
}

// Write implements io.Writer.
func (s *spool) Write(p []byte) (int, error) {
	if s.n+int64(len(p)) > maxSpooled {
		return 0, fmt.Errorf("the answer passed %s, the most dinero-tui keeps for -q, a terminal or --include; pipe it into a file without -q instead", api.SizeText(maxSpooled))
	}
	if s.f == nil && s.n+int64(len(p)) > s.limit {
		if err := s.spill(); err != nil {
			return 0, err
		}
	}
	var n int
	var err error
	if s.f != nil {
		n, err = s.f.Write(p)
	} else {
		n, err = s.buf.Write(p)
	}
	s.n += int64(n)
	return n, err
}

// spill moves what is held so far to a new file.
func (s *spool) spill() error {
	if err := os.MkdirAll(s.dir, 0o700); err != nil {
		return fmt.Errorf("the answer is larger than %s; keeping it on disk: %w", api.SizeText(s.limit), err)
	}
	f, err := os.CreateTemp(s.dir, "api-*.json")
	if err != nil {
		return fmt.Errorf("the answer is larger than %s; keeping it on disk: %w", api.SizeText(s.limit), err)
	}
	if _, err := f.Write(s.buf.Bytes()); err != nil {
		f.Close()
		os.Remove(f.Name())
		return fmt.Errorf("keeping the answer on disk: %w", err)
	}
	s.f, s.buf = f, bytes.Buffer{}
	return nil
}

// path is the file holding the answer, "" while it is in memory.
func (s *spool) path() string {
	if s.f == nil {
		return ""
	}
	return s.f.Name()
}

// finish closes the file; on failure (or when keep is false) it removes it.
func (s *spool) finish(keep bool) error {
	if s.f == nil {
		return nil
	}
	err := s.f.Close()
	if err != nil || !keep {
		os.Remove(s.f.Name())
	}
	return err
}

// answerFileDir is where `api` keeps answers too large for memory.
func answerFileDir(cacheDir string) string { return filepath.Join(cacheDir, "responses") }
