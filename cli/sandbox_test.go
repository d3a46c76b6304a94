package cli

import (
	"bytes"
	"context"
	"net/http"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// syncBuffer is a bytes.Buffer safe to read while a command writes to it.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// TestSandboxCommandPrintsWhatToExport runs `dinero-tui sandbox` as a user
// would, reads the export lines it prints and checks both services answer
// there, then stops it the way Ctrl-C does.
func TestSandboxCommandPrintsWhatToExport(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	var out, errOut syncBuffer
	env := &Env{Ctx: ctx, Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errOut, Getenv: func(string) string { return "" }}
	done := make(chan int)
	go func() {
		done <- Run(env, []string{"sandbox", "--client-id", "isv_cli_test", "--client-secret", "s3cr3t-for-test",
			"--redirect-uri", "https://example.com/cb", "--redirect-uri", "http://127.0.0.1/cb", "--rate-limit", "5"})
	}()
	exports := map[string]string{}
	deadline := time.Now().Add(5 * time.Second)
	for len(exports) < 5 && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
		for _, m := range regexp.MustCompile(`(?m)^export (DINERO_[A-Z_]+)=(\S+)$`).FindAllStringSubmatch(out.String(), -1) {
			exports[m[1]] = m[2]
		}
	}
	want := map[string]string{"DINERO_CLIENT_ID": "isv_cli_test", "DINERO_CLIENT_SECRET": "s3cr3t-for-test",
		"DINERO_REDIRECT_URI": "https://example.com/cb"}
	for k, v := range want {
		if exports[k] != v {
			t.Errorf("%s = %q, want %q\n%s", k, exports[k], v, out.String())
		}
	}
	res, err := http.Get(exports["DINERO_CONNECT_URL"] + "/.well-known/openid-configuration")
	if err != nil || res.StatusCode != 200 {
		t.Fatalf("discovery at the printed Connect URL: %v %v", err, res)
	}
	res.Body.Close()
	res, err = http.Get(exports["DINERO_API_URL"] + "/v1/organizations")
	if err != nil || res.StatusCode != 401 {
		t.Fatalf("the printed API URL without a token: %v %v", err, res)
	}
	res.Body.Close()
	cancel()
	select {
	case code := <-done:
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errOut.String())
		}
	case <-time.After(5 * time.Second):
		t.Fatal("sandbox did not stop on cancel")
	}
}

func TestSandboxCommandRejectsBadFlags(t *testing.T) {
	for _, args := range [][]string{{"--refresh-mode", "sometimes"}, {"--addr", "256.0.0.1:x"}, {"--token-ttl", "soon"}} {
		var out, errOut bytes.Buffer
		env := &Env{Ctx: context.Background(), Stdout: &out, Stderr: &errOut, Getenv: func(string) string { return "" }}
		if code := Run(env, append([]string{"sandbox"}, args...)); code == 0 || errOut.Len() == 0 || strings.Contains(errOut.String(), "goroutine") {
			t.Errorf("%v: exit %d, stderr %q", args, code, errOut.String())
		}
	}
}
