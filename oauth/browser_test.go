package oauth

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

func TestOpenBrowserUsesBROWSERWithURLAsOnlyArgument(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("shell script")
	}
	dir := t.TempDir()
	out := filepath.Join(dir, "args")
	script := filepath.Join(dir, "browser")
	os.WriteFile(script, []byte("#!/bin/sh\nprintf '%s\\n' \"$#\" \"$@\" > "+out+"\n"), 0o700)
	u := "http://127.0.0.1:1/connect/authorize?a=1&b=two words"
	if err := OpenBrowser(u, func(k string) string { return map[string]string{"BROWSER": script}[k] }); err != nil {
		t.Fatal(err)
	}
	var got []byte
	for i := 0; i < 200 && len(got) == 0; i++ {
		time.Sleep(10 * time.Millisecond)
		got, _ = os.ReadFile(out)
	}
	if want := "1\n" + u + "\n"; string(got) != want {
		t.Fatalf("browser got %q, want %q", got, want)
	}
	err := OpenBrowser(u, func(k string) string { return map[string]string{"BROWSER": filepath.Join(dir, "missing")}[k] })
	if err == nil || !strings.Contains(err.Error(), "$BROWSER") {
		t.Errorf("missing $BROWSER program: %v", err)
	}
}

func TestEventsUnsubscribe(t *testing.T) {
	h := newHarness(t)
	s := h.session()
	ch, stop := s.Events()
	h.login(s)
	if e := <-ch; e.Kind != EventLoggedIn || e.Expiry.IsZero() {
		t.Fatalf("event %+v", e)
	}
	stop()
	stop()
	if _, ok := <-ch; ok {
		t.Error("channel open after unsubscribe")
	}
	s.Logout(t.Context()) // must not send on the closed channel
}

func TestBrowserCommands(t *testing.T) {
	const u = "http://127.0.0.1:1/a?b=1"
	tests := []struct {
		browser string
		want    [][]string
	}{
		{"sh", [][]string{{"sh", u}}},
		{"firefox --new-window", [][]string{{"firefox", "--new-window", u}}},
		{"open -a %s-viewer", [][]string{{"open", "-a", u + "-viewer"}}},
		{"nosuch1" + string(os.PathListSeparator) + "nosuch2 -x", [][]string{{"nosuch1", u}, {"nosuch2", "-x", u}}},
		{"  " + string(os.PathListSeparator), nil},
	}
	for _, tt := range tests {
		got := browserCommands(tt.browser, u)
		if fmt.Sprint(got) != fmt.Sprint(tt.want) {
			t.Errorf("browserCommands(%q) = %q, want %q", tt.browser, got, tt.want)
		}
	}
}

func TestOpenBrowserTriesTheListInOrder(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("shell script")
	}
	dir := t.TempDir()
	out := filepath.Join(dir, "args")
	script := filepath.Join(dir, "browser")
	os.WriteFile(script, []byte("#!/bin/sh\nprintf '%s\\n' \"$@\" > "+out+"\n"), 0o700)
	b := filepath.Join(dir, "missing") + string(os.PathListSeparator) + script + " --flag"
	if err := OpenBrowser("http://x/", func(k string) string { return map[string]string{"BROWSER": b}[k] }); err != nil {
		t.Fatal(err)
	}
	var got []byte
	for i := 0; i < 200 && len(got) == 0; i++ {
		time.Sleep(10 * time.Millisecond)
		got, _ = os.ReadFile(out)
	}
	if string(got) != "--flag\nhttp://x/\n" {
		t.Fatalf("browser got %q", got)
	}
}
