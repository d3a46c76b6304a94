// Package config resolves a dinero-tui profile from defaults, the config
// file, DINERO_* environment variables and command-line flags (in that
// order of precedence, later wins), and knows the app's XDG directories.
package config

import (
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"
)

// Defaults used when neither the file, the environment nor a flag sets a value.
const (
	DefaultProfile    = "default"
	DefaultScopes     = "dineropublicapi:read dineropublicapi:write offline_access"
	DefaultUILocale   = "da-DK"
	DefaultConnectURL = "https://connect.visma.com"
	DefaultAPIURL     = "https://api.dinero.dk"
	DefaultTokenStore = "auto"
	appDir            = "dinero-tui"
)

// Profile is one fully resolved set of settings: which Visma Connect
// application to log in with, where the services live and where state goes.
type Profile struct {
	Name         string
	ClientID     string
	ClientSecret string
	Scopes       []string
	// RedirectURI is a loopback http URI (served locally; port 0 picks a
	// free port) or an https URI (paste mode).
	RedirectURI string
	UILocale    string
	ConnectURL  string
	APIURL      string
	OrgID       int64  // 0 = not chosen
	TokenStore  string // auto | keyring | file
	PKCE        bool
	// ReadOnly refuses every write (POST, PUT, PATCH, DELETE) before it is
	// sent, and logs in asking for read scopes only (see ReadOnlyScopes).
	ReadOnly bool
	// ClientAuth is how the client authenticates at the token endpoint:
	// "body" (client_secret_post, the default) or "header" (HTTP Basic).
	ClientAuth string
	// AuthParams are extra query parameters for the authorize link (from a
	// Postman authUrl, e.g. ui_locales).
	AuthParams url.Values
	// Sources says where each setting came from ("default", "config file",
	// "the collection", "the Postman environment", "DINERO_CLIENT_ID",
	// "--client-id"), keyed by setting name (client-id, client-secret,
	// scopes, redirect-uri, connect-url, api-url, org, ...).
	Sources map[string]string
	// ConfigDir, StateDir and CacheDir are the app's XDG directories
	// (not per profile; see ProfileStateDir).
	ConfigDir, StateDir, CacheDir string
}

// String describes the profile without its client secret, so a profile
// printed by mistake never leaks it.
func (p Profile) String() string {
	secret := "unset"
	if p.ClientSecret != "" {
		secret = "set"
	}
	return fmt.Sprintf("profile %q (client %s, secret %s, connect %s, api %s)",
		p.Name, p.ClientID, secret, p.ConnectURL, p.APIURL)
}

// GoString is the same as String, so %#v does not leak the secret either.
func (p Profile) GoString() string { return p.String() }

// ProfileStateDir is the per-profile state directory (token store, lock,
// remembered organization).
func (p Profile) ProfileStateDir() string { return filepath.Join(p.StateDir, p.Name) }

// ConfigFile is the path of the config file.
func (p Profile) ConfigFile() string { return filepath.Join(p.ConfigDir, "config.toml") }

// LoadOptions tells Load where to look.
type LoadOptions struct {
	// Getenv reads the environment; nil means os.Getenv.
	Getenv func(string) string
	// Profile overrides DINERO_PROFILE when not empty.
	Profile string
	// Flags maps flag names (client-id, client-secret, scopes, redirect-uri,
	// ui-locale, connect-url, api-url, org, token-store, pkce) to values,
	// holding only the flags the user set.
	Flags map[string]string
	// Layers sit between the config file and the environment, applied in
	// order (a Postman collection, then a Postman environment). Their keys
	// are the flag names plus client-auth and auth-params.
	Layers []Layer
}

// Layer is a set of settings from one source.
type Layer struct {
	Source string // e.g. "the collection", shown by status
	Values map[string]string
}

// fileProfile is one [profiles.NAME] table of config.toml.
type fileProfile struct {
	ClientID     string `toml:"client_id"`
	ClientSecret string `toml:"client_secret"`
	// ClientSecretEnv names an environment variable holding the secret, so
	// the secret need not sit in the file.
	ClientSecretEnv string   `toml:"client_secret_env"`
	Scopes          []string `toml:"scopes"`
	RedirectURI     string   `toml:"redirect_uri"`
	UILocale        string   `toml:"ui_locale"`
	ConnectURL      string   `toml:"connect_url"`
	APIURL          string   `toml:"api_url"`
	OrgID           int64    `toml:"org_id"`
	TokenStore      string   `toml:"token_store"`
	PKCE            *bool    `toml:"pkce"`
	ReadOnly        *bool    `toml:"read_only"`
}

type fileConfig struct {
	Profiles map[string]fileProfile `toml:"profiles"`
}

