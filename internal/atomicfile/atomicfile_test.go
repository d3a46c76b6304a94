package atomicfile

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

func TestWriteFileReplacesAndLeavesNoTemp(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "f.json")
	if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(path, []byte("new"), 0o600); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(path)
	if err != nil || string(got) != "new" {
		t.Fatalf("content %q, %v", got, err)
	}
	if runtime.GOOS != "windows" {
		if info, _ := os.Stat(path); info.Mode().Perm() != 0o600 {
			t.Fatalf("mode %v, want 0600", info.Mode().Perm())
		}
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Fatalf("leftover files: %v", entries)
	}
}

func TestWriteFileFailureKeepsOld(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "sub", "f.json") // the directory does not exist
	if err := WriteFile(path, []byte("x"), 0o600); err == nil {
		t.Fatal("want an error for a missing directory")
	}
	target := filepath.Join(dir, "t")
	os.WriteFile(target, []byte("old"), 0o600)
	os.Mkdir(filepath.Join(target+"dir"), 0o700)
	// Renaming over a directory fails; the old file must stay untouched.
	if err := WriteFile(target+"dir", []byte("new"), 0o600); err == nil {
		t.Fatal("want an error when the target is a directory")
	}
	if got, _ := os.ReadFile(target); string(got) != "old" {
		t.Fatalf("old file changed: %q", got)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 2 {
		t.Fatalf("leftover temp files: %v", entries)
	}
}
