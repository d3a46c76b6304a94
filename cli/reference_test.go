package cli

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// The committed reference: man pages and Markdown, generated from the
// command tree. `go test ./cli -run TestReferenceDocs -update` rewrites it.
var referenceDirs = map[bool]string{
	false: filepath.Join("..", "docs", "man", "man1"),
	true:  filepath.Join("..", "docs", "reference"),
}

func init() {
	// -update may already be defined by a golden-file helper linked in.
	if flag.Lookup("update") == nil {
		flag.Bool("update", false, "rewrite the committed reference in docs/")
	}
}

func updating() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

// TestReferenceDocs fails when docs/ no longer matches the command tree: a
// command or flag changed and the reference was not regenerated.
func TestReferenceDocs(t *testing.T) {
	root := newRoot(&Env{Getenv: func(string) string { return "" }})
	for _, markdown := range []bool{false, true} {
		dir := referenceDirs[markdown]
		if updating() {
			os.RemoveAll(dir)
			if _, err := writeReference(root, dir, markdown); err != nil {
				t.Fatal(err)
			}
		}
		pages, err := referencePages(root, markdown)
		if err != nil {
			t.Fatal(err)
		}
		committed, _ := filepath.Glob(filepath.Join(dir, "*"))
		var stale []string
		for _, path := range committed {
			name := filepath.Base(path)
			if _, ok := pages[name]; !ok {
				stale = append(stale, name+" (no such command any more)")
			}
		}
		for name, page := range pages {
			got, err := os.ReadFile(filepath.Join(dir, name))
			switch {
			case err != nil:
				stale = append(stale, name+" (missing)")
			case !bytes.Equal(got, page):
				stale = append(stale, name+" (differs)")
			}
		}
		sort.Strings(stale)
		if len(stale) > 0 {
			t.Errorf("the reference in %s is stale: %s\nregenerate it: go test ./cli -run TestReferenceDocs -update", dir, strings.Join(stale, ", "))
		}
	}
}

// TestManCommand: the page printed for one command is the committed one,
// and --dir writes the whole set.
func TestManCommand(t *testing.T) {
	r := runCmd(t, "", "", false, nil, "man", "api")
	want, _ := os.ReadFile(filepath.Join(referenceDirs[false], "dinero-tui-api.1"))
	if r.code != 0 || r.stdout != string(want) || !strings.Contains(r.stdout, `\fB--paginate\fP`) {
		t.Fatalf("man api: code %d stderr %q, same as committed: %v", r.code, r.stderr, r.stdout == string(want))
	}
	r = runCmd(t, "", "", false, nil, "man", "sandbox", "approve", "--markdown")
	if r.code != 0 || !strings.HasPrefix(r.stdout, "## dinero-tui sandbox approve") {
		t.Fatalf("man sandbox approve --markdown: %d %q", r.code, r.stdout)
	}
	dir := filepath.Join(t.TempDir(), "man1")
	r = runCmd(t, "", "", false, nil, "man", "--dir", dir)
	pages, _ := filepath.Glob(filepath.Join(dir, "*.1"))
	if r.code != 0 || len(pages) < 15 || !strings.Contains(r.stderr, "Wrote") || r.stdout != "" {
		t.Fatalf("man --dir: %d %q, %d pages", r.code, r.stderr, len(pages))
	}
	for _, args := range [][]string{{"man", "nosuch"}, {"man", "api", "--dir", dir}} {
		if r := runCmd(t, "", "", false, nil, args...); r.code != 2 || r.stdout != "" {
			t.Errorf("%v: %d %q", args, r.code, r.stderr)
		}
	}
}
