//go:build !(linux || darwin || freebsd)

package jsonview

import (
	"fmt"
	"io"
	"os"
)

// mapFile reads f into memory where mapping is not supported.
func mapFile(f *os.File, size int64) ([]byte, func() error, error) {
	data := make([]byte, size)
	if _, err := io.ReadFull(f, data); err != nil {
		return nil, nil, fmt.Errorf("read file: %w", err)
	}
	return data, func() error { return nil }, nil
}

func dropPages(data []byte, lo, hi int) {}
