package api

import (
	"errors"
	"net/http"
	"strings"
)

// ErrReadOnly is returned, before anything is sent, for a write (any
// method but GET, HEAD and OPTIONS) on a read-only client.
var ErrReadOnly = errors.New("read-only mode refuses writes; turn it off by dropping --read-only, " +
	"unsetting DINERO_READ_ONLY or removing read_only from the profile")

// WithReadOnly makes the client refuse every write with ErrReadOnly
// before it reaches the network.
func WithReadOnly(on bool) Option { return func(c *Client) { c.readOnly = on } }

// IsWrite reports whether method changes data: everything but GET, HEAD
// and OPTIONS (an empty method means GET).
func IsWrite(method string) bool {
	switch strings.ToUpper(method) {
	case "", http.MethodGet, http.MethodHead, http.MethodOptions:
		return false
	}
	return true
}
