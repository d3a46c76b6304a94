package oauth

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"time"

	"github.com/dinero-tui/dinero-tui/internal/atomicfile"
)

// tokenFile is the name of the file store inside the profile state dir.
const tokenFile = "token.json"

// saveHook, when set by tests, is called at each step of a save so a test
// process can be killed there.
var saveHook func(step string)

func hook(step string) {
	if saveHook != nil {
		saveHook(step)
	}
}

// FileStore keeps the tokens in a 0600 JSON file in a 0700 directory,
// replaced atomically on every save.
type FileStore struct {
	dir, issuer, clientID string
	now                   func() time.Time
	// warn receives non-fatal findings (permissions fixed).
	warn func(string)
}

// NewFileStore returns a file store in dir for one application.
func NewFileStore(dir, issuer, clientID string) *FileStore {
	return &FileStore{dir: dir, issuer: issuer, clientID: clientID, now: time.Now, warn: func(string) {}}
}

// Kind is "file".
func (f *FileStore) Kind() string { return "file" }

// Path is the token file.
func (f *FileStore) Path() string { return filepath.Join(f.dir, tokenFile) }

// Load reads the token file. A damaged or non-regular file is renamed to
// token.json.corrupt-<time> and reported as ErrStoreCorrupt. A sound
// record of another Connect URL or client id is kept aside as
// token-<app>.json (Load reports no tokens), and comes back when that
// application is used again.
func (f *FileStore) Load() (*Tokens, error) {
	path := f.Path()
	info, err := os.Lstat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return f.restore()
	}
	if err != nil {
		return nil, fmt.Errorf("read token store: %w", err)
	}
	if !info.Mode().IsRegular() {
		return nil, f.setAside("not a regular file")
	}
	if runtime.GOOS != "windows" && info.Mode().Perm()&0o077 != 0 {
		if err := os.Chmod(path, 0o600); err != nil {
			return nil, fmt.Errorf("token store %s is readable by others and could not be fixed: %w", path, err)
		}
		f.warn("token store was readable by other users; its permissions were set to 0600")
	}
	data, err := readBounded(path)
	if err != nil {
		return nil, fmt.Errorf("read token store: %w", err)
	}
	t, err := decodeTokens(data, f.issuer, f.clientID)
	if errors.Is(err, errForeign) {
		return nil, f.park(t)
	}
	if err != nil {
		return nil, f.setAside(err.Error())
	}
	return t, nil
}

// parkedPath is where the record of one application is kept aside.
func (f *FileStore) parkedPath(issuer, clientID string) string {
	return filepath.Join(f.dir, "token-"+appKey(issuer, clientID)+".json")
}

// park moves the token file, holding t of another application, aside.
func (f *FileStore) park(t *Tokens) error {
	if err := os.Rename(f.Path(), f.parkedPath(t.Issuer, t.ClientID)); errors.Is(err, fs.ErrNotExist) {
		return nil // another process moved it first
	} else if err != nil {
		return fmt.Errorf("keep the other application's tokens aside: %w", err)
	}
	if err := atomicfile.SyncDir(f.dir); err != nil {
		return fmt.Errorf("keep the other application's tokens aside: %w", err)
	}
	f.warn(parkedWarning)
	return nil
}

// restore brings back this application's record kept aside, if any.
func (f *FileStore) restore() (*Tokens, error) {
	parked := f.parkedPath(f.issuer, f.clientID)
	if info, err := os.Lstat(parked); err != nil || !info.Mode().IsRegular() {
		return nil, nil
	}
	if err := os.Rename(parked, f.Path()); err != nil {
		return nil, fmt.Errorf("bring back the tokens kept aside: %w", err)
	}
	if err := atomicfile.SyncDir(f.dir); err != nil {
		return nil, fmt.Errorf("bring back the tokens kept aside: %w", err)
	}
	if _, err := os.Lstat(f.Path()); err != nil {
		return nil, nil
	}
	return f.Load()
}

// Aside returns the records of other applications kept aside.
func (f *FileStore) Aside() []*Tokens {
	paths, _ := filepath.Glob(filepath.Join(f.dir, "token-*.json"))
	var out []*Tokens
	for _, p := range paths {
		if info, err := os.Lstat(p); err != nil || !info.Mode().IsRegular() {
			continue
		}
		data, err := readBounded(p)
		if err != nil {
			continue
		}
		if t, err := decodeRecord(data); err == nil {
			out = append(out, t)
		}
	}
	return out
}

