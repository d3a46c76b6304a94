package ui

import (
	"errors"
	"fmt"
	"os"

	"github.com/dinero-tui/dinero-tui/api"
)

// maxBodyFile is the most of one answer the explorer writes to its body
// file: the cap `api` keeps for its spill files (api.MaxAnswerFile), less
// one byte so the viewer (which indexes up to 4 GiB - 1) can open it.
var maxBodyFile int64 = api.MaxAnswerFile - 1

// errBodyTooLarge is the error of a body that passed maxBodyFile; its file
// is removed.
var errBodyTooLarge = errors.New("the answer is too large to keep")

// cappedFile writes an answer to its file and stops with errBodyTooLarge
// before the file grows past maxBodyFile.
type cappedFile struct {
	f *os.File
	n int64
}

// Write implements io.Writer.
func (c *cappedFile) Write(p []byte) (int, error) {
	if c.n+int64(len(p)) > maxBodyFile {
		return 0, fmt.Errorf("%w: it passed %s, the most the explorer keeps on disk; narrow the request "+
			"(a filter, changesSince, fewer pages) or write it to a file with 'dinero-tui api ... > file'",
			errBodyTooLarge, api.SizeText(maxBodyFile))
	}
	n, err := c.f.Write(p)
	c.n += int64(n)
	return n, err
}

// Name is the path of the file being written.
func (c *cappedFile) Name() string { return c.f.Name() }
