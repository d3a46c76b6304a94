package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestPostmanLayersSitBetweenFileAndEnvironment: defaults < config file <
// collection < Postman environment < DINERO_* < flags, each setting
// remembering its source; a bad layer value is named, never quoted.
func TestPostmanLayersSitBetweenFileAndEnvironment(t *testing.T) {
	home := t.TempDir()
	cfgDir := filepath.Join(home, ".config", "dinero-tui")
	os.MkdirAll(cfgDir, 0o700)
	os.WriteFile(filepath.Join(cfgDir, "config.toml"), []byte("[profiles.default]\nclient_id = \"isv_file\"\nscopes = [\"offline_access\"]\nui_locale = \"en-GB\"\n"), 0o600)
	layers := []Layer{
		{Source: "the collection", Values: map[string]string{"client-id": "isv_col", "scopes": "dineropublicapi:read", "api-url": "https://col.example",
			"connect-url": "https://connect.col.example", "client-auth": "header", "auth-params": "ui_locales=da-DK&prompt=login"}},
		{Source: "the Postman environment", Values: map[string]string{"api-url": "https://envfile.example", "org": "77", "client-secret": "s"}},
	}
	env := map[string]string{"HOME": home, "DINERO_CONNECT_URL": "https://env.example"}
	p, err := Load(LoadOptions{Getenv: envFunc(env), Flags: map[string]string{"org": "5"}, Layers: layers})
	if err != nil {
		t.Fatal(err)
	}
	checks := []struct{ key, got, want, src string }{
		{"client-id", p.ClientID, "isv_col", "the collection"},
		{"scopes", strings.Join(p.Scopes, " "), "dineropublicapi:read", "the collection"},
		{"ui-locale", p.UILocale, "en-GB", "config file"},
		{"api-url", p.APIURL, "https://envfile.example", "the Postman environment"},
		{"client-secret", p.ClientSecret, "s", "the Postman environment"},
		{"connect-url", p.ConnectURL, "https://env.example", "DINERO_CONNECT_URL"},
		{"org", "5", "5", "--org"},
		{"token-store", p.TokenStore, "auto", "default"},
	}
	for _, c := range checks {
		if c.got != c.want || p.Sources[c.key] != c.src {
			t.Errorf("%s = %q from %q, want %q from %q", c.key, c.got, p.Sources[c.key], c.want, c.src)
		}
	}
	if p.OrgID != 5 || p.ClientAuth != "header" || p.AuthParams.Get("prompt") != "login" {
		t.Errorf("org %d, client auth %q, auth params %v", p.OrgID, p.ClientAuth, p.AuthParams)
	}
	_, err = Load(LoadOptions{Getenv: envFunc(env), Layers: []Layer{{Source: "the collection", Values: map[string]string{"org": "SECRETISH"}}}})
	if err == nil || !strings.Contains(err.Error(), "org in the collection") || strings.Contains(err.Error(), "SECRETISH") {
		t.Errorf("bad layer value: %v", err)
	}
}