// Load resolves a profile: defaults < config.toml < DINERO_* env < flags.
// A missing config file is fine; an unreadable or malformed one is an error.
func Load(o LoadOptions) (Profile, error) {
	getenv := o.Getenv
	if getenv == nil {
		getenv = os.Getenv
	}
	p := Profile{
		Name:       DefaultProfile,
		Scopes:     strings.Fields(DefaultScopes),
		UILocale:   DefaultUILocale,
		ConnectURL: DefaultConnectURL,
		APIURL:     DefaultAPIURL,
		TokenStore: DefaultTokenStore,
		PKCE:       true,
		ClientAuth: "body",
		Sources:    map[string]string{},
	}
	for _, k := range []string{"client-id", "client-secret", "scopes", "redirect-uri", "ui-locale", "connect-url", "api-url", "org", "token-store"} {
		p.Sources[k] = "default"
	}
	if v := getenv("DINERO_PROFILE"); v != "" {
		p.Name = v
	}
	if o.Profile != "" {
		p.Name = o.Profile
	}
	if v, ok := o.Flags["profile"]; ok && v != "" {
		p.Name = v
	}
	if err := checkProfileName(p.Name); err != nil {
		return Profile{}, err
	}
	var err error
	if p.ConfigDir, p.StateDir, p.CacheDir, err = dirs(getenv); err != nil {
		return Profile{}, err
	}
	if err := applyFile(&p, getenv); err != nil {
		return Profile{}, err
	}
	for _, l := range o.Layers {
		if err := applyLayer(&p, l); err != nil {
			return Profile{}, err
		}
	}
	if err := applyEnv(&p, getenv); err != nil {
		return Profile{}, err
	}
	if err := applyFlags(&p, o.Flags); err != nil {
		return Profile{}, err
	}
	if p.ReadOnly {
		p.Scopes = ReadOnlyScopes(p.Scopes)
	}
	if p.OrgID == 0 {
		if p.OrgID = LastOrg(p); p.OrgID != 0 {
			p.Sources["org"] = "last chosen"
		}
	}
	return p, nil
}

func applyFile(p *Profile, getenv func(string) string) error {
	path := p.ConfigFile()
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("read config file: %w", err)
	}
	var fc fileConfig
	if _, err := toml.Decode(string(data), &fc); err != nil {
		return fmt.Errorf("config file %s is not valid TOML (%v); fix or remove it", path, tomlErrorLine(err))
	}
	if err := checkSecretFileMode(path, fc); err != nil {
		return err
	}
	fp, ok := fc.Profiles[p.Name]
	if !ok {
		return nil
	}
	for key, v := range map[string]string{"client-id": fp.ClientID, "client-secret": fp.ClientSecret + fp.ClientSecretEnv,
		"scopes": strings.Join(fp.Scopes, " "), "redirect-uri": fp.RedirectURI, "ui-locale": fp.UILocale, "connect-url": fp.ConnectURL,
		"api-url": fp.APIURL, "token-store": fp.TokenStore} {
		if v != "" {
			p.Sources[key] = "config file"
		}
	}
	if fp.OrgID != 0 {
		p.Sources["org"] = "config file"
	}
	setStr(&p.ClientID, fp.ClientID)
	setStr(&p.ClientSecret, fp.ClientSecret)
	if fp.ClientSecretEnv != "" {
		setStr(&p.ClientSecret, getenv(fp.ClientSecretEnv))
	}
	if len(fp.Scopes) > 0 {
		p.Scopes = splitScopes(strings.Join(fp.Scopes, " "))
	}
	setStr(&p.RedirectURI, fp.RedirectURI)
	setStr(&p.UILocale, fp.UILocale)
	setStr(&p.ConnectURL, fp.ConnectURL)
	setStr(&p.APIURL, fp.APIURL)
	if fp.OrgID != 0 {
		p.OrgID = fp.OrgID
	}
	setStr(&p.TokenStore, fp.TokenStore)
	if fp.PKCE != nil {
		p.PKCE = *fp.PKCE
	}
	if fp.ReadOnly != nil {
		p.ReadOnly = *fp.ReadOnly
		p.Sources["read-only"] = "config file"
	}
	return nil
}

// checkSecretFileMode refuses, as ssh does for a private key, a config file
// that holds a client_secret and that other users may read: the secret
// would be exposed to every account on the machine.
func checkSecretFileMode(path string, fc fileConfig) error {
	if runtime.GOOS == "windows" {
		return nil
	}
	holds := false
	for _, fp := range fc.Profiles {
		holds = holds || fp.ClientSecret != ""
	}
	if !holds {
		return nil
	}
	info, err := os.Stat(path)
	if err != nil {
		return fmt.Errorf("read config file: %w", err)
	}
	if mode := info.Mode().Perm(); mode&0o077 != 0 {
		return fmt.Errorf("config file %s holds a client_secret and other users can read it (mode %04o); "+
			"run: chmod 600 %s (or move the secret to DINERO_CLIENT_SECRET or client_secret_env)", path, mode, path)
	}
	return nil
}

// tomlErrorLine keeps only the position of a TOML error: the decoder's
// message can quote file content, which may include a secret.
func tomlErrorLine(err error) string {
	var pe toml.ParseError
	if errors.As(err, &pe) {
		return fmt.Sprintf("line %d", pe.Position.Line)
	}
	return "wrong value types"
}

