package dinero

import (
	"errors"
	"io"
	"math/rand/v2"
	"mime"
	"mime/multipart"
	"net/http"
	"path"
	"strings"
	"time"

	"github.com/dinero-tui/dinero-tui/sandbox/demodata"
)

// MaxFileSize is the largest file Dinero accepts (6 MB).
const MaxFileSize = 6 << 20

// fileError is the 400 answer of the upload endpoints: a JSON string.
func fileError(c *call, msg string) error {
	writeJSON(c.w, http.StatusBadRequest, msg)
	return nil
}

type fileSaved struct{ FileGuid string }

func uploadFile(c *call) error { return upload(c, true) }

func uploadAttachment(c *call) error { return upload(c, false) }

func upload(c *call, archive bool) error {
	mediaType, params, err := mime.ParseMediaType(c.r.Header.Get("Content-Type"))
	if err != nil || !strings.HasPrefix(mediaType, "multipart/") || params["boundary"] == "" {
		return fileError(c, "Send the file as multipart/form-data with one file part.")
	}
	body := http.MaxBytesReader(c.w, c.r.Body, MaxFileSize+1<<20)
	name, data, msg := readOneFile(multipart.NewReader(body, params["boundary"]))
	if msg != "" {
		return fileError(c, msg)
	}
	if q := c.r.URL.Query().Get("fileName"); q != "" {
		name = path.Base(q)
	}
	return c.storeFile(name, data, archive)
}

// readOneFile reads a multipart body that must carry exactly one file
// part of at most MaxFileSize bytes (text parts are read and ignored). It
// returns the file's base name and bytes, or the message of the 400.
func readOneFile(mr *multipart.Reader) (name string, data []byte, msg string) {
	tooBig := func(err error) bool {
		var e *http.MaxBytesError
		return errors.As(err, &e)
	}
	files := 0
	for {
		part, err := mr.NextPart()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			if tooBig(err) {
				return "", nil, "The file is larger than 6 MB."
			}
			return "", nil, "The multipart body could not be read."
		}
		if part.FileName() == "" {
			if _, err := io.Copy(io.Discard, io.LimitReader(part, 64<<10)); err != nil {
				return "", nil, "The multipart body could not be read."
			}
			continue
		}
		if files++; files > 1 {
			return "", nil, "Send exactly one file part; this request has more."
		}
		b, err := io.ReadAll(io.LimitReader(part, MaxFileSize+1))
		if err != nil {
			if tooBig(err) {
				return "", nil, "The file is larger than 6 MB."
			}
			return "", nil, "The file part could not be read."
		}
		if len(b) > MaxFileSize {
			return "", nil, "The file is larger than 6 MB."
		}
		if len(b) == 0 {
			return "", nil, "The file is empty."
		}
		name, data = path.Base(strings.ReplaceAll(part.FileName(), "\\", "/")), b
	}
	if files == 0 {
		return "", nil, "The request has no file part."
	}
	return name, data, ""
}

// fileKinds are the extensions Dinero accepts: images and PDF.
var fileKinds = map[string]bool{"pdf": true, "jpg": true, "jpeg": true, "png": true, "gif": true, "bmp": true,
	"tif": true, "tiff": true, "heic": true, "webp": true}

func (c *call) storeFile(name string, data []byte, archive bool) error {
	ext := strings.TrimPrefix(strings.ToLower(path.Ext(name)), ".")
	if !fileKinds[ext] {
		return fileError(c, "Only images and PDF files can be uploaded (got "+path.Ext(name)+").")
	}
	defer c.lock()()
	f := &demodata.File{Guid: demodata.NewFileID(rand.New(rand.NewPCG(rand.Uint64(), rand.Uint64()))), Name: name,
		Extension: ext, UploadedAt: c.now.UTC(), Content: data, Archived: archive, UploadedBy: c.user().Name}
	store(&c.org.data.Files, c.org.files, f.Guid, f)
	return c.ok(fileSaved{f.Guid})
}

