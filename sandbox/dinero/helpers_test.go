package dinero

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"testing"
	"time"

	"github.com/dinero-tui/dinero-tui/internal/testclock"
	"github.com/dinero-tui/dinero-tui/sandbox/demodata"
	"github.com/dinero-tui/dinero-tui/sandbox/tokens"
)

// Test tokens understood by fakeValidator.
const (
	tokRW       = "tok-rw"       // demo user, read+write
	tokRO       = "tok-ro"       // demo user, read only
	tokOther    = "tok-other"    // the other user
	tokWrongAud = "tok-wrongaud" // valid but for another audience
	tokOtherApp = "tok-otherapp" // demo user through another client_id
)

type fakeValidator struct{}

func (fakeValidator) Validate(raw string) (tokens.Claims, error) {
	base := tokens.Claims{Subject: demodata.DemoUserSub, ClientID: "isv_test", Audience: DefaultAudience,
		Scopes: []string{ScopeRead, ScopeWrite}, ExpiresAt: time.Date(2099, 1, 1, 0, 0, 0, 0, time.UTC)}
	switch raw {
	case tokRW:
		return base, nil
	case tokRO:
		base.Scopes = []string{ScopeRead}
		return base, nil
	case tokOther:
		base.Subject = demodata.OtherUserSub
		return base, nil
	case tokWrongAud:
		base.Audience = "https://example.org"
		return base, nil
	case tokOtherApp:
		base.ClientID = "isv_other"
		return base, nil
	}
	return tokens.Claims{}, tokens.ErrInvalid
}

type env struct {
	t     testing.TB
	srv   *httptest.Server
	s     *Server
	clock *testclock.Clock
	// acceptHeader, when set, is sent as the Accept header.
	acceptHeader string
}

func newEnv(t testing.TB, mutate func(*Config)) *env {
	t.Helper()
	clock := testclock.New(time.Date(2026, 11, 2, 12, 0, 0, 0, time.UTC))
	cfg := Config{Validator: fakeValidator{}, Data: demodata.Generate(7, 0), RateLimit: -1, Now: clock.Now}
	if mutate != nil {
		mutate(&cfg)
	}
	s := New(cfg)
	srv := httptest.NewServer(s.Handler())
	t.Cleanup(srv.Close)
	return &env{t: t, srv: srv, s: s, clock: clock}
}

type resp struct {
	status int
	header http.Header
	body   []byte
}

func (r resp) json(t testing.TB) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(r.body, &m); err != nil {
		t.Fatalf("body is not a JSON object: %v\n%s", err, r.body)
	}
	return m
}

func (r resp) array(t *testing.T) []map[string]any {
	t.Helper()
	var a []map[string]any
	if err := json.Unmarshal(r.body, &a); err != nil {
		t.Fatalf("body is not a JSON array: %v\n%s", err, r.body)
	}
	return a
}

// do sends a request; body may be nil, a string or a value to encode.
func (e *env) do(method, path, token string, body any) resp {
	e.t.Helper()
	var rd io.Reader
	switch b := body.(type) {
	case nil:
	case string:
		rd = bytes.NewBufferString(b)
	case []byte:
		rd = bytes.NewReader(b)
	default:
		buf, err := json.Marshal(b)
		if err != nil {
			e.t.Fatal(err)
		}
		rd = bytes.NewReader(buf)
	}
	req, err := http.NewRequest(method, e.srv.URL+path, rd)
	if err != nil {
		e.t.Fatal(err)
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if e.acceptHeader != "" {
		req.Header.Set("Accept", e.acceptHeader)
	}
	res, err := e.srv.Client().Do(req)
	if err != nil {
		e.t.Fatal(err)
	}
	defer res.Body.Close()
	data, err := io.ReadAll(res.Body)
	if err != nil {
		e.t.Fatal(err)
	}
	seen.record(e.s, method, req.URL.EscapedPath(), res.StatusCode)
	return resp{res.StatusCode, res.Header, data}
}

func (e *env) get(path string) resp { return e.do("GET", path, tokRW, nil) }

// expect checks status and, when code != 0, the Dinero error code.
func expect(t testing.TB, r resp, status, code int) {
	t.Helper()
	if r.status != status {
		t.Fatalf("status %d, want %d; body %s", r.status, status, r.body)
	}
	if code != 0 {
		if got := int(r.json(t)["code"].(float64)); got != code {
			t.Fatalf("code %d, want %d; body %s", got, code, r.body)
		}
	}
}

func orgPath(ver string, id int, rest string) string {
	return "/" + ver + "/" + strconv.Itoa(id) + rest
}
