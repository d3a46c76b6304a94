// Package jsonview is a JSON viewer component for Bubble Tea v2 that stays
// fast on very large documents: the raw bytes are indexed once into a flat
// table of display lines (no tree of Go values), only the visible rows are
// rendered, folding and search work on that index, and gjson answers queries.
package jsonview

import (
	"fmt"
	"os"
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

// noLine is the parent of the root value.
const noLine = ^uint32(0)

// line is one row of the fully expanded pretty layout.
type line struct {
	off    uint32 // byte offset of the key (object members) or of the value
	pair   uint32 // opening line: index of its closing line, and the reverse
	parent uint32 // index of the enclosing opening line, or noLine
	ord    uint32 // position among the parent's children
	depth  uint16
	kind   uint8
	flags  uint8
}

// chunkBits sets the size of the chunks lines are stored in, so that growing
// the table never copies it.
const chunkBits = 16

type lineTable struct {
	chunks [][]line
	n      int
}

func (t *lineTable) add(l line) {
	c := t.n >> chunkBits
	if c == len(t.chunks) {
		t.chunks = append(t.chunks, make([]line, 0, 1<<chunkBits))
	}
	t.chunks[c] = append(t.chunks[c], l)
	t.n++
}

func (t *lineTable) at(i int) *line {
	return &t.chunks[i>>chunkBits][i&(1<<chunkBits-1)]
}

// Document is an indexed JSON (or, failing that, text) document. It is
// immutable once built and may be shared by several models.
type Document struct {
	data    []byte
	lines   lineTable
	isJSON  bool
	problem string // one-line explanation when the input is shown as text
	release func() error
}

// maxSize is the largest document the 32-bit offsets of the index can address.
const maxSize = 1<<32 - 1

// Parse indexes b. Input that is not valid JSON still yields a Document,
// shown as text with a one-line explanation; the error then says why.
// The Document keeps a reference to b, which must not be modified.
func Parse(b []byte) (*Document, error) {
	if len(b) > maxSize {
		return nil, fmt.Errorf("document is %d bytes; the viewer handles up to 4 GiB", len(b))
	}
	d := &Document{data: b}
	if err := indexJSON(d, nil); err != nil {
		d.fallBackToText(err)
		return d, fmt.Errorf("parse JSON: %w", err)
	}
	d.isJSON = true
	return d, nil
}

// Open maps the file at path into memory (or reads it where mapping is not
// available) and indexes it like Parse. Close releases the mapping.
func Open(path string) (*Document, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open document: %w", err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("open document: %w", err)
	}
	if st.Size() > maxSize {
		return nil, fmt.Errorf("open %s: %d bytes; the viewer handles up to 4 GiB", path, st.Size())
	}
	data, release, err := mapFile(f, st.Size())
	if err != nil {
		return nil, fmt.Errorf("open document: %w", err)
	}
	d := &Document{data: data, release: release}
	if err := indexJSON(d, func(lo, hi int) { dropPages(data, lo, hi) }); err != nil {
		d.fallBackToText(err)
		return d, fmt.Errorf("parse %s: %w", path, err)
	}
	d.isJSON = true
	return d, nil
}

// Close releases a file mapping made by Open. The Document must not be used
// afterwards. It is a no-op for documents made by Parse.
func (d *Document) Close() error {
	if d == nil || d.release == nil {
		return nil
	}
	r := d.release
	d.release = nil
	d.data = nil
	d.lines = lineTable{}
	return r()
}

// IsJSON reports whether the document parsed as JSON.
func (d *Document) IsJSON() bool { return d != nil && d.isJSON }

// Problem is the one-line explanation shown above a non-JSON document, or "".
func (d *Document) Problem() string {
	if d == nil {
		return ""
	}
	return d.problem
}

// Bytes returns the raw document.
func (d *Document) Bytes() []byte {
	if d == nil {
		return nil
	}
	return d.data
}

// Lines is the number of display lines when everything is expanded.
func (d *Document) Lines() int {
	if d == nil {
		return 0
	}
	return d.lines.n
}

func (d *Document) line(i int) *line { return d.lines.at(i) }
