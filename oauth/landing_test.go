package oauth

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
)

// TestLandingPages: the loopback listener answers a login with a small
// HTML page in the login's UI locale (Danish or English): success,
// cancelled and error, with a CSP forbidding every resource, no caching,
// no script and nothing external.
func TestLandingPages(t *testing.T) {
	const state = "landing-state-0123456789abcdefghijklmnop"
	tests := []struct {
		locale, form string
		status       int
		want         string
		lang         string
	}{
		{"da-DK", "code=abc", 200, "Du er logget ind", "da"},
		{"da-DK", "error=access_denied", 200, "Login annulleret", "da"},
		{"da-DK", "error=invalid_scope", 400, "Login mislykkedes", "da"},
		{"en-US", "code=abc", 200, "You are logged in", "en"},
		{"en-US", "error=access_denied", 200, "The login was cancelled", "en"},
		{"en", "error=server_error", 400, "The login failed", "en"},
		{"", "code=abc", 200, "You are logged in", "en"},
	}
	for _, tt := range tests {
		rc := newReceiver("/callback", []string{"127.0.0.1:5000"}, state, "http://127.0.0.1:9", false)
		rc.locale = tt.locale
		body := tt.form + "&state=" + url.QueryEscape(state)
		req := httptest.NewRequest(http.MethodPost, "http://127.0.0.1:5000/callback", strings.NewReader(body))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		w := httptest.NewRecorder()
		rc.ServeHTTP(w, req)
		checkLanding(t, tt.locale+" "+tt.form, w, tt.status, tt.lang, tt.want)
	}
	// a refused request gets a page too, with the same headers
	rc := newReceiver("/callback", []string{"127.0.0.1:5000"}, state, "http://127.0.0.1:9", false)
	rc.locale = "da-DK"
	w := httptest.NewRecorder()
	rc.ServeHTTP(w, httptest.NewRequest(http.MethodGet, "http://127.0.0.1:5000/callback", nil))
	checkLanding(t, "GET", w, http.StatusMethodNotAllowed, "da", "login-svaret")
}

func checkLanding(t *testing.T, name string, w *httptest.ResponseRecorder, status int, lang, want string) {
	t.Helper()
	page := w.Body.String()
	if w.Code != status {
		t.Errorf("%s: status %d, want %d", name, w.Code, status)
	}
	for h, v := range map[string]string{"Content-Security-Policy": "default-src 'none'", "Cache-Control": "no-store",
		"Content-Type": "text/html; charset=utf-8"} {
		if got := w.Header().Get(h); got != v {
			t.Errorf("%s: %s = %q, want %q", name, h, got, v)
		}
	}
	if !strings.Contains(page, `<html lang="`+lang+`">`) || !strings.Contains(page, want) {
		t.Errorf("%s: page lacks lang %s or %q:\n%s", name, lang, want, page)
	}
	for _, bad := range []string{"<script", "http://", "https://", "src=", "<link", "style"} {
		if strings.Contains(strings.ToLower(page), bad) {
			t.Errorf("%s: page holds %q", name, bad)
		}
	}
}
