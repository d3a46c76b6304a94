package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dinero-tui/dinero-tui/config"
	"github.com/dinero-tui/dinero-tui/sandbox"
	"github.com/dinero-tui/dinero-tui/sandbox/demodata"
	"github.com/dinero-tui/dinero-tui/sandbox/sandboxtest"
)

// apiSandbox starts the sandbox, gets an access token from its Visma
// Connect, and points the commands' HTTP client at a client carrying it.
// It returns the Dinero API URL.
func apiSandbox(t *testing.T, invoices int) string {
	t.Helper()
	sb := sandboxtest.Start(t, sandbox.Options{AutoApprove: true, Size: invoices, Seed: 3})
	hc := sandboxtest.BearerClient(sandboxtest.AccessToken(t, sb))
	old := apiHTTPClient
	apiHTTPClient = func(env *Env, p config.Profile) (*http.Client, func(string), error) { return hc, func(string) {}, nil }
	t.Cleanup(func() { apiHTTPClient = old })
	return sb.APIURL
}

type run struct {
	code           int
	stdout, stderr string
}

// runCmd runs dinero-tui with args in-process.
func runCmd(t *testing.T, apiURL string, stdin string, terminal bool, extraEnv map[string]string, args ...string) run {
	t.Helper()
	dir := t.TempDir()
	vars := map[string]string{
		"XDG_CONFIG_HOME": filepath.Join(dir, "config"),
		"XDG_STATE_HOME":  filepath.Join(dir, "state"),
		"XDG_CACHE_HOME":  filepath.Join(dir, "cache"),
		"HOME":            dir,
		"DINERO_API_URL":  apiURL,
	}
	for k, v := range extraEnv {
		vars[k] = v
	}
	var out, errb bytes.Buffer
	env := &Env{
		Ctx: context.Background(), Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errb,
		Getenv: func(k string) string { return vars[k] }, StdinIsTerminal: terminal, StdoutIsTerminal: terminal,
	}
	code := Run(env, args)
	return run{code, out.String(), errb.String()}
}

var carpenter = fmt.Sprint(demodata.OrgCarpenter)

func TestAPIGetWithQueryAndOrg(t *testing.T) {
	u := apiSandbox(t, 0)
	r := runCmd(t, u, "", false, map[string]string{"DINERO_ORG_ID": carpenter}, "api", "/v1/{organizationId}/contacts", "-F", "pageSize=2", "-q", "Pagination.PageSize")
	if r.code != 0 || r.stdout != "2\n" {
		t.Fatalf("code %d stdout %q stderr %q", r.code, r.stdout, r.stderr)
	}
	// --org beats the environment; strings print unquoted; an operation id works as PATH.
	r = runCmd(t, u, "", false, map[string]string{"DINERO_ORG_ID": "1"}, "api", "contacts.list", "--org", carpenter, "-f", "fields=Name", "-q", "Collection.0.Name")
	if r.code != 0 || strings.HasPrefix(r.stdout, `"`) || strings.TrimSpace(r.stdout) == "" {
		t.Fatalf("code %d stdout %q stderr %q", r.code, r.stdout, r.stderr)
	}
	// Piped output is the exact JSON, one line; data only on stdout.
	r = runCmd(t, u, "", false, nil, "api", "/v1/organizations")
	var orgs []map[string]any
	if r.code != 0 || json.Unmarshal([]byte(r.stdout), &orgs) != nil || len(orgs) == 0 || r.stderr != "" {
		t.Fatalf("code %d stdout %q stderr %q", r.code, r.stdout, r.stderr)
	}
	if strings.Contains(r.stdout, "\x1b[") {
		t.Error("colour codes in piped output")
	}
}

func TestAPITerminalOutputIsPrettyColouredUnlessNoColor(t *testing.T) {
	u := apiSandbox(t, 0)
	r := runCmd(t, u, "", true, nil, "api", "/v1/countries")
	if r.code != 0 || !strings.Contains(r.stdout, "\x1b[") || !strings.Contains(r.stdout, "\n  ") {
		t.Fatalf("terminal output not pretty+coloured: %q", r.stdout[:min(200, len(r.stdout))])
	}
	r = runCmd(t, u, "", true, map[string]string{"NO_COLOR": "1"}, "api", "/v1/countries")
	if r.code != 0 || strings.Contains(r.stdout, "\x1b") || !strings.Contains(r.stdout, "\n  ") {
		t.Fatalf("NO_COLOR output: %q", r.stdout[:min(200, len(r.stdout))])
	}
}

func TestAPIErrorsAndExitCodes(t *testing.T) {
	u := apiSandbox(t, 0)
	tests := []struct {
		name string
		args []string
		code int
		msg  string
	}{
		{"pro wall", []string{"api", "/v1/{organizationId}/invoices", "--org", fmt.Sprint(demodata.OrgUnion)}, 1, "no Pro subscription (Dinero code 90)"},
		{"html 404", []string{"api", "/v7/" + carpenter + "/invoices"}, 1, "HTML page"},
		{"validation", []string{"api", "/v1/" + carpenter + "/contacts", "-f", "queryFilter=AMINO"}, 1, "HTTP 400"},
		{"no org", []string{"api", "/v1/{organizationId}/invoices"}, 2, "--org"},
		{"unknown op", []string{"api", "nope.nothing"}, 2, "dinero-tui endpoints"},
		{"paginate a write", []string{"api", "-X", "POST", "/v1/1/contacts", "--paginate"}, 2, "only with GET"},
		{"bad field", []string{"api", "/v1/countries", "-F", "novalue"}, 2, "key=value"},
		{"dot-dot guid", []string{"api", "contacts.delete", "--org", carpenter, "-f", "guid=..", "--yes"}, 2, "cannot be"},
		{"dot guid", []string{"api", "-X", "DELETE", "/v1/{organizationId}/contacts/{guid}", "--org", carpenter, "-f", "guid=.", "--yes"}, 2, "cannot be"},
		{"org field not a number", []string{"api", "/v1/{organizationId}/contacts", "--org", carpenter, "-f", "organizationId=.."}, 2, "cannot be"},
		{"org field with a path", []string{"api", "/v1/{organizationId}/contacts", "-f", "organizationId=1/contacts"}, 2, "organization id"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runCmd(t, u, "", false, nil, tt.args...)
			if r.code != tt.code || !strings.Contains(r.stderr, tt.msg) || r.stdout != "" {
				t.Errorf("code %d stderr %q stdout %q", r.code, r.stderr, r.stdout)
			}
		})
	}
}

