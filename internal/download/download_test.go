package download

import (
	"errors"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestIsBinary(t *testing.T) {
	pdf := []byte("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj")
	for _, c := range []struct {
		ctype string
		head  []byte
		want  bool
	}{
		{"application/json; charset=utf-8", []byte(`{"a":1}`), false},
		{"application/problem+json", []byte(`{}`), false},
		{"text/plain", []byte("hello"), false},
		{"text/plain", []byte("he\x00llo"), true},
		{"application/pdf", pdf, true},
		{"application/octet-stream", pdf, true},
		{"application/octet-stream", []byte("plain words"), true}, // the server says bytes
		{"image/png", []byte("\x89PNG\r\n"), true},
		{"", pdf, true},
		{"", []byte(`{"a":1}`), false},
		{"", nil, false},
		{"application/xml", []byte("<a/>"), false},
	} {
		if got := IsBinary(c.ctype, c.head); got != c.want {
			t.Errorf("IsBinary(%q, %q) = %v, want %v", c.ctype, c.head, got, c.want)
		}
	}
}

func TestTypeSniffsOctetStream(t *testing.T) {
	for _, c := range []struct{ ctype, head, want string }{
		{"application/octet-stream", "%PDF-1.4", "application/pdf"},
		{"application/octet-stream", "\x00\x01\x02", "application/octet-stream"},
		{"application/octet-stream", "just text", "application/octet-stream"},
		{"Application/PDF; name=x", "", "application/pdf"},
		{"nonsense;;", "", "application/octet-stream"},
	} {
		if got := Type(c.ctype, []byte(c.head)); got != c.want {
			t.Errorf("Type(%q, %q) = %q, want %q", c.ctype, c.head, got, c.want)
		}
	}
}

func TestFileName(t *testing.T) {
	h := func(cd string) http.Header { return http.Header{"Content-Disposition": {cd}} }
	for _, c := range []struct {
		name     string
		header   http.Header
		fallback string
		mt       string
		want     string
	}{
		{"disposition", h(`attachment; filename="Faktura 1042.pdf"`), "invoice-x", "application/pdf", "Faktura 1042.pdf"},
		{"rfc 2231 æøå", h(`attachment; filename*=UTF-8''Kvittering%20%C3%A6%C3%B8%C3%A5.pdf`), "f", "application/pdf", "Kvittering æøå.pdf"},
		{"no directories", h(`attachment; filename="../../etc/passwd"`), "f", "application/octet-stream", "passwd.bin"},
		{"windows path", h(`attachment; filename="C:\\Users\\x\\a.pdf"`), "f", "application/pdf", "a.pdf"},
		{"escapes stripped", h("attachment; filename=\"\x1b]0;pwned\x07evil.pdf\""), "f", "application/pdf", "evil.pdf"},
		{"hidden file", h(`attachment; filename=".bashrc"`), "f", "text/plain", "bashrc.txt"},
		{"only dots", h(`attachment; filename=".."`), "invoice-1", "application/pdf", "invoice-1.pdf"},
		{"none", http.Header{}, "invoice-3fa85f64", "application/pdf", "invoice-3fa85f64.pdf"},
		{"unknown type", http.Header{}, "files.download", "application/x-nothing-known", "files.download.bin"},
		{"bad fallback", http.Header{}, "a/b:c", "image/png", "b_c.png"},
		{"empty fallback", http.Header{}, "", "application/pdf", "answer.pdf"},
	} {
		if got := FileName(c.header, c.fallback, c.mt); got != c.want {
			t.Errorf("%s: FileName = %q, want %q", c.name, got, c.want)
		}
	}
}

func TestCleanBoundsLengthKeepingExtension(t *testing.T) {
	got := Clean(strings.Repeat("æ", 100) + ".pdf")
	if len(got) > maxName || !strings.HasSuffix(got, ".pdf") || !utf8.ValidString(got) {
		t.Fatalf("Clean of a long name = %q (%d bytes)", got, len(got))
	}
}

func FuzzClean(f *testing.F) {
	for _, s := range []string{"a.pdf", "../x", "\x1b[2J.pdf", "C:\\a\\b", "....", "æøå.pdf"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := Clean(s)
		if strings.ContainsAny(got, `/\:*?"<>|`) || strings.HasPrefix(got, ".") || len(got) > maxName {
			t.Fatalf("Clean(%q) = %q", s, got)
		}
		for _, r := range got {
			if r < 0x20 || r == 0x7f || r >= 0x80 && r <= 0x9f {
				t.Fatalf("Clean(%q) = %q keeps control %U", s, got, r)
			}
		}
	})
}

