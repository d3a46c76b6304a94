package download

import (
	"errors"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"time"
)

// Opener is the program that shows a file: the system's viewer
// (xdg-open, open, start), or $BROWSER for a PDF when it is set.
func Opener(goos, path, mediaType string, getenv func(string) string) []string {
	if b := strings.TrimSpace(getenv("BROWSER")); b != "" && mediaType == "application/pdf" {
		u := (&url.URL{Scheme: "file", Path: filepath.ToSlash(path)}).String()
		fields := strings.Fields(b)
		if _, err := exec.LookPath(b); err == nil {
			fields = []string{b} // a program whose name has spaces
		}
		for i, f := range fields {
			if strings.Contains(f, "%s") {
				fields[i] = strings.ReplaceAll(f, "%s", u)
				return fields
			}
		}
		return append(fields, u)
	}
	switch goos {
	case "darwin":
		return []string{"open", path}
	case "windows":
		return []string{"rundll32", "url.dll,FileProtocolHandler", path} // what start does, without a shell
	}
	return []string{"xdg-open", path}
}

// failFast is how long Open waits for the viewer to fail before taking it
// for started (xdg-open hands over and exits; a viewer may run on).
const failFast = 1500 * time.Millisecond

// Open starts the viewer on path, without a terminal: its output is
// dropped so it cannot draw over the screen. It returns an error when the
// viewer cannot start or fails at once.
func Open(path, mediaType string, getenv func(string) string) error {
	argv := Opener(runtime.GOOS, path, mediaType, getenv)
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = nil, nil, nil
	if err := cmd.Start(); err != nil {
		if errors.Is(err, exec.ErrNotFound) {
			return fmt.Errorf("no viewer: %s is not installed", argv[0])
		}
		return fmt.Errorf("start %s: %w", argv[0], err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			return fmt.Errorf("%s: %w", argv[0], err)
		}
	case <-time.After(failFast):
	}
	return nil
}

// Copy puts a copy of src named name in a new directory under dir, for a
// viewer to read after the answer is gone, and removes the copies older
// than a day.
func Copy(dir, name string, write func(path string) error) (string, error) {
	base := filepath.Join(dir, "open")
	if err := os.MkdirAll(base, 0o700); err != nil {
		return "", fmt.Errorf("create %s: %w", base, err)
	}
	if old, err := os.ReadDir(base); err == nil {
		for _, e := range old {
			if info, err := e.Info(); err == nil && time.Since(info.ModTime()) > 24*time.Hour {
				os.RemoveAll(filepath.Join(base, e.Name()))
			}
		}
	}
	sub, err := os.MkdirTemp(base, "")
	if err != nil {
		return "", fmt.Errorf("create a folder under %s: %w", base, err)
	}
	path := filepath.Join(sub, name)
	if err := write(path); err != nil {
		os.RemoveAll(sub)
		return "", err
	}
	return path, nil
}
