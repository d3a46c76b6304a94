package api

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// basePath is a non-empty base path, so a client that drops the base
// URL's path fails the tests.
const basePath = "/api-base"

// fakeClock records sleeps instead of sleeping.
type fakeClock struct {
	mu     sync.Mutex
	now    time.Time
	sleeps []time.Duration
}

func (f *fakeClock) Now() time.Time { f.mu.Lock(); defer f.mu.Unlock(); return f.now }

func (f *fakeClock) Sleep(ctx context.Context, d time.Duration) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	f.sleeps = append(f.sleeps, d)
	f.now = f.now.Add(d)
	return nil
}

func (f *fakeClock) Sleeps() []time.Duration {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]time.Duration(nil), f.sleeps...)
}

func setup(t *testing.T, h http.HandlerFunc, opts ...Option) (*Client, *fakeClock) {
	t.Helper()
	mux := http.NewServeMux()
	mux.Handle(basePath+"/", http.StripPrefix(basePath, h))
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	clk := &fakeClock{now: time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)}
	all := append([]Option{WithClock(clk.Now, clk.Sleep)}, opts...)
	return NewClient(srv.Client(), srv.URL+basePath, all...), clk
}

func TestDoBuildsRequest(t *testing.T) {
	var got *http.Request
	var body string
	c, _ := setup(t, func(w http.ResponseWriter, r *http.Request) {
		got = r
		b, _ := io.ReadAll(r.Body)
		body = string(b)
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprint(w, `{"ok":true}`)
	}, WithUserAgent("dinero-tui/test"))
	resp, err := c.Do(context.Background(), Request{
		Method:     "post",
		Path:       "/v1/{organizationId}/contacts/{guid}/notes?fields=Id",
		PathParams: map[string]string{"organizationId": "42", "guid": "a/b c"},
		Query:      url.Values{"x": {"1 2"}},
		Body:       []byte(`{"Text":"hi"}`),
	})
	if err != nil {
		t.Fatal(err)
	}
	if got.Method != "POST" || got.URL.EscapedPath() != "/v1/42/contacts/a%2Fb%20c/notes" {
		t.Errorf("method/path = %s %s", got.Method, got.URL.EscapedPath())
	}
	if got.URL.Query().Get("fields") != "Id" || got.URL.Query().Get("x") != "1 2" {
		t.Errorf("query = %q", got.URL.RawQuery)
	}
	if got.Header.Get("User-Agent") != "dinero-tui/test" || got.Header.Get("Accept") != "application/json" || got.Header.Get("Content-Type") != "application/json" {
		t.Errorf("headers = %v", got.Header)
	}
	if body != `{"Text":"hi"}` {
		t.Errorf("body = %q", body)
	}
	if resp.Status != 200 || string(resp.Body) != `{"ok":true}` || !strings.Contains(resp.URL, basePath+"/v1/42/") {
		t.Errorf("resp = %+v", resp)
	}
}

func TestDoRejectsMissingPathParamAndForeignHost(t *testing.T) {
	c, _ := setup(t, func(w http.ResponseWriter, r *http.Request) { t.Error("no request expected") })
	_, err := c.Do(context.Background(), Request{Path: "/v1/{organizationId}/invoices/{guid}", PathParams: map[string]string{"guid": "g"}})
	if err == nil || !strings.Contains(err.Error(), "{organizationId}") {
		t.Errorf("missing param error = %v", err)
	}
	_, err = c.Do(context.Background(), Request{Path: "https://evil.example/v1/organizations"})
	if err == nil || !strings.Contains(err.Error(), "refusing") {
		t.Errorf("foreign host error = %v", err)
	}
	if _, err := NewClient(nil, "ftp://x").Do(context.Background(), Request{Path: "/v1/organizations"}); err == nil {
		t.Error("bad base URL accepted")
	}
}

func TestErrorsAreTyped(t *testing.T) {
	tests := []struct {
		name   string
		status int
		ctype  string
		body   string
		kind   ErrorKind
		text   string
	}{
		{"validation", 400, "application/json", `{"code":42,"message":"Validation Error","validationErrors":{"Name":"Required"},"languageSpecificMessages":[{"property":"Name","message":"Påkrævet"}]}`, KindDinero, "Name: Required"},
		{"not pro", 403, "application/json", `{"code":90,"message":"No Pro"}`, KindNotPro, "no Pro subscription (Dinero code 90)"},
		{"forbidden", 403, "application/json", `{"code":41,"message":"Forbidden"}`, KindDinero, "Dinero code 41"},
		{"html 404", 404, "text/html", `<html><body>404</body></html>`, KindHTMLNotFound, "HTML page"},
		{"json 404", 404, "application/json", `{"code":40,"message":"Not found"}`, KindDinero, "Not found"},
		{"unauthorized", 401, "", ``, KindUnauthorized, "dinero-tui login"},
		{"brownout", 480, "text/plain", `gone soon`, KindOther, "deprecated"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, _ := setup(t, func(w http.ResponseWriter, r *http.Request) {
				if tt.ctype != "" {
					w.Header().Set("Content-Type", tt.ctype)
				}
				w.WriteHeader(tt.status)
				io.WriteString(w, tt.body)
			})
			_, err := c.Do(context.Background(), Request{Method: "POST", Path: "/v1/1/contacts", Body: []byte("{}")})
			var apiErr *Error
			if !errors.As(err, &apiErr) {
				t.Fatalf("err = %v, want *Error", err)
			}
			if apiErr.Kind != tt.kind || apiErr.Status != tt.status {
				t.Errorf("kind/status = %v/%d", apiErr.Kind, apiErr.Status)
			}
			if !strings.Contains(apiErr.Error(), tt.text) {
				t.Errorf("Error() = %q, want it to contain %q", apiErr.Error(), tt.text)
			}
		})
	}
}

