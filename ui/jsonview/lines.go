package jsonview

import (
	"errors"
	"math/bits"
	"sync"
	"sync/atomic"
	"unsafe"
)

// The line index stores what each display line needs in 4 bytes, in blocks
// of 64 lines that share a 64-bit base offset and depth: a 16-bit offset
// from the block's base (blocks spanning 64 KB or more keep full offsets
// aside), the kind, the key flag and the depth relative to the block's.
// Opening and closing lines, a small share of most documents, also get an
// entry in a side table (their partner line and the position or the child
// count). A line's parent and its position among scalar siblings are found
// by a short scan back instead of being stored.
const (
	blockBits      = 6
	blockLen       = 1 << blockBits
	chunkBits      = 16 // lines per chunk: chunks are allocated as needed, never copied
	chunkLen       = 1 << chunkBits
	blocksPerChunk = chunkLen / blockLen
	depthBias      = blockLen // depths within a block differ by less than blockLen
	wideOff        = 0xffff   // offset field of a line whose block keeps full offsets
	maxLines       = 1<<32 - 2
)

var errTooManyLines = errors.New("more than 4 billion display lines")

// line is one decoded row of the fully expanded pretty layout.
type line struct {
	off   int // byte offset of the key (object members) or of the value
	depth int
	kind  uint8
	flags uint8
}

// block holds what the 64 lines it starts share.
type block struct {
	off    int64         // offset of the first line
	cbits  atomic.Uint64 // which lines open or close a container
	wide   atomic.Uint32 // 1 + where its full offsets are kept, when the block spans 64 KB or more
	parent uint32        // the container around the first line (noLine: none)
	crank  uint32        // container lines before the block
	depth  uint16        // depth of the first line
}

// chunk is chunkLen lines. It holds no Go pointers, so it may live outside
// the Go heap (see arena).
type chunk struct {
	blocks [blocksPerChunk]block
	cells  [chunkLen]uint32 // low 16 bits: offset from the block's; high 16: kind, key, depth
}

// sideEntry is [partner line + 1, position among siblings] for an opening
// line (partner 0 until its end is indexed) and [partner + 1, child
// count] for a closing one.
type sideEntry [2]uint32

// lineIndex is an append-only table of lines. One goroutine appends;
// others read lines below the published count. Query results share it
// (see Document).
type lineIndex struct {
	chunks []*chunk               // allocated up front for the most lines the input can have
	side   []*[chunkLen]sideEntry // likewise, for container lines
	n      int                    // lines written (owned by the writer)
	cur    *chunk                 // the chunk line n goes to (owned by the writer)
	nside  int                    // container lines written
	shown  atomic.Int64           // lines published to readers
	arena  *arena                 // where chunks come from for big files; nil: the Go heap

	wideMu sync.Mutex
	wides  []*[blockLen]int64 // full offsets of the blocks that need them

	cacheMu  sync.Mutex
	ordCache map[uint32]uint32 // positions of some scalars among their siblings
	dupCache map[uint32]uint32 // places of members among those of the same key
}

// allocIn returns a zeroed T from a (for a big file) or the Go heap.
func allocIn[T any](a *arena) *T {
	if p := a.alloc(int(unsafe.Sizeof(*new(T)))); p != nil {
		return (*T)(p)
	}
	return new(T)
}

func newLineIndex(size int) *lineIndex {
	// A line takes at least one byte of input, plus the root line.
	n := size>>chunkBits + 2
	return &lineIndex{chunks: make([]*chunk, n), side: make([]*[chunkLen]sideEntry, n)}
}

func (t *lineIndex) publish() { t.shown.Store(int64(t.n)) }

func (t *lineIndex) block(i int) *block {
	return &t.chunks[i>>chunkBits].blocks[i>>blockBits&(blocksPerChunk-1)]
}

// add appends a line. parent is the container around it (noLine for a
// root); aux is the position among siblings for an opening line and the
// child count for a closing one.
func (t *lineIndex) add(off, depth int, kind, flags uint8, parent, aux uint32) error {
	i := t.n
	c := t.cur
	if i&(chunkLen-1) == 0 {
		if i >= maxLines || i>>chunkBits >= len(t.chunks) {
			return errTooManyLines
		}
		c = allocIn[chunk](t.arena)
		t.chunks[i>>chunkBits], t.cur = c, c
	}
	b := &c.blocks[i>>blockBits&(blocksPerChunk-1)]
	if i&(blockLen-1) == 0 {
		b.off, b.parent, b.crank, b.depth = int64(off), parent, uint32(t.nside), uint16(depth)
	}
	delta := int64(off) - b.off
	var w *[blockLen]int64
	if b.wide.Load() != 0 {
		w = t.wide(b)
	} else if delta >= wideOff {
		w = t.widen(c, b, i)
	}
	if w != nil {
		w[i&(blockLen-1)] = int64(off)
		delta = wideOff
	}
	tag := uint32(kind) | uint32(flags&flagKey)<<4 | uint32(depth-int(b.depth)+depthBias)<<5
	c.cells[i&(chunkLen-1)] = uint32(delta) | tag<<16
	if isOpen(kind) || isClose(kind) {
		s := t.nside
		if t.side[s>>chunkBits] == nil {
			t.side[s>>chunkBits] = allocIn[[chunkLen]sideEntry](t.arena)
		}
		t.side[s>>chunkBits][s&(chunkLen-1)] = sideEntry{0, aux}
		b.cbits.Or(1 << (i & (blockLen - 1)))
		t.nside++
	}
	t.n++
	return nil
}

