package cli

import (
	"io"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// slowReader hands out its input only when told to.
type slowReader struct{ parts chan string }

func (s slowReader) Read(p []byte) (int, error) {
	part, ok := <-s.parts
	if !ok {
		return 0, io.EOF
	}
	return copy(p, part), nil
}

func TestViewSpoolsStdinWithProgress(t *testing.T) {
	in := slowReader{make(chan string)}
	env, _ := viewEnv("", false, true)
	env.Stdin = in
	load, err := startLoad(env, "-")
	if err != nil {
		t.Fatal(err)
	}
	app := newViewApp(nil, true)
	app.load = load
	m, _ := app.Update(tea.WindowSizeMsg{Width: 80, Height: 10})
	done := make(chan tea.Msg)
	go func() { done <- load.cmd()() }()
	in.parts <- `{"a":[1,2,`
	for !strings.Contains(ansi.Strip(m.View().Content), "reading stdin… 10 bytes") {
		m, _ = m.Update(loadTickMsg{})
	}
	in.parts <- `3]}`
	close(in.parts)
	m, _ = m.Update(<-done)
	out := ansi.Strip(m.View().Content)
	if !strings.Contains(out, `"a": [`) || strings.Contains(out, "reading") {
		t.Fatalf("after loading:\n%s", out)
	}
	m.(viewApp).viewer.Document().Close()
}

func TestViewReportsInputThatCannotOpen(t *testing.T) {
	env, _ := viewEnv("", false, true)
	load, err := startLoad(env, t.TempDir()) // a directory
	if err != nil {
		t.Fatal(err)
	}
	app := newViewApp(nil, true)
	m, cmd := app.Update(load.cmd()())
	if cmd == nil || m.(viewApp).loadErr == nil || !strings.Contains(m.(viewApp).loadErr.Error(), "not a regular file") {
		t.Fatalf("loadErr %v", m.(viewApp).loadErr)
	}
}
