package jsonview

import "golang.org/x/sys/unix"

// populate maps data[lo:hi] (clamped) into the process in one call, ahead
// of the indexer: one page fault per page costs far more, above all in a
// virtual machine. Kernels before 5.14 refuse it; the pages then fault in
// as they are read.
func populate(data []byte, lo, hi int) {
	hi = min(hi, len(data))
	lo &^= 4095
	if lo >= hi {
		return
	}
	_ = unix.Madvise(data[lo:hi], unix.MADV_POPULATE_READ)
}
