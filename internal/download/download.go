// Package download is what the explorer does with an answer that is a
// file rather than JSON (a PDF, an image, octet-stream bytes): tell it
// from text, name it safely, save it without clobbering, and open a copy
// with the system's viewer.
package download

import (
	"bytes"
	"mime"
	"net/http"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/dinero-tui/dinero-tui/internal/sanitize"
)

// IsBinary reports whether an answer of contentType whose body starts
// with head is a file to save rather than text to show: PDFs, images,
// octet-stream and anything whose first bytes are not text.
func IsBinary(contentType string, head []byte) bool {
	mt, _, _ := mime.ParseMediaType(contentType)
	mt = strings.ToLower(mt)
	switch {
	case strings.Contains(mt, "json"), mt == "application/problem+xml", strings.HasSuffix(mt, "+xml") || mt == "application/xml":
		return false
	case strings.HasPrefix(mt, "text/"):
		return bytes.IndexByte(head, 0) >= 0
	case mt == "application/pdf", mt == "application/octet-stream", mt == "application/zip",
		strings.HasPrefix(mt, "image/"), strings.HasPrefix(mt, "audio/"), strings.HasPrefix(mt, "video/"):
		return true
	}
	if len(head) == 0 {
		return false
	}
	sniffed := http.DetectContentType(head)
	return !strings.HasPrefix(sniffed, "text/") || bytes.IndexByte(head, 0) >= 0
}

// Type is the media type to show for an answer: the Content-Type's media
// type, or the one its first bytes show when it only says octet-stream
// (Dinero sends its PDFs so).
func Type(contentType string, head []byte) string {
	mt, _, err := mime.ParseMediaType(contentType)
	if err != nil || mt == "" {
		mt = "application/octet-stream"
	}
	mt = strings.ToLower(mt)
	if mt == "application/octet-stream" && len(head) > 0 {
		if s, _, _ := strings.Cut(http.DetectContentType(head), ";"); s != "application/octet-stream" && !strings.HasPrefix(s, "text/") {
			return s
		}
	}
	return mt
}

// commonExt are the extensions to prefer where a type has several.
var commonExt = map[string]string{
	"application/pdf": ".pdf", "image/jpeg": ".jpg", "image/png": ".png", "image/gif": ".gif",
	"image/webp": ".webp", "image/tiff": ".tif", "text/plain": ".txt", "text/csv": ".csv",
	"application/zip": ".zip", "application/xml": ".xml", "text/xml": ".xml", "text/html": ".html",
	"application/json": ".json", "application/octet-stream": ".bin",
}

// Ext is the file extension for a media type (".bin" when none is known).
func Ext(mediaType string) string {
	if e, ok := commonExt[mediaType]; ok {
		return e
	}
	if exts, _ := mime.ExtensionsByType(mediaType); len(exts) > 0 {
		return exts[0]
	}
	return ".bin"
}

// maxName bounds a file name in bytes (file systems allow 255).
const maxName = 120

// FileName is the name to save an answer under: the file name its
// Content-Disposition gives, made safe (no directories, no control
// characters, no leading dots, no characters Windows refuses), else
// fallback with the extension of mediaType. fallback is made safe too.
func FileName(h http.Header, fallback, mediaType string) string {
	if _, params, err := mime.ParseMediaType(h.Get("Content-Disposition")); err == nil {
		if n := Clean(params["filename"]); n != "" {
			if filepath.Ext(n) == "" {
				n += Ext(mediaType)
			}
			return n
		}
	}
	n := Clean(fallback)
	if n == "" {
		n = "answer"
	}
	return n + Ext(mediaType)
}

var unsafeChars = strings.NewReplacer("/", "_", "\\", "_", ":", "_", "*", "_", "?", "_", `"`, "_", "<", "_", ">", "_", "|", "_")

// Clean makes name a plain file name: only its last path element, no
// control or bidi characters, none of / \ : * ? " < > |, no leading dots
// or spaces, at most 120 bytes (keeping the extension). It returns ""
// when nothing usable is left.
func Clean(name string) string {
	name = sanitize.Line(name)
	if i := strings.LastIndexAny(name, `/\`); i >= 0 {
		name = name[i+1:]
	}
	name = unsafeChars.Replace(name)
	name = strings.TrimLeft(strings.TrimSpace(name), ". ")
	name = strings.TrimRight(name, ". ")
	if len(name) > maxName {
		ext := filepath.Ext(name)
		if len(ext) > 16 {
			ext = ""
		}
		stem := name[:maxName-len(ext)]
		for !utf8.ValidString(stem) {
			stem = stem[:len(stem)-1]
		}
		name = stem + ext
	}
	return name
}