// widen gives block b (whose lines before i are written) full offsets.
func (t *lineIndex) widen(c *chunk, b *block, i int) *[blockLen]int64 {
	w := new([blockLen]int64)
	for j := i &^ (blockLen - 1); j < i; j++ {
		w[j&(blockLen-1)] = b.off + int64(c.cells[j&(chunkLen-1)]&0xffff)
	}
	t.wideMu.Lock()
	t.wides = append(t.wides, w)
	b.wide.Store(uint32(len(t.wides)))
	t.wideMu.Unlock()
	return w
}

// wide returns the full offsets of block b.
func (t *lineIndex) wide(b *block) *[blockLen]int64 {
	t.wideMu.Lock()
	defer t.wideMu.Unlock()
	return t.wides[b.wide.Load()-1]
}

// close records that closing line end (the last added) ends opener.
func (t *lineIndex) close(opener, end int) {
	t.sideOf(end)[0] = uint32(opener) + 1
	atomic.StoreUint32(&t.sideOf(opener)[0], uint32(end)+1)
}

// at decodes line i.
func (t *lineIndex) at(i int) line {
	c := t.chunks[i>>chunkBits]
	b := &c.blocks[i>>blockBits&(blocksPerChunk-1)]
	cell := c.cells[i&(chunkLen-1)]
	l := line{
		kind:  uint8(cell >> 16 & 15),
		flags: uint8(cell >> 20 & 1),
		depth: int(b.depth) + int(cell>>21&127) - depthBias,
	}
	if d := cell & 0xffff; d != wideOff {
		l.off = int(b.off) + int(d)
	} else {
		l.off = int(t.wide(b)[i&(blockLen-1)])
	}
	return l
}

// depthKind decodes only the depth and kind of line i.
func (t *lineIndex) depthKind(i int) (int, uint8) {
	c := t.chunks[i>>chunkBits]
	cell := c.cells[i&(chunkLen-1)]
	return int(c.blocks[i>>blockBits&(blocksPerChunk-1)].depth) + int(cell>>21&127) - depthBias, uint8(cell >> 16 & 15)
}

// sideOf returns the side entry of container line i.
func (t *lineIndex) sideOf(i int) *sideEntry {
	b := t.block(i)
	r := int(b.crank) + bits.OnesCount64(b.cbits.Load()&(1<<(i&(blockLen-1))-1))
	return &t.side[r>>chunkBits][r&(chunkLen-1)]
}

// pair returns the partner of an opening or closing line, -1 for an
// opening line whose end is not indexed yet.
func (t *lineIndex) pair(i int) int {
	return int(atomic.LoadUint32(&t.sideOf(i)[0])) - 1
}

// parent returns the container around line i, or -1 for a root. The
// nearest earlier line that is less deep is it; the block's first line
// knows the container around it when that line is not in the block.
func (t *lineIndex) parent(i int) int {
	d, _ := t.depthKind(i)
	if d == 0 {
		return -1
	}
	start := i &^ (blockLen - 1)
	for j := i - 1; j >= start; j-- {
		if dj, _ := t.depthKind(j); dj < d {
			return j
		}
	}
	p := int(t.block(start).parent)
	if t.block(start).parent == noLine {
		return -1
	}
	for p >= 0 {
		if dp, _ := t.depthKind(p); dp < d {
			break
		}
		p = t.parent(p)
	}
	return p
}

// ordEvery is how often a scalar's position is kept once counted, so a
// long run of scalar siblings is counted once.
const ordEvery = 256

// ord returns the position of line i (not a closing line) among its
// parent's children, or among the roots. Opening lines store it; a
// scalar counts back to its parent or an earlier container sibling.
func (t *lineIndex) ord(i int) int {
	d, k := t.depthKind(i)
	if isOpen(k) {
		return int(t.sideOf(i)[1])
	}
	n := 0 // siblings between j and i
	var seen []int
	for j := i - 1; j >= 0; j-- {
		dj, kj := t.depthKind(j)
		if dj < d {
			break
		}
		if isClose(kj) {
			n += int(t.sideOf(t.pair(j))[1]) + 1
			break
		}
		if j%ordEvery == 0 {
			t.cacheMu.Lock()
			o, ok := t.ordCache[uint32(j)]
			t.cacheMu.Unlock()
			if ok {
				n += int(o) + 1
				break
			}
			seen = append(seen, j, n)
		}
		n++
	}
	if len(seen) > 0 {
		t.cacheMu.Lock()
		if t.ordCache == nil || len(t.ordCache) > 1<<20 {
			t.ordCache = make(map[uint32]uint32)
		}
		for k := 0; k < len(seen); k += 2 {
			t.ordCache[uint32(seen[k])] = uint32(n - seen[k+1] - 1)
		}
		t.cacheMu.Unlock()
	}
	return n
}
