package api

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
)

// TestReadOnlyRefusesWritesBeforeSending: every write method is refused
// with ErrReadOnly and never reaches the server; reads still go through.
func TestReadOnlyRefusesWritesBeforeSending(t *testing.T) {
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		w.Write([]byte(`{}`))
	}))
	defer srv.Close()
	c := NewClient(srv.Client(), srv.URL, WithReadOnly(true))
	for _, m := range []string{"POST", "put", "PATCH", "DELETE"} {
		_, err := c.Do(context.Background(), Request{Method: m, Path: "/v1/1/contacts", Body: []byte(`{}`)})
		if !errors.Is(err, ErrReadOnly) {
			t.Errorf("%s: err = %v, want ErrReadOnly", m, err)
		}
		if _, err := c.Stream(context.Background(), Request{Method: m, Path: "/x"}, nil, nil); !errors.Is(err, ErrReadOnly) {
			t.Errorf("%s stream: err = %v, want ErrReadOnly", m, err)
		}
	}
	if n := hits.Load(); n != 0 {
		t.Fatalf("%d write(s) reached the server", n)
	}
	if _, err := c.Do(context.Background(), Request{Path: "/v1/1/contacts"}); err != nil {
		t.Fatalf("GET: %v", err)
	}
	if hits.Load() != 1 {
		t.Fatalf("the GET did not reach the server")
	}
}
