package common

import (
	"path/filepath"
	"testing"
)

func TestExpandHome(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	for in, want := range map[string]string{
		"~":           home,
		"~/bilag.pdf": filepath.Join(home, "bilag.pdf"),
		"~bob/x":      "~bob/x",
		"a/~/b":       "a/~/b",
		"":            "",
	} {
		if got := ExpandHome(in); got != want {
			t.Errorf("ExpandHome(%q) = %q, want %q", in, got, want)
		}
	}
}
