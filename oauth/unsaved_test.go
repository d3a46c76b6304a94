package oauth

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// flakyStore is a real store whose saves can be made to fail, as a full
// disk or a keyring that stops answering would.
type flakyStore struct {
	Store
	fail atomic.Bool
}

func (f *flakyStore) Save(t *Tokens) error {
	if f.fail.Load() {
		return errors.New("no space left on device")
	}
	return f.Store.Save(t)
}

func (h *harness) flakySession(clk func() time.Time) (*Session, *flakyStore) {
	p := h.profile()
	st := &flakyStore{Store: NewFileStore(p.ProfileStateDir(), strings.TrimRight(p.ConnectURL, "/"), p.ClientID)}
	return h.session(WithClock(clk), WithStore(st)), st
}

func (h *harness) get(t *testing.T, s *Session) {
	t.Helper()
	resp, err := s.HTTPClient().Get(h.api.URL + "/v1/organizations")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("API answered %d", resp.StatusCode)
	}
}

func TestRefreshThatCannotBeSavedKeepsTheNewestPair(t *testing.T) {
	h := newHarness(t)
	clk := newClock()
	s, st := h.flakySession(clk.Now)
	h.login(s)
	st.fail.Store(true)
	clk.Advance(2 * time.Hour)
	h.get(t, s) // refreshes; the save fails
	status := s.Status()
	if !status.Unsaved || !status.LoggedIn || !strings.Contains(status.Warning, "could not be saved") {
		t.Fatalf("status after a failed save: %+v", status)
	}
	if want := clk.Now().Add(time.Hour); status.Expiry.Before(want.Add(-time.Minute)) {
		t.Fatalf("Status brought back the old pair (expiry %v)", status.Expiry)
	}
	// The stored record held the spent refresh token: it is gone, so another
	// process asks for a login instead of presenting it.
	other, _ := h.flakySession(clk.Now)
	if _, err := other.validToken(""); !errors.Is(err, ErrLoginRequired) {
		t.Fatalf("another process: %v, want ErrLoginRequired", err)
	}
	// Later refreshes use the newest refresh token, still unsaved.
	clk.Advance(2 * time.Hour)
	h.get(t, s)
	h.get(t, s)
	if !s.Status().Unsaved {
		t.Fatal("unsaved flag lost")
	}
	// The store works again: the next lock (here Status's) saves the
	// newest pair.
	st.fail.Store(false)
	if s.Status().Unsaved {
		t.Fatal("Status did not retry the save")
	}
	if err := s.Flush(context.Background()); err != nil {
		t.Fatalf("Flush: %v", err)
	}
	saved, err := st.Load()
	if err != nil || saved == nil || saved.RefreshToken != s.current().RefreshToken {
		t.Fatalf("the newest pair was not saved: %v", err)
	}
	if status := s.Status(); status.Unsaved || status.Warning != "" {
		t.Fatalf("status after the save: %+v", status)
	}
	other, _ = h.flakySession(clk.Now)
	h.get(t, other)
	stats := h.cs.Stats()
	if stats.ReuseDetections != 0 || stats.GraceReuses != 0 || stats.Refreshes != 2 {
		t.Fatalf("server stats %+v: want 2 refreshes and no refresh-token reuse", stats)
	}
}

func TestFlushReportsTokensStillUnsaved(t *testing.T) {
	h := newHarness(t)
	clk := newClock()
	s, st := h.flakySession(clk.Now)
	h.login(s)
	st.fail.Store(true)
	clk.Advance(2 * time.Hour)
	h.get(t, s)
	err := s.Flush(context.Background())
	if err == nil || !strings.Contains(err.Error(), "could not be saved") || !strings.Contains(err.Error(), "log in again") {
		t.Fatalf("Flush = %v", err)
	}
	h.assertNoSecrets("flush error", err.Error())
}

func TestRotatedRefreshTokenKeptWhenTheAnswerFailsValidation(t *testing.T) {
	for _, tc := range []struct {
		name  string
		spoil func(map[string]any)
		want  string
	}{
		{"token type we refuse", func(a map[string]any) { a["token_type"] = "DPoP" }, "only Bearer"},
		{"no access token", func(a map[string]any) { delete(a, "access_token") }, "access_token"},
		{"malformed access token", func(a map[string]any) { a["access_token"] = "a b" }, "malformed"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := newHarness(t)
			clk := newClock()
			s := h.session(WithClock(clk.Now))
			h.login(s)
			before, _ := s.store.Load()
			var broken atomic.Bool
			broken.Store(true)
			h.setFault(func(w http.ResponseWriter, r *http.Request) bool {
				body, _ := io.ReadAll(r.Body)
				r.Body = io.NopCloser(bytes.NewReader(body))
				if v, _ := url.ParseQuery(string(body)); v.Get("grant_type") != "refresh_token" || !broken.Load() {
					return false
				}
				// The server rotates, then the answer is one we refuse.
				rec := httptest.NewRecorder()
				h.cs.ServeToken(rec, r)
				var ans map[string]any
				json.Unmarshal(rec.Body.Bytes(), &ans)
				tc.spoil(ans)
				w.Header().Set("Content-Type", "application/json")
				json.NewEncoder(w).Encode(ans)
				broken.Store(false)
				return true
			})
			clk.Advance(2 * time.Hour)
			if _, err := s.validToken(""); err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("validToken = %v, want an error with %q", err, tc.want)
			}
			kept, _ := s.store.Load()
			if kept == nil || kept.RefreshToken == before.RefreshToken {
				t.Fatal("the rotated refresh token was not kept")
			}
			if _, err := s.validToken(""); err != nil {
				t.Fatalf("next refresh: %v", err)
			}
			if st := h.cs.Stats(); st.ReuseDetections != 0 || st.GraceReuses != 0 || st.Refreshes != 2 {
				t.Fatalf("server stats %+v: want 2 refreshes and no reuse", st)
			}
		})
	}
}
