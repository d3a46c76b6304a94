package api

import (
	"fmt"
	"net/url"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

var placeholder = regexp.MustCompile(`\{([A-Za-z_][A-Za-z0-9_]*)\}`)

// Placeholders lists the {name} placeholders of a path template in order.
func Placeholders(path string) []string {
	var names []string
	for _, m := range placeholder.FindAllStringSubmatch(path, -1) {
		names = append(names, m[1])
	}
	return names
}

// ExpandPath fills the {name} placeholders of path with values, escaping
// each as one path segment. A placeholder without a value is an error that
// names it. "." and ".." are refused (a normalizing server would route
// them to another resource), and {organizationId} must be a whole number.
func ExpandPath(path string, values map[string]string) (string, error) {
	var missing []string
	var bad error
	out := placeholder.ReplaceAllStringFunc(path, func(m string) string {
		name := m[1 : len(m)-1]
		v, ok := values[name]
		if !ok || v == "" {
			missing = append(missing, name)
			return m
		}
		if err := CheckPathValue(name, v); err != nil && bad == nil {
			bad = err
		}
		return url.PathEscape(v)
	})
	if len(missing) > 0 {
		sort.Strings(missing)
		return "", fmt.Errorf("path %s needs a value for {%s}", path, strings.Join(missing, "}, {"))
	}
	if bad != nil {
		return "", bad
	}
	return out, nil
}

// CheckPathValue reports whether v may fill the {name} placeholder: not
// empty, not "." or "..", and a whole number > 0 for organizationId.
func CheckPathValue(name, v string) error {
	switch v {
	case "":
		return fmt.Errorf("{%s} needs a value", name)
	case ".", "..":
		return fmt.Errorf("{%s} cannot be %q: it would name another path; give the real value", name, v)
	}
	if name == "organizationId" {
		if n, err := strconv.ParseInt(v, 10, 64); err != nil || n <= 0 || strconv.FormatInt(n, 10) != v {
			return fmt.Errorf("{organizationId} must be an organization id (a whole number, see 'dinero-tui orgs'), got %q", truncateValue(v))
		}
	}
	return nil
}

// truncateValue keeps a quoted user value short in a message.
func truncateValue(v string) string {
	if len(v) > 40 {
		return truncate(v, 40)
	}
	return v
}

// buildURL resolves r against the base URL and returns it with the
// organization id it addresses ("" for global paths), which keys the request
// budget.
func (c *Client) buildURL(r Request) (*url.URL, string, error) {
	if c.baseErr != nil {
		return nil, "", c.baseErr
	}
	raw := strings.TrimSpace(r.Path)
	if raw == "" {
		return nil, "", fmt.Errorf("empty request path; give one like /v1/organizations")
	}
	if strings.HasPrefix(raw, "http://") || strings.HasPrefix(raw, "https://") {
		abs, err := url.Parse(raw)
		if err != nil {
			return nil, "", fmt.Errorf("request URL: %w", err)
		}
		if abs.Scheme != c.base.Scheme || abs.Host != c.base.Host {
			// The session's client would send the access token along: refuse.
			return nil, "", fmt.Errorf("refusing to send the session to %s: only %s is allowed", abs.Host, c.base.Host)
		}
		raw = strings.TrimPrefix(abs.RequestURI(), c.base.EscapedPath())
	}
	pathPart, queryPart, _ := strings.Cut(raw, "?")
	if !strings.HasPrefix(pathPart, "/") {
		pathPart = "/" + pathPart
	}
	expanded, err := ExpandPath(pathPart, r.PathParams)
	if err != nil {
		return nil, "", err
	}
	u, err := url.Parse(c.base.String() + expanded)
	if err != nil {
		return nil, "", fmt.Errorf("request path %q: %w", expanded, err)
	}
	q, err := url.ParseQuery(queryPart)
	if err != nil {
		return nil, "", fmt.Errorf("query string %q: %w", queryPart, err)
	}
	for k, vs := range r.Query {
		q[k] = append(q[k], vs...)
	}
	u.RawQuery = q.Encode()
	if r.RawQuery != "" {
		u.RawQuery = strings.TrimSuffix(r.RawQuery+"&"+u.RawQuery, "&")
	}
	return u, orgOf(expanded), nil
}

// orgOf returns the organization segment of /{version}/{organizationId}/...,
// or "" for global paths such as /v1/organizations.
func orgOf(path string) string {
	parts := strings.SplitN(strings.TrimPrefix(path, "/"), "/", 3)
	if len(parts) < 2 || !isVersion(parts[0]) {
		return ""
	}
	for _, r := range parts[1] {
		if r < '0' || r > '9' {
			return ""
		}
	}
	return parts[1]
}

func isVersion(s string) bool {
	if len(s) < 2 || s[0] != 'v' {
		return false
	}
	for _, r := range s[1:] {
		if (r < '0' || r > '9') && r != '.' {
			return false
		}
	}
	return true
}
