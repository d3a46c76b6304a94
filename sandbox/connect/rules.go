package connect

import (
	"crypto/sha256"
	"crypto/subtle"
	"net/url"
	"strconv"
	"strings"
)

// validRedirectURI reports whether u is an absolute URI without a fragment
// (RFC 6749 3.1.2).
func validRedirectURI(u string) bool {
	p, err := url.Parse(u)
	return err == nil && p.Scheme != "" && p.Opaque == "" && !strings.Contains(u, "#") && p.Host+p.Path != ""
}

// redirectAllowed reports whether the requested redirect URI matches one the
// client registered. Matching is simple string comparison, so scheme, host,
// path, port and letter case all count; the one exception is loopback http
// URIs (127.0.0.1, [::1], localhost), whose port may differ (RFC 8252 7.3).
func redirectAllowed(c *Client, requested string) bool {
	if requested == "" || !validRedirectURI(requested) {
		return false
	}
	reqNoPort, reqLoopback := stripLoopbackPort(requested)
	for _, reg := range c.RedirectURIs {
		if reg == requested {
			return true
		}
		if regNoPort, ok := stripLoopbackPort(reg); ok && reqLoopback && regNoPort == reqNoPort {
			return true
		}
	}
	return false
}

// stripLoopbackPort removes the port from a loopback http URI. It reports
// false for any URI that is not plain http on a loopback host.
func stripLoopbackPort(raw string) (string, bool) {
	const scheme = "http://"
	if !strings.HasPrefix(raw, scheme) {
		return "", false
	}
	rest := raw[len(scheme):]
	end := strings.IndexAny(rest, "/?#")
	if end < 0 {
		end = len(rest)
	}
	authority, tail := rest[:end], rest[end:]
	host, port := authority, ""
	if i := strings.LastIndexByte(authority, ':'); i >= 0 && !strings.HasSuffix(authority, "]") {
		host, port = authority[:i], authority[i+1:]
	}
	switch host {
	case "127.0.0.1", "[::1]", "localhost":
	default:
		return "", false
	}
	if port != "" {
		n, err := strconv.Atoi(port)
		if err != nil || n < 1 || n > 65535 || strconv.Itoa(n) != port {
			return "", false
		}
	}
	return scheme + host + tail, true
}

// splitScopes splits a space-separated scope value, dropping empty and
// repeated entries but keeping order.
func splitScopes(v string) []string {
	var out []string
	for _, s := range strings.Split(v, " ") {
		if s != "" && !contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}

// checkScopes applies the scope rules of an authorize request. It returns
// the error code and a description, or "" when the scopes are acceptable.
func checkScopes(c *Client, scopes []string) (string, string) {
	if len(scopes) == 0 {
		return "invalid_scope", "scope is required"
	}
	identity := false
	for _, sc := range scopes {
		if !contains(c.Scopes, sc) {
			return "invalid_scope", "a requested scope is not allowed for this application"
		}
		if sc == "offline_access" && !c.OfflineAccess {
			return "invalid_scope", "offline_access needs Offline Access enabled for the application"
		}
		if sc == "email" || sc == "profile" {
			identity = true
		}
	}
	if identity && !contains(scopes, "openid") {
		return "invalid_scope", "identity scopes need the openid scope"
	}
	return "", ""
}

// unreservedOnly reports whether s only holds RFC 7636 unreserved characters.
func unreservedOnly(s string) bool {
	for i := 0; i < len(s); i++ {
		ch := s[i]
		ok := ch >= 'A' && ch <= 'Z' || ch >= 'a' && ch <= 'z' || ch >= '0' && ch <= '9' ||
			ch == '-' || ch == '.' || ch == '_' || ch == '~'
		if !ok {
			return false
		}
	}
	return true
}

// validVerifier checks the RFC 7636 form of a code verifier (or of a plain
// challenge, which has the same form).
func validVerifier(v string) bool {
	return len(v) >= 43 && len(v) <= 128 && unreservedOnly(v)
}

// validChallenge checks a code challenge for its method.
func validChallenge(ch, method string) bool {
	if method == "S256" {
		if len(ch) != 43 {
			return false
		}
		_, err := b64.DecodeString(ch)
		return err == nil
	}
	return validVerifier(ch)
}

// pkceMatches checks a code verifier against the stored challenge.
func pkceMatches(verifier, challenge, method string) bool {
	if !validVerifier(verifier) {
		return false
	}
	want := verifier
	if method == "S256" {
		sum := sha256.Sum256([]byte(verifier))
		want = b64.EncodeToString(sum[:])
	}
	return subtle.ConstantTimeCompare([]byte(want), []byte(challenge)) == 1
}

// secretEqual compares two secrets in constant time, whatever their lengths.
func secretEqual(a, b string) bool {
	ha, hb := sha256.Sum256([]byte(a)), sha256.Sum256([]byte(b))
	return subtle.ConstantTimeCompare(ha[:], hb[:]) == 1
}

// singleValues turns parsed parameters into single values. It reports the
// name of a parameter given more than once ("" when there is none).
// Parameters sent with an empty value count as absent (RFC 6749 3.1).
func singleValues(v url.Values) (map[string]string, string) {
	out := make(map[string]string, len(v))
	for k, vals := range v {
		if len(vals) > 1 {
			return nil, k
		}
		if vals[0] != "" {
			out[k] = vals[0]
		}
	}
	return out, ""
}

// origin returns scheme://host of a URI.
func origin(u string) string {
	p, err := url.Parse(u)
	if err != nil {
		return ""
	}
	return p.Scheme + "://" + p.Host
}
