// Package jsonview is a JSON viewer component for Bubble Tea v2 that stays
// fast on very large documents: the raw bytes are indexed into a flat table
// of display lines (no tree of Go values), only the visible rows are
// rendered, folding and search work on that index, and gjson answers queries.
//
// A file opened with OpenLazy is indexed in the background: the lines
// indexed so far can be shown and navigated while the rest is read.
package jsonview

import (
	"sync"
	"sync/atomic"
)

// Kinds of display line.
const (
	kindObject    uint8 = iota // "{" opening an object
	kindArray                  // "[" opening an array
	kindObjectEnd              // "}"
	kindArrayEnd               // "]"
	kindString
	kindNumber
	kindTrue
	kindFalse
	kindNull
	kindEmpty // "{}" or "[]"
	kindText  // one line of a document shown as plain text
)

// flagKey marks a line whose value is an object member (it starts with a key).
const flagKey uint8 = 1

// noLine is the parent of a root value.
const noLine = ^uint32(0)

// Document is an indexed JSON (or, failing that, text) document. Lines only
// ever get added, so it may be shared by several models while it is being
// indexed.
type Document struct {
	data   []byte
	lines  *lineIndex
	view   view // the part of lines shown: all of them, or a query result's
	isJSON bool
	seq    atomic.Bool // a sequence of JSON values (JSON Lines): paths start with ..N

	indexed atomic.Int64  // bytes of data indexed so far
	done    chan struct{} // closed when indexing has ended
	stop    atomic.Bool   // asks the indexer to stop (Close)
	mu      sync.Mutex
	problem string // why the input is shown as text, or where the JSON broke
	err     error  // the indexing error, if any

	src    *source // the file behind a mapping, or nil
	shared bool    // data belongs to another document (a query result)
	// unfinished: data is the start of a document still being written
	// (OpenUnfinished); ending inside a value is not an error.
	unfinished bool
}

// view is the part of a line index a Document shows. A query result whose
// value is part of the document shows the lines of that value: line 0 is
// the index's line first, offsets are counted from base and depths from
// depth.
type view struct {
	first, n    int // n < 0: every line, as far as indexed
	base, depth int
}

func newDocument(b []byte) *Document {
	return &Document{data: b, lines: newLineIndex(len(b)), view: view{n: -1}, done: make(chan struct{})}
}

// Parse indexes b. Input that is not valid JSON still yields a Document,
// shown as text with a one-line explanation; the error then says why.
// The Document keeps a reference to b, which must not be modified.
func Parse(b []byte) (*Document, error) {
	d := newDocument(b)
	d.index(nil)
	return d, d.Err()
}

// IsJSON reports whether the document parsed as JSON (possibly only up to
// an error near its end: see Problem).
func (d *Document) IsJSON() bool { return d != nil && d.isJSON }

// Problem is the one-line explanation shown above the document: why it is
// shown as text, or where its JSON broke. It is "" for valid JSON and while
// indexing has not found a problem yet.
func (d *Document) Problem() string {
	if d == nil {
		return ""
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.problem
}

// Err is the error that ended indexing, or nil (also while indexing runs).
func (d *Document) Err() error {
	if d == nil {
		return nil
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.err
}

func (d *Document) setProblem(problem string, err error) {
	d.mu.Lock()
	d.problem, d.err = problem, err
	d.mu.Unlock()
}

// Bytes returns the raw document.
func (d *Document) Bytes() []byte {
	if d == nil {
		return nil
	}
	return d.data
}

// Lines is the number of display lines indexed so far when everything is
// expanded.
func (d *Document) Lines() int {
	if d == nil {
		return 0
	}
	if d.view.n >= 0 {
		return d.view.n
	}
	return int(d.lines.shown.Load())
}

// Indexing reports whether the background indexer is still running.
func (d *Document) Indexing() bool {
	if d == nil {
		return false
	}
	select {
	case <-d.done:
		return false
	default:
		return true
	}
}

// Wait blocks until indexing has ended.
func (d *Document) Wait() {
	if d != nil {
		<-d.done
	}
}

// Progress returns how many bytes have been indexed and the document size.
func (d *Document) Progress() (done, total int64) {
	if d == nil {
		return 0, 0
	}
	return d.indexed.Load(), int64(len(d.data))
}

// line decodes line i.
func (d *Document) line(i int) line {
	v := d.view
	l := d.lines.at(v.first + i)
	if v.n >= 0 {
		l.off -= v.base
		l.depth -= v.depth
		if i == 0 {
			l.off, l.flags = 0, 0 // the key of a query result is outside it
		}
	}
	return l
}

// pair returns the partner of an opening or closing line; for an opening
// line whose end has not been indexed yet it returns -1.
func (d *Document) pair(i int) int {
	p := d.lines.pair(d.view.first + i)
	if p < 0 {
		return -1
	}
	return p - d.view.first
}

// parent returns the container around line i, or -1 for a root.
func (d *Document) parent(i int) int {
	if d.view.n >= 0 && i == 0 {
		return -1
	}
	p := d.lines.parent(d.view.first + i)
	if p < 0 {
		return -1
	}
	return p - d.view.first
}
