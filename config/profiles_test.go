package config

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestProfileNames(t *testing.T) {
	dir := t.TempDir()
	getenv := func(k string) string {
		if k == "XDG_CONFIG_HOME" {
			return dir
		}
		return ""
	}
	if names, err := ProfileNames(getenv); err != nil || len(names) != 0 {
		t.Fatalf("no file: %v %v", names, err)
	}
	path := filepath.Join(dir, "dinero-tui", "config.toml")
	os.MkdirAll(filepath.Dir(path), 0o700)
	os.WriteFile(path, []byte("[profiles.work]\nclient_id = \"isv_a\"\n[profiles.default]\n[profiles.\"sandbox-2\"]\nclient_secret = \"hunter2\"\n"), 0o600)
	names, err := ProfileNames(getenv)
	if want := []string{"default", "sandbox-2", "work"}; err != nil || !reflect.DeepEqual(names, want) {
		t.Fatalf("got %v %v, want %v", names, err, want)
	}
	os.WriteFile(path, []byte("[profiles.x]\nclient_secret = \"hunter2\n"), 0o600)
	if _, err := ProfileNames(getenv); err == nil || strings.Contains(err.Error(), "hunter2") {
		t.Fatalf("malformed file: %v", err)
	}
}
