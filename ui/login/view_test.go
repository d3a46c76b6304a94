package login

import "testing"

func TestDisplayRedirect(t *testing.T) {
	tests := map[string]string{
		"http://127.0.0.1:0/callback":     "http://127.0.0.1:<free port>/callback",
		"http://[::1]:0/cb?x=1":           "http://[::1]:<free port>/cb?x=1",
		"http://127.0.0.1:53682/callback": "http://127.0.0.1:53682/callback",
		"https://example.com/cb":          "https://example.com/cb",
		"":                                "—",
	}
	for in, want := range tests {
		if got := displayRedirect(in); got != want {
			t.Errorf("displayRedirect(%q) = %q, want %q", in, got, want)
		}
	}
}
