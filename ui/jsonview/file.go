package jsonview

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"runtime/debug"
	"sync/atomic"
	"time"
)

// copyLimit is the size up to which a file is read into memory instead of
// mapped: a small copy cannot change or vanish under the viewer.
var copyLimit int64 = 32 << 20

// errChanged explains a fault on a mapped file that was truncated.
var errChanged = errors.New("the file changed on disk while it was open; reopen it to see it")

// source is the file behind a mapped document. The mapping shows the file
// as it is now, so a change is detected (size, modification time) and the
// viewer then stops reading it.
type source struct {
	f       *os.File
	size    int64
	mtime   time.Time
	release func() error
	changed atomic.Bool
}

// OpenLazy opens the file at path and returns once the first screen is
// indexed; the rest is indexed in the background (see Indexing, Progress
// and Wait). Small files are read into memory; larger ones are mapped so
// their bytes stay in the page cache. Close stops indexing and releases
// the file.
func OpenLazy(path string) (*Document, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open document: %w", err)
	}
	d, err := OpenFile(f)
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	return d, nil
}

// OpenFile is OpenLazy on an open file. The Document owns f from then on
// (Close closes it), which lets a caller open an unlinked temporary file.
func OpenFile(f *os.File) (*Document, error) {
	st, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("stat: %w", err)
	}
	if !st.Mode().IsRegular() {
		return nil, errors.New("not a regular file")
	}
	if st.Size() > math.MaxInt {
		return nil, fmt.Errorf("%d bytes is more than this build can address; use a 64-bit build", st.Size())
	}
	if st.Size() <= copyLimit {
		data := make([]byte, st.Size())
		if _, err := io.ReadFull(f, data); err != nil {
			return nil, fmt.Errorf("read: %w", err)
		}
		f.Close()
		return startIndexing(newDocument(data)), nil
	}
	data, release, err := mapFile(f, st.Size())
	if err != nil {
		return nil, err
	}
	d := newDocument(data)
	d.src = &source{f: f, size: st.Size(), mtime: st.ModTime(), release: release}
	d.lines.arena = &arena{}
	return startIndexing(d), nil
}

// startIndexing indexes d in the background and returns when the first
// screen (or everything) is indexed.
func startIndexing(d *Document) *Document {
	ready := make(chan struct{})
	go d.index(ready)
	select {
	case <-ready:
	case <-d.done:
	}
	return d
}

// Open opens and fully indexes the file at path. Input that is not JSON
// still yields a Document shown as text, with an error saying why.
func Open(path string) (*Document, error) {
	d, err := OpenLazy(path)
	if err != nil {
		return nil, err
	}
	d.Wait()
	if err := d.Err(); err != nil {
		return d, fmt.Errorf("parse %s: %w", path, err)
	}
	return d, nil
}

// Close stops indexing and releases the file. The Document must not be
// used afterwards. It is a no-op for documents made by Parse.
func (d *Document) Close() error {
	if d == nil {
		return nil
	}
	d.stop.Store(true)
	d.Wait()
	if d.shared || d.src == nil || d.src.release == nil {
		return nil
	}
	r := d.src.release
	d.src.release = nil
	d.lines.arena.release()
	err := r()
	if cerr := d.src.f.Close(); err == nil {
		err = cerr
	}
	return err
}

// Changed reports whether the mapped file behind d was modified since it
// was opened. From then on the viewer no longer reads the mapping: a
// truncated file would fault and a rewritten one shows other bytes.
func (d *Document) Changed() bool {
	if d == nil || d.src == nil {
		return false
	}
	s := d.src
	if s.changed.Load() {
		return true
	}
	st, err := s.f.Stat()
	if err == nil && d.unfinished && st.Size() >= s.size {
		return false // still being written after the part mapped
	}
	if err != nil || st.Size() != s.size || !st.ModTime().Equal(s.mtime) {
		s.changed.Store(true)
	}
	return s.changed.Load()
}

// markChanged records that reading the mapping faulted.
func (d *Document) markChanged() {
	if d != nil && d.src != nil {
		d.src.changed.Store(true)
	}
}

func (d *Document) dropPages(lo, hi int) {
	if d.src != nil && !d.shared { // a query result may be a copy on the heap
		dropPages(d.data, lo, hi)
	}
}

// setPanicOnFault makes a fault on a mapped file (SIGBUS after truncation)
// a recoverable panic on this goroutine; call the result to undo it.
func setPanicOnFault() func() {
	old := debug.SetPanicOnFault(true)
	return func() { debug.SetPanicOnFault(old) }
}

// isFault reports whether a recovered value is a memory fault.
func isFault(r any) bool {
	e, ok := r.(interface{ Addr() uintptr })
	return ok && e != nil
}

// guardFault runs f; a memory fault (the mapped file shrank) marks d as
// changed and returns errChanged instead of crashing.
func (d *Document) guardFault(f func()) (err error) {
	defer func() {
		if r := recover(); r != nil {
			if !isFault(r) {
				panic(r)
			}
			d.markChanged()
			err = errChanged
		}
	}()
	defer setPanicOnFault()()
	f()
	return nil
}

var bom = []byte{0xef, 0xbb, 0xbf}

func hasBOM(b []byte) bool { return bytes.HasPrefix(b, bom) }

// encodingProblem recognises UTF-16 and UTF-32 input (by byte order mark or
// by the zero bytes around the first ASCII character, as RFC 4627 does).
func encodingProblem(b []byte) error {
	name := ""
	switch {
	case bytes.HasPrefix(b, []byte{0, 0, 0xfe, 0xff}):
		name = "UTF-32BE"
	case bytes.HasPrefix(b, []byte{0xff, 0xfe, 0, 0}):
		name = "UTF-32LE"
	case bytes.HasPrefix(b, []byte{0xfe, 0xff}):
		name = "UTF-16BE"
	case bytes.HasPrefix(b, []byte{0xff, 0xfe}):
		name = "UTF-16LE"
	case len(b) >= 4 && b[0] == 0 && b[1] == 0 && b[2] == 0 && b[3] != 0:
		name = "UTF-32BE"
	case len(b) >= 4 && b[0] != 0 && b[1] == 0 && b[2] == 0 && b[3] == 0:
		name = "UTF-32LE"
	case len(b) >= 2 && b[0] == 0 && b[1] != 0:
		name = "UTF-16BE"
	case len(b) >= 2 && b[0] != 0 && b[1] == 0:
		name = "UTF-16LE"
	default:
		return nil
	}
	return fmt.Errorf("the input is %s, not UTF-8: convert it first (iconv -f %s -t UTF-8)", name, name)
}
