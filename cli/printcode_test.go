package cli

import (
	"strings"
	"testing"
)

func TestAPIPrintCodeSendsNothing(t *testing.T) {
	// An API URL nothing listens on: printing must not need it, nor a login.
	const apiURL = "http://127.0.0.1:9"
	env := map[string]string{"DINERO_ORG_ID": "104871"}
	tests := []struct {
		name string
		args []string
		want []string
	}{
		{"python GET with fields", []string{"api", "/v1/{organizationId}/invoices?page=2", "-f", "fields=Guid,Number", "--print-code", "python"},
			[]string{`"http://127.0.0.1:9/v1/104871/invoices"`, `("fields", "Guid,Number")`, `("page", "2")`, `os.environ["DINERO_TOKEN"]`}},
		{"go POST without --yes or a terminal", []string{"api", "-X", "POST", "/v1/{organizationId}/contacts", "-f", "Name=Ørsted", "--print-code", "go"},
			[]string{`http.NewRequest("POST", "http://127.0.0.1:9/v1/104871/contacts", body)`, "`{\"Name\":\"Ørsted\"}`", "oauth2.StaticTokenSource"}},
		{"api form keeps paging", []string{"api", "/v1/{organizationId}/invoices", "--paginate", "--print-code", "api"},
			[]string{"dinero-tui api /v1/104871/invoices --paginate"}},
		{"curl", []string{"api", "/v1/{organizationId}/invoices", "--print-code", "curl"},
			[]string{`curl http://127.0.0.1:9/v1/104871/invoices -H "Authorization: Bearer $DINERO_TOKEN"`}},
		{"alias", []string{"api", "/v1/organizations", "--print-code", "js"}, []string{`await fetch(url`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runCmd(t, apiURL, "", false, env, tt.args...)
			if r.code != 0 {
				t.Fatalf("exit %d: %s", r.code, r.stderr)
			}
			for _, w := range tt.want {
				if !strings.Contains(r.stdout, w) {
					t.Errorf("lacks %q:\n%s", w, r.stdout)
				}
			}
		})
	}
	r := runCmd(t, apiURL, "", false, env, "api", "/v1/organizations", "--print-code", "cobol")
	if r.code != 2 || !strings.Contains(r.stderr, "choose one of api, curl, httpie, go, python, javascript, csharp") {
		t.Errorf("unknown language: %d %q", r.code, r.stderr)
	}
}
