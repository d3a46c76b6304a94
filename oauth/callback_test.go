package oauth

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// FuzzCallback drives the receiver with arbitrary requests: it must never
// panic, never deliver a result without the exact state, and never echo
// the state.
func FuzzCallback(f *testing.F) {
	const state = "S7a3kQ0x_state-value-for-fuzzing-0123456789"
	f.Add("POST", "127.0.0.1:5000", "/callback", "application/x-www-form-urlencoded", "code=abc&state="+state)
	f.Add("POST", "127.0.0.1:5000", "/callback", "application/x-www-form-urlencoded", "error=access_denied&state="+state)
	f.Add("POST", "127.0.0.1:5000", "/callback", "application/x-www-form-urlencoded", "code=a&code=b&state="+state)
	f.Add("GET", "evil.example", "/", "text/plain", "%zz\x00\xff")
	f.Add("POST", "127.0.0.1:5000", "/callback", "application/x-www-form-urlencoded; charset=utf-8", "state=x&state="+state)
	f.Fuzz(func(t *testing.T, method, host, path, ctype, body string) {
		rc := newReceiver("/callback", []string{"127.0.0.1:5000"}, state, "http://127.0.0.1:9", false)
		req := httptest.NewRequest(http.MethodGet, "http://127.0.0.1:5000/", strings.NewReader(body))
		req.Method = method
		req.Host = host
		req.URL.Path = path
		req.Header.Set("Content-Type", ctype)
		w := httptest.NewRecorder()
		rc.ServeHTTP(w, req)
		if strings.Contains(w.Body.String(), state) {
			t.Fatal("the reply echoes the state")
		}
		select {
		case res := <-rc.results:
			if method != "POST" || host != "127.0.0.1:5000" || path != "/callback" || strings.Count(body, state) == 0 {
				t.Fatalf("delivered %v for an unauthenticated request", res.err)
			}
			if res.err == nil && res.code == "" {
				t.Fatal("delivered an empty result")
			}
		default:
		}
	})
}
