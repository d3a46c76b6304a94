//go:build !linux

package jsonview

// populate does nothing where pages cannot be mapped ahead of use.
func populate(data []byte, lo, hi int) {}
