package cli

import (
	"errors"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dinero-tui/dinero-tui/config"
)

// complete asks the command tree for completions as the shell scripts do
// (cobra's hidden __complete command) and returns the offered words, with
// descriptions cut off, and the directive line.
func complete(t *testing.T, vars map[string]string, words ...string) ([]string, string) {
	t.Helper()
	r := runCmd(t, "", "", false, vars, append([]string{"__complete"}, words...)...)
	if r.code != 0 {
		t.Fatalf("__complete %q: code %d stderr %q", words, r.code, r.stderr)
	}
	lines := strings.Split(strings.TrimSuffix(r.stdout, "\n"), "\n")
	var out []string
	for _, l := range lines[:len(lines)-1] {
		out = append(out, strings.SplitN(l, "\t", 2)[0])
	}
	return out, lines[len(lines)-1]
}

func TestCompleteOperationIDs(t *testing.T) {
	ids, directive := complete(t, nil, "api", "inv")
	if directive != ":4" || len(ids) < 5 || !contains(ids, "invoices.list") {
		t.Fatalf("api inv<TAB> = %q %s", ids, directive)
	}
	for _, id := range ids {
		if !strings.HasPrefix(id, "inv") {
			t.Errorf("%q does not start with inv", id)
		}
	}
	// Flags before and after the word do not matter.
	if ids, _ := complete(t, nil, "api", "-X", "GET", "contacts.no"); !contains(ids, "contacts.notes.create") {
		t.Errorf("api -X GET contacts.no<TAB> = %q", ids)
	}
	// A path is completed from the catalogue's paths.
	if paths, _ := complete(t, nil, "api", "/v1/{organizationId}/invoi"); !contains(paths, "/v1/{organizationId}/invoices") {
		t.Errorf("paths = %q", paths)
	}
	// Only the first argument is an operation.
	if ids, _ := complete(t, nil, "api", "invoices.list", "inv"); len(ids) != 0 {
		t.Errorf("second argument offered %q", ids)
	}
}

func TestCompleteOperationIDsFromCollection(t *testing.T) {
	coll := filepath.Join("..", "api", "catalog", "testdata", "dinero.postman_collection.json")
	ids, _ := complete(t, nil, "api", "--collection", coll, "")
	if len(ids) != 6 || !contains(ids, "get-v1-countries") {
		t.Fatalf("ids from the collection = %q", ids)
	}
	// A collection that cannot be read offers nothing (and says nothing).
	if ids, _ := complete(t, nil, "api", "--collection", filepath.Join(t.TempDir(), "none.json"), ""); len(ids) != 0 {
		t.Errorf("missing collection offered %q", ids)
	}
}

func TestCompleteFieldsOfTheOperation(t *testing.T) {
	fields, directive := complete(t, nil, "api", "invoices.list", "-f", "page")
	if !contains(fields, "page=") || !contains(fields, "pageSize=") || directive != ":6" {
		t.Fatalf("-f page<TAB> = %q %s", fields, directive)
	}
	if fields, _ := complete(t, nil, "api", "invoices.get", "-F", ""); !contains(fields, "guid=") || contains(fields, "organizationId=") {
		t.Errorf("-F <TAB> on invoices.get = %q", fields)
	}
}

func TestCompleteProfilesFromTheConfig(t *testing.T) {
	dir := t.TempDir()
	cfg := filepath.Join(dir, "dinero-tui", "config.toml")
	os.MkdirAll(filepath.Dir(cfg), 0o700)
	os.WriteFile(cfg, []byte("[profiles.work]\nclient_id = \"isv_w\"\n[profiles.sandbox]\n[profiles.\"evil\\u001b[2J\"]\n"), 0o600)
	names, directive := complete(t, map[string]string{"XDG_CONFIG_HOME": dir}, "status", "--profile", "")
	if len(names) != 2 || !contains(names, "work") || !contains(names, "sandbox") || directive != ":4" {
		t.Fatalf("profiles = %q %s", names, directive)
	}
	if names, _ := complete(t, map[string]string{"XDG_CONFIG_HOME": dir}, "api", "--profile=w"); len(names) != 1 || names[0] != "work" { // the shell keeps the "--profile=" part
		t.Errorf("--profile=w<TAB> = %q", names)
	}
}

