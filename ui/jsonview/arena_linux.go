package jsonview

import (
	"unsafe"

	"golang.org/x/sys/unix"
)

// arena hands out memory for the line index of a big file from anonymous
// mappings backed by 2 MB pages: indexing then takes 512 times fewer page
// faults, and release gives the memory straight back. Only memory without
// Go pointers may come from it.
type arena struct {
	free    []byte   // the rest of the current region
	regions [][]byte // every mapping, for release
}

const hugePage = 2 << 20

// alloc returns size bytes of zeroed memory, or nil.
func (a *arena) alloc(size int) unsafe.Pointer {
	if a == nil || size > hugePage {
		return nil
	}
	if len(a.free) < size {
		raw, err := unix.Mmap(-1, 0, 2*hugePage, unix.PROT_READ|unix.PROT_WRITE, unix.MAP_PRIVATE|unix.MAP_ANON)
		if err != nil {
			return nil
		}
		a.regions = append(a.regions, raw)
		start := (hugePage - int(uintptr(unsafe.Pointer(&raw[0])))%hugePage) % hugePage
		a.free = raw[start : start+hugePage]
		_ = unix.Madvise(a.free, unix.MADV_HUGEPAGE)
	}
	p := unsafe.Pointer(&a.free[0])
	a.free = a.free[size:]
	return p
}

func (a *arena) release() {
	if a == nil {
		return
	}
	for _, r := range a.regions {
		_ = unix.Munmap(r)
	}
	a.regions, a.free = nil, nil
}
