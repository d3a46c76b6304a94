package catalog

import (
	"maps"
	"net/url"
	"regexp"
	"strings"
)

// PostmanCallback is the redirect URI Postman uses when "Authorize using
// browser" (useBrowser) is on. It is not served locally, so a login with it
// runs in paste mode.
const PostmanCallback = "https://oauth.pstmn.io/v1/callback"

// Settings are the login and API settings a Postman collection and
// environment give, keyed like dinero-tui's settings: client-id,
// client-secret, scopes, redirect-uri, connect-url, api-url, org,
// client-auth (body or header) and auth-params (extra authorize query
// parameters, URL-encoded). Collection holds what the collection alone
// says; Environment what the environment changes. Values may be secrets.
type Settings struct {
	Collection, Environment map[string]string
}

// authOwned are the authorize parameters the login sets itself; the rest
// of an authUrl's query is kept.
var authOwned = map[string]bool{"client_id": true, "redirect_uri": true, "response_type": true, "scope": true,
	"state": true, "nonce": true, "code_challenge": true, "code_challenge_method": true, "response_mode": true}

var digits = regexp.MustCompile(`^[1-9][0-9]{0,17}$`)

// PostmanSettings derives the settings of a collection (info, nil when
// there is none) and an environment's values (nil when none).
func PostmanSettings(info *PostmanInfo, env map[string]string) Settings {
	if info == nil {
		info = &PostmanInfo{}
	}
	own := *info
	own.Environment = nil
	col := derive(&own, own.Vars())
	merged := derive(info, mergeVars(info.Variables, env))
	diff := map[string]string{}
	for k, v := range merged {
		if col[k] != v {
			diff[k] = v
		}
	}
	return Settings{Collection: col, Environment: diff}
}

func mergeVars(a, b map[string]string) map[string]string {
	out := maps.Clone(a)
	if out == nil {
		out = map[string]string{}
	}
	maps.Copy(out, b)
	return out
}

// derive reads the settings from a collection's OAuth2 block and the
// well-known variables, resolved with vars.
func derive(info *PostmanInfo, vars map[string]string) map[string]string {
	out := map[string]string{}
	put := func(key, raw string) {
		v := strings.TrimSpace(Expand(raw, vars))
		if v != "" && !strings.Contains(v, "{{") {
			out[key] = v
		}
	}
	hostVar := orDefault(info.HostVariable, "baseUrl")
	if u, err := url.Parse(strings.TrimSpace(Expand(vars[hostVar], vars))); err == nil && u.Host != "" &&
		(u.Scheme == "https" || u.Scheme == "http") {
		out["api-url"] = u.Scheme + "://" + u.Host
	}
	for _, name := range []string{"organizationId", "organizationID", "companyId"} {
		if v := strings.TrimSpace(Expand(vars[name], vars)); digits.MatchString(v) {
			out["org"] = v
			break
		}
	}
	// well-known variable names, for environments and collections
	// without an OAuth2 block
	for key, names := range map[string][]string{
		"client-id": {"clientId", "client_id"}, "client-secret": {"clientSecret", "client_secret"}, "scopes": {"scope", "scopes"},
	} {
		for _, n := range names {
			if _, ok := vars[n]; ok {
				put(key, vars[n])
				break
			}
		}
	}
	a := info.OAuth2
	if a == nil {
		return out
	}
	put("client-id", a["clientId"])
	put("client-secret", a["clientSecret"])
	put("scopes", a["scope"])
	put("redirect-uri", orDefault(a["redirect_uri"], orDefault(a["callbackUrl"], a["callBackUrl"])))
	if a["useBrowser"] == "true" {
		out["redirect-uri"] = PostmanCallback
	}
	switch a["client_authentication"] {
	case "header", "body":
		out["client-auth"] = a["client_authentication"]
	}
	authURL, err := url.Parse(strings.TrimSpace(Expand(a["authUrl"], vars)))
	if err != nil || authURL.Host == "" || strings.Contains(authURL.String(), "{{") {
		return out
	}
	if base, ok := strings.CutSuffix(strings.TrimRight(authURL.Path, "/"), "/connect/authorize"); ok {
		out["connect-url"] = authURL.Scheme + "://" + authURL.Host + base
	} else {
		out["connect-url"] = authURL.Scheme + "://" + authURL.Host
	}
	extra := url.Values{}
	for k, vs := range authURL.Query() {
		if !authOwned[k] {
			extra[k] = vs
		}
	}
	if len(extra) > 0 {
		out["auth-params"] = extra.Encode()
	}
	return out
}
