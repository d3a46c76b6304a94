package config

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"

	"github.com/BurntSushi/toml"
)

// ProfileNames lists the profiles of the config file ([profiles.NAME]
// tables), sorted. A missing file has none; an unreadable or malformed one
// is an error that quotes no file content.
func ProfileNames(getenv func(string) string) ([]string, error) {
	if getenv == nil {
		getenv = os.Getenv
	}
	cfg, err := configDir(getenv)
	if err != nil {
		return nil, err
	}
	path := filepath.Join(cfg, "config.toml")
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read config file: %w", err)
	}
	var fc fileConfig
	if _, err := toml.Decode(string(data), &fc); err != nil {
		return nil, fmt.Errorf("config file %s is not valid TOML (%v); fix or remove it", path, tomlErrorLine(err))
	}
	names := make([]string, 0, len(fc.Profiles))
	for n := range fc.Profiles {
		names = append(names, n)
	}
	sort.Strings(names)
	return names, nil
}

// configDir is the config directory alone, which (unlike the state and
// cache directories) needs no HOME when XDG_CONFIG_HOME is set.
func configDir(getenv func(string) string) (string, error) {
	if v := getenv("XDG_CONFIG_HOME"); v != "" && filepath.IsAbs(v) {
		return filepath.Join(v, appDir), nil
	}
	cfg, _, _, err := dirs(getenv)
	return cfg, err
}
