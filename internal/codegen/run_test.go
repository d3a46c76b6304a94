package codegen

import (
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
)

// The two requests the acceptance asks for: a GET with a query and a POST
// with a JSON body, both with values that need quoting in every language.
var (
	getWithQuery = Request{
		Method: "GET", Path: "/v1/{organizationId}/invoices",
		PathParams: map[string]string{"organizationId": "104871"},
		Query:      url.Values{"fields": {"Guid,Number,ContactName"}, "freeTextSearch": {`Ørsted "&" 'co' $HOME`}, "page": {"0"}},
	}
	postWithBody = Request{
		Method: "POST", Path: "/v1/{organizationId}/contacts",
		PathParams: map[string]string{"organizationId": "104871"},
		Body:       []byte("{\n  \"Name\": \"Bageriet Ørsted ApS\",\n  \"Note\": \"it's \\\"quoted\\\" `tick` ${x} \\\\ \\u001b\",\n  \"IsPerson\": false\n}"),
	}
)

const canaryToken = "tok-canary-7f3a"

// seen is what a snippet's request looked like on arrival.
type seen struct {
	method, path, query, auth, ctype, accept string
	body                                     []byte
}

func recorder(t *testing.T) (*httptest.Server, func() []seen) {
	var mu sync.Mutex
	var got []seen
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		mu.Lock()
		got = append(got, seen{r.Method, r.URL.Path, r.URL.RawQuery, r.Header.Get("Authorization"),
			r.Header.Get("Content-Type"), r.Header.Get("Accept"), b})
		mu.Unlock()
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, `{"ok":true}`)
	}))
	t.Cleanup(srv.Close)
	return srv, func() []seen { mu.Lock(); defer mu.Unlock(); return append([]seen(nil), got...) }
}

// checkArrived asserts that what the server saw is r, sent with the
// token from the environment.
func checkArrived(t *testing.T, lang string, r Request, s seen) {
	t.Helper()
	if s.method != r.Method || s.path != ExpandPath(r.Path, r.PathParams) {
		t.Errorf("%s: %s %s, want %s %s", lang, s.method, s.path, r.Method, r.Path)
	}
	gotQ, _ := url.ParseQuery(s.query)
	if len(r.Query) > 0 && gotQ.Encode() != r.Query.Encode() {
		t.Errorf("%s: query %q, want %q", lang, gotQ.Encode(), r.Query.Encode())
	}
	if s.auth != "Bearer "+canaryToken {
		t.Errorf("%s: Authorization %q", lang, s.auth)
	}
	if !strings.HasPrefix(s.accept, "application/json") {
		t.Errorf("%s: Accept %q", lang, s.accept)
	}
	if string(s.body) != string(r.Body) {
		t.Errorf("%s: body %q, want %q", lang, s.body, r.Body)
	}
	if len(r.Body) > 0 && !strings.HasPrefix(s.ctype, "application/json") {
		t.Errorf("%s: Content-Type %q", lang, s.ctype)
	}
}

func runSnippet(t *testing.T, name string, args ...string) {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Env = append(os.Environ(), "DINERO_TOKEN="+canaryToken, "NO_PROXY=127.0.0.1", "no_proxy=127.0.0.1")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%s %v: %v\n%s", name, args, err, out)
	}
}

// TestGoSnippetsBuildAndSend builds the Go snippets in a module of their
// own (offline, from the module cache) and runs them.
func TestGoSnippetsBuildAndSend(t *testing.T) {
	if testing.Short() {
		t.Skip("builds two programs")
	}
	srv, got := recorder(t)
	dir := t.TempDir()
	goSum, err := os.ReadFile(filepath.Join("..", "..", "go.sum"))
	if err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(dir, "go.mod"), "module snippet\n\ngo 1.22\n\nrequire golang.org/x/oauth2 v0.38.0\n")
	write(t, filepath.Join(dir, "go.sum"), string(goSum))
	reqs := []Request{getWithQuery, postWithBody}
	for i, r := range reqs {
		write(t, filepath.Join(dir, "cmd", string(rune('a'+i)), "main.go"), Go(r, Options{BaseURL: srv.URL}))
	}
	gobin := filepath.Join(runtime.GOROOT(), "bin", "go")
	build := exec.Command(gobin, "build", "-o", filepath.Join(dir, "bin")+string(filepath.Separator), "./...")
	build.Dir = dir
	build.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOPROXY=off", "GOWORK=off")
	if err := os.MkdirAll(filepath.Join(dir, "bin"), 0o755); err != nil {
		t.Fatal(err)
	}
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	vet := exec.Command(gobin, "vet", "./...")
	vet.Dir, vet.Env = dir, build.Env
	if out, err := vet.CombinedOutput(); err != nil {
		t.Fatalf("go vet: %v\n%s", err, out)
	}
	for i := range reqs {
		runSnippet(t, filepath.Join(dir, "bin", string(rune('a'+i))))
	}
	s := got()
	if len(s) != len(reqs) {
		t.Fatalf("%d requests arrived, want %d", len(s), len(reqs))
	}
	for i, r := range reqs {
		checkArrived(t, "go", r, s[i])
	}
}

func TestPythonSnippetsSend(t *testing.T) {
	python, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("no python3 here")
	}
	srv, got := recorder(t)
	dir := t.TempDir()
	withRequests := exec.Command(python, "-c", "import requests").Run() == nil
	for i, r := range []Request{getWithQuery, postWithBody} {
		file := filepath.Join(dir, string(rune('a'+i))+".py")
		write(t, file, Python(r, Options{BaseURL: srv.URL}))
		if !withRequests {
			runSnippet(t, python, "-m", "py_compile", file) // syntax only
			continue
		}
		runSnippet(t, python, file)
		checkArrived(t, "python", r, got()[i])
	}
}

func TestJavaScriptSnippetsSend(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("no node here")
	}
	srv, got := recorder(t)
	dir := t.TempDir()
	for i, r := range []Request{getWithQuery, postWithBody} {
		file := filepath.Join(dir, string(rune('a'+i))+".mjs")
		write(t, file, JavaScript(r, Options{BaseURL: srv.URL}))
		runSnippet(t, node, "--check", file)
		runSnippet(t, node, file)
		checkArrived(t, "javascript", r, got()[i])
	}
}

func write(t *testing.T, name, body string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
}
