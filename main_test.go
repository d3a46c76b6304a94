package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
)

// These tests build the real binary, as a user or a release script would.

const (
	stampVersion = "v9.8.7-test"
	stampCommit  = "0123456789abcdef0123456789abcdef01234567"
	stampDate    = "2026-12-03T21:00:00Z"
)

var (
	buildOnce sync.Once
	binDir    string
	buildErr  error
	buildOut  []byte
)

// stampedBinary builds dinero-tui once with link-time version details and
// returns the directory holding it.
func stampedBinary(t *testing.T) string {
	t.Helper()
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("no go tool on PATH")
	}
	buildOnce.Do(func() {
		binDir, buildErr = os.MkdirTemp("", "dinero-tui-bin-")
		if buildErr != nil {
			return
		}
		ldflags := "-X main.version=" + stampVersion + " -X main.commit=" + stampCommit + " -X main.date=" + stampDate
		cmd := exec.Command("go", "build", "-ldflags", ldflags, "-o", filepath.Join(binDir, "dinero-tui"), ".")
		buildOut, buildErr = cmd.CombinedOutput()
	})
	if buildErr != nil {
		t.Fatalf("go build: %v\n%s", buildErr, buildOut)
	}
	return binDir
}

func TestMain(m *testing.M) {
	code := m.Run()
	if binDir != "" {
		os.RemoveAll(binDir)
	}
	os.Exit(code)
}

// parseVersion reads the text of --version: "dinero-tui VERSION" then
// "key: value" lines.
func parseVersion(t *testing.T, out string) map[string]string {
	t.Helper()
	lines := strings.Split(strings.TrimSpace(out), "\n")
	head, ok := strings.CutPrefix(lines[0], "dinero-tui ")
	if !ok {
		t.Fatalf("first line %q", lines[0])
	}
	fields := map[string]string{"version": head}
	for _, l := range lines[1:] {
		k, v, ok := strings.Cut(l, ":")
		if !ok {
			t.Fatalf("line %q is not key: value", l)
		}
		fields[k] = strings.TrimSpace(v)
	}
	return fields
}

func TestVersionOfALinkerStampedBuild(t *testing.T) {
	bin := filepath.Join(stampedBinary(t), "dinero-tui")
	out, err := exec.Command(bin, "--version").Output()
	if err != nil {
		t.Fatal(err)
	}
	v := parseVersion(t, string(out))
	want := map[string]string{"version": stampVersion, "commit": stampCommit, "build date": stampDate,
		"go": runtime.Version() + " " + runtime.GOOS + "/" + runtime.GOARCH}
	for k, w := range want {
		if v[k] != w {
			t.Errorf("%s = %q, want %q\n%s", k, v[k], w, out)
		}
	}
	out, err = exec.Command(bin, "version", "--json").Output()
	var j struct{ Version, Commit, BuildDate, GoVersion string }
	if err != nil || json.Unmarshal(out, &j) != nil {
		t.Fatalf("version --json: %v %q", err, out)
	}
	if j.Version != stampVersion || j.Commit != stampCommit || j.BuildDate != stampDate || j.GoVersion != runtime.Version() {
		t.Errorf("version --json = %+v", j)
	}
}

func TestVersionOfGoRun(t *testing.T) {
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("no go tool on PATH")
	}
	out, err := exec.Command("go", "run", ".", "--version").Output()
	if err != nil {
		t.Fatalf("go run . --version: %v", err)
	}
	v := parseVersion(t, string(out))
	// go run has no link-time details; its module version is (devel), or
	// a pseudo-version where the Go tool stamps version control details.
	if v["version"] != "(devel)" && !strings.HasPrefix(v["version"], "v") || v["build date"] != "" || v["go"] != runtime.Version()+" "+runtime.GOOS+"/"+runtime.GOARCH {
		t.Errorf("go run --version = %q", out)
	}
}

// TestBashCompletion loads the bash script as a user's shell would and
// presses TAB after "dinero-tui api inv": the script asks the binary
// (__complete) and offers operation ids.
func TestBashCompletion(t *testing.T) {
	if _, err := exec.LookPath("bash"); err != nil {
		t.Skip("no bash")
	}
	dir := stampedBinary(t)
	// Cobra's bash script relies on the bash-completion package, which
	// every distribution's interactive bash loads; where it is missing, a
	// stand-in splits the words as its _get_comp_words_by_ref would.
	script := `set -e
if [ -r /usr/share/bash-completion/bash_completion ]; then
  source /usr/share/bash-completion/bash_completion
else
  _get_comp_words_by_ref() { cur=${COMP_WORDS[COMP_CWORD]}; prev=${COMP_WORDS[COMP_CWORD-1]}; words=("${COMP_WORDS[@]}"); cword=$COMP_CWORD; }
fi
source <(dinero-tui completion bash)
complete -p dinero-tui
COMP_LINE="dinero-tui api inv"; COMP_POINT=${#COMP_LINE}
COMP_WORDS=(dinero-tui api inv); COMP_CWORD=2
set +e # compopt complains outside a real TAB press
__start_dinero-tui dinero-tui inv api
printf 'REPLY %s\n' "${COMPREPLY[@]}"`
	cmd := exec.Command("bash", "--norc", "--noprofile", "-c", script)
	cmd.Env = append(os.Environ(), "PATH="+dir+string(os.PathListSeparator)+os.Getenv("PATH"), "HOME="+t.TempDir())
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("bash: %v\n%s", err, out)
	}
	var replies []string
	for _, l := range strings.Split(string(out), "\n") {
		if r, ok := strings.CutPrefix(l, "REPLY "); ok {
			replies = append(replies, strings.TrimSpace(r))
		}
	}
	if !strings.Contains(string(out), "-F __start_dinero-tui") || len(replies) < 5 {
		t.Fatalf("completion not loaded or no replies:\n%s", out)
	}
	found := false
	for _, r := range replies {
		if !strings.HasPrefix(r, "invoices.") {
			t.Errorf("reply %q", r)
		}
		found = found || r == "invoices.list"
	}
	if !found {
		t.Errorf("no invoices.list in %q", replies)
	}
}

// TestCompletionScriptsForEveryShell: each script is generated and names
// the program; zsh and fish load theirs when installed.
func TestCompletionScriptsForEveryShell(t *testing.T) {
	bin := filepath.Join(stampedBinary(t), "dinero-tui")
	for _, shell := range []string{"bash", "zsh", "fish", "powershell"} {
		out, err := exec.Command(bin, "completion", shell).Output()
		if err != nil || !strings.Contains(string(out), "dinero-tui") || !strings.Contains(string(out), "__complete") {
			t.Errorf("completion %s: %v, %d bytes", shell, err, len(out))
		}
	}
	for shell, load := range map[string]string{"zsh": "autoload -U compinit && compinit -u; source <(%s completion zsh)", "fish": "%s completion fish | source"} {
		if _, err := exec.LookPath(shell); err != nil {
			continue
		}
		out, err := exec.Command(shell, "-c", strings.Replace(load, "%s", bin, 1)).CombinedOutput()
		if err != nil {
			t.Errorf("%s could not load its script: %v\n%s", shell, err, out)
		}
	}
}
