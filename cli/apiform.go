package cli

import (
	"fmt"

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
	if _, err := catalog.CheckUpload(path); err != nil {
		return fmt.Errorf("field %s: %w", name, err)
	}
	return nil
}
