package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestReadOnlyLayers: read-only is set by the config file's read_only, by
// DINERO_READ_ONLY and by --read-only, later winning; read-only drops the
// write scope, so the login asks for reading only.
func TestReadOnlyLayers(t *testing.T) {
	tests := []struct {
		name     string
		file     string
		env      string
		flags    map[string]string
		want     bool
		wantErr  bool
		scopes   string
		fromWhat string
	}{
		{name: "default", want: false, scopes: DefaultScopes},
		{name: "file", file: "read_only = true", want: true, scopes: "dineropublicapi:read offline_access", fromWhat: "config file"},
		{name: "env", env: "1", want: true, scopes: "dineropublicapi:read offline_access", fromWhat: "DINERO_READ_ONLY"},
		{name: "flag", flags: map[string]string{"read-only": "true"}, want: true, scopes: "dineropublicapi:read offline_access", fromWhat: "--read-only"},
		{name: "env off beats file", file: "read_only = true", env: "0", want: false, scopes: DefaultScopes},
		{name: "flag beats env", env: "0", flags: map[string]string{"read-only": "true"}, want: true, scopes: "dineropublicapi:read offline_access"},
		{name: "custom scopes", env: "true", flags: map[string]string{"scopes": "dineropublicapi:write dineropublicapi:read offline_access"}, want: true, scopes: "dineropublicapi:read offline_access"},
		{name: "bad env", env: "maybe", wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			home := t.TempDir()
			if tt.file != "" {
				dir := filepath.Join(home, ".config", "dinero-tui")
				os.MkdirAll(dir, 0o700)
				os.WriteFile(filepath.Join(dir, "config.toml"), []byte("[profiles.default]\n"+tt.file+"\n"), 0o600)
			}
			p, err := Load(LoadOptions{Getenv: envFunc(map[string]string{"HOME": home, "DINERO_READ_ONLY": tt.env}), Flags: tt.flags})
			if tt.wantErr {
				if err == nil || !strings.Contains(err.Error(), "DINERO_READ_ONLY") {
					t.Fatalf("err = %v, want one naming DINERO_READ_ONLY", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if p.ReadOnly != tt.want {
				t.Errorf("ReadOnly = %v, want %v", p.ReadOnly, tt.want)
			}
			if got := strings.Join(p.Scopes, " "); got != tt.scopes {
				t.Errorf("scopes = %q, want %q", got, tt.scopes)
			}
			if tt.fromWhat != "" && p.Sources["read-only"] != tt.fromWhat {
				t.Errorf("source = %q, want %q", p.Sources["read-only"], tt.fromWhat)
			}
		})
	}
}
