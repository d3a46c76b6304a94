// Package history keeps the requests sent from the explorer, per profile,
// in the XDG state directory, and lists them so they can be sent again.
// Only the request (method, path, parameters, body) and the status are
// kept: never a token or a header.
package history

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/dinero-tui/dinero-tui/internal/atomicfile"
)

// MaxEntries is how many requests a profile's history keeps.
const MaxEntries = 200

// Entry is one sent request.
type Entry struct {
	Time        time.Time           `json:"time"`
	OrgID       int64               `json:"orgId,omitempty"`
	OrgName     string              `json:"orgName,omitempty"`
	OperationID string              `json:"operationId,omitempty"`
	Name        string              `json:"name,omitempty"`
	Method      string              `json:"method"`
	Path        string              `json:"path"`
	PathParams  map[string]string   `json:"pathParams,omitempty"`
	Query       map[string][]string `json:"query,omitempty"`
	Body        string              `json:"body,omitempty"`
	RawQuery    string              `json:"rawQuery,omitempty"`    // the query exactly as sent, when it came from a Postman collection
	ContentType string              `json:"contentType,omitempty"` // of Body ("" = application/json)
	Accept      string              `json:"accept,omitempty"`      // the Accept header chosen in the form
	Parts       []Part              `json:"parts,omitempty"`       // a multipart body: its fields, files by path (never their bytes)
	Status      int                 `json:"status,omitempty"`
	DurationMS  int64               `json:"durationMs,omitempty"`
}

// Part is one field of a multipart body as the history keeps it: a file
// by its path, so re-sending reads the file again.
type Part struct {
	Name  string `json:"name"`
	Value string `json:"value,omitempty"` // text, or the file's path
	File  bool   `json:"file,omitempty"`
}

// Store is a profile's history file. It is safe for concurrent use.
type Store struct {
	path    string
	mu      sync.Mutex
	entries []Entry // oldest first
}

// Path returns the history file of profile under stateDir (the
// dinero-tui directory inside XDG_STATE_HOME).
func Path(stateDir, profile string) string {
	return filepath.Join(stateDir, "history", safeName(profile)+".json")
}

// Open returns the store at path; a missing file is an empty history.
func Open(path string) (*Store, error) {
	s := &Store{path: path}
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return s, nil
	}
	if err != nil {
		return s, fmt.Errorf("read history: %w", err)
	}
	if err := json.Unmarshal(b, &s.entries); err != nil {
		return s, fmt.Errorf("history file %s is damaged (%v); it will be replaced on the next request", path, err)
	}
	return s, nil
}

// Entries returns the history, newest first.
func (s *Store) Entries() []Entry {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]Entry, len(s.entries))
	for i, e := range s.entries {
		out[len(out)-1-i] = e
	}
	return out
}

// Add appends e and writes the file atomically.
func (s *Store) Add(e Entry) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.entries = append(s.entries, e)
	if n := len(s.entries) - MaxEntries; n > 0 {
		s.entries = append([]Entry(nil), s.entries[n:]...)
	}
	if s.path == "" {
		return nil
	}
	b, err := json.MarshalIndent(s.entries, "", " ")
	if err != nil {
		return fmt.Errorf("encode history: %w", err)
	}
	if err := os.MkdirAll(filepath.Dir(s.path), 0o700); err != nil {
		return fmt.Errorf("create history directory: %w", err)
	}
	if err := atomicfile.WriteFile(s.path, b, 0o600); err != nil {
		return fmt.Errorf("write history: %w", err)
	}
	return nil
}

func safeName(profile string) string {
	if profile == "" {
		return "default"
	}
	return strings.Map(func(r rune) rune {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '-', r == '_':
			return r
		}
		return '_'
	}, profile)
}
