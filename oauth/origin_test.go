package oauth

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"
)

func TestOrigin(t *testing.T) {
	same := [][2]string{
		{"https://api.dinero.dk", "https://API.dinero.dk:443/v1/x"},
		{"http://127.0.0.1:8080/", "http://127.0.0.1:8080/v1"},
	}
	for _, c := range same {
		a, _ := url.Parse(c[0])
		b, _ := url.Parse(c[1])
		if origin(a) != origin(b) {
			t.Errorf("%s and %s should share an origin", c[0], c[1])
		}
	}
	base, _ := url.Parse("https://api.dinero.dk")
	for _, other := range []string{"http://api.dinero.dk", "https://api.dinero.dk:8443", "https://api.dinero.dk.evil.example", "https://evil.example", "https://api.dinero.dk@evil.example/"} {
		u, _ := url.Parse(other)
		if origin(u) == origin(base) {
			t.Errorf("%s shares the API's origin", other)
		}
	}
}

// TestBearerTokenStaysWithTheAPIOrigin: a redirect from the API to another
// port, host or scheme is refused before the request leaves, so the token
// never reaches it; a redirect within the API's origin is followed.
func TestBearerTokenStaysWithTheAPIOrigin(t *testing.T) {
	var elsewhere atomic.Int32
	other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		elsewhere.Add(1)
		if r.Header.Get("Authorization") != "" {
			t.Error("the other origin received the bearer token")
		}
	}))
	defer other.Close()
	h := newHarness(t)
	s := h.session()
	h.login(s)
	// The API's own answers: a harness API in front of the token checks.
	api := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/moved":
			http.Redirect(w, r, "/v1/organizations", http.StatusFound)
		case "/away-port":
			http.Redirect(w, r, other.URL+"/steal", http.StatusFound)
		case "/away-host":
			http.Redirect(w, r, strings.Replace(other.URL, "127.0.0.1", "localhost", 1)+"/steal", http.StatusTemporaryRedirect)
		default:
			h.serveAPI(w, r)
		}
	}))
	defer api.Close()
	h.env["DINERO_API_URL"] = api.URL
	s = h.session()
	resp, err := s.HTTPClient().Get(api.URL + "/moved")
	if err != nil {
		t.Fatalf("same-origin redirect: %v", err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("same-origin redirect answered %d", resp.StatusCode)
	}
	for _, path := range []string{"/away-port", "/away-host"} {
		resp, err := s.HTTPClient().Get(api.URL + path)
		if err == nil {
			resp.Body.Close()
			t.Fatalf("%s: a cross-origin redirect was followed", path)
		}
		if !strings.Contains(err.Error(), "redirect to another origin") {
			t.Errorf("%s: %v", path, err)
		}
		h.assertNoSecrets("redirect error", err.Error())
	}
	// A direct request elsewhere is refused too.
	if _, err := s.HTTPClient().Get(other.URL + "/steal"); err == nil || !strings.Contains(err.Error(), "refusing to send the access token") {
		t.Errorf("direct request to another origin: %v", err)
	}
	if n := elsewhere.Load(); n != 0 {
		t.Errorf("the other origin received %d requests", n)
	}
}
