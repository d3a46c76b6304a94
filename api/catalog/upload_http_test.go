package catalog

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/dinero-tui/dinero-tui/api"
)

// BenchmarkUploadOverHTTP sends a 5.9 MB file through the API client to a
// server that counts the bytes: B/op shows the upload is not held in memory.
func BenchmarkUploadOverHTTP(b *testing.B) {
	const size = 59 << 20 / 10
	p := writeFile(b, "receipt.pdf", size)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n, _ := io.Copy(io.Discard, r.Body)
		if n < size {
			http.Error(w, "short body", http.StatusBadRequest)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		_, _ = io.WriteString(w, `{"FileGuid":"x"}`)
	}))
	defer srv.Close()
	client := api.NewClient(srv.Client(), srv.URL)
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		body, ct := StreamParts([]Part{{Name: "file", Value: p, File: true}}, api.MaxUploadSize)
		_, err := client.Do(context.Background(), api.Request{Method: "POST", Path: "/v1/1/files", BodyReader: body, ContentType: ct})
		body.Close()
		if err != nil {
			b.Fatal(err)
		}
	}
}
