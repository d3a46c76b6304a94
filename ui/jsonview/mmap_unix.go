//go:build linux || darwin || freebsd

package jsonview

import (
	"fmt"
	"os"
	"unsafe"

	"golang.org/x/sys/unix"
)

// mapFile maps f read-only. The returned release unmaps it.
func mapFile(f *os.File, size int64) ([]byte, func() error, error) {
	if size == 0 {
		return nil, func() error { return nil }, nil
	}
	data, err := unix.Mmap(int(f.Fd()), 0, int(size), unix.PROT_READ, unix.MAP_SHARED)
	if err != nil {
		return nil, nil, fmt.Errorf("map file: %w", err)
	}
	_ = unix.Madvise(data, unix.MADV_SEQUENTIAL)
	return data, func() error { return unix.Munmap(data) }, nil
}

// dropPages tells the kernel the process no longer needs data[lo:hi] in
// memory; the pages stay in the page cache and come back on the next read.
func dropPages(data []byte, lo, hi int) {
	const page = 4096
	lo = lo &^ (page - 1)
	if hi-lo < page || len(data) == 0 {
		return
	}
	if hi > len(data) {
		hi = len(data)
	}
	_ = unix.Madvise(data[lo:hi], unix.MADV_DONTNEED)
}

// hugeChunks hands out line chunks from anonymous memory backed by 2 MB
// pages: indexing a big file then takes 512 times fewer page faults, and
// Close gives the memory straight back.
type hugeChunks struct {
	free    []byte   // the rest of the current region
	regions [][]byte // every mapping, for release
}

const hugePage = 2 << 20

func (h *hugeChunks) chunk() *[chunkLen]line {
	const size = int(unsafe.Sizeof([chunkLen]line{}))
	if len(h.free) < size {
		raw, err := unix.Mmap(-1, 0, 2*hugePage, unix.PROT_READ|unix.PROT_WRITE, unix.MAP_PRIVATE|unix.MAP_ANON)
		if err != nil {
			return new([chunkLen]line)
		}
		h.regions = append(h.regions, raw)
		start := (hugePage - int(uintptr(unsafe.Pointer(&raw[0])))%hugePage) % hugePage
		h.free = raw[start : start+hugePage]
		_ = unix.Madvise(h.free, unix.MADV_HUGEPAGE)
	}
	c := (*[chunkLen]line)(unsafe.Pointer(&h.free[0]))
	h.free = h.free[size:]
	return c
}

func (h *hugeChunks) release() {
	for _, r := range h.regions {
		_ = unix.Munmap(r)
	}
	h.regions, h.free = nil, nil
}