// ClearAside removes the records kept aside and the unusable files set
// aside (token.json.corrupt-*).
func (f *FileStore) ClearAside() error {
	parked, _ := filepath.Glob(filepath.Join(f.dir, "token-*.json"))
	corrupt, _ := filepath.Glob(f.Path() + ".corrupt-*")
	var errs []error
	for _, p := range append(parked, corrupt...) {
		if err := os.Remove(p); err != nil && !errors.Is(err, fs.ErrNotExist) {
			errs = append(errs, err)
		}
	}
	if len(errs) > 0 {
		return fmt.Errorf("remove the tokens kept aside: %w", errors.Join(errs...))
	}
	return atomicfile.SyncDir(f.dir)
}

// readBounded reads at most maxRecord+1 bytes of a file.
func readBounded(path string) ([]byte, error) {
	file, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer file.Close()
	return io.ReadAll(io.LimitReader(file, maxRecord+1))
}

// setAside renames the unusable token file out of the way.
func (f *FileStore) setAside(why string) error {
	aside := fmt.Sprintf("%s.corrupt-%d", f.Path(), f.now().UnixNano())
	if err := os.Rename(f.Path(), aside); err != nil {
		return fmt.Errorf("token store %s is unusable (%s) and could not be set aside: %v: %w", f.Path(), why, err, ErrStoreCorrupt)
	}
	return fmt.Errorf("%s was unusable (%s) and was moved to %s: %w", f.Path(), why, filepath.Base(aside), ErrStoreCorrupt)
}

// Save writes the record to a temp file in the same directory, syncs it,
// renames it over the store and syncs the directory.
func (f *FileStore) Save(t *Tokens) error {
	data, err := encodeTokens(t)
	if err != nil {
		return err
	}
	if err := ensureDir(f.dir); err != nil {
		return err
	}
	f.removeLeftovers()
	tmp, err := os.CreateTemp(f.dir, ".token-*.tmp")
	if err != nil {
		return fmt.Errorf("save tokens: %w", err)
	}
	tmpName := tmp.Name()
	ok := false
	defer func() {
		if !ok {
			tmp.Close()
			os.Remove(tmpName)
		}
	}()
	hook("created")
	half := len(data) / 2
	if _, err := tmp.Write(data[:half]); err != nil {
		return fmt.Errorf("save tokens: %w", err)
	}
	hook("partial")
	if _, err := tmp.Write(data[half:]); err != nil {
		return fmt.Errorf("save tokens: %w", err)
	}
	hook("written")
	if err := tmp.Sync(); err != nil {
		return fmt.Errorf("save tokens: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("save tokens: %w", err)
	}
	hook("synced")
	if err := atomicfile.Rename(tmpName, f.Path()); err != nil {
		return fmt.Errorf("save tokens: %w", err)
	}
	ok = true
	hook("renamed")
	if err := atomicfile.SyncDir(f.dir); err != nil {
		return fmt.Errorf("save tokens: %w", err)
	}
	hook("dir-synced")
	return nil
}

// Delete removes the token file.
func (f *FileStore) Delete() error {
	if err := os.Remove(f.Path()); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("delete token store: %w", err)
	}
	return atomicfile.SyncDir(f.dir)
}

// removeLeftovers deletes temp files of saves that were interrupted. Saves
// run under the profile lock, so no other save owns them.
func (f *FileStore) removeLeftovers() {
	old, _ := filepath.Glob(filepath.Join(f.dir, ".token-*.tmp"))
	for _, p := range old {
		os.Remove(p)
	}
}

// ensureDir creates dir with mode 0700 and tightens an existing one.
func ensureDir(dir string) error {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("create state directory: %w", err)
	}
	info, err := os.Lstat(dir)
	if err != nil {
		return fmt.Errorf("state directory: %w", err)
	}
	if !info.IsDir() {
		return fmt.Errorf("state directory %s is not a directory (a symlink?); remove it", dir)
	}
	if runtime.GOOS != "windows" && info.Mode().Perm() != 0o700 {
		if err := os.Chmod(dir, 0o700); err != nil {
			return fmt.Errorf("state directory: %w", err)
		}
	}
	return nil
}