func TestAPIPaginateReturnsEveryItemOnce(t *testing.T) {
	u := apiSandbox(t, 2200)
	r := runCmd(t, u, "", false, nil, "api", "/v1/"+carpenter+"/invoices?fields=Guid,Number", "--paginate", "-F", "pageSize=250")
	if r.code != 0 {
		t.Fatalf("code %d stderr %q", r.code, r.stderr)
	}
	var items []struct{ Guid string }
	if err := json.Unmarshal([]byte(r.stdout), &items); err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, it := range items {
		if seen[it.Guid] || it.Guid == "" {
			t.Fatalf("guid %q repeated or empty", it.Guid)
		}
		seen[it.Guid] = true
	}
	total := runCmd(t, u, "", false, nil, "api", "/v1/"+carpenter+"/invoices", "-F", "pageSize=1", "-q", "Pagination.ResultWithoutFilter")
	if want := strings.TrimSpace(total.stdout); fmt.Sprint(len(items)) != want || len(items) < 2000 {
		t.Errorf("merged %d items, server has %s", len(items), want)
	}
	// -q applies to the merged array.
	r = runCmd(t, u, "", false, nil, "api", "/v1/"+carpenter+"/invoices", "--paginate", "-q", "#")
	if strings.TrimSpace(r.stdout) != fmt.Sprint(len(items)) {
		t.Errorf("-q # = %q, want %d", r.stdout, len(items))
	}
}

func TestAPIWriteNeedsConfirmation(t *testing.T) {
	u := apiSandbox(t, 0)
	create := []string{"api", "-X", "POST", "/v1/" + carpenter + "/contacts", "-f", "Name=Ærø Test ApS", "-f", "CountryKey=DK",
		"-F", "IsPerson=false", "-F", "IsMember=false", "-F", "UseCvr=false", "-q", "ContactGuid"}
	count := func() string {
		return strings.TrimSpace(runCmd(t, u, "", false, nil, "api", "/v1/"+carpenter+"/contacts", "-f", "queryFilter=Name eq 'Ærø Test ApS'", "-q", "Pagination.ResultWithoutFilter").stdout)
	}
	// Not a terminal and no --yes: refused before sending.
	r := runCmd(t, u, "", false, nil, create...)
	if r.code != 2 || !strings.Contains(r.stderr, "--yes") || count() != "0" {
		t.Fatalf("unconfirmed pipe: code %d stderr %q count %s", r.code, r.stderr, count())
	}
	// A terminal that answers no: not sent.
	r = runCmd(t, u, "n\n", true, nil, create...)
	if r.code != 1 || !strings.Contains(r.stderr, "Send it? [y/N]") || !strings.Contains(r.stderr, "Not sent") || count() != "0" {
		t.Fatalf("declined: code %d stderr %q", r.code, r.stderr)
	}
	// A terminal that answers yes: sent.
	r = runCmd(t, u, "y\n", true, nil, create...)
	if r.code != 0 || len(strings.TrimSpace(r.stdout)) != 36 || count() != "1" {
		t.Fatalf("confirmed: code %d stdout %q stderr %q", r.code, r.stdout, r.stderr)
	}
	// --yes without a terminal: sent.
	r = runCmd(t, u, "", false, nil, append(create, "--yes")...)
	if r.code != 0 || count() != "2" {
		t.Fatalf("--yes: code %d stderr %q", r.code, r.stderr)
	}
}

func TestAPIInputAndInclude(t *testing.T) {
	u := apiSandbox(t, 0)
	body := filepath.Join(t.TempDir(), "body.json")
	os.WriteFile(body, []byte(`{"Name":"Fil ApS","CountryKey":"DK","IsPerson":false,"IsMember":false,"UseCvr":false}`), 0o600)
	r := runCmd(t, u, "", false, nil, "api", "/v1/"+carpenter+"/contacts", "--input", body, "--yes", "--include")
	if r.code != 0 || !strings.HasPrefix(r.stdout, "HTTP 200 OK\n") || !strings.Contains(r.stdout, "Content-Type: application/json") || !strings.Contains(r.stdout, "ContactGuid") {
		t.Fatalf("code %d stdout %q stderr %q", r.code, r.stdout, r.stderr)
	}
	r = runCmd(t, u, `{"Name":"Stdin ApS","CountryKey":"DK","IsPerson":true,"IsMember":false,"UseCvr":false}`, false, nil,
		"api", "/v1/"+carpenter+"/contacts", "--input", "-", "--yes", "-q", "ContactGuid")
	if r.code != 0 || len(strings.TrimSpace(r.stdout)) != 36 {
		t.Fatalf("stdin body: code %d stdout %q stderr %q", r.code, r.stdout, r.stderr)
	}
}
