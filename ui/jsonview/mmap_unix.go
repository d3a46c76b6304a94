//go:build linux || darwin || freebsd

package jsonview

import (
	"fmt"
	"os"

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
