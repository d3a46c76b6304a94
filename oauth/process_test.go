package oauth

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/dinero-tui/dinero-tui/config"
)

const helperEnv = "DINERO_OAUTH_TEST_HELPER"

// TestHelperProcess is the body of the child processes started by the
// multi-process tests; it does nothing in a normal run.
func TestHelperProcess(t *testing.T) {
	mode := os.Getenv(helperEnv)
	if mode == "" {
		return
	}
	err := helperMain(mode)
	if err != nil {
		fmt.Println("ERROR", err)
		os.Exit(3)
	}
	os.Exit(0)
}

func helperMain(mode string) error {
	p, err := config.Load(config.LoadOptions{})
	if err != nil {
		return err
	}
	offset, _ := time.ParseDuration(os.Getenv("HELPER_CLOCK_OFFSET"))
	s, err := NewSession(p, WithClock(func() time.Time { return time.Now().Add(offset) }))
	if err != nil {
		return err
	}
	if mode == "crash" {
		step := os.Getenv("HELPER_KILL_AT")
		saveHook = func(at string) {
			if at == step {
				self, _ := os.FindProcess(os.Getpid())
				self.Kill()
				time.Sleep(time.Minute)
			}
		}
	}
	fmt.Println("READY")
	if goFile := os.Getenv("HELPER_GO_FILE"); goFile != "" {
		deadline := time.Now().Add(20 * time.Second)
		for {
			if _, err := os.Stat(goFile); err == nil {
				break
			}
			if time.Now().After(deadline) {
				return errors.New("no go signal")
			}
			time.Sleep(2 * time.Millisecond)
		}
	}
	tok, err := s.validToken("")
	if err != nil {
		return err
	}
	sum := sha256.Sum256([]byte(tok.AccessToken + " " + tok.RefreshToken))
	fmt.Println("TOKEN", hex.EncodeToString(sum[:8]))
	return nil
}

// child starts the test binary as a helper process.
func (h *harness) child(mode string, extra ...string) *exec.Cmd {
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperProcess$")
	cmd.Env = append(os.Environ(), helperEnv+"="+mode)
	for k, v := range h.env {
		cmd.Env = append(cmd.Env, k+"="+v)
	}
	cmd.Env = append(cmd.Env, extra...)
	return cmd
}

func TestTenProcessesOneRefresh(t *testing.T) {
	h := newHarness(t)
	s := h.session()
	h.login(s)
	goFile := filepath.Join(t.TempDir(), "go")
	const n = 10
	type child struct {
		cmd *exec.Cmd
		out *bufio.Scanner
	}
	children := make([]child, n)
	for i := range children {
		cmd := h.child("refresh", "HELPER_CLOCK_OFFSET=2h", "HELPER_GO_FILE="+goFile)
		stdout, _ := cmd.StdoutPipe()
		cmd.Stderr = os.Stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		children[i] = child{cmd, bufio.NewScanner(stdout)}
	}
	for i, c := range children {
		if !c.out.Scan() || c.out.Text() != "READY" {
			t.Fatalf("child %d did not start: %q", i, c.out.Text())
		}
	}
	os.WriteFile(goFile, nil, 0o600)
	var tokens []string
	for i, c := range children {
		c.out.Scan()
		line := c.out.Text()
		if err := c.cmd.Wait(); err != nil || !strings.HasPrefix(line, "TOKEN ") {
			t.Fatalf("child %d: %v %q", i, err, line)
		}
		tokens = append(tokens, line)
	}
	for i := range tokens {
		if tokens[i] != tokens[0] {
			t.Fatalf("child %d ended with another token pair", i)
		}
	}
	st := h.cs.Stats()
	if st.TokenRequests["refresh_token"] != 1 || st.ReuseDetections != 0 || st.GraceReuses != 0 {
		t.Errorf("stats %+v; want exactly one refresh and zero reuse", st)
	}
}

func TestCrashDuringSaveLeavesOldOrNewPair(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("kill semantics differ")
	}
	steps := []string{"refresh-start", "refresh-answered", "created", "partial", "written", "synced", "renamed", "dir-synced"}
	for _, step := range steps {
		t.Run(step, func(t *testing.T) {
			h := newHarness(t)
			s := h.session()
			h.login(s)
			before, _ := s.store.Load()
			out, err := h.child("crash", "HELPER_CLOCK_OFFSET=2h", "HELPER_KILL_AT="+step).CombinedOutput()
			var ee *exec.ExitError
			if !errors.As(err, &ee) || ee.ExitCode() != -1 {
				t.Fatalf("child was not killed at %s: %v %s", step, err, out)
			}
			after, err := s.store.Load()
			if err != nil || after == nil {
				t.Fatalf("store after a crash at %s: %v", step, err)
			}
			switch {
			case after.AccessToken == before.AccessToken && after.RefreshToken == before.RefreshToken:
			case after.AccessToken != before.AccessToken && after.RefreshToken != before.RefreshToken:
				if _, err := h.cs.Validate(after.AccessToken); err != nil {
					t.Errorf("new access token invalid: %v", err)
				}
			default:
				t.Fatalf("crash at %s left a mixed pair", step)
			}
			leftovers, _ := filepath.Glob(filepath.Join(s.p.ProfileStateDir(), "*.corrupt-*"))
			if len(leftovers) != 0 {
				t.Errorf("store was set aside: %v", leftovers)
			}
		})
	}
}
