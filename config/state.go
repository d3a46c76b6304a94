package config

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

const lastOrgFile = "last-org"

// SaveLastOrg remembers the chosen organization for this profile in the
// state directory (never in the config file). id 0 forgets it.
func SaveLastOrg(p Profile, id int64) error {
	dir := p.ProfileStateDir()
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("remember organization: %w", err)
	}
	path := filepath.Join(dir, lastOrgFile)
	if id == 0 {
		if err := os.Remove(path); err != nil && !os.IsNotExist(err) {
			return fmt.Errorf("forget organization: %w", err)
		}
		return nil
	}
	tmp, err := os.CreateTemp(dir, ".last-org-*")
	if err != nil {
		return fmt.Errorf("remember organization: %w", err)
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.WriteString(strconv.FormatInt(id, 10) + "\n"); err != nil {
		tmp.Close()
		return fmt.Errorf("remember organization: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("remember organization: %w", err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("remember organization: %w", err)
	}
	return nil
}

// LastOrg returns the organization remembered for this profile, or 0.
func LastOrg(p Profile) int64 {
	if p.StateDir == "" {
		return 0
	}
	data, err := os.ReadFile(filepath.Join(p.ProfileStateDir(), lastOrgFile))
	if err != nil {
		return 0
	}
	id, err := strconv.ParseInt(strings.TrimSpace(string(data)), 10, 64)
	if err != nil || id < 0 {
		return 0
	}
	return id
}
