package oauth

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/oauth2"
)

// TestFileStoreKeepsForeignRecordsAside: a sound record of another Connect
// URL or client id is not corrupt: it is moved aside, reported as no
// tokens, and comes back for its own application.
func TestFileStoreKeepsForeignRecordsAside(t *testing.T) {
	dir := t.TempDir()
	mine := NewFileStore(dir, "https://connect.example", "isv_x")
	if err := mine.Save(sampleTokens()); err != nil {
		t.Fatal(err)
	}
	var warned string
	for _, other := range []*FileStore{NewFileStore(dir, "https://conect.example", "isv_x"), NewFileStore(dir, "https://connect.example", "isv_y")} {
		other.warn = func(w string) { warned = w }
		if got, err := other.Load(); got != nil || err != nil {
			t.Fatalf("another application's Load = %v, %v; want no tokens, no error", got, err)
		}
		if !strings.Contains(warned, "kept aside") {
			t.Errorf("warning %q", warned)
		}
		if corrupt, _ := filepath.Glob(mine.Path() + ".corrupt-*"); len(corrupt) != 0 {
			t.Fatalf("a foreign record was treated as corrupt: %v", corrupt)
		}
		got, err := mine.Load()
		if err != nil || got == nil || got.RefreshToken != "refresh-CANARY" {
			t.Fatalf("the record did not come back: %v, %v", got, err)
		}
	}
}

func TestKeyringStoreKeepsForeignRecordsAside(t *testing.T) {
	kr := &fakeKeyring{items: map[string]string{}}
	mine := newKeyringStore(kr, "default", "https://connect.example", "isv_x", time.Second)
	other := newKeyringStore(kr, "default", "https://conect.example", "isv_x", time.Second)
	if err := mine.Save(sampleTokens()); err != nil {
		t.Fatal(err)
	}
	if got, err := other.Load(); got != nil || err != nil {
		t.Fatalf("another application's Load = %v, %v", got, err)
	}
	if a := other.Aside(); len(a) != 1 || a[0].RefreshToken != "refresh-CANARY" {
		t.Fatalf("aside = %v", a)
	}
	got, err := mine.Load()
	if err != nil || got == nil || got.RefreshToken != "refresh-CANARY" {
		t.Fatalf("the record did not come back: %v, %v", got, err)
	}
	if len(mine.Aside()) != 0 {
		t.Error("the restored record is still aside")
	}
	other.Load() // parks it again
	if err := mine.ClearAside(); err != nil || len(mine.Aside()) != 0 {
		t.Fatalf("ClearAside: %v, %v", err, mine.Aside())
	}
}

// TestMistypedConnectURLKeepsTheSessionAndLogoutRevokesIt: over the
// sandbox, a session opened with a mistyped Connect URL keeps the live
// record aside; the right URL brings it back; logout (under any URL)
// revokes it at its own server and removes every record set aside.
func TestMistypedConnectURLKeepsTheSessionAndLogoutRevokesIt(t *testing.T) {
	h := newHarness(t)
	s := h.session()
	h.login(s)
	tok, _ := s.store.Load()
	right := h.env["DINERO_CONNECT_URL"]
	h.env["DINERO_CONNECT_URL"] = "http://127.0.0.1:1"
	typo := h.session()
	if st := typo.Status(); st.LoggedIn || !strings.Contains(st.Warning, "kept aside") {
		t.Fatalf("status with a mistyped Connect URL: %+v", st)
	}
	h.env["DINERO_CONNECT_URL"] = right
	s = h.session()
	if !s.Status().LoggedIn {
		t.Fatal("the right Connect URL did not bring the session back")
	}
	h.get(t, s)
	// Set it aside again, with an unusable leftover next to it.
	h.env["DINERO_CONNECT_URL"] = "http://127.0.0.1:1"
	typo = h.session()
	typo.Status()
	dir := typo.p.ProfileStateDir()
	os.WriteFile(filepath.Join(dir, tokenFile+".corrupt-1"), []byte("garbage"), 0o600)
	if err := typo.Logout(context.Background()); err != nil && !errors.Is(err, ErrRevokeFailed) {
		t.Fatal(err)
	}
	if n := h.cs.Stats().Revocations; n != 1 {
		t.Errorf("revocations %d, want the record kept aside revoked", n)
	}
	if left, _ := filepath.Glob(filepath.Join(dir, "token*.json*")); len(left) != 0 {
		t.Errorf("logout left %v", left)
	}
	cfg := oauth2.Config{ClientID: h.client.ID, ClientSecret: canarySecret, Endpoint: oauth2.Endpoint{TokenURL: tok.TokenURL, AuthStyle: oauth2.AuthStyleInParams}}
	if _, err := cfg.TokenSource(context.Background(), &oauth2.Token{RefreshToken: tok.RefreshToken}).Token(); err == nil {
		t.Error("the refresh token kept aside still works after logout")
	}
}
