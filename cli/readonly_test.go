package cli

import (
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/dinero-tui/dinero-tui/config"
)

// countingTransport counts the requests that leave for the sandbox.
type countingTransport struct {
	next  http.RoundTripper
	count atomic.Int32
}

func (c *countingTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	c.count.Add(1)
	return c.next.RoundTrip(r)
}

// countSandboxRequests wraps the commands' HTTP client (set by apiSandbox)
// so the test sees how many requests reached the sandbox.
func countSandboxRequests(t *testing.T) *countingTransport {
	t.Helper()
	inner := apiHTTPClient
	ct := &countingTransport{}
	apiHTTPClient = func(env *Env, p config.Profile) (*http.Client, func(string), error) {
		hc, done, err := inner(env, p)
		if err != nil {
			return nil, nil, err
		}
		next := hc.Transport
		if next == nil {
			next = http.DefaultTransport
		}
		ct.next = next
		return &http.Client{Transport: ct, Timeout: hc.Timeout}, done, nil
	}
	t.Cleanup(func() { apiHTTPClient = inner })
	return ct
}

// TestAPIReadOnlyRefusesEveryWrite: with --read-only, DINERO_READ_ONLY=1 or
// read_only in the profile, a write exits 2 before anything is sent, even
// with --yes, and says how to turn read-only off; reads still work.
func TestAPIReadOnlyRefusesEveryWrite(t *testing.T) {
	u := apiSandbox(t, 0)
	ct := countSandboxRequests(t)
	confDir := t.TempDir()
	os.MkdirAll(filepath.Join(confDir, "dinero-tui"), 0o700)
	os.WriteFile(filepath.Join(confDir, "dinero-tui", "config.toml"), []byte("[profiles.default]\nread_only = true\n"), 0o600)
	ways := []struct {
		name  string
		flags []string
		env   map[string]string
	}{
		{"flag", []string{"--read-only"}, nil},
		{"env", nil, map[string]string{"DINERO_READ_ONLY": "1"}},
		{"profile", nil, map[string]string{"XDG_CONFIG_HOME": confDir}},
	}
	for _, w := range ways {
		for _, m := range []string{"POST", "PUT", "PATCH", "DELETE"} {
			args := append([]string{"api", "-X", m, "/v1/" + carpenter + "/contacts", "-f", "Name=x", "--yes"}, w.flags...)
			r := runCmd(t, u, "y\n", true, w.env, args...)
			if r.code != 2 || !strings.Contains(r.stderr, "read-only") || !strings.Contains(r.stderr, "drop --read-only") {
				t.Errorf("%s %s: exit %d stderr %q", w.name, m, r.code, r.stderr)
			}
		}
	}
	if n := ct.count.Load(); n != 0 {
		t.Fatalf("%d request(s) reached the sandbox in read-only mode", n)
	}
	st := runCmd(t, u, "", false, map[string]string{"DINERO_READ_ONLY": "1", "DINERO_CLIENT_ID": "isv_x"}, "status")
	if !strings.Contains(st.stdout, "Read-only:     yes, writes are refused (from DINERO_READ_ONLY)") ||
		!strings.Contains(st.stdout, "dineropublicapi:read offline_access") || strings.Contains(st.stdout, ":write") {
		t.Errorf("status in read-only mode:\n%s", st.stdout)
	}
	r := runCmd(t, u, "", false, nil, "--read-only", "api", "/v1/countries", "-q", "#")
	if r.code != 0 || ct.count.Load() == 0 {
		t.Fatalf("a read in read-only mode: exit %d stderr %q", r.code, r.stderr)
	}
}

// TestRunReadOnlySkipsWritesEvenWithYes: run sends the reads but skips
// the writes, saying read-only, even with --yes.
func TestRunReadOnlySkipsWritesEvenWithYes(t *testing.T) {
	apiURL := apiSandbox(t, 5)
	coll, envFile, _ := runFiles(t)
	vars := map[string]string{"DINERO_ORG_ID": carpenter, "DINERO_READ_ONLY": "1"}
	r := runCmd(t, apiURL, "", false, vars, "run", coll, "--environment", envFile, "--folder", "invoices", "--yes")
	if !strings.Contains(r.stdout, "skip   POST   Create contact") || !strings.Contains(r.stdout, "read-only") {
		t.Fatalf("the write was not skipped as read-only:\n%s%s", r.stdout, r.stderr)
	}
	list := runCmd(t, apiURL, "", false, map[string]string{"DINERO_ORG_ID": carpenter}, "api", "/v1/{organizationId}/contacts", "--paginate")
	if strings.Contains(list.stdout, "Run Test ApS") {
		t.Errorf("the contact was created in read-only mode")
	}
}
