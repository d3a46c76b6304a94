package cli

import (
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dinero-tui/dinero-tui/config"
)

// bigAnswers serves /endless (a body that never ends) and /big (a 3 MiB
// JSON array), with `api` holding at most 1 MiB in memory and giving one
// answer at most 500 ms.
func bigAnswers(t *testing.T) string {
	item := `{"Number":12345,"Name":"padding padding padding"}`
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		chunk := strings.Repeat(item+",", 1000)
		switch r.URL.Path {
		case "/v1/endless":
			io.WriteString(w, "[")
			for r.Context().Err() == nil {
				if _, err := io.WriteString(w, chunk); err != nil {
					return
				}
			}
		case "/v1/big":
			io.WriteString(w, "["+strings.Repeat(chunk, 60)+item+"]")
		}
	}))
	t.Cleanup(srv.Close)
	oldClient, oldHeld, oldTimeout := apiHTTPClient, maxHeld, apiStreamTimeout
	apiHTTPClient = func(*Env, config.Profile) (*http.Client, func(string), error) {
		return srv.Client(), func(string) {}, nil
	}
	maxHeld, apiStreamTimeout = 1<<20, 500*time.Millisecond
	t.Cleanup(func() { apiHTTPClient, maxHeld, apiStreamTimeout = oldClient, oldHeld, oldTimeout })
	return srv.URL
}

func leftovers(t *testing.T, cache string) []string {
	files, _ := filepath.Glob(filepath.Join(cache, "dinero-tui", "responses", "*"))
	return files
}

// TestAPIAnswersAreBounded: an endless answer ends at the time limit,
// streamed (piped) or held no further than the memory cap (-q); a large
// finite answer that -q cannot hold is kept in a file the message names.
func TestAPIAnswersAreBounded(t *testing.T) {
	u := bigAnswers(t)
	cache := t.TempDir()
	env := map[string]string{"XDG_CACHE_HOME": cache}

	r := runCmd(t, u, "", false, env, "api", "/v1/endless")
	if r.code != 1 || !strings.Contains(r.stderr, "did not finish within 500ms") || len(r.stdout) < 1<<20 {
		t.Fatalf("endless, piped: code %d, %d bytes out, stderr %q", r.code, len(r.stdout), r.stderr)
	}
	r = runCmd(t, u, "", false, env, "api", "/v1/endless", "-q", "#")
	if r.code != 1 || !strings.Contains(r.stderr, "did not finish within") || r.stdout != "" {
		t.Fatalf("endless, -q: code %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
	if left := leftovers(t, cache); len(left) != 0 {
		t.Fatalf("a failed answer left %v", left)
	}
	// The file holding what memory cannot is capped too.
	oldSpooled := maxSpooled
	maxSpooled = 2 << 20
	r = runCmd(t, u, "", false, env, "api", "/v1/endless", "-q", "#")
	maxSpooled = oldSpooled
	if r.code != 1 || !strings.Contains(r.stderr, "passed 2 MiB") || len(leftovers(t, cache)) != 0 {
		t.Fatalf("endless, -q, over the disk cap: code %d, stderr %q, files %v", r.code, r.stderr, leftovers(t, cache))
	}

	apiStreamTimeout = time.Minute // finite answers below: plenty of time
	r = runCmd(t, u, "", false, env, "api", "/v1/big", "-q", "#")
	left := leftovers(t, cache)
	if r.code != 1 || len(left) != 1 || !strings.Contains(r.stderr, "saved to "+left[0]) || !strings.Contains(r.stderr, "more than the 1 MiB") {
		t.Fatalf("big, -q: code %d, stderr %q, files %v", r.code, r.stderr, left)
	}
	if b, err := os.ReadFile(left[0]); err != nil || len(b) < 2<<20 || !strings.HasSuffix(string(b), "}]") {
		t.Fatalf("the saved answer is incomplete (%d bytes): %v", len(b), err)
	}
	os.Remove(left[0])

	r = runCmd(t, u, "", false, env, "api", "/v1/big", "--include")
	if r.code != 0 || !strings.HasPrefix(r.stdout, "HTTP 200 OK\n") || !strings.HasSuffix(r.stdout, "}]") || len(r.stdout) < 2<<20 {
		t.Fatalf("big, --include: code %d, %d bytes, stderr %q", r.code, len(r.stdout), r.stderr)
	}
	if left := leftovers(t, cache); len(left) != 0 {
		t.Fatalf("--include left %v", left)
	}
}
