package history

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

func TestStoreAddWritesAtomicallyAndKeepsTheNewest(t *testing.T) {
	path := Path(t.TempDir(), "my profile/../x")
	if filepath.Base(path) != "my_profile____x.json" {
		t.Fatalf("profile name not made safe: %s", path)
	}
	s, err := Open(path)
	if err != nil {
		t.Fatalf("open a missing file: %v", err)
	}
	for i := range MaxEntries + 5 {
		e := Entry{Time: time.Unix(int64(i), 0).UTC(), Method: "GET", Path: "/v1/organizations", Status: 200 + i}
		if err := s.Add(e); err != nil {
			t.Fatal(err)
		}
	}
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if perm := fi.Mode().Perm(); perm&0o077 != 0 && os.PathSeparator == '/' {
		t.Fatalf("history file is readable by others: %v", perm)
	}
	left, _ := filepath.Glob(filepath.Join(filepath.Dir(path), ".*tmp"))
	if len(left) > 0 {
		t.Fatalf("temporary files left behind: %v", left)
	}
	again, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	got := again.Entries()
	if len(got) != MaxEntries {
		t.Fatalf("kept %d entries, want %d", len(got), MaxEntries)
	}
	if got[0].Status != 200+MaxEntries+4 || got[len(got)-1].Status != 205 {
		t.Fatalf("wrong entries kept: newest %d, oldest %d", got[0].Status, got[len(got)-1].Status)
	}
}

func TestOpenDamagedFileSaysItWillBeReplaced(t *testing.T) {
	path := filepath.Join(t.TempDir(), "h.json")
	if err := os.WriteFile(path, []byte("{not json"), 0o600); err != nil {
		t.Fatal(err)
	}
	s, err := Open(path)
	if err == nil {
		t.Fatal("a damaged file gave no error")
	}
	if err := s.Add(Entry{Method: "GET", Path: "/x"}); err != nil {
		t.Fatalf("could not replace a damaged file: %v", err)
	}
	if again, err := Open(path); err != nil || len(again.Entries()) != 1 {
		t.Fatalf("after replacing: %v, %d entries", err, len(again.Entries()))
	}
}
