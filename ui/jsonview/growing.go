package jsonview

import (
	"errors"
	"fmt"
	"io"
	"math"
	"os"

	tea "charm.land/bubbletea/v2"
)

// OpenUnfinished opens the first size bytes of the file at path: the start
// of a document still being written, such as an array of items appended
// page by page. It is indexed like OpenLazy, except that running out of
// input inside a value is not an error: the values complete so far are
// shown, the containers still open have no end yet, and Problem stays "".
// The file may keep growing after size; Changed ignores that.
//
// Each call indexes the prefix from its start, so opening a series of
// longer prefixes costs the sum of their sizes: callers open a new one
// only when enough has been added (see ui/response).
func OpenUnfinished(path string, size int64) (*Document, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open document: %w", err)
	}
	d, err := openPrefix(f, size)
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	return d, nil
}

func openPrefix(f *os.File, size int64) (*Document, error) {
	st, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("stat: %w", err)
	}
	switch {
	case !st.Mode().IsRegular():
		return nil, errors.New("not a regular file")
	case size > st.Size():
		return nil, fmt.Errorf("%d bytes written, not %d", st.Size(), size)
	case size > math.MaxInt:
		return nil, fmt.Errorf("%d bytes is more than this build can address; use a 64-bit build", size)
	case size <= 0:
		return nil, errors.New("nothing written yet")
	}
	if size <= copyLimit {
		data := make([]byte, size)
		if _, err := io.ReadFull(io.NewSectionReader(f, 0, size), data); err != nil {
			return nil, fmt.Errorf("read: %w", err)
		}
		f.Close()
		d := newDocument(data)
		d.unfinished = true
		return startIndexing(d), nil
	}
	data, release, err := mapFile(f, size)
	if err != nil {
		return nil, err
	}
	d := newDocument(data)
	d.unfinished = true
	d.src = &source{f: f, size: size, mtime: st.ModTime(), release: release}
	d.lines.arena = &arena{}
	return startIndexing(d), nil
}

// Unfinished reports whether d is the start of a document still being
// written (OpenUnfinished).
func (d *Document) Unfinished() bool { return d != nil && d.unfinished }

// Grow shows doc in place of the document shown, which must be the start
// of doc (the same bytes, more of them): the cursor, scroll position,
// folds and search stay where they are. While a query result is shown it
// does nothing and reports false (the result may point into the shown
// document): the caller keeps doc and tries again later. After true the
// model no longer uses the previous document; the caller may close it.
func (m *Model) Grow(doc *Document) (bool, tea.Cmd) {
	if m.base != nil {
		return false, nil
	}
	if m.doc == nil || m.doc.Lines() == 0 {
		m.SetDocument(doc)
		return true, m.restartWatch()
	}
	m.doc = doc
	m.growFolded(doc.Lines())
	m.catchUp()
	return true, m.restartWatch()
}

// closers are the brackets that close the containers an unfinished
// document leaves open (innermost first), so that its bytes followed by
// them are the values so far as valid JSON; nil for any other document.
func (d *Document) closers() []byte {
	if !d.Unfinished() || d.Lines() == 0 || !d.IsJSON() {
		return nil
	}
	var out []byte
	closer := func(i int) {
		if d.line(i).kind == kindArray {
			out = append(out, ']')
		} else {
			out = append(out, '}')
		}
	}
	i := d.Lines() - 1
	l := d.line(i)
	switch {
	case isClose(l.kind):
		i = d.pair(i)
	case isOpen(l.kind) && d.pair(i) < 0:
		closer(i)
	}
	for p := d.parent(i); p >= 0; p = d.parent(p) {
		closer(p)
	}
	return out
}
