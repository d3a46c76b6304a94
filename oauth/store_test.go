package oauth

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/zalando/go-keyring"
)

func sampleTokens() *Tokens {
	return &Tokens{Issuer: "https://connect.example", ClientID: "isv_x", TokenType: "Bearer",
		AccessToken: "access-CANARY", RefreshToken: "refresh-CANARY", Expiry: time.Now().Add(time.Hour),
		Scopes: []string{"dineropublicapi:read"}, TokenURL: "https://connect.example/connect/token"}
}

func TestFileStoreRoundTripAndPerms(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "p")
	fs := NewFileStore(dir, "https://connect.example", "isv_x")
	if got, err := fs.Load(); got != nil || err != nil {
		t.Fatalf("empty store: %v %v", got, err)
	}
	if err := fs.Save(sampleTokens()); err != nil {
		t.Fatal(err)
	}
	checkStorePerms(t, fs.Path())
	got, err := fs.Load()
	if err != nil || got.RefreshToken != "refresh-CANARY" {
		t.Fatalf("load: %v", err)
	}
	if s := got.String() + got.GoString(); strings.Contains(s, "CANARY") {
		t.Error("Tokens.String leaks a token")
	}
	if runtime.GOOS != "windows" {
		os.Chmod(fs.Path(), 0o644)
		var warned string
		fs.warn = func(w string) { warned = w }
		if _, err := fs.Load(); err != nil || warned == "" {
			t.Errorf("0644 store: %v, warning %q", err, warned)
		}
		checkStorePerms(t, fs.Path())
	}
	if err := fs.Delete(); err != nil {
		t.Fatal(err)
	}
	if err := fs.Delete(); err != nil {
		t.Fatalf("second delete: %v", err)
	}
}

func TestFileStoreSetsAsideBadFiles(t *testing.T) {
	good, _ := encodeTokens(sampleTokens())
	cases := map[string][]byte{
		"zero-length":   {},
		"truncated":     good[:len(good)/2],
		"all NUL":       bytes.Repeat([]byte{0}, 300),
		"invalid JSON":  []byte("{not json"),
		"wrong version": bytes.Replace(good, []byte(`"version": 1`), []byte(`"version": 9`), 1),
		"trailing data": append(append([]byte{}, good...), []byte("{}")...),
		"control chars": bytes.Replace(good, []byte("access-CANARY"), []byte(`access\nX`), 1),
	}
	for name, data := range cases {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			fs := NewFileStore(dir, "https://connect.example", "isv_x")
			os.WriteFile(fs.Path(), data, 0o600)
			got, err := fs.Load()
			if got != nil || !errors.Is(err, ErrStoreCorrupt) {
				t.Fatalf("Load = %v, %v; want ErrStoreCorrupt", got, err)
			}
			if strings.Contains(err.Error(), "CANARY") {
				t.Error("error quotes the store")
			}
			if _, err := os.Stat(fs.Path()); !os.IsNotExist(err) {
				t.Error("bad store was not moved aside")
			}
			aside, _ := filepath.Glob(fs.Path() + ".corrupt-*")
			if len(aside) != 1 {
				t.Errorf("set-aside files: %v", aside)
			}
		})
	}
	t.Run("symlink", func(t *testing.T) {
		dir := t.TempDir()
		target := filepath.Join(t.TempDir(), "elsewhere")
		os.WriteFile(target, good, 0o600)
		fs := NewFileStore(dir, "https://connect.example", "isv_x")
		if err := os.Symlink(target, fs.Path()); err != nil {
			t.Skip(err)
		}
		if _, err := fs.Load(); !errors.Is(err, ErrStoreCorrupt) {
			t.Fatalf("symlinked store accepted: %v", err)
		}
		if _, err := os.Stat(target); err != nil {
			t.Error("symlink target was touched")
		}
	})
}

func TestSessionReportsCorruptStoreAsLoggedOut(t *testing.T) {
	h := newHarness(t)
	p := h.profile()
	os.MkdirAll(p.ProfileStateDir(), 0o700)
	os.WriteFile(filepath.Join(p.ProfileStateDir(), tokenFile), []byte("\x00\x00garbage"), 0o600)
	s := h.session()
	st := s.Status()
	if st.LoggedIn || !st.NeedsLogin || !strings.Contains(st.Warning, "moved to") {
		t.Fatalf("status = %+v", st)
	}
	if _, err := s.validToken(""); !errors.Is(err, ErrLoginRequired) {
		t.Fatalf("validToken = %v", err)
	}
	h.login(s)
	if st := s.Status(); !st.LoggedIn || st.Warning != "" {
		t.Fatalf("after a new login: %+v", st)
	}
}

