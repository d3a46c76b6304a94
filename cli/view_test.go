package cli

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/dinero-tui/dinero-tui/ui/jsonview"
)

func viewEnv(stdin string, stdinTTY, stdoutTTY bool) (*Env, *bytes.Buffer) {
	var errb bytes.Buffer
	return &Env{
		Ctx: context.Background(), Stdin: strings.NewReader(stdin),
		Stdout: &bytes.Buffer{}, Stderr: &errb, Getenv: func(string) string { return "" },
		StdinIsTerminal: stdinTTY, StdoutIsTerminal: stdoutTTY,
	}, &errb
}

func TestViewRefusesBadUse(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "nope.json")
	tests := []struct {
		name      string
		args      []string
		stdinTTY  bool
		stdoutTTY bool
		code      int
		msg       string
	}{
		{"no input", nil, true, true, 2, "no input"},
		{"two files", []string{"a", "b"}, false, true, 2, "one file"},
		{"not a terminal", []string{"x.json"}, false, false, 2, "needs a terminal"},
		{"missing file", []string{missing}, false, true, 1, "no such file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			env, errb := viewEnv("", tt.stdinTTY, tt.stdoutTTY)
			if code := Run(env, append([]string{"view"}, tt.args...)); code != tt.code {
				t.Fatalf("exit %d, want %d (stderr %q)", code, tt.code, errb)
			}
			if !strings.Contains(errb.String(), tt.msg) {
				t.Fatalf("stderr %q lacks %q", errb, tt.msg)
			}
		})
	}
}

func TestViewAppQuitsAndRoutesCapturedKeys(t *testing.T) {
	doc, err := jsonview.Parse([]byte(`{"a":[1,2,3]}`))
	if err != nil {
		t.Fatal(err)
	}
	app := newViewApp(doc, true)
	m, _ := app.Update(tea.WindowSizeMsg{Width: 160, Height: 12})
	out := ansi.Strip(m.View().Content)
	if !strings.Contains(out, `"a": [`) || !strings.Contains(out, "q quit") {
		t.Fatalf("view:\n%s", out)
	}
	// While the search prompt has focus, q is text, not quit.
	m, _ = m.Update(tea.KeyPressMsg{Code: '/', Text: "/"})
	if _, cmd := m.Update(tea.KeyPressMsg{Code: 'q', Text: "q"}); cmd != nil {
		if _, quit := cmd().(tea.QuitMsg); quit {
			t.Fatal("q quit while the search prompt had focus")
		}
	}
	m, _ = m.Update(tea.KeyPressMsg{Code: tea.KeyEscape})
	_, cmd := m.Update(tea.KeyPressMsg{Code: 'q', Text: "q"})
	if cmd == nil {
		t.Fatal("q did not quit")
	}
	if _, quit := cmd().(tea.QuitMsg); !quit {
		t.Fatal("q did not quit")
	}
}
