package oauth

import (
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
