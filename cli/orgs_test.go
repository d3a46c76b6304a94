package cli

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/dinero-tui/dinero-tui/sandbox/demodata"
)

func TestOrgsTableAndJSON(t *testing.T) {
	u := apiSandbox(t, 0)
	r := runCmd(t, u, "", false, map[string]string{"DINERO_ORG_ID": carpenter}, "orgs")
	if r.code != 0 {
		t.Fatalf("code %d stderr %q", r.code, r.stderr)
	}
	lines := strings.Split(strings.TrimSpace(r.stdout), "\n")
	if len(lines) != 5 || !strings.Contains(lines[0], "PRO") {
		t.Fatalf("table = %q", r.stdout)
	}
	for _, l := range lines[1:] {
		switch {
		case strings.Contains(l, carpenter):
			if !strings.HasPrefix(l, "*") || !strings.Contains(l, "PRO (paying)") {
				t.Errorf("current paying org row = %q", l)
			}
		case strings.Contains(l, fmt.Sprint(demodata.OrgUnion)):
			if strings.Contains(l, "PRO") {
				t.Errorf("non-Pro org row = %q", l)
			}
		case strings.Contains(l, fmt.Sprint(demodata.OrgFarmShop)):
			if !strings.Contains(l, "PRO") || strings.Contains(l, "paying") {
				t.Errorf("trial Pro row = %q", l)
			}
		}
	}
	if !strings.Contains(r.stderr, "code 90") {
		t.Errorf("no hint about non-Pro organizations: %q", r.stderr)
	}
	r = runCmd(t, u, "", false, nil, "orgs", "--json")
	var orgs []struct {
		ID    int64 `json:"Id"`
		IsPro bool
	}
	if r.code != 0 || json.Unmarshal([]byte(r.stdout), &orgs) != nil || len(orgs) != 4 || r.stderr != "" {
		t.Fatalf("code %d stdout %q stderr %q", r.code, r.stdout, r.stderr)
	}
}

func TestOrgsNeedsLogin(t *testing.T) {
	// The real session: a fresh state directory holds no tokens.
	r := runCmd(t, "http://127.0.0.1:1", "", false, map[string]string{"DINERO_CLIENT_ID": "isv_x", "DINERO_TOKEN_STORE": "file"}, "orgs")
	if r.code != 1 || !strings.Contains(r.stderr, "dinero-tui login") {
		t.Errorf("code %d stderr %q", r.code, r.stderr)
	}
}
