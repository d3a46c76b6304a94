package cli

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
)

// TestHelpListsGNUFlags: COMMAND --help and help COMMAND print the flags as
// --name (and -X, --method for shorthands) on stdout, exit 0.
func TestHelpListsGNUFlags(t *testing.T) {
	for _, args := range [][]string{{"api", "--help"}, {"api", "-h"}, {"help", "api"}, {"api", "-help"}} {
		r := runCmd(t, "", "", false, nil, args...)
		if r.code != 0 || r.stderr != "" {
			t.Fatalf("%v: code %d stderr %q", args, r.code, r.stderr)
		}
		for _, want := range []string{"-X, --method", "-F, --field key=value", "-f, --raw-field", "-q, --query", "--paginate", "--org ID", "--collection FILE", "--profile"} {
			if !strings.Contains(r.stdout, want) {
				t.Errorf("%v: help lacks %q:\n%s", args, want, r.stdout)
			}
		}
	}
	r := runCmd(t, "", "", false, nil, "help")
	for _, want := range []string{"api", "completion", "demo", "endpoints", "login", "man", "orgs", "sandbox", "version", "view"} {
		if r.code != 0 || !strings.Contains(r.stdout, "\n  "+want+" ") {
			t.Errorf("help lacks the command %s:\n%s", want, r.stdout)
		}
	}
}

func TestUsageErrorsExitTwoOnStderr(t *testing.T) {
	tests := []struct {
		args []string
		msg  string
	}{
		{[]string{"nosuch"}, `unknown command "nosuch"`},
		{[]string{"api", "--nope", "/v1/countries"}, "unknown flag: --nope"},
		{[]string{"login", "--timeout", "soon"}, `invalid argument "soon" for "--timeout"`},
		{[]string{"endpoints", "-Z"}, "unknown shorthand flag: 'Z'"},
		{[]string{"orgs", "extra"}, `unexpected argument "extra"`},
		{[]string{"version", "--json=maybe"}, "invalid argument"},
		{[]string{"completion", "tcsh"}, `unknown command "tcsh"`},
		{[]string{"sandbox", "approve"}, "give exactly one URL"},
		{[]string{"sandbox", "approv"}, `unexpected argument "approv"`},
		{[]string{"explore", "x"}, `unexpected argument "x"`},
	}
	for _, tt := range tests {
		r := runCmd(t, "", "", false, nil, tt.args...)
		if r.code != 2 || r.stdout != "" || !strings.Contains(r.stderr, tt.msg) || strings.Contains(r.stderr, "goroutine") {
			t.Errorf("%v: code %d stdout %q stderr %q", tt.args, r.code, r.stdout, r.stderr)
		}
	}
}

// TestSingleDashLongFlagsStillWork: what the standard flag package accepted
// (-json, -timeout 2m, -collection=FILE) keeps working.
func TestSingleDashLongFlagsStillWork(t *testing.T) {
	r := runCmd(t, "", "", false, nil, "endpoints", "-json", "credit", "note", "payment")
	var ops []struct{ ID string }
	if r.code != 0 || json.Unmarshal([]byte(r.stdout), &ops) != nil || len(ops) == 0 {
		t.Fatalf("endpoints -json: code %d stdout %q stderr %q", r.code, r.stdout, r.stderr)
	}
	r = runCmd(t, "", "", false, nil, "version", "-json")
	if r.code != 0 || !strings.HasPrefix(r.stdout, "{") {
		t.Fatalf("version -json: code %d stdout %q stderr %q", r.code, r.stdout, r.stderr)
	}
}

func TestNormalizeArgs(t *testing.T) {
	root := newRoot(&Env{Getenv: func(string) string { return "" }})
	tests := []struct{ in, want []string }{
		{[]string{"login", "-timeout", "2m"}, []string{"login", "--timeout", "2m"}},
		{[]string{"login", "-timeout=2m", "-no-browser"}, []string{"login", "--timeout=2m", "--no-browser"}},
		{[]string{"api", "/v1/x", "-q", "-json", "-paginate"}, []string{"api", "/v1/x", "-q", "-json", "--paginate"}}, // -json is -q's value
		{[]string{"api", "-X", "POST", "-yes", "/v1/x"}, []string{"api", "-X", "POST", "--yes", "/v1/x"}},
		{[]string{"api", "/v1/x", "-fields=Name"}, []string{"api", "/v1/x", "-fields=Name"}}, // -f with the value ields=Name
		{[]string{"api", "-", "--", "-yes"}, []string{"api", "-", "--", "-yes"}},
		{[]string{"-collection", "c.json"}, []string{"--collection", "c.json"}},
		{[]string{"orgs", "-help"}, []string{"orgs", "--help"}},
		{[]string{"-version"}, []string{"--version"}},
		{[]string{"nosuch", "-json"}, []string{"nosuch", "-json"}},
	}
	for _, tt := range tests {
		if got := normalizeArgs(root, tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("normalizeArgs(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestEveryCommandHasShortHelpAndRuns: every registered command has a
// summary, and --help works for each (a constructor bug would panic here).
func TestEveryCommandHasShortHelpAndRuns(t *testing.T) {
	root := newRoot(&Env{Getenv: func(string) string { return "" }})
	for _, c := range root.Commands() {
		if c.Short == "" {
			t.Errorf("%s has no summary", c.Name())
		}
		r := runCmd(t, "", "", false, nil, c.Name(), "--help")
		if r.code != 0 || !strings.Contains(r.stdout, "Usage:") {
			t.Errorf("%s --help: code %d stdout %q stderr %q", c.Name(), r.code, r.stdout, r.stderr)
		}
	}
}

// TestBoolFlagsTakeExplicitValues: help prints bool flags as --name, and
// --name=false, --name=true and a bare --name still parse.
func TestBoolFlagsTakeExplicitValues(t *testing.T) {
	for args, wantJSON := range map[[3]string]bool{
		{"version", "--json", ""}: true, {"version", "--json=true", ""}: true,
		{"version", "--json=false", ""}: false, {"version", "", ""}: false,
	} {
		var list []string
		for _, a := range args {
			if a != "" {
				list = append(list, a)
			}
		}
		r := runCmd(t, "", "", false, nil, list...)
		if r.code != 0 || strings.HasPrefix(r.stdout, "{") != wantJSON {
			t.Errorf("%v: code %d stdout %q", list, r.code, r.stdout)
		}
	}
	if r := runCmd(t, "", "", false, nil, "version", "--help"); !strings.Contains(r.stdout, "--json ") || strings.Contains(r.stdout, "[=") {
		t.Errorf("help: %q", r.stdout)
	}
}
