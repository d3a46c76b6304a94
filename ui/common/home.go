package common

import (
	"os"
	"path/filepath"
	"strings"
)

// ExpandHome turns a leading ~ or ~/ of a typed path into the home
// directory, as a shell would.
func ExpandHome(p string) string {
	if p == "~" || strings.HasPrefix(p, "~/") {
		if home, err := os.UserHomeDir(); err == nil {
			return filepath.Join(home, strings.TrimPrefix(p, "~"))
		}
	}
	return p
}
