package oauth

import (
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strings"
)

// maxRedirects bounds the same-origin redirects the API client follows.
const maxRedirects = 10

// origin is u's scheme, host and port, lower-cased and with the default
// port written out, so two URLs share an origin exactly when their origins
// are equal strings. "" for a URL without a host.
func origin(u *url.URL) string {
	if u == nil || u.Host == "" {
		return ""
	}
	scheme := strings.ToLower(u.Scheme)
	port := u.Port()
	if port == "" {
		switch scheme {
		case "https":
			port = "443"
		case "http":
			port = "80"
		}
	}
	return scheme + "://" + net.JoinHostPort(strings.ToLower(u.Hostname()), port)
}

// apiOrigin is the origin of the profile's API base ("" when unusable:
// then no request carries the token).
func apiOrigin(apiURL string) string {
	u, err := url.Parse(strings.TrimSpace(apiURL))
	if err != nil {
		return ""
	}
	return origin(u)
}

// errOtherOrigin refuses to send the access token off the API's origin.
func (s *Session) errOtherOrigin(u *url.URL) error {
	return fmt.Errorf("refusing to send the access token to %s: it goes only to the Dinero API at %s (DINERO_API_URL)", origin(u), s.apiOrigin)
}

// checkRedirect follows redirects within the API's origin only: the
// transport would put the bearer token on every hop.
func (s *Session) checkRedirect(req *http.Request, via []*http.Request) error {
	if from, to := origin(via[0].URL), origin(req.URL); to != from {
		return fmt.Errorf("the API answered with a redirect to another origin (%s); not followed, so the access token stays with %s", to, from)
	}
	if len(via) >= maxRedirects {
		return errors.New("the API redirected more than 10 times; stopped")
	}
	return nil
}
