package jsonview

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"math/bits"
	"unicode/utf8"
)

// maxDepth bounds nesting so depths fit the index and paths stay usable.
const maxDepth = 10000

// populateEvery is how many bytes of a mapped file are mapped in at once
// ahead of the indexer.
const populateEvery = 16 << 20

// dropEvery is how many bytes of a mapped file are indexed before the pages
// already read are handed back to the kernel's page cache.
const dropEvery = 64 << 20

// Byte classes for the scanner.
var (
	isSpace   [256]bool
	strPlain  [256]bool // bytes that need no attention inside a string
	numeric   [256]bool
	errTooBig = errors.New("nesting too deep")
)

func init() {
	for _, c := range []byte(" \t\r\n") {
		isSpace[c] = true
	}
	for c := 0x20; c < 0x100; c++ {
		// Bytes >= 0x80 need no check: invalid UTF-8 is shown as U+FFFD.
		strPlain[c] = c != '"' && c != '\\'
	}
	for _, c := range []byte("0123456789+-.eE") {
		numeric[c] = true
	}
}

// publishEvery is how many lines the indexer adds between two publications
// to readers (and checks for a request to stop).
const publishEvery = 4096

// firstScreenLines is how many lines a lazy open indexes before it returns:
// enough for the first screen. A syntax error before that point shows the
// input as text; after it, everything before the error stays browsable.
var firstScreenLines = 4096

var errStopped = errors.New("indexing stopped")

// errTruncated is the error of input that ends inside a value.
var errTruncated = errors.New("the input looks truncated")

// indexer builds the line table of a JSON document in one pass, without
// recursion: stack holds the opening lines of the containers still open.
type indexer struct {
	d       *Document
	b       []byte
	pos     int
	stack   []uint32
	count   []uint32 // children seen so far, per open container
	roots   uint32   // root values seen (JSON Lines)
	ready   chan struct{}
	dropped int
	ahead   int   // mapped bytes populated ahead of the indexer
	stopErr error // set when Close asked the indexer to stop
}

// index indexes d.data, then closes d.done. With ready set, it closes ready
// once the first screen is indexed; a later error keeps what came before.
func (d *Document) index(ready chan struct{}) {
	ix := &indexer{d: d, b: d.data, ready: ready}
	defer close(d.done)
	defer func() {
		if r := recover(); r != nil {
			if !isFault(r) {
				panic(r)
			}
			ix.fail(errChanged)
		}
	}()
	defer setPanicOnFault()()
	if err := encodingProblem(d.data); err != nil {
		ix.fail(err)
		return
	}
	d.isJSON = true
	err := ix.run()
	if err == nil {
		err = ix.stopErr
	}
	if err != nil && err != errStopped {
		ix.fail(err)
	} else {
		d.lines.publish()
		d.indexed.Store(int64(len(d.data)))
	}
	d.dropPages(ix.dropped, len(d.data))
}

// fail records err: before the first screen was shown the input becomes
// text; after it the lines indexed so far stay browsable.
func (ix *indexer) fail(err error) {
	d := ix.d
	if d.unfinished && errors.Is(err, errTruncated) {
		d.lines.publish() // the rest is on its way (OpenUnfinished)
		d.indexed.Store(int64(len(d.data)))
		return
	}
	if ix.ready == nil || !ix.signalled() {
		a := d.lines.arena
		d.lines = newLineIndex(len(d.data))
		d.lines.arena = a
		d.isJSON = false
		d.seq.Store(false)
		d.fallBackToText(err)
		d.lines.publish()
		d.indexed.Store(int64(len(d.data)))
		return
	}
	d.lines.publish()
	d.indexed.Store(int64(len(d.data)))
	d.setProblem(fmt.Sprintf("the JSON breaks off: %v; everything before it is shown", err), err)
}

func (ix *indexer) signalled() bool {
	select {
	case <-ix.ready:
		return true
	default:
		return false
	}
}

// publish makes the lines indexed so far visible to readers, and reports
// errStopped when Close asked the indexer to stop.
func (ix *indexer) publish() error {
	d := ix.d
	d.lines.publish()
	d.indexed.Store(int64(ix.pos))
	if ix.ready != nil && d.lines.n >= firstScreenLines && !ix.signalled() {
		close(ix.ready)
	}
	if ix.pos+populateEvery/2 > ix.ahead && d.src != nil && !d.shared {
		ix.ahead = max(ix.ahead, ix.pos) + populateEvery
		populate(d.data, ix.ahead-populateEvery, ix.ahead)
	}
	if ix.pos-ix.dropped > dropEvery {
		d.dropPages(ix.dropped, ix.pos)
		ix.dropped = ix.pos
	}
	if publishHook != nil && ix.ready != nil {
		publishHook(d)
	}
	if d.stop.Load() {
		return errStopped
	}
	return nil
}

// publishHook, when set (by tests), runs after each publication of a
// document indexed in the background.
var publishHook func(*Document)

