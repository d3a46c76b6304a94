package config

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// TestConfigFileWithSecretMustBePrivate: like ssh with a private key, a
// config.toml holding client_secret that group or others can read is
// refused with the chmod to run; without a secret any mode is fine.
func TestConfigFileWithSecretMustBePrivate(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no Unix modes")
	}
	withSecret := "[profiles.default]\nclient_id = \"isv_x\"\nclient_secret = \"CANARY-file-secret\"\n"
	withoutSecret := "[profiles.default]\nclient_id = \"isv_x\"\nclient_secret_env = \"MY_SECRET\"\n"
	tests := []struct {
		content string
		mode    os.FileMode
		refused bool
	}{
		{withSecret, 0o600, false},
		{withSecret, 0o400, false},
		{withSecret, 0o640, true},
		{withSecret, 0o644, true},
		{withSecret, 0o604, true},
		{withoutSecret, 0o644, false},
	}
	for _, tt := range tests {
		home := t.TempDir()
		dir := filepath.Join(home, ".config", "dinero-tui")
		os.MkdirAll(dir, 0o700)
		path := filepath.Join(dir, "config.toml")
		os.WriteFile(path, []byte(tt.content), 0o600)
		os.Chmod(path, tt.mode)
		p, err := Load(LoadOptions{Getenv: envFunc(map[string]string{"HOME": home})})
		if !tt.refused {
			if err != nil || p.ClientID != "isv_x" {
				t.Errorf("mode %04o: %v", tt.mode, err)
			}
			continue
		}
		if err == nil || !strings.Contains(err.Error(), "chmod 600 "+path) {
			t.Errorf("mode %04o: %v, want a refusal with the chmod to run", tt.mode, err)
		} else if strings.Contains(err.Error(), "CANARY") {
			t.Errorf("the error quotes the secret")
		}
	}
}
