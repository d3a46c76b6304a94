package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestDemoWithoutATerminal: the demo starts its sandbox, finds no terminal
// for the explorer, says so, and leaves no temporary state behind.
func TestDemoWithoutATerminal(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	var out, errOut bytes.Buffer
	env := &Env{Ctx: context.Background(), Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errOut,
		Getenv: func(string) string { return "" }}
	if code := Run(env, []string{"demo"}); code != 2 || !strings.Contains(errOut.String(), "needs a terminal") {
		t.Fatalf("exit %d, stderr %q", code, errOut.String())
	}
	if left, _ := filepath.Glob(filepath.Join(tmp, "dinero-tui-demo-*")); len(left) != 0 {
		t.Fatalf("demo left %v", left)
	}
	if _, err := os.Stat(tmp); err != nil {
		t.Fatal(err)
	}
}

// TestExploreRejectsAnUnreadableCollection: a bad --collection stops before
// the full-screen UI starts, with a message naming the file.
func TestExploreRejectsAnUnreadableCollection(t *testing.T) {
	home := t.TempDir()
	vars := map[string]string{"HOME": home, "XDG_STATE_HOME": filepath.Join(home, "state"),
		"DINERO_CLIENT_ID": "isv_x", "DINERO_CLIENT_SECRET": "s", "DINERO_REDIRECT_URI": "http://127.0.0.1:0/cb"}
	var out, errOut bytes.Buffer
	env := &Env{Ctx: context.Background(), Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errOut,
		Getenv: func(k string) string { return vars[k] }, StdinIsTerminal: true, StdoutIsTerminal: true}
	missing := filepath.Join(home, "missing.postman_collection.json")
	if code := Run(env, []string{"--collection", missing}); code != 2 || !strings.Contains(errOut.String(), missing) {
		t.Fatalf("exit %d, stderr %q", code, errOut.String())
	}
	if out.Len() != 0 {
		t.Fatalf("the UI started: %q", out.String())
	}
}
