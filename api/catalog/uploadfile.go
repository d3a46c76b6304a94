package catalog

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/dinero-tui/dinero-tui/api"
)

// UploadFile is a file checked for an upload: what the part will carry.
type UploadFile struct {
	Path string // as given
	Name string // the base name sent as the part's file name
	Size int64
	Type string // the part's Content-Type (FileType)
}

// CheckUpload checks that path can go to Dinero as a file part: a
// readable, non-empty regular file within api.MaxUploadSize. Its errors
// say what to do; nothing is sent when it fails. Both `api -F` and the
// explorer's file field use it, so the rule is the same everywhere.
func CheckUpload(path string) (UploadFile, error) {
	st, err := os.Stat(path)
	if err != nil {
		return UploadFile{}, err
	}
	name := filepath.Base(path)
	if !st.Mode().IsRegular() {
		return UploadFile{}, fmt.Errorf("%s is not a regular file", path)
	}
	if st.Size() > api.MaxUploadSize {
		return UploadFile{}, fmt.Errorf("%s is %d bytes, over Dinero's upload limit of 6 MB (%d bytes); nothing was sent: shrink or split the file",
			name, st.Size(), int64(api.MaxUploadSize))
	}
	if st.Size() == 0 {
		return UploadFile{}, fmt.Errorf("%s is empty; Dinero refuses empty files", name)
	}
	f, err := os.Open(path)
	if err != nil {
		return UploadFile{}, err
	}
	defer f.Close()
	head := make([]byte, 512)
	n, err := io.ReadFull(f, head)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) {
		return UploadFile{}, fmt.Errorf("reading %s: %w", name, err)
	}
	return UploadFile{Path: path, Name: name, Size: st.Size(), Type: FileType(path, head[:n])}, nil
}
