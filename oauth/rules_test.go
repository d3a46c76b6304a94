package oauth

import (
	"context"
	"net"
	"net/url"
	"strings"
	"testing"
	"time"

	"golang.org/x/oauth2"
)

func TestEvaluateResponseIssRules(t *testing.T) {
	const iss = "https://connect.example"
	cases := []struct {
		form        string
		issRequired bool
		want        string // "" = success
	}{
		{"code=a", false, ""},
		{"code=a&iss=https%3A%2F%2Fconnect.example", true, ""},
		{"code=a", true, "lacks the issuer"},
		{"code=a&iss=https%3A%2F%2FCONNECT.example", false, "another issuer"},
		{"code=a&iss=https%3A%2F%2Fconnect.example%2Fx", false, "another issuer"},
		{"code=a&iss=https%3A%2F%2Fconnect.example%2F", false, "another issuer"},
		{"code=a&iss=https%3A%2F%2Fconnect.example%2F", true, "another issuer"},
		{"code=a&iss=https%3A%2F%2Fconnect.example%3A443", false, "another issuer"},
		{"code=a%00b", false, "malformed code"},
		{"error=access_denied&error_description=%1b%5b31mred", false, "login cancelled"},
		{"error=%1b%5b2Jtemporarily_unavailable", false, "refused the login: 2Jtemporarily_unavailable"},
	}
	for _, c := range cases {
		form, _ := url.ParseQuery(c.form)
		res := evaluateResponse(form, iss, c.issRequired)
		switch {
		case c.want == "" && (res.err != nil || res.code == ""):
			t.Errorf("%s: %v", c.form, res.err)
		case c.want != "" && (res.err == nil || !strings.Contains(res.err.Error(), c.want)):
			t.Errorf("%s: %v, want %q", c.form, res.err, c.want)
		case res.err != nil && strings.ContainsAny(res.err.Error(), "\x1b\x00"):
			t.Errorf("%s: control characters reach the error", c.form)
		}
	}
}

func TestTokenLifetimeHandling(t *testing.T) {
	h := newHarness(t)
	clk := newClock()
	s := h.session(WithClock(clk.Now))
	now := clk.Now()
	cases := []struct {
		expiresIn int64
		want      time.Duration
	}{
		{3600, time.Hour},
		{0, unknownLifetime},
		{-5, unknownLifetime},
		{1 << 40, maxLifetime},
	}
	for _, c := range cases {
		tok := (&oauth2.Token{AccessToken: "a", TokenType: "bearer", ExpiresIn: c.expiresIn})
		got, err := s.tokensFrom(tok, &Tokens{TokenURL: "x"})
		if err != nil {
			t.Fatal(err)
		}
		if d := got.Expiry.Sub(now); d != c.want {
			t.Errorf("expires_in %d: lifetime %v, want %v", c.expiresIn, d, c.want)
		}
	}
	if _, err := s.tokensFrom(&oauth2.Token{AccessToken: "a\nb"}, &Tokens{}); err == nil {
		t.Error("malformed access token accepted")
	}
}

func TestLoginFixedPortInUse(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	h := newHarness(t)
	h.env["DINERO_REDIRECT_URI"] = "http://" + ln.Addr().String() + "/callback"
	_, err = h.session().StartLogin(context.Background())
	if err == nil || !strings.Contains(err.Error(), "in use") {
		t.Fatalf("StartLogin on a busy port: %v", err)
	}
}