func TestSaveKeepsAnExistingFileUnlessAsked(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "Faktura æøå.pdf")
	if err := Save(path, strings.NewReader("%PDF first"), false); err != nil {
		t.Fatal(err)
	}
	err := Save(path, strings.NewReader("%PDF second"), false)
	if !errors.Is(err, ErrExists) {
		t.Fatalf("second save without overwrite: %v, want ErrExists", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "%PDF first" {
		t.Fatalf("the existing file changed: %q", b)
	}
	if err := Save(path, strings.NewReader("%PDF second"), true); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(path); string(b) != "%PDF second" {
		t.Fatalf("overwrite wrote %q", b)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Fatalf("temporary files left behind: %v", entries)
	}
}

type failReader struct{}

func (failReader) Read([]byte) (int, error) { return 0, errors.New("disk gone") }

func TestSaveLeavesNothingHalfWritten(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a.pdf")
	if err := Save(path, failReader{}, false); err == nil || !strings.Contains(err.Error(), "disk gone") {
		t.Fatalf("err = %v", err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Fatalf("left %v after a failed save", entries)
	}
	if err := Save(filepath.Join(dir, "no", "such", "dir.pdf"), strings.NewReader("x"), false); err == nil {
		t.Fatal("save into a missing folder succeeded")
	}
}

func TestOpener(t *testing.T) {
	env := func(kv ...string) func(string) string {
		return func(k string) string {
			for i := 0; i+1 < len(kv); i += 2 {
				if kv[i] == k {
					return kv[i+1]
				}
			}
			return ""
		}
	}
	p := "/tmp/x y/Faktura.pdf"
	for _, c := range []struct {
		name, goos, mt string
		getenv         func(string) string
		want           string
	}{
		{"linux", "linux", "application/pdf", env(), "xdg-open|/tmp/x y/Faktura.pdf"},
		{"mac", "darwin", "image/png", env(), "open|/tmp/x y/Faktura.pdf"},
		{"windows", "windows", "application/pdf", env(), "rundll32|url.dll,FileProtocolHandler|/tmp/x y/Faktura.pdf"},
		{"browser for pdf", "linux", "application/pdf", env("BROWSER", "firefox-nightly-test --new-tab"), "firefox-nightly-test|--new-tab|file:///tmp/x%20y/Faktura.pdf"},
		{"browser with %s", "linux", "application/pdf", env("BROWSER", "brw --open=%s"), "brw|--open=file:///tmp/x%20y/Faktura.pdf"},
		{"browser not for images", "linux", "image/png", env("BROWSER", "firefox"), "xdg-open|/tmp/x y/Faktura.pdf"},
	} {
		if got := strings.Join(Opener(c.goos, p, c.mt, c.getenv), "|"); got != c.want {
			t.Errorf("%s: %s, want %s", c.name, got, c.want)
		}
	}
}

func TestOpenSaysWhenNoViewerRuns(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("rundll32 is always there")
	}
	t.Setenv("PATH", t.TempDir()) // no xdg-open, no open
	err := Open(filepath.Join(t.TempDir(), "a.png"), "image/png", func(string) string { return "" })
	if err == nil || !strings.Contains(err.Error(), "not installed") {
		t.Fatalf("err = %v", err)
	}
}
