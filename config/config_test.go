package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func envFunc(m map[string]string) func(string) string { return func(k string) string { return m[k] } }

func TestLoadPrecedence(t *testing.T) {
	home := t.TempDir()
	cfgDir := filepath.Join(home, ".config", "dinero-tui")
	os.MkdirAll(cfgDir, 0o700)
	os.WriteFile(filepath.Join(cfgDir, "config.toml"), []byte(`
[profiles.default]
client_id = "isv_file"
client_secret_env = "MY_SECRET"
scopes = ["dineropublicapi:read", "offline_access"]
redirect_uri = "http://127.0.0.1:8765/callback"
ui_locale = "en-GB"
connect_url = "https://file.example"
token_store = "file"
pkce = false

[profiles.work]
client_id = "isv_work"
org_id = 42
`), 0o600)
	env := map[string]string{"HOME": home, "MY_SECRET": "s3cret", "DINERO_CONNECT_URL": "https://env.example", "DINERO_API_URL": "https://api.env.example"}
	p, err := Load(LoadOptions{Getenv: envFunc(env), Flags: map[string]string{"api-url": "https://api.flag.example"}})
	if err != nil {
		t.Fatal(err)
	}
	checks := []struct{ name, got, want string }{
		{"client id from file", p.ClientID, "isv_file"},
		{"secret via client_secret_env", p.ClientSecret, "s3cret"},
		{"scopes from file", strings.Join(p.Scopes, " "), "dineropublicapi:read offline_access"},
		{"locale from file", p.UILocale, "en-GB"},
		{"env beats file", p.ConnectURL, "https://env.example"},
		{"flag beats env", p.APIURL, "https://api.flag.example"},
		{"token store", p.TokenStore, "file"},
		{"state dir", p.StateDir, filepath.Join(home, ".local", "state", "dinero-tui")},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s = %q, want %q", c.name, c.got, c.want)
		}
	}
	if p.PKCE {
		t.Error("pkce = false in the file was ignored")
	}
	if strings.Contains(p.String()+p.GoString(), "s3cret") {
		t.Error("Profile.String leaks the secret")
	}
	env["DINERO_PROFILE"] = "work"
	p, err = Load(LoadOptions{Getenv: envFunc(env)})
	if err != nil || p.Name != "work" || p.ClientID != "isv_work" || p.OrgID != 42 || !p.PKCE || p.UILocale != "da-DK" {
		t.Fatalf("work profile: %v %+v", err, p)
	}
	p, _ = Load(LoadOptions{Getenv: envFunc(env), Flags: map[string]string{"profile": "default", "client-id": "isv_flag"}})
	if p.Name != "default" || p.ClientID != "isv_flag" {
		t.Errorf("--profile/--client-id: %q %q", p.Name, p.ClientID)
	}
}

func TestLoadFreshHomeFromEnv(t *testing.T) {
	home := t.TempDir()
	env := map[string]string{
		"HOME": home, "XDG_STATE_HOME": filepath.Join(home, "st"),
		"DINERO_CLIENT_ID": "isv_env", "DINERO_REDIRECT_URI": "http://127.0.0.1:0/callback",
		"DINERO_SCOPES": "dineropublicapi:read,offline_access", "DINERO_ORG_ID": "123", "DINERO_TOKEN_STORE": "FILE",
	}
	p, err := Load(LoadOptions{Getenv: envFunc(env)})
	if err != nil {
		t.Fatal(err)
	}
	if err := p.Validate(); err != nil {
		t.Fatalf("valid env profile: %v", err)
	}
	if p.StateDir != filepath.Join(home, "st", "dinero-tui") || p.OrgID != 123 || p.TokenStore != "file" || len(p.Scopes) != 2 {
		t.Errorf("profile %+v", p)
	}
	if p.ConnectURL != DefaultConnectURL || p.APIURL != DefaultAPIURL || !p.PKCE {
		t.Errorf("defaults lost: %+v", p)
	}
}

