package download

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/dinero-tui/dinero-tui/internal/atomicfile"
)

// ErrExists is returned by Save when the file is already there and the
// caller did not ask to overwrite it.
var ErrExists = errors.New("the file exists")

// Save writes src to path atomically: a temporary file in the same
// directory, synced, then put in place, so path holds either nothing (or
// its old content) or the whole new file, never part of it. An existing
// path is kept, and ErrExists returned, unless overwrite is set.
func Save(path string, src io.Reader, overwrite bool) error {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+"-*.part")
	if err != nil {
		return fmt.Errorf("save %s: %w", path, err)
	}
	name := tmp.Name()
	defer os.Remove(name) // gone once linked or renamed; removed on failure
	_, err = io.Copy(tmp, src)
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("save %s: %w", path, err)
	}
	if overwrite {
		err = atomicfile.Rename(name, path)
	} else {
		err = placeNew(name, path)
	}
	if err != nil {
		if errors.Is(err, ErrExists) {
			return err
		}
		return fmt.Errorf("save %s: %w", path, err)
	}
	return atomicfile.SyncDir(dir)
}

// placeNew puts the file tmp at path only if path does not exist: a hard
// link fails when it does, so no other writer can slip in between the
// check and the write. Where links are not supported it checks, then
// renames.
func placeNew(tmp, path string) error {
	err := os.Link(tmp, path)
	switch {
	case err == nil:
		return nil
	case errors.Is(err, fs.ErrExist):
		return ErrExists
	}
	if _, serr := os.Lstat(path); serr == nil {
		return ErrExists
	}
	return atomicfile.Rename(tmp, path)
}

// Exists reports whether something is at path.
func Exists(path string) bool {
	_, err := os.Lstat(path)
	return err == nil
}