func TestRateLimitWaitsForRetryAfterOnGET(t *testing.T) {
	var calls atomic.Int32
	var infos []RetryInfo
	c, clk := setup(t, func(w http.ResponseWriter, r *http.Request) {
		if calls.Add(1) == 1 {
			w.Header().Set("Content-Type", "text/plain")
			w.Header().Set("Retry-After", "7")
			w.WriteHeader(429)
			io.WriteString(w, "API calls quota exceeded! maximum admitted 100 per 1m.")
			return
		}
		io.WriteString(w, `[]`)
	}, WithRetryNotify(func(i RetryInfo) { infos = append(infos, i) }))
	if _, err := c.Do(context.Background(), Request{Path: "/v1/1/products"}); err != nil {
		t.Fatal(err)
	}
	if calls.Load() != 2 || len(clk.Sleeps()) != 1 || clk.Sleeps()[0] != 7*time.Second {
		t.Errorf("calls %d sleeps %v", calls.Load(), clk.Sleeps())
	}
	if len(infos) != 1 || !strings.Contains(infos[0].Reason, "429") {
		t.Errorf("notifications = %+v", infos)
	}
}

func TestRateLimitNotRetriedForWritesOrLongWaits(t *testing.T) {
	var calls atomic.Int32
	h := func(w http.ResponseWriter, r *http.Request) {
		calls.Add(1)
		w.Header().Set("Retry-After", "120")
		w.WriteHeader(429)
		io.WriteString(w, "API calls quota exceeded! maximum admitted 100 per 1m.")
	}
	c, clk := setup(t, h, WithRetryLimits(30*time.Second))
	for _, m := range []string{"POST", "GET"} {
		calls.Store(0)
		_, err := c.Do(context.Background(), Request{Method: m, Path: "/v1/1/products"})
		var apiErr *Error
		if !errors.As(err, &apiErr) || apiErr.Kind != KindRateLimited || apiErr.RetryAfter != 120*time.Second {
			t.Fatalf("%s: err = %v", m, err)
		}
		if calls.Load() != 1 {
			t.Errorf("%s: %d calls, want 1", m, calls.Load())
		}
		if !strings.Contains(apiErr.Error(), "quota exceeded") || !strings.Contains(apiErr.Error(), "2m0s") {
			t.Errorf("message = %q", apiErr.Error())
		}
	}
	if len(clk.Sleeps()) != 0 {
		t.Errorf("slept %v", clk.Sleeps())
	}
}

func TestRateLimitWaitIsCancellable(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Retry-After", "30")
		w.WriteHeader(429)
	}))
	defer srv.Close()
	c := NewClient(srv.Client(), srv.URL) // real sleep
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := c.Do(ctx, Request{Path: "/v1/1/products"})
	if !errors.Is(err, context.DeadlineExceeded) || time.Since(start) > 5*time.Second {
		t.Errorf("err = %v after %s", err, time.Since(start))
	}
}

func TestServerErrorsRetriedWithBackoffForGETOnly(t *testing.T) {
	var calls atomic.Int32
	c, clk := setup(t, func(w http.ResponseWriter, r *http.Request) {
		if calls.Add(1) <= 2 {
			w.WriteHeader(503)
			return
		}
		io.WriteString(w, `{}`)
	})
	if _, err := c.Do(context.Background(), Request{Path: "/v1/countries"}); err != nil {
		t.Fatal(err)
	}
	if s := clk.Sleeps(); len(s) != 2 || s[0] != 500*time.Millisecond || s[1] != time.Second {
		t.Errorf("sleeps = %v", s)
	}
	calls.Store(0)
	_, err := c.Do(context.Background(), Request{Method: "PUT", Path: "/v1/1/products/x", Body: []byte("{}")})
	var apiErr *Error
	if !errors.As(err, &apiErr) || apiErr.Status != 503 || calls.Load() != 1 {
		t.Errorf("PUT: err %v calls %d", err, calls.Load())
	}
	// Retries are bounded.
	c2, _ := setup(t, func(w http.ResponseWriter, r *http.Request) { calls.Add(1); w.WriteHeader(500) }, WithRetries(2, time.Millisecond))
	calls.Store(0)
	if _, err := c2.Do(context.Background(), Request{Path: "/v1/countries"}); err == nil || calls.Load() != 3 {
		t.Errorf("err %v calls %d, want 3 calls", err, calls.Load())
	}
}

