package dinero

import (
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/dinero-tui/dinero-tui/sandbox/demodata"
)

const pro = demodata.OrgCarpenter

func TestRouteTableIsComplete(t *testing.T) {
	s := New(Config{Validator: fakeValidator{}})
	ops := s.Operations()
	if len(ops) != 136 {
		t.Fatalf("%d operations, want 136", len(ops))
	}
	seen := map[string]bool{}
	known := map[string]bool{}
	for _, op := range ops {
		if seen[op.OperationID] {
			t.Errorf("duplicate operation id %s", op.OperationID)
		}
		seen[op.OperationID] = true
		known[op.Method+" "+op.Path] = true
	}
	for key := range handlers() {
		if !known[key] {
			t.Errorf("handler %q has no route in the table", key)
		}
	}
}

func TestPipelineErrors(t *testing.T) {
	e := newEnv(t, nil)
	tests := []struct {
		name           string
		method, path   string
		token          string
		status, code   int
		wantHTML       bool
		wantBodySubstr string
	}{
		{"unknown route", "GET", "/v1/nothing/here", tokRW, 404, 0, true, ""},
		{"wrong version", "GET", orgPath("v2", pro, "/invoices"), tokRW, 404, 0, true, ""},
		{"wrong version update", "PUT", orgPath("v1", pro, "/invoices/3a315ad3-ddcc-419d-9fc5-219280ae4816"), tokRW, 404, 0, true, ""},
		{"unknown route beats missing auth", "GET", "/v9/organizations", "", 404, 0, true, ""},
		{"missing token", "GET", "/v1/organizations", "", 401, 41, false, ""},
		{"malformed token", "GET", "/v1/organizations", "garbage", 401, 41, false, ""},
		{"wrong audience", "GET", "/v1/organizations", tokWrongAud, 401, 41, false, ""},
		{"write without scope", "POST", orgPath("v1", pro, "/contacts"), tokRO, 403, 41, false, "write"},
		{"org not an integer", "GET", "/v1/abc/contacts", tokRW, 403, 41, false, ""},
		{"org unreachable", "GET", orgPath("v1", demodata.OrgForeign, "/contacts"), tokRW, 403, 41, false, ""},
		{"org missing", "GET", orgPath("v1", 999999, "/contacts"), tokRW, 403, 41, false, ""},
		{"org not pro", "GET", orgPath("v1", demodata.OrgUnion, "/contacts"), tokRW, 403, 90, false, ""},
		{"webhook events", "GET", orgPath("v1", pro, "/webhooks/events"), tokRW, 200, 0, false, "entries"},
		{"webhook events on non-pro org is 403", "GET", orgPath("v1", demodata.OrgUnion, "/webhooks/events"), tokRW, 403, 90, false, ""},
		{"other user reaches own org", "GET", orgPath("v1", demodata.OrgForeign, "/vatTypes"), tokOther, 200, 0, false, "U25"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := e.do(tc.method, tc.path, tc.token, nil)
			expect(t, r, tc.status, tc.code)
			ct := r.header.Get("Content-Type")
			if tc.wantHTML != strings.HasPrefix(ct, "text/html") {
				t.Fatalf("content type %q, html wanted: %v", ct, tc.wantHTML)
			}
			if !strings.Contains(string(r.body), tc.wantBodySubstr) {
				t.Fatalf("body %s lacks %q", r.body, tc.wantBodySubstr)
			}
		})
	}
}

func TestEveryOperationIsModeled(t *testing.T) {
	ops := New(Config{}).Operations()
	if len(ops) != 136 {
		t.Fatalf("%d operations, want 136", len(ops))
	}
	for _, op := range ops {
		if !op.Modeled {
			t.Errorf("%s %s (%s) is not modeled", op.Method, op.Path, op.OperationID)
		}
	}
}

// An operation a newer route table adds before the sandbox models it
// answers 501 and names itself.
func TestNotModeledNamesOperation(t *testing.T) {
	s := New(Config{Validator: fakeValidator{}, RateLimit: -1})
	spec := routeSpec{Method: "POST", Path: "/v1/{organizationId}/invoices/{guid}/teleport", OperationID: "Invoices_Teleport", Tag: "Invoices"}
	s.router = newRouter(append(append([]routeSpec(nil), routeTable...), spec), handlers())
	srv := httptest.NewServer(s)
	t.Cleanup(srv.Close)
	e := &env{t: t, srv: srv, s: s}
	r := e.do("POST", orgPath("v1", pro, "/invoices/3a315ad3-ddcc-419d-9fc5-219280ae4816/teleport"), tokRW, "{}")
	expect(t, r, 501, 501)
	m := r.json(t)
	if m["operation"] != "Invoices_Teleport" ||
		m["message"] != "The sandbox does not model Invoices_Teleport (POST /v1/{organizationId}/invoices/{guid}/teleport)" {
		t.Fatalf("body %s", r.body)
	}
}

func TestExpiredTokenViaClock(t *testing.T) {
	e := newEnv(t, nil)
	e.clock.Advance(100 * 365 * 24 * time.Hour) // past the fake token's exp
	expect(t, e.get("/v1/organizations"), 401, 41)
}

func TestRateLimit(t *testing.T) {
	e := newEnv(t, func(c *Config) { c.RateLimit, c.RateWindow = 3, time.Minute })
	path := orgPath("v1", pro, "/vatTypes")
	for i := 0; i < 3; i++ {
		expect(t, e.get(path), 200, 0)
		e.clock.Advance(10 * time.Second)
	}
	r := e.get(path)
	if r.status != 429 || !strings.HasPrefix(r.header.Get("Content-Type"), "text/plain") ||
		string(r.body) != "API calls quota exceeded! maximum admitted 3 per 1m." {
		t.Fatalf("got %d %q %s", r.status, r.header.Get("Content-Type"), r.body)
	}
	// The first request was at t0, now is t0+30s: a slot frees in 30 s.
	if got := r.header.Get("Retry-After"); got != "30" {
		t.Fatalf("Retry-After %q, want 30", got)
	}
	// Other organizations and other clients have their own windows.
	expect(t, e.get(orgPath("v1", demodata.OrgDesign, "/vatTypes")), 200, 0)
	expect(t, e.do("GET", path, tokOtherApp, nil), 200, 0)
	// /v1/organizations counts per client, separately from the org.
	expect(t, e.get("/v1/organizations"), 200, 0)
	e.clock.Advance(30 * time.Second)
	expect(t, e.get(path), 200, 0)
	expect(t, e.get(path), 429, 0)
}

func TestRateLimitDefaultMessage(t *testing.T) {
	e := newEnv(t, func(c *Config) { c.RateLimit = 0 })
	var last resp
	for i := 0; i < 101; i++ {
		last = e.get("/v1/countries")
	}
	if last.status != 429 || string(last.body) != "API calls quota exceeded! maximum admitted 100 per 1m." {
		t.Fatalf("101st request: %d %s", last.status, last.body)
	}
}
