package catalog

import (
	"bytes"
	"io"
	"mime"
	"mime/multipart"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

func TestMatchFindsTheOperationOfAMethodAndPath(t *testing.T) {
	c := Builtin()
	cases := []struct{ method, path, want string }{
		{"POST", "/v1/{organizationId}/files", "files.upload"},
		{"post", "/v1/104871/files?fileName=a.pdf", "files.upload"},
		{"POST", "/v1/104871/files/attachment", "files.upload-attachment"},
		{"GET", "/v1/104871/files/abc", "files.download"},
		{"GET", "/v1/104871/files", "files.list"},
		{"POST", "/v1/104871/nothing-here", ""},
	}
	for _, tc := range cases {
		op, ok := c.Match(tc.method, tc.path)
		if got := op.ID; !ok && tc.want != "" || ok && got != tc.want {
			t.Errorf("Match(%s %s) = %q, %v; want %q", tc.method, tc.path, got, ok, tc.want)
		}
	}
	if op, _ := c.Match("POST", "/v1/1/files"); op.BodyType != "multipart/form-data" {
		t.Errorf("files.upload body type %q", op.BodyType)
	}
}

func TestFileTypeByExtensionThenContents(t *testing.T) {
	cases := []struct {
		name string
		head []byte
		want string
	}{
		{"kvittering.pdf", nil, "application/pdf"},
		{"SCAN.PNG", nil, "image/png"},
		{"receipt", []byte("%PDF-1.7\n"), "application/pdf"},
		{"receipt", []byte("\x89PNG\r\n\x1a\n0000"), "image/png"},
		{"receipt", nil, "application/octet-stream"},
	}
	for _, tc := range cases {
		if got := FileType(tc.name, tc.head); got != tc.want {
			t.Errorf("FileType(%q) = %q, want %q", tc.name, got, tc.want)
		}
	}
}

func writeFile(t testing.TB, name string, size int) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, bytes.Repeat([]byte("r"), size), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestStreamPartsWritesFieldsAndTheFile(t *testing.T) {
	p := writeFile(t, "kvittering æøå 1.pdf", 3000)
	body, ct := StreamParts([]Part{{Name: "note", Value: "taxi"}, {Name: "file", Value: p, File: true}}, 6<<20)
	defer body.Close()
	_, params, err := mime.ParseMediaType(ct)
	if err != nil {
		t.Fatal(err)
	}
	mr := multipart.NewReader(body, params["boundary"])
	note, err := mr.NextPart()
	if err != nil || note.FormName() != "note" {
		t.Fatalf("first part %v %v", note, err)
	}
	file, err := mr.NextPart()
	if err != nil {
		t.Fatal(err)
	}
	data, _ := io.ReadAll(file)
	if file.FileName() != "kvittering æøå 1.pdf" || file.Header.Get("Content-Type") != "application/pdf" || len(data) != 3000 {
		t.Errorf("file part %q %q %d bytes", file.FileName(), file.Header.Get("Content-Type"), len(data))
	}
}

func TestStreamPartsStopsAtTheLimit(t *testing.T) {
	p := writeFile(t, "big.pdf", 1001)
	body, _ := StreamParts([]Part{{Name: "file", Value: p, File: true}}, 1000)
	defer body.Close()
	_, err := io.Copy(io.Discard, body)
	if err == nil || !strings.Contains(err.Error(), "larger than 1000 bytes") {
		t.Fatalf("err = %v", err)
	}
}

// TestStreamPartsMemoryIsFlat streams a 5.9 MB file and checks that far
// less than the file's size was allocated on the way.
func TestStreamPartsMemoryIsFlat(t *testing.T) {
	const size = 59 << 20 / 10
	p := writeFile(t, "receipt.pdf", size)
	alloc := streamAlloc(t, p)
	t.Logf("streaming %d bytes allocated %d bytes", size, alloc)
	if alloc > 512<<10 {
		t.Errorf("streaming a %d-byte file allocated %d bytes; it should not hold the file", size, alloc)
	}
}

func streamAlloc(t testing.TB, path string) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	body, _ := StreamParts([]Part{{Name: "file", Value: path, File: true}}, 6<<20)
	n, err := io.Copy(io.Discard, body)
	body.Close()
	runtime.ReadMemStats(&after)
	if err != nil || n < 59<<20/10 {
		t.Fatalf("streamed %d bytes: %v", n, err)
	}
	return after.TotalAlloc - before.TotalAlloc
}

func BenchmarkStreamParts59MB(b *testing.B) {
	p := writeFile(b, "receipt.pdf", 59<<20/10)
	b.SetBytes(59 << 20 / 10)
	b.ReportAllocs()
	for b.Loop() {
		body, _ := StreamParts([]Part{{Name: "file", Value: p, File: true}}, 6<<20)
		if _, err := io.Copy(io.Discard, body); err != nil {
			b.Fatal(err)
		}
		body.Close()
	}
}
