package sandboxtest_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/dinero-tui/dinero-tui/sandbox"
	"github.com/dinero-tui/dinero-tui/sandbox/demodata"
	"github.com/dinero-tui/dinero-tui/sandbox/sandboxtest"
)

func status(t *testing.T, hc *http.Client, method, url string) int {
	t.Helper()
	req, err := http.NewRequest(method, url, strings.NewReader("{}"))
	if err != nil {
		t.Fatal(err)
	}
	resp, err := hc.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	return resp.StatusCode
}

func TestAccessTokenReachesTheAPI(t *testing.T) {
	cases := []struct {
		name string
		o    sandbox.Options
	}{
		{"auto-approve", sandbox.Options{AutoApprove: true}},
		{"consent page", sandbox.Options{}},
		{"PKCE required", sandbox.Options{PKCERequired: true}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			sb := sandboxtest.Start(t, c.o)
			hc := sandboxtest.BearerClient(sandboxtest.AccessToken(t, sb))
			if got := status(t, hc, "GET", sb.APIURL+"/v1/organizations"); got != 200 {
				t.Fatalf("GET organizations with the token: HTTP %d", got)
			}
			if got := status(t, sandboxtest.BearerClient("not-a-token"), "GET", sb.APIURL+"/v1/organizations"); got != 401 {
				t.Fatalf("GET organizations with a bad token: HTTP %d, want 401", got)
			}
		})
	}
}

func TestAccessTokenScopes(t *testing.T) {
	sb := sandboxtest.Start(t, sandbox.Options{AutoApprove: true})
	readOnly := sandboxtest.BearerClient(sandboxtest.AccessToken(t, sb, "dineropublicapi:read"))
	products := fmt.Sprintf("%s/v1/%d/products", sb.APIURL, demodata.OrgCarpenter)
	if got := status(t, readOnly, "GET", products); got != 200 {
		t.Fatalf("read with a read-only token: HTTP %d", got)
	}
	if got := status(t, readOnly, "POST", products); got != 403 {
		t.Fatalf("write with a read-only token: HTTP %d, want 403", got)
	}
}

func TestStartClosesAtCleanup(t *testing.T) {
	var url string
	t.Run("inner", func(t *testing.T) {
		url = sandboxtest.Start(t, sandbox.Options{}).ConnectURL
	})
	if resp, err := http.Get(url + "/.well-known/openid-configuration"); err == nil {
		resp.Body.Close()
		t.Fatal("the sandbox still answers after its test ended")
	}
}