func (ix *indexer) run() error {
	if hasBOM(ix.b) {
		ix.pos = len(bom)
	}
	ix.skipSpace()
	if ix.pos == len(ix.b) {
		return errors.New("the input is empty")
	}
	lineStart, hasKey := ix.pos, false
	for ix.stopErr == nil {
		if err := ix.value(lineStart, hasKey); err != nil {
			return err
		}
		var err error
		lineStart, hasKey, err = ix.afterValue()
		if err != nil {
			return err
		}
		if len(ix.stack) == 0 {
			ix.roots++
			more, err := ix.nextRoot()
			if !more || err != nil {
				return err
			}
			lineStart = ix.pos
		}
	}
	return ix.stopErr
}

// nextRoot moves to the next value of a JSON Lines sequence: one that starts
// on a new line after a complete value.
func (ix *indexer) nextRoot() (bool, error) {
	start := ix.pos
	ix.skipSpace()
	if ix.pos == len(ix.b) {
		return false, nil
	}
	if c := ix.b[ix.pos]; bytes.IndexByte(ix.b[start:ix.pos], '\n') < 0 ||
		bytes.IndexByte([]byte(`{["tfn-0123456789`), c) < 0 {
		return false, ix.syntaxError("after the end of the JSON value")
	}
	ix.d.seq.Store(true)
	return true, nil
}

// value indexes the value at ix.pos; an opening bracket only pushes.
func (ix *indexer) value(lineStart int, hasKey bool) error {
	if ix.pos >= len(ix.b) {
		return ix.eof()
	}
	switch c := ix.b[ix.pos]; c {
	case '{', '[':
		ix.pos++
		ix.skipSpace()
		if ix.pos >= len(ix.b) {
			return ix.eof()
		}
		if ix.b[ix.pos] == c+2 { // '}' is '{'+2 and ']' is '['+2
			ix.pos++
			ix.add(lineStart, kindEmpty, hasKey)
			return nil
		}
		if len(ix.stack) >= maxDepth {
			return fmt.Errorf("%w: more than %d levels at byte %d", errTooBig, maxDepth, ix.pos)
		}
		kind := kindObject
		if c == '[' {
			kind = kindArray
		}
		idx := ix.add(lineStart, kind, hasKey)
		ix.stack = append(ix.stack, uint32(idx))
		ix.count = append(ix.count, 0)
		return nil
	case '"':
		if err := ix.str(); err != nil {
			return err
		}
		ix.add(lineStart, kindString, hasKey)
	case 't':
		return ix.literal("true", lineStart, kindTrue, hasKey)
	case 'f':
		return ix.literal("false", lineStart, kindFalse, hasKey)
	case 'n':
		return ix.literal("null", lineStart, kindNull, hasKey)
	default:
		if c == '-' || c >= '0' && c <= '9' {
			if err := ix.number(); err != nil {
				return err
			}
			ix.add(lineStart, kindNumber, hasKey)
			return nil
		}
		return ix.syntaxError("where a value should start")
	}
	return nil
}

// afterValue consumes separators and closing brackets up to the start of the
// next value, returning where its line starts and whether it has a key.
func (ix *indexer) afterValue() (int, bool, error) {
	for len(ix.stack) > 0 {
		top := ix.stack[len(ix.stack)-1]
		_, kind := ix.d.lines.depthKind(int(top))
		inObject := kind == kindObject
		if ix.lastOpened(top) {
			// Just opened: the first child follows directly.
			return ix.member(inObject)
		}
		ix.skipSpace()
		if ix.pos >= len(ix.b) {
			return 0, false, ix.eof()
		}
		switch c := ix.b[ix.pos]; {
		case c == ',':
			ix.pos++
			return ix.member(inObject)
		case inObject && c == '}' || !inObject && c == ']':
			ix.closeTop()
			ix.pos++
		default:
			if inObject {
				return 0, false, ix.syntaxError("where ',' or '}' should follow an object member")
			}
			return 0, false, ix.syntaxError("where ',' or ']' should follow an array element")
		}
	}
	return 0, false, nil
}

// lastOpened reports whether the container top has no child yet.
func (ix *indexer) lastOpened(top uint32) bool {
	return ix.count[len(ix.count)-1] == 0 && int(top) == ix.d.lines.n-1
}

// member positions ix.pos at the next value, after its key in an object.
func (ix *indexer) member(inObject bool) (int, bool, error) {
	ix.skipSpace()
	if ix.pos >= len(ix.b) {
		return 0, false, ix.eof()
	}
	start := ix.pos
	if !inObject {
		return start, false, nil
	}
	if ix.b[ix.pos] != '"' {
		return 0, false, ix.syntaxError("where an object key should start")
	}
	if err := ix.str(); err != nil {
		return 0, false, err
	}
	ix.skipSpace()
	if ix.pos >= len(ix.b) {
		return 0, false, ix.eof()
	}
	if ix.b[ix.pos] != ':' {
		return 0, false, ix.syntaxError("where ':' should follow an object key")
	}
	ix.pos++
	ix.skipSpace()
	return start, true, nil
}