func TestTimeout(t *testing.T) {
	block := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-block:
		case <-r.Context().Done():
		}
	}))
	defer srv.Close()
	defer close(block)
	c := NewClient(srv.Client(), srv.URL, WithTimeout(50*time.Millisecond), WithRetries(0, 0))
	_, err := c.Do(context.Background(), Request{Path: "/v1/countries"})
	if err == nil || !strings.Contains(err.Error(), "no answer within 50ms") {
		t.Errorf("err = %v", err)
	}
}

func TestRequestBudgetSpacesRequestsPerOrganization(t *testing.T) {
	c, clk := setup(t, func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, `[]`) }, WithRateLimit(3, time.Minute))
	ctx := context.Background()
	for i := 0; i < 3; i++ {
		if _, err := c.Do(ctx, Request{Path: "/v1/7/products"}); err != nil {
			t.Fatal(err)
		}
	}
	if len(clk.Sleeps()) != 0 {
		t.Fatalf("slept early: %v", clk.Sleeps())
	}
	// Another organization has its own budget.
	if _, err := c.Do(ctx, Request{Path: "/v1/8/products"}); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Do(ctx, Request{Path: "/v1/7/products"}); err != nil {
		t.Fatal(err)
	}
	if s := clk.Sleeps(); len(s) != 1 || s[0] != time.Minute+3*time.Second {
		t.Errorf("sleeps = %v, want one of 1m", s)
	}
}

func TestStream(t *testing.T) {
	payload := strings.Repeat("x", 100000)
	c, _ := setup(t, func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Accept") != "application/octet-stream" {
			w.WriteHeader(400)
			return
		}
		w.Header().Set("Content-Length", fmt.Sprint(len(payload)))
		io.WriteString(w, payload)
	})
	var sb strings.Builder
	var last, total int64
	resp, err := c.Stream(context.Background(), Request{Path: "/v1/1/invoices/g", Accept: "application/octet-stream"}, &sb,
		func(done, t int64) { last, total = done, t })
	if err != nil {
		t.Fatal(err)
	}
	if sb.String() != payload || resp.Body != nil || last != int64(len(payload)) || total != int64(len(payload)) {
		t.Errorf("len %d, body %v, progress %d/%d", sb.Len(), resp.Body != nil, last, total)
	}
	_, err = c.Stream(context.Background(), Request{Path: "/v1/1/invoices/g"}, &sb, nil)
	var apiErr *Error
	if !errors.As(err, &apiErr) || apiErr.Status != 400 {
		t.Errorf("err = %v", err)
	}
}

func TestOrganizations(t *testing.T) {
	c, _ := setup(t, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/v1/organizations" || !strings.Contains(r.URL.Query().Get("fields"), "IsPro") {
			w.WriteHeader(404)
			return
		}
		io.WriteString(w, `[{"Id":1,"Name":"Pro ApS","IsPro":true,"IsPayingPro":true},{"Id":2,"Name":"Free","IsPro":null},{"Name":"no id"}]`)
	})
	orgs, err := c.Organizations(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(orgs) != 2 || orgs[0].ID != 1 || !orgs[0].IsPro || !orgs[0].IsPayingPro || orgs[1].IsPro || orgs[1].Name != "Free" {
		t.Errorf("orgs = %+v", orgs)
	}
}

// TestRetryAfterBeyondTheLimitGivesUpAtOnce: a Retry-After of 25 hours on a
// 429 or a 503 is not treated as absent (and retried after backoff): the
// client gives up after one request and says how long the server asked.
func TestRetryAfterBeyondTheLimitGivesUpAtOnce(t *testing.T) {
	for _, tc := range []struct {
		status int
		header string
	}{
		{429, "90000"},
		{503, "90000"},
		{503, time.Date(2026, 1, 3, 4, 4, 5, 0, time.UTC).Format(http.TimeFormat)},
	} {
		var calls atomic.Int32
		c, clk := setup(t, func(w http.ResponseWriter, r *http.Request) {
			calls.Add(1)
			w.Header().Set("Retry-After", tc.header)
			w.WriteHeader(tc.status)
		})
		_, err := c.Do(context.Background(), Request{Path: "/v1/1/products"})
		var apiErr *Error
		if !errors.As(err, &apiErr) || apiErr.WaitLimit != time.Minute {
			t.Fatalf("%d %s: err = %v", tc.status, tc.header, err)
		}
		if calls.Load() != 1 || len(clk.Sleeps()) != 0 {
			t.Errorf("%d %s: %d calls, sleeps %v; want one call and no wait", tc.status, tc.header, calls.Load(), clk.Sleeps())
		}
		if msg := err.Error(); !strings.Contains(msg, "25h0m0s") || !strings.Contains(msg, "gave up") {
			t.Errorf("%d %s: message %q should give the server's wait and say it gave up", tc.status, tc.header, msg)
		}
	}
}