// FuzzLoadStore: any bytes in the token file load as a record or are set
// aside as ErrStoreCorrupt; never a panic, never a record for another app.
func FuzzLoadStore(f *testing.F) {
	good, _ := encodeTokens(sampleTokens())
	f.Add(good)
	f.Add([]byte{})
	f.Add([]byte(`{"version":1}`))
	f.Add(bytes.Repeat([]byte{0}, 64))
	f.Fuzz(func(t *testing.T, data []byte) {
		dir := t.TempDir()
		fs := NewFileStore(dir, "https://connect.example", "isv_x")
		if err := os.WriteFile(fs.Path(), data, 0o600); err != nil {
			t.Fatal(err)
		}
		got, err := fs.Load()
		switch {
		case err == nil && got != nil:
			if got.ClientID != "isv_x" || got.AccessToken == "" || !printable(got.RefreshToken) {
				t.Fatalf("accepted a bad record")
			}
		case errors.Is(err, ErrStoreCorrupt):
			if _, serr := os.Stat(fs.Path()); !os.IsNotExist(serr) {
				t.Fatal("corrupt store left in place")
			}
		case err == nil && got == nil:
			// another application's record: kept aside, not lost
			if _, serr := os.Stat(fs.Path()); !os.IsNotExist(serr) || len(fs.Aside()) != 1 {
				t.Fatal("a foreign record was neither kept aside nor moved")
			}
		default:
			t.Fatalf("Load = %v, %v", got, err)
		}
	})
}

// fakeKeyring is an in-memory keyring that can hang or fail.
type fakeKeyring struct {
	mu    sync.Mutex
	items map[string]string
	hang  bool
	fail  error
}

func (k *fakeKeyring) wait() error {
	if k.hang {
		time.Sleep(time.Hour)
	}
	return k.fail
}
func (k *fakeKeyring) Get(s, u string) (string, error) {
	if err := k.wait(); err != nil {
		return "", err
	}
	k.mu.Lock()
	defer k.mu.Unlock()
	v, ok := k.items[s+"/"+u]
	if !ok {
		return "", keyring.ErrNotFound
	}
	return v, nil
}
func (k *fakeKeyring) Set(s, u, v string) error {
	if err := k.wait(); err != nil {
		return err
	}
	k.mu.Lock()
	defer k.mu.Unlock()
	k.items[s+"/"+u] = v
	return nil
}
func (k *fakeKeyring) Delete(s, u string) error {
	if err := k.wait(); err != nil {
		return err
	}
	k.mu.Lock()
	defer k.mu.Unlock()
	delete(k.items, s+"/"+u)
	return nil
}

func TestKeyringStoreAndAutoChoice(t *testing.T) {
	fs := NewFileStore(t.TempDir(), "https://connect.example", "isv_x")
	working := &fakeKeyring{items: map[string]string{}}
	kr := newKeyringStore(working, "default", "https://connect.example", "isv_x", 200*time.Millisecond)
	st, why, err := chooseStore("auto", kr, fs)
	if err != nil || st.Kind() != "keyring" || !strings.Contains(why, "answered") {
		t.Fatalf("auto with a working keyring: %v %q %v", st, why, err)
	}
	if err := kr.Save(sampleTokens()); err != nil {
		t.Fatal(err)
	}
	if got, err := kr.Load(); err != nil || got.RefreshToken != "refresh-CANARY" {
		t.Fatalf("keyring load: %v", err)
	}
	working.items["dinero-tui/default"] = "garbage"
	if _, err := kr.Load(); !errors.Is(err, ErrStoreCorrupt) {
		t.Fatalf("corrupt keyring item: %v", err)
	}
	if _, ok := working.items["dinero-tui/default"]; ok {
		t.Error("corrupt keyring item kept")
	}

	hung := newKeyringStore(&fakeKeyring{hang: true}, "default", "https://connect.example", "isv_x", 200*time.Millisecond)
	start := time.Now()
	st, why, err = chooseStore("auto", hung, fs)
	if err != nil || st.Kind() != "file" || !strings.Contains(why, "did not answer") {
		t.Fatalf("auto with a hung keyring: %v %q %v", st, why, err)
	}
	if time.Since(start) > time.Second {
		t.Error("keyring probe was not time-boxed")
	}
	if _, _, err := chooseStore("keyring", hung, fs); err == nil || !strings.Contains(err.Error(), "DINERO_TOKEN_STORE=file") {
		t.Fatalf("explicit keyring with a hung keyring: %v", err)
	}
	broken := newKeyringStore(&fakeKeyring{fail: errors.New("no dbus")}, "default", "https://connect.example", "isv_x", time.Second)
	if st, why, _ := chooseStore("auto", broken, fs); st.Kind() != "file" || !strings.Contains(why, "no dbus") {
		t.Fatalf("auto with no keyring: %v %q", st, why)
	}
	// An existing token file is kept when the keyring is empty.
	fs.Save(sampleTokens())
	if st, why, _ := chooseStore("auto", newKeyringStore(&fakeKeyring{items: map[string]string{}}, "default", "https://connect.example", "isv_x", time.Second), fs); st.Kind() != "file" {
		t.Fatalf("auto with an existing file: %v %q", st, why)
	}
}
