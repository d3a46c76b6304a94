// Package jsonview is a JSON viewer component for Bubble Tea v2 that stays
// fast on very large documents: the raw bytes are indexed into a flat table
// of display lines (no tree of Go values), only the visible rows are
// rendered, folding and search work on that index, and gjson answers queries.
//
// A file opened with OpenLazy is indexed in the background: the lines
// indexed so far can be shown and navigated while the rest is read.
package jsonview

import (
	"fmt"
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

// line is one row of the fully expanded pretty layout (16 bytes).
type line struct {
	off uint32 // byte offset of the key (object members) or of the value
	// pair is, for an opening line, the index of its closing line (0 until
	// the indexer reaches it; read it with Document.pair); for a closing
	// line the index of its opening line; for anything else its position
	// among the parent's children.
	pair uint32
	// parent is the index of the enclosing opening line (noLine for a
	// root); for a closing line, the number of children of the container.
	parent uint32
	depth  uint16
	kind   uint8
	flags  uint8
}

// chunkBits sets the size of the chunks lines are stored in, so that growing
// the table never copies it and readers can use it while it grows.
const chunkBits = 16

const chunkLen = 1 << chunkBits

// lineTable is an append-only table of lines. One goroutine appends; others
// read lines below the published count.
type lineTable struct {
	chunks []*[chunkLen]line // allocated up front for the most lines the input can have
	n      int               // lines written (owned by the writer)
	shown  atomic.Int64      // lines published to readers
	huge   *hugeChunks       // where chunks come from for big files; nil: the Go heap
}

func newLineTable(size int) lineTable {
	// A line takes at least one byte of input, plus the root line.
	return lineTable{chunks: make([]*[chunkLen]line, size>>chunkBits+2)}
}

func (t *lineTable) add(l line) {
	c := t.n >> chunkBits
	if t.chunks[c] == nil {
		if t.huge != nil {
			t.chunks[c] = t.huge.chunk()
		} else {
			t.chunks[c] = new([chunkLen]line)
		}
	}
	t.chunks[c][t.n&(chunkLen-1)] = l
	t.n++
}

func (t *lineTable) publish() { t.shown.Store(int64(t.n)) }

func (t *lineTable) at(i int) *line {
	return &t.chunks[i>>chunkBits][i&(chunkLen-1)]
}

// Document is an indexed JSON (or, failing that, text) document. Lines only
// ever get added, so it may be shared by several models while it is being
// indexed.
type Document struct {
	data   []byte
	lines  lineTable
	isJSON bool
	seq    atomic.Bool // a sequence of JSON values (JSON Lines): paths start with ..N

	indexed atomic.Int64  // bytes of data indexed so far
	done    chan struct{} // closed when indexing has ended
	stop    atomic.Bool   // asks the indexer to stop (Close)
	mu      sync.Mutex
	problem string // why the input is shown as text, or where the JSON broke
	err     error  // the indexing error, if any

	ordMu    sync.Mutex
	ordCache map[uint32]uint32 // positions of opening lines among their siblings
	dupCache map[uint32]uint32 // places of members among those of the same key

	src    *source // the file behind a mapping, or nil
	shared bool    // data belongs to another document (a query result)
}

// maxSize is the largest document the 32-bit offsets of the index can address.
const maxSize = 1<<32 - 1

func newDocument(b []byte) *Document {
	return &Document{data: b, lines: newLineTable(len(b)), done: make(chan struct{})}
}

// Parse indexes b. Input that is not valid JSON still yields a Document,
// shown as text with a one-line explanation; the error then says why.
// The Document keeps a reference to b, which must not be modified.
func Parse(b []byte) (*Document, error) {
	if len(b) > maxSize {
		return nil, fmt.Errorf("document is %d bytes; the viewer handles up to 4 GiB", len(b))
	}
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

func (d *Document) line(i int) *line { return d.lines.at(i) }

// pair returns the partner of an opening or closing line; for an opening
// line whose end has not been indexed yet it returns -1.
func (d *Document) pair(i int) int {
	l := d.line(i)
	p := atomic.LoadUint32(&l.pair)
	if isOpen(l.kind) && p == 0 {
		return -1
	}
	return int(p)
}