// TestCompleteOrgIDsFromTheLastOrgsAnswer: `orgs` caches its answer; --org
// completes from that cache without any request (the API URL here answers
// nothing).
func TestCompleteOrgIDsFromTheLastOrgsAnswer(t *testing.T) {
	u := apiSandbox(t, 0)
	home := t.TempDir()
	vars := map[string]string{"XDG_CACHE_HOME": filepath.Join(home, "cache")}
	if ids, _ := complete(t, vars, "api", "invoices.list", "--org", ""); len(ids) != 0 {
		t.Fatalf("no cache yet, offered %q", ids)
	}
	r := runCmd(t, u, "", false, vars, "orgs", "--json")
	if r.code != 0 {
		t.Fatalf("orgs: %d %q", r.code, r.stderr)
	}
	info, err := os.Stat(filepath.Join(home, "cache", "dinero-tui", "orgs", "default.json"))
	if err != nil || info.Mode().Perm() != 0o600 {
		t.Fatalf("cache file: %v %v", info, err)
	}
	apiHTTPClient = func(*Env, config.Profile) (*http.Client, func(string), error) {
		t.Error("completion asked for an HTTP client")
		return nil, nil, errors.New("no network while completing")
	}
	r = runCmd(t, "http://127.0.0.1:1", "", false, vars, "__complete", "api", "invoices.list", "--org", "")
	carpenterLine := ""
	for _, l := range strings.Split(r.stdout, "\n") {
		if strings.HasPrefix(l, carpenter+"\t") {
			carpenterLine = l
		}
	}
	if r.code != 0 || strings.Count(r.stdout, "\n") != 5 || !strings.Contains(carpenterLine, "(PRO)") {
		t.Fatalf("--org<TAB> = %q (stderr %q)", r.stdout, r.stderr)
	}
	// Another profile has its own (empty) cache.
	if ids, _ := complete(t, vars, "api", "--profile", "other", "--org", ""); len(ids) != 0 {
		t.Errorf("profile other offered %q", ids)
	}
}

// TestCompletedNamesAreSanitized: names from the cache reach the terminal
// as completion descriptions, so escape sequences are stripped.
func TestCompletedNamesAreSanitized(t *testing.T) {
	home := t.TempDir()
	vars := map[string]string{"XDG_CACHE_HOME": home}
	dir := filepath.Join(home, "dinero-tui", "orgs")
	os.MkdirAll(dir, 0o700)
	os.WriteFile(filepath.Join(dir, "default.json"), []byte(`[{"Id":7,"Name":"Evil\u001b]52;c;aGk=\u0007 ApS\tx\ny","IsPro":false}]`), 0o600)
	r := runCmd(t, "", "", false, vars, "__complete", "api", "--org", "")
	if !strings.HasPrefix(r.stdout, "7\tEvil") || strings.ContainsAny(r.stdout, "\x1b\x07") || strings.Count(r.stdout, "\t") != 1 {
		t.Fatalf("stdout %q", r.stdout)
	}
}

func TestCompleteFlagValues(t *testing.T) {
	if v, _ := complete(t, nil, "api", "-X", ""); !contains(v, "PATCH") {
		t.Errorf("-X <TAB> = %q", v)
	}
	if v, _ := complete(t, nil, "login", "--token-store", ""); len(v) != 3 {
		t.Errorf("--token-store <TAB> = %q", v)
	}
	// FILE flags complete files: JSON ones for collections.
	if v, d := complete(t, nil, "endpoints", "--collection", ""); len(v) != 1 || v[0] != "json" || d != ":8" {
		t.Errorf("--collection <TAB> = %q %s", v, d)
	}
	if _, d := complete(t, nil, "api", "x", "--input", ""); d != ":0" {
		t.Errorf("--input <TAB> directive %s, want files", d)
	}
	if _, d := complete(t, nil, "view", ""); d != ":0" {
		t.Errorf("view <TAB> directive %s, want files", d)
	}
	if _, d := complete(t, nil, "login", "--timeout", ""); d != ":4" {
		t.Errorf("--timeout <TAB> directive %s, want no files", d)
	}
	if v, _ := complete(t, nil, "man", "sandbox", ""); len(v) != 1 || v[0] != "approve" {
		t.Errorf("man sandbox <TAB> = %q", v)
	}
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}