// envNames maps each setting to its environment variable.
var envNames = []struct{ key, env string }{
	{"client-id", "DINERO_CLIENT_ID"},
	{"client-secret", "DINERO_CLIENT_SECRET"},
	{"scopes", "DINERO_SCOPES"},
	{"redirect-uri", "DINERO_REDIRECT_URI"},
	{"ui-locale", "DINERO_UI_LOCALE"},
	{"connect-url", "DINERO_CONNECT_URL"},
	{"api-url", "DINERO_API_URL"},
	{"org", "DINERO_ORG_ID"},
	{"token-store", "DINERO_TOKEN_STORE"},
	{"pkce", "DINERO_PKCE"},
	{"read-only", "DINERO_READ_ONLY"},
}

func applyEnv(p *Profile, getenv func(string) string) error {
	for _, e := range envNames {
		if v := getenv(e.env); v != "" {
			if err := set(p, e.key, v); err != nil {
				return fmt.Errorf("%s: %w", e.env, err)
			}
			p.Sources[e.key] = e.env
		}
	}
	return nil
}

func applyFlags(p *Profile, flags map[string]string) error {
	for _, e := range envNames {
		if v, ok := flags[e.key]; ok {
			if err := set(p, e.key, v); err != nil {
				return fmt.Errorf("--%s: %w", e.key, err)
			}
			p.Sources[e.key] = "--" + e.key
		}
	}
	for k := range flags {
		if k != "profile" && !knownKey(k) {
			return fmt.Errorf("config: unknown setting %q", k)
		}
	}
	return nil
}

// applyLayer applies the settings of a Postman collection or environment.
// An error names the setting and the source, never the value (it may be
// the client secret).
func applyLayer(p *Profile, l Layer) error {
	for _, e := range envNames {
		if v, ok := l.Values[e.key]; ok && v != "" {
			if err := set(p, e.key, v); err != nil {
				return fmt.Errorf("%s in %s is not usable; fix it there or override it with --%s", e.key, l.Source, e.key)
			}
			p.Sources[e.key] = l.Source
		}
	}
	switch v := l.Values["client-auth"]; v {
	case "body", "header":
		p.ClientAuth = v
	}
	if v := l.Values["auth-params"]; v != "" {
		q, err := url.ParseQuery(v)
		if err != nil {
			return fmt.Errorf("the authorize URL's query in %s is not valid", l.Source)
		}
		p.AuthParams = q
	}
	return nil
}

func knownKey(k string) bool {
	for _, e := range envNames {
		if e.key == k {
			return true
		}
	}
	return false
}

func set(p *Profile, key, v string) error {
	v = strings.TrimSpace(v)
	switch key {
	case "client-id":
		p.ClientID = v
	case "client-secret":
		p.ClientSecret = v
	case "scopes":
		p.Scopes = splitScopes(v)
	case "redirect-uri":
		p.RedirectURI = v
	case "ui-locale":
		p.UILocale = v
	case "connect-url":
		p.ConnectURL = v
	case "api-url":
		p.APIURL = v
	case "token-store":
		p.TokenStore = strings.ToLower(v)
	case "org":
		id, err := strconv.ParseInt(v, 10, 64)
		if err != nil || id < 0 {
			return fmt.Errorf("organization id must be a whole number, got %q", v)
		}
		p.OrgID = id
	case "pkce":
		b, err := strconv.ParseBool(v)
		if err != nil {
			return fmt.Errorf("want true or false, got %q", v)
		}
		p.PKCE = b
	case "read-only":
		b, err := strconv.ParseBool(v)
		if err != nil {
			return fmt.Errorf("want true or false (or 1 or 0), got %q", v)
		}
		p.ReadOnly = b
	}
	return nil
}

func setStr(dst *string, v string) {
	if v != "" {
		*dst = v
	}
}

// ReadOnlyScopes drops the write scopes (any scope ending in ":write",
// e.g. dineropublicapi:write) from scopes, so a read-only login asks
// Visma Connect for reading only (by default: dineropublicapi:read
// offline_access).
func ReadOnlyScopes(scopes []string) []string {
	var out []string
	for _, s := range scopes {
		if !strings.HasSuffix(strings.ToLower(s), ":write") {
			out = append(out, s)
		}
	}
	return out
}

// splitScopes accepts space, comma or plus separated scopes.
func splitScopes(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == ',' || r == '+' || r == '\t' })
}

// dirs resolves the XDG config, state and cache directories of the app.
func dirs(getenv func(string) string) (cfg, state, cache string, err error) {
	home := getenv("HOME")
	if home == "" {
		home = getenv("USERPROFILE")
	}
	pick := func(env, fallback string) (string, error) {
		if v := getenv(env); v != "" && filepath.IsAbs(v) {
			return filepath.Join(v, appDir), nil
		}
		if home == "" {
			return "", fmt.Errorf("cannot find a home directory: set HOME or %s", env)
		}
		return filepath.Join(home, fallback, appDir), nil
	}
	if cfg, err = pick("XDG_CONFIG_HOME", ".config"); err != nil {
		return
	}
	if state, err = pick("XDG_STATE_HOME", filepath.Join(".local", "state")); err != nil {
		return
	}
	cache, err = pick("XDG_CACHE_HOME", ".cache")
	return
}
