package oauth

import (
	"context"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dinero-tui/dinero-tui/config"
	"github.com/dinero-tui/dinero-tui/sandbox"
	"github.com/dinero-tui/dinero-tui/sandbox/sandboxtest"
)

// TestWholeSandbox runs the session against the full sandbox (Connect and
// the Dinero API): login through the consent page, API calls, a 401 caused
// by server-side expiry recovered with one refresh and one retry, then 50
// goroutines at expiry sharing one refresh.
func TestWholeSandbox(t *testing.T) {
	srvClock := newClock()
	sb := sandboxtest.Start(t, sandbox.Options{PKCERequired: true, RateLimit: -1, Now: srvClock.Now})
	env := map[string]string{
		"HOME": t.TempDir(), "DINERO_CLIENT_ID": sb.ClientID, "DINERO_CLIENT_SECRET": sb.ClientSecret,
		"DINERO_CONNECT_URL": sb.ConnectURL, "DINERO_API_URL": sb.APIURL,
		"DINERO_REDIRECT_URI": "http://127.0.0.1:0/callback", "DINERO_TOKEN_STORE": "file",
	}
	p, err := config.Load(config.LoadOptions{Getenv: func(k string) string { return env[k] }})
	if err != nil {
		t.Fatal(err)
	}
	cliClock := newClock()
	s, err := NewSession(p, WithClock(cliClock.Now))
	if err != nil {
		t.Fatal(err)
	}
	approveLogin(t, s)
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	get := func(hc *http.Client) (int, string, error) {
		resp, err := hc.Get(sb.APIURL + "/v1/organizations")
		if err != nil {
			return 0, "", err
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b), nil
	}
	if code, body, err := get(s.HTTPClient()); err != nil || code != 200 || !strings.HasPrefix(body, "[") {
		t.Fatalf("organizations: %d %v %.80q", code, err, body)
	}

	// The server's clock runs ahead: our token looks fresh to us but is
	// expired for the API.
	srvClock.Advance(2 * time.Hour)
	if code, _, err := get(s.HTTPClient()); err != nil || code != 200 {
		t.Fatalf("after server-side expiry: %d %v", code, err)
	}
	if n := sb.Connect.Stats().TokenRequests["refresh_token"]; n != 1 {
		t.Fatalf("401 recovery used %d refreshes, want 1", n)
	}

	// Both clocks move past expiry; 50 goroutines, one refresh.
	srvClock.Advance(2 * time.Hour)
	cliClock.Advance(4 * time.Hour)
	var wg sync.WaitGroup
	codes := make([]int, 50)
	for i := range 50 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			codes[i], _, _ = get(s.HTTPClient())
		}()
	}
	wg.Wait()
	for i, c := range codes {
		if c != 200 {
			t.Fatalf("goroutine %d: HTTP %d", i, c)
		}
	}
	st := sb.Connect.Stats()
	if st.TokenRequests["refresh_token"] != 2 || st.ReuseDetections != 0 || st.GraceReuses != 0 {
		t.Errorf("stats %+v; want 2 refreshes in all and no reuse", st)
	}
	if err := s.Logout(ctx); err != nil {
		t.Fatal(err)
	}
	if code, _, err := get(s.HTTPClient()); err == nil || code != 0 {
		t.Errorf("API call after logout: %d %v", code, err)
	}
}
