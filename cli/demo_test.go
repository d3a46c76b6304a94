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