func (ix *indexer) closeTop() {
	top := ix.stack[len(ix.stack)-1]
	n := ix.count[len(ix.count)-1]
	ix.stack = ix.stack[:len(ix.stack)-1]
	ix.count = ix.count[:len(ix.count)-1]
	kind := kindObjectEnd
	if _, k := ix.d.lines.depthKind(int(top)); k == kindArray {
		kind = kindArrayEnd
	}
	parent := noLine
	if len(ix.stack) > 0 {
		parent = ix.stack[len(ix.stack)-1]
	}
	t := ix.d.lines
	if err := t.add(ix.pos, len(ix.stack), kind, 0, parent, n); err != nil {
		ix.stopErr = err
		return
	}
	t.close(int(top), t.n-1)
	ix.maybePublish()
}

// add appends a line for a value at the current nesting and returns its index.
func (ix *indexer) add(off int, kind uint8, hasKey bool) int {
	var flags uint8
	if hasKey {
		flags = flagKey
	}
	parent, ord := noLine, ix.roots
	if n := len(ix.stack); n > 0 {
		parent, ord = ix.stack[n-1], ix.count[n-1]
		ix.count[n-1]++
	}
	t := ix.d.lines
	if err := t.add(off, len(ix.stack), kind, flags, parent, ord); err != nil {
		ix.stopErr = err
		return t.n - 1
	}
	ix.maybePublish()
	return t.n - 1
}

func (ix *indexer) maybePublish() {
	if ix.d.lines.n%publishEvery == 0 && ix.stopErr == nil {
		ix.stopErr = ix.publish()
	}
}

func (ix *indexer) skipSpace() {
	b, p := ix.b, ix.pos
	for p < len(b) && isSpace[b[p]] {
		p++
	}
	ix.pos = p
}

// str scans a string starting at the opening quote, checking escapes and
// control characters, and leaves ix.pos after the closing quote. It looks
// at each byte once. Bytes that are not valid UTF-8 are accepted (shown as
// U+FFFD), as encoding/json does.
func (ix *indexer) str() error {
	b, p := ix.b, ix.pos+1
	for {
		p = skipPlain(b, p)
		if p >= len(b) {
			ix.pos = p
			return ix.eof()
		}
		switch c := b[p]; {
		case c == '"':
			ix.pos = p + 1
			return nil
		case c == '\\':
			n, err := ix.escape(p)
			if err != nil {
				return err
			}
			p += n
		default:
			ix.pos = p
			return ix.syntaxError("in a string (control characters must be escaped)")
		}
	}
}

// skipPlain returns the first index from p of a byte that needs attention
// inside a string ('"', '\\' or a control character), or len(b). It tests
// eight bytes at a time.
func skipPlain(b []byte, p int) int {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	for p+8 <= len(b) {
		x := binary.LittleEndian.Uint64(b[p:])
		q := x ^ (ones * '"')
		s := x ^ (ones * '\\')
		special := (x - ones*0x20) & ^x // a byte < 0x20
		special |= (q - ones) & ^q      // a '"'
		special |= (s - ones) & ^s      // a '\\'
		if special &= highs; special != 0 {
			// The lowest flag is exact (borrows only run upwards).
			return p + bits.TrailingZeros64(special)/8
		}
		p += 8
	}
	for p < len(b) && strPlain[b[p]] {
		p++
	}
	return p
}

// escape checks the escape sequence at b[p] == '\\' and returns its length.
func (ix *indexer) escape(p int) (int, error) {
	b := ix.b
	if p+1 >= len(b) {
		ix.pos = len(b)
		return 0, ix.eof()
	}
	switch b[p+1] {
	case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
		return 2, nil
	case 'u':
		if p+6 > len(b) {
			ix.pos = len(b)
			return 0, ix.eof()
		}
		for _, h := range b[p+2 : p+6] {
			if !isHex(h) {
				ix.pos = p
				return 0, ix.syntaxError("in a \\u escape")
			}
		}
		return 6, nil
	}
	ix.pos = p + 1
	return 0, ix.syntaxError("after '\\' in a string")
}

func (ix *indexer) eof() error {
	ln, col := lineCol(ix.b, len(ix.b))
	return fmt.Errorf("%w: it ends inside a value at line %d, column %d", errTruncated, ln, col)
}

// syntaxError describes the byte at ix.pos with its line and column.
func (ix *indexer) syntaxError(where string) error {
	ln, col := lineCol(ix.b, ix.pos)
	c := ix.b[ix.pos]
	what := fmt.Sprintf("%q", rune(c))
	if c >= 0x80 {
		what = fmt.Sprintf("byte 0x%02x", c)
	}
	return fmt.Errorf("unexpected %s at line %d, column %d %s", what, ln, col, where)
}

func firstNonSpace(b []byte) byte {
	for _, c := range b {
		if !isSpace[c] {
			return c
		}
	}
	return 0
}

func lineCol(b []byte, pos int) (int, int) {
	ln := 1 + bytes.Count(b[:pos], []byte{'\n'})
	start := bytes.LastIndexByte(b[:pos], '\n') + 1
	return ln, utf8.RuneCount(b[start:pos]) + 1
}
