package api

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"
)

// endless writes a chunked JSON-looking body until the client goes away.
func endless(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	io.WriteString(w, "[")
	chunk := []byte(strings.Repeat(`{"Number":1},`, 2500))
	for r.Context().Err() == nil {
		if _, err := w.Write(chunk); err != nil {
			return
		}
		w.(http.Flusher).Flush()
	}
}

// TestDoHoldsAtMostTheMemoryLimit: an endless body ends Do with ErrTooLarge
// once the in-memory limit is passed, instead of growing without bound.
func TestDoHoldsAtMostTheMemoryLimit(t *testing.T) {
	c, _ := setup(t, endless, WithMaxBody(1<<20))
	_, err := c.Do(context.Background(), Request{Path: "/v1/1/invoices"})
	if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "larger than 1 MiB") {
		t.Fatalf("err = %v", err)
	}
	// A body at the limit is fine.
	c, _ = setup(t, func(w http.ResponseWriter, r *http.Request) { w.Write(bytes.Repeat([]byte(" "), 1<<20)) }, WithMaxBody(1<<20))
	if resp, err := c.Do(context.Background(), Request{Path: "/v1/1/invoices"}); err != nil || len(resp.Body) != 1<<20 {
		t.Fatalf("a body at the limit: %v", err)
	}
}

// TestStreamHasATotalTimeLimit: an endless body streamed to a writer ends
// at the stream time limit with a message saying so.
func TestStreamHasATotalTimeLimit(t *testing.T) {
	c, _ := setup(t, endless, WithStreamTimeout(300*time.Millisecond))
	start := time.Now()
	_, err := c.Stream(context.Background(), Request{Path: "/v1/1/invoices"}, io.Discard, nil)
	if err == nil || !strings.Contains(err.Error(), "did not finish within 300ms") {
		t.Fatalf("err = %v", err)
	}
	if time.Since(start) > 5*time.Second {
		t.Errorf("took %v", time.Since(start))
	}
}

func TestSizeText(t *testing.T) {
	for n, want := range map[int64]string{900: "900 bytes", 64 << 20: "64 MiB", 3 << 29: "1.5 GiB", 1536: "1.5 KiB"} {
		if got := SizeText(n); got != want {
			t.Errorf("SizeText(%d) = %q, want %q", n, got, want)
		}
	}
}
