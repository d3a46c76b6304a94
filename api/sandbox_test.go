package api

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/dinero-tui/dinero-tui/sandbox"
	"github.com/dinero-tui/dinero-tui/sandbox/demodata"
	"github.com/dinero-tui/dinero-tui/sandbox/sandboxtest"
)

type sandboxOpts struct {
	invoices  int
	rateLimit int
	window    time.Duration
}

// startSandbox runs the sandbox (Visma Connect + Dinero API), gets an access
// token from it through the authorization code flow, and returns a client
// whose requests carry that token.
func startSandbox(t testing.TB, o sandboxOpts, opts ...Option) *Client {
	t.Helper()
	sb := sandboxtest.Start(t, sandbox.Options{AutoApprove: true, Size: o.invoices, Seed: 7, RateLimit: o.rateLimit, RateWindow: o.window})
	return NewClient(sandboxtest.BearerClient(sandboxtest.AccessToken(t, sb)), sb.APIURL, opts...)
}

var org = fmt.Sprint(demodata.OrgCarpenter)

func TestSandboxErrorClasses(t *testing.T) {
	c := startSandbox(t, sandboxOpts{}, WithRetries(0, 0))
	bad := NewClient(sandboxtest.BearerClient("wrong"), c.BaseURL())
	ctx := context.Background()
	tests := []struct {
		name   string
		client *Client
		req    Request
		kind   ErrorKind
		status int
	}{
		{"html 404 on a wrong version", c, Request{Path: "/v9/{organizationId}/invoices", PathParams: map[string]string{"organizationId": org}}, KindHTMLNotFound, 404},
		{"unauthorized", bad, Request{Path: "/v1/organizations"}, KindUnauthorized, 401},
		{"not pro", c, Request{Path: "/v1/{organizationId}/invoices", PathParams: map[string]string{"organizationId": fmt.Sprint(demodata.OrgUnion)}}, KindNotPro, 403},
		{"unreachable org", c, Request{Path: "/v1/{organizationId}/invoices", PathParams: map[string]string{"organizationId": fmt.Sprint(demodata.OrgForeign)}}, KindDinero, 403},
		{"malformed queryFilter", c, Request{Path: "/v1/{organizationId}/contacts", PathParams: map[string]string{"organizationId": org}, Query: url.Values{"queryFilter": {"AMINO"}}}, KindDinero, 400},
		{"unknown invoice", c, Request{Path: "/v1/{organizationId}/invoices/{guid}", PathParams: map[string]string{"organizationId": org, "guid": "00000000-0000-0000-0000-000000000001"}}, KindDinero, 404},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := tt.client.Do(ctx, tt.req)
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("err = %v", err)
			}
			if e.Kind != tt.kind || e.Status != tt.status {
				t.Errorf("kind %v status %d (%v), want %v %d", e.Kind, e.Status, e, tt.kind, tt.status)
			}
			if tt.kind == KindNotPro && !strings.Contains(e.Error(), "no Pro subscription (Dinero code 90)") {
				t.Errorf("message = %q", e.Error())
			}
		})
	}
}

func TestSandboxOrganizations(t *testing.T) {
	c := startSandbox(t, sandboxOpts{})
	orgs, err := c.Organizations(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	pro := map[int64]bool{}
	for _, o := range orgs {
		pro[o.ID] = o.IsPro
	}
	if len(orgs) != 4 || !pro[demodata.OrgCarpenter] || pro[demodata.OrgUnion] {
		t.Errorf("orgs = %+v", orgs)
	}
}

func TestSandboxPaginateEveryItemOnce(t *testing.T) {
	c := startSandbox(t, sandboxOpts{invoices: 2300})
	var buf bytes.Buffer
	q := url.Values{"fields": {"Guid,Number"}, "pageSize": {"150"}}
	err := c.AllPages(context.Background(), Request{Path: "/v1/{organizationId}/invoices", PathParams: map[string]string{"organizationId": org}, Query: q}, &buf)
	if err != nil {
		t.Fatal(err)
	}
	var items []struct{ Guid string }
	if err := json.Unmarshal(buf.Bytes(), &items); err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, it := range items {
		if it.Guid == "" || seen[it.Guid] {
			t.Fatalf("missing or repeated guid %q", it.Guid)
		}
		seen[it.Guid] = true
	}
	// The total as the server counts it.
	resp, err := c.Do(context.Background(), Request{Path: "/v1/" + org + "/invoices", Query: url.Values{"pageSize": {"1"}}})
	if err != nil {
		t.Fatal(err)
	}
	var one struct{ Pagination Pagination }
	json.Unmarshal(resp.Body, &one)
	if total := one.Pagination.ResultWithoutFilter; len(items) != total || total < 2000 {
		t.Errorf("merged %d items, server has %d (want >= 2000)", len(items), total)
	}
}

func TestSandboxRetryAfterUnderLowRateLimit(t *testing.T) {
	var waits []RetryInfo
	c := startSandbox(t, sandboxOpts{rateLimit: 3, window: 1500 * time.Millisecond},
		WithRateLimit(0, 0), WithRetryNotify(func(i RetryInfo) { waits = append(waits, i) }))
	ctx := context.Background()
	start := time.Now()
	for i := 0; i < 4; i++ {
		if _, err := c.Do(ctx, Request{Path: "/v1/" + org + "/products"}); err != nil {
			t.Fatalf("request %d: %v", i+1, err)
		}
	}
	if len(waits) == 0 || !strings.Contains(waits[0].Reason, "429") || waits[0].Wait <= 0 {
		t.Fatalf("no Retry-After wait: %+v", waits)
	}
	if el := time.Since(start); el < waits[0].Wait-100*time.Millisecond {
		t.Errorf("finished after %s, before the Retry-After of %s", el, waits[0].Wait)
	}
	// A write is not retried: it fails at once with the wait it should take.
	var e *Error
	for i := 0; i < 4; i++ {
		_, err := c.Do(ctx, Request{Method: "POST", Path: "/v1/" + org + "/contacts", Body: []byte(`{}`)})
		if errors.As(err, &e) && e.Kind == KindRateLimited {
			break
		}
	}
	if e == nil || e.Kind != KindRateLimited || e.RetryAfter <= 0 {
		t.Errorf("a write over the limit should fail at once with RetryAfter: %v", e)
	}
}

func TestSandboxClientBudgetAvoids429(t *testing.T) {
	var waits []RetryInfo
	c := startSandbox(t, sandboxOpts{rateLimit: 3, window: 600 * time.Millisecond},
		WithRateLimit(3, 600*time.Millisecond), WithRetryNotify(func(i RetryInfo) { waits = append(waits, i) }))
	for i := 0; i < 5; i++ {
		if _, err := c.Do(context.Background(), Request{Path: "/v1/" + org + "/products"}); err != nil {
			t.Fatal(err)
		}
	}
	for _, w := range waits {
		if strings.Contains(w.Reason, "429") {
			t.Errorf("server said 429 although the client kept the budget: %+v", waits)
		}
	}
	if len(waits) == 0 {
		t.Error("the client never waited for its budget")
	}
}
