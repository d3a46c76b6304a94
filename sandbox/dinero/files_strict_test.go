package dinero

import (
	"bytes"
	"mime/multipart"
	"net/http"
	"strings"
	"testing"
)

// postForm sends a multipart body built by build to the upload endpoint.
func postForm(t *testing.T, e *env, org int, build func(w *multipart.Writer)) resp {
	t.Helper()
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	build(w)
	_ = w.Close()
	req, _ := http.NewRequest("POST", e.srv.URL+orgPath("v1", org, "/files"), &buf)
	req.Header.Set("Authorization", "Bearer "+tokRW)
	req.Header.Set("Content-Type", w.FormDataContentType())
	res, err := e.srv.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var b bytes.Buffer
	_, _ = b.ReadFrom(res.Body)
	return resp{res.StatusCode, res.Header, b.Bytes()}
}

func filePart(name string, data []byte) func(w *multipart.Writer) {
	return func(w *multipart.Writer) {
		fw, _ := w.CreateFormFile("file", name)
		_, _ = fw.Write(data)
	}
}

func TestUploadTakesExactlyOneFilePart(t *testing.T) {
	e := newEnv(t, nil)
	pdf := []byte("%PDF-1.4 receipt")
	cases := []struct {
		name   string
		build  func(w *multipart.Writer)
		status int
		says   string
	}{
		{"one file and a text field", func(w *multipart.Writer) {
			_ = w.WriteField("note", "taxi")
			filePart("a.pdf", pdf)(w)
		}, 200, "FileGuid"},
		{"two files", func(w *multipart.Writer) { filePart("a.pdf", pdf)(w); filePart("b.pdf", pdf)(w) }, 400, "exactly one file"},
		{"text fields only", func(w *multipart.Writer) { _ = w.WriteField("file", "a.pdf") }, 400, "no file part"},
		{"empty file", filePart("a.pdf", nil), 400, "empty"},
		{"6 MB exactly", filePart("a.pdf", bytes.Repeat([]byte("x"), MaxFileSize)), 200, "FileGuid"},
		{"6 MB and 1 byte", filePart("a.pdf", bytes.Repeat([]byte("x"), MaxFileSize+1)), 400, "larger than 6 MB"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := postForm(t, e, pro, c.build)
			if r.status != c.status || !strings.Contains(string(r.body), c.says) {
				t.Errorf("got %d %s, want %d saying %q", r.status, r.body, c.status, c.says)
			}
		})
	}
}

func TestUploadedFilesStayInTheirOrganization(t *testing.T) {
	e := newEnv(t, nil)
	r := postForm(t, e, pro, filePart("kvittering.pdf", []byte("%PDF-1.4 receipt")))
	expect(t, r, 200, 0)
	id := r.json(t)["FileGuid"].(string)
	if got := e.get(orgPath("v1", pro, "/files/"+id)); got.status != 200 || string(got.body) != "%PDF-1.4 receipt" {
		t.Fatalf("own organization: %d %q", got.status, got.body)
	}
	const design = 104873 // another organization of the same user
	if got := e.get(orgPath("v1", design, "/files/"+id)); got.status != 404 {
		t.Errorf("another organization got the file: %d %s", got.status, got.body)
	}
}