func TestLoadErrors(t *testing.T) {
	home := t.TempDir()
	cfgDir := filepath.Join(home, ".config", "dinero-tui")
	os.MkdirAll(cfgDir, 0o700)
	os.WriteFile(filepath.Join(cfgDir, "config.toml"), []byte("[profiles.default]\nclient_secret = \"TOPSECRET\nbroken"), 0o600)
	_, err := Load(LoadOptions{Getenv: envFunc(map[string]string{"HOME": home})})
	if err == nil || !strings.Contains(err.Error(), "line") || strings.Contains(err.Error(), "TOPSECRET") {
		t.Fatalf("bad TOML: %v", err)
	}
	cases := []struct {
		env  map[string]string
		want string
	}{
		{map[string]string{"DINERO_ORG_ID": "abc"}, "DINERO_ORG_ID"},
		{map[string]string{"DINERO_PKCE": "maybe"}, "DINERO_PKCE"},
		{map[string]string{"DINERO_PROFILE": "../etc"}, "profile name"},
		{map[string]string{"HOME": ""}, "HOME"},
	}
	for _, c := range cases {
		env := map[string]string{"HOME": t.TempDir()}
		for k, v := range c.env {
			env[k] = v
		}
		if _, err := Load(LoadOptions{Getenv: envFunc(env)}); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%v: err = %v, want mention of %q", c.env, err, c.want)
		}
	}
}

func TestValidate(t *testing.T) {
	base := func() Profile {
		return Profile{Name: "default", ClientID: "isv_x", Scopes: strings.Fields(DefaultScopes), RedirectURI: "http://127.0.0.1:0/callback",
			UILocale: "da-DK", ConnectURL: DefaultConnectURL, APIURL: DefaultAPIURL, TokenStore: "auto", PKCE: true}
	}
	if err := base().Validate(); err != nil {
		t.Fatalf("base profile: %v", err)
	}
	cases := []struct {
		name string
		mod  func(*Profile)
		want string
	}{
		{"no client id", func(p *Profile) { p.ClientID = "" }, "DINERO_CLIENT_ID"},
		{"unknown scope", func(p *Profile) { p.Scopes = []string{"dineropublicapi:admin"} }, "not one Dinero knows"},
		{"no scopes", func(p *Profile) { p.Scopes = nil }, "no scopes"},
		{"no redirect", func(p *Profile) { p.RedirectURI = "" }, "DINERO_REDIRECT_URI"},
		{"http non-loopback", func(p *Profile) { p.RedirectURI = "http://example.com/cb" }, "non-loopback"},
		{"custom scheme", func(p *Profile) { p.RedirectURI = "myapp://cb" }, "must be https"},
		{"loopback without port", func(p *Profile) { p.RedirectURI = "http://127.0.0.1/callback" }, "needs a port"},
		{"loopback without path", func(p *Profile) { p.RedirectURI = "http://127.0.0.1:0" }, "needs a path"},
		{"fragment", func(p *Profile) { p.RedirectURI = "https://a.example/cb#x" }, "fragment"},
		{"locale", func(p *Profile) { p.UILocale = "de-DE" }, "ui locale"},
		{"http connect", func(p *Profile) { p.ConnectURL = "http://connect.visma.com" }, "must use https"},
		{"api url junk", func(p *Profile) { p.APIURL = "api.dinero.dk" }, "not an http(s) URL"},
		{"store", func(p *Profile) { p.TokenStore = "vault" }, "auto, keyring or file"},
	}
	for _, c := range cases {
		p := base()
		c.mod(&p)
		err := p.Validate()
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v, want mention of %q", c.name, err, c.want)
		}
	}
	for _, ok := range []string{"https://app.example.com/dinero/callback", "http://localhost:8765/cb", "http://[::1]:0/cb"} {
		p := base()
		p.RedirectURI = ok
		if err := p.Validate(); err != nil {
			t.Errorf("%s: %v", ok, err)
		}
	}
}

func TestLastOrg(t *testing.T) {
	p := Profile{Name: "default", StateDir: filepath.Join(t.TempDir(), "dinero-tui")}
	if LastOrg(p) != 0 {
		t.Fatal("fresh LastOrg not 0")
	}
	if err := SaveLastOrg(p, 4711); err != nil {
		t.Fatal(err)
	}
	if LastOrg(p) != 4711 {
		t.Fatal("LastOrg not remembered")
	}
	other := p
	other.Name = "work"
	if LastOrg(other) != 0 {
		t.Error("LastOrg leaked across profiles")
	}
	env := map[string]string{"HOME": t.TempDir(), "XDG_STATE_HOME": filepath.Dir(p.StateDir)}
	if lp, _ := Load(LoadOptions{Getenv: envFunc(env)}); lp.OrgID != 4711 {
		t.Errorf("Load did not use the remembered org: %d", lp.OrgID)
	}
	env["DINERO_ORG_ID"] = "5"
	if lp, _ := Load(LoadOptions{Getenv: envFunc(env)}); lp.OrgID != 5 {
		t.Errorf("DINERO_ORG_ID lost to the remembered org")
	}
	SaveLastOrg(p, 0)
	if LastOrg(p) != 0 {
		t.Error("SaveLastOrg(0) did not forget")
	}
}
