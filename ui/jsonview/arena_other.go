//go:build !linux

package jsonview

import "unsafe"

// arena keeps the line index on the Go heap where huge pages are not
// available.
type arena struct{}

func (a *arena) alloc(size int) unsafe.Pointer { return nil }

func (a *arena) release() {}
