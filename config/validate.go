package config

import (
	"errors"
	"fmt"
	"net"
	"net/url"
	"strings"
)

// KnownScopes are the scopes a Dinero application can be granted.
var KnownScopes = []string{
	"dineropublicapi:read", "dineropublicapi:write", "offline_access", "openid", "email", "profile",
}

// UILocales are the ui_locales Visma Connect supports.
var UILocales = []string{"da-DK", "en-GB", "en-US", "fi-FI", "nb-NO", "nl-NL", "sv-SE", "lv-LV"}

// Validate checks that the profile can be used to log in, and says what to
// fix when it cannot. All problems are reported, one per line.
func (p Profile) Validate() error {
	var errs []error
	add := func(format string, a ...any) { errs = append(errs, fmt.Errorf(format, a...)) }
	if err := checkProfileName(p.Name); err != nil {
		errs = append(errs, err)
	}
	if p.ClientID == "" {
		add("no client id: set DINERO_CLIENT_ID or client_id in %s (it starts with isv_)", p.ConfigFile())
	} else if strings.ContainsAny(p.ClientID, " \t\r\n") {
		add("client id contains spaces: copy it again from the Visma developer portal")
	}
	if len(p.Scopes) == 0 {
		add("no scopes: set DINERO_SCOPES (e.g. %q)", DefaultScopes)
	}
	for _, s := range p.Scopes {
		if !contains(KnownScopes, s) {
			add("scope %q is not one Dinero knows; use some of: %s", s, strings.Join(KnownScopes, " "))
		}
	}
	if p.RedirectURI == "" {
		add("no redirect URI: set DINERO_REDIRECT_URI to the one registered for your application (e.g. http://127.0.0.1:0/callback)")
	} else if _, err := ParseRedirect(p.RedirectURI); err != nil {
		errs = append(errs, err)
	}
	if !contains(UILocales, p.UILocale) {
		add("ui locale %q is not supported; use one of: %s", p.UILocale, strings.Join(UILocales, " "))
	}
	if err := checkServiceURL("Connect URL (DINERO_CONNECT_URL)", p.ConnectURL); err != nil {
		errs = append(errs, err)
	}
	if err := checkServiceURL("API URL (DINERO_API_URL)", p.APIURL); err != nil {
		errs = append(errs, err)
	}
	switch p.TokenStore {
	case "auto", "keyring", "file":
	default:
		add("token store %q is unknown; use auto, keyring or file", p.TokenStore)
	}
	if p.OrgID < 0 {
		add("organization id must be positive")
	}
	return errors.Join(errs...)
}

// Redirect is a parsed redirect URI.
type Redirect struct {
	URL *url.URL
	// Loopback is true for http://127.0.0.1, http://[::1] and
	// http://localhost URIs, which are served by a local receiver.
	Loopback bool
}

// ParseRedirect checks a redirect URI: a loopback http URI with an explicit
// port (0 = any free port) and a path, or an https URI (paste mode).
func ParseRedirect(raw string) (Redirect, error) {
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" || u.User != nil {
		return Redirect{}, fmt.Errorf("redirect URI %q is not an absolute URL", raw)
	}
	if u.Fragment != "" {
		return Redirect{}, fmt.Errorf("redirect URI must not contain a #fragment")
	}
	switch u.Scheme {
	case "https":
		return Redirect{URL: u}, nil
	case "http":
		if !IsLoopbackHost(u.Hostname()) {
			return Redirect{}, fmt.Errorf("redirect URI %q uses http on a non-loopback host: use https, or http://127.0.0.1:PORT/callback", raw)
		}
		if u.Port() == "" {
			return Redirect{}, fmt.Errorf("loopback redirect URI needs a port (0 picks a free one), e.g. http://127.0.0.1:0/callback")
		}
		if u.Path == "" || u.Path == "/" {
			return Redirect{}, fmt.Errorf("loopback redirect URI needs a path, e.g. http://127.0.0.1:0/callback")
		}
		return Redirect{URL: u, Loopback: true}, nil
	}
	return Redirect{}, fmt.Errorf("redirect URI %q must be https, or http on 127.0.0.1/localhost", raw)
}

// IsLoopbackHost reports whether host is localhost or a loopback IP literal.
func IsLoopbackHost(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

func checkServiceURL(what, raw string) error {
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" || (u.Scheme != "https" && u.Scheme != "http") {
		return fmt.Errorf("%s %q is not an http(s) URL", what, raw)
	}
	if u.Scheme == "http" && !IsLoopbackHost(u.Hostname()) {
		return fmt.Errorf("%s %q must use https (plain http only on 127.0.0.1/localhost)", what, raw)
	}
	if u.RawQuery != "" || u.Fragment != "" || u.User != nil {
		return fmt.Errorf("%s %q must be a bare base URL", what, raw)
	}
	return nil
}

func checkProfileName(name string) error {
	if name == "" || len(name) > 64 || name == "." || name == ".." {
		return fmt.Errorf("profile name %q is not valid: use letters, digits, '-' and '_'", name)
	}
	for _, r := range name {
		ok := r == '-' || r == '_' || r == '.' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
		if !ok {
			return fmt.Errorf("profile name %q is not valid: use letters, digits, '-' and '_'", name)
		}
	}
	return nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
