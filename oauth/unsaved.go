package oauth

import (
	"context"
	"errors"
	"strings"
)

// unsavedPrefix starts the warning shown while the newest tokens live only
// in memory; every command and the status bar show it.
const unsavedPrefix = "the session could not be saved"

func unsavedWarning(err error) string {
	return unsavedPrefix + " (" + shortErr(err) + "); it is kept in memory and saving is retried on the next call. " +
		"If dinero-tui ends before a save succeeds, log in again (dinero-tui login)"
}

// newer reports whether the stored record was saved after the pending one
// (a new login by another process): only then does it win.
func newer(stored, pending *Tokens) bool {
	return stored != nil && stored.SavedAt.After(pending.SavedAt)
}

// keep makes t the newest pair. It saves t; when the store refuses, t stays
// authoritative in memory (saving is retried at the next lock), the stored
// record, whose refresh token is spent, is removed so that no process
// presents it again, and the warning says so. It must run under withLock.
func (s *Session) keep(t *Tokens) error {
	err := s.store.Save(t)
	s.stateMu.Lock()
	s.cur, s.needsLogin = t.clone(), false
	s.unsaved = nil
	if err != nil {
		s.unsaved = t.clone()
	}
	clearWarning := err == nil && strings.HasPrefix(s.warning, unsavedPrefix)
	if clearWarning {
		s.warning = ""
	}
	s.stateMu.Unlock()
	if err == nil {
		return nil
	}
	if old, lerr := s.store.Load(); lerr == nil && old != nil && old.RefreshToken != t.RefreshToken {
		_ = s.store.Delete() // best effort: the save has already failed
	}
	s.setWarning(unsavedWarning(err))
	return err
}

// loadLocked reads the store under the lock. A pending unsaved pair is
// saved again first and wins over the stored record, unless that record is
// newer (a new login elsewhere).
func (s *Session) loadLocked() (*Tokens, error) {
	t, err := s.store.Load()
	s.stateMu.Lock()
	pending := s.unsaved.clone()
	if pending != nil && err == nil && newer(t, pending) {
		s.unsaved, pending = nil, nil
		if strings.HasPrefix(s.warning, unsavedPrefix) {
			s.warning = ""
		}
	}
	s.stateMu.Unlock()
	if pending == nil {
		return t, err
	}
	_ = s.keep(pending) // pending is authoritative whether or not this save works
	return pending, nil
}

// Flush retries saving tokens the store refused earlier. It returns an
// error (without secrets) while the newest tokens are still only in
// memory; commands call it before they exit and print it.
func (s *Session) Flush(ctx context.Context) error {
	s.stateMu.Lock()
	pending := s.unsaved != nil
	s.stateMu.Unlock()
	if !pending {
		return nil
	}
	_ = s.withLock(ctx, func() error { _, err := s.loadLocked(); return err })
	s.stateMu.Lock()
	defer s.stateMu.Unlock()
	if s.unsaved == nil {
		return nil
	}
	return errors.New(s.warning)
}
