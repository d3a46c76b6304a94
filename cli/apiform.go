package cli

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/dinero-tui/dinero-tui/api"
	"github.com/dinero-tui/dinero-tui/api/catalog"
)

// formParts turns the fields of a multipart request into its parts,
// checking each file before anything is sent: it must be a readable
// regular file within Dinero's upload limit.
func formParts(fields []field) ([]catalog.Part, error) {
	parts := make([]catalog.Part, 0, len(fields))
	for _, f := range fields {
		if !f.file {
			parts = append(parts, catalog.Part{Name: f.key, Value: f.text})
			continue
		}
		if err := checkUpload(f.key, f.text); err != nil {
			return nil, err
		}
		parts = append(parts, catalog.Part{Name: f.key, Value: f.text, File: true})
	}
	return parts, nil
}

// checkUpload refuses a file part that cannot be sent as it is.
func checkUpload(name, path string) error {
	if path == "" || path == "-" {
		return fmt.Errorf("field %s: a file part needs a file path (-F %s=@receipt.pdf); stdin cannot be uploaded", name, name)
	}
	st, err := os.Stat(path)
	if err != nil {
		return fmt.Errorf("field %s: %w", name, err)
	}
	if !st.Mode().IsRegular() {
		return fmt.Errorf("field %s: %s is not a regular file", name, path)
	}
	if st.Size() > api.MaxUploadSize {
		return fmt.Errorf("field %s: %s is %d bytes, over Dinero's upload limit of 6 MB (%d bytes); nothing was sent: shrink or split the file",
			name, filepath.Base(path), st.Size(), int64(api.MaxUploadSize))
	}
	if st.Size() == 0 {
		return fmt.Errorf("field %s: %s is empty; Dinero refuses empty files", name, filepath.Base(path))
	}
	return nil
}