type fileLink struct {
	VoucherId   int64
	VoucherGuid string
	LinkedAt    *string
}

type fileOut struct {
	FileGuid      string
	Name          string
	Extension     string
	Size          int
	UploadedAt    string
	Note          *string
	NumberOfPages *int
	Linked        []fileLink
	UploadedBy    *string
}

// links lists the vouchers that use each file.
func (c *call) links() map[string][]fileLink {
	out := map[string][]fileLink{}
	add := func(file, guid string, number int64, at time.Time) {
		if file == "" {
			return
		}
		s := at.UTC().Format("2006-01-02T15:04:05Z")
		out[file] = append(out[file], fileLink{number, guid, &s})
	}
	for _, pv := range c.org.data.PurchaseVouchers {
		if pv.DeletedAt == nil {
			add(pv.FileGuid, pv.Guid, pv.VoucherNumber, pv.UpdatedAt)
		}
	}
	for _, mv := range c.org.data.ManualVouchers {
		if mv.DeletedAt == nil {
			add(mv.FileGuid, mv.Guid, mv.VoucherNumber, mv.UpdatedAt)
		}
	}
	return out
}

func parseSlashDate(v, name string) (string, *apiError) {
	if v == "" {
		return "", nil
	}
	t, err := time.Parse("2006/01/02", v)
	if err != nil {
		return "", invalid(name, name+" must be a date in the format yyyy/MM/dd.")
	}
	return t.Format("2006-01-02"), nil
}

func listFiles(c *call) error {
	q := c.r.URL.Query()
	pg, err := parsePaging(q, 1000)
	if err != nil {
		return err
	}
	before, err := parseSlashDate(q.Get("uploadedBefore"), "uploadedBefore")
	if err != nil {
		return err
	}
	after, err := parseSlashDate(q.Get("uploadedAfter"), "uploadedAfter")
	if err != nil {
		return err
	}
	status := "All"
	if v := q.Get("fileStatus"); v != "" {
		if status = canonical(v, "All", "Used", "Unused"); status == "" {
			return invalid("fileStatus", "fileStatus must be All, Used or Unused.")
		}
	}
	exts := map[string]bool{}
	for _, e := range strings.Split(q.Get("extensions"), ",") {
		if e = strings.ToLower(strings.TrimPrefix(strings.TrimSpace(e), ".")); e != "" {
			exts[e] = true
		}
	}
	defer c.lock()()
	links := c.links()
	out := []fileOut{}
	for _, f := range c.org.data.Files {
		day := f.UploadedAt.UTC().Format("2006-01-02")
		used := len(links[f.Guid]) > 0
		switch {
		case !f.Archived, len(exts) > 0 && !exts[f.Extension], before != "" && day >= before, after != "" && day <= after,
			status == "Used" && !used, status == "Unused" && used:
			continue
		}
		pages := 1
		out = append(out, fileOut{FileGuid: f.Guid, Name: f.Name, Extension: f.Extension, Size: len(f.Content),
			UploadedAt: f.UploadedAt.UTC().Format("2006-01-02T15:04:05Z"), NumberOfPages: &pages,
			Linked: append([]fileLink{}, links[f.Guid]...), UploadedBy: strPtr(f.UploadedBy)})
	}
	from, to := pg.window(len(out))
	return c.ok(out[from:to])
}

func downloadFile(c *call) error {
	defer c.lock()()
	f := c.org.files[c.params["fileGuid"]]
	if f == nil {
		return notFound("The file")
	}
	ct := mime.TypeByExtension("." + f.Extension)
	if ct == "" {
		ct = "application/octet-stream"
	}
	c.w.Header().Set("Content-Type", ct)
	c.w.Header().Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": f.Name}))
	c.w.WriteHeader(http.StatusOK)
	_, _ = c.w.Write(f.Content)
	return nil
}
