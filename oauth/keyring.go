package oauth

import (
	"errors"
	"fmt"
	"time"

	"github.com/zalando/go-keyring"
)

// keyringService is the service name of the keyring items.
const keyringService = "dinero-tui"

// keyringTimeout bounds every keyring call: a locked keyring can wait on a
// prompt forever.
const keyringTimeout = 3 * time.Second

// keyringAPI is the part of an OS keyring the store uses.
type keyringAPI interface {
	Get(service, user string) (string, error)
	Set(service, user, secret string) error
	Delete(service, user string) error
}

type osKeyring struct{}

func (osKeyring) Get(s, u string) (string, error) { return keyring.Get(s, u) }
func (osKeyring) Set(s, u, v string) error        { return keyring.Set(s, u, v) }
func (osKeyring) Delete(s, u string) error        { return keyring.Delete(s, u) }

// errKeyringTimeout is returned when the keyring does not answer in time.
var errKeyringTimeout = errors.New("the OS keyring did not answer in time (locked, or waiting on a prompt?)")

// KeyringStore keeps the whole token record as one OS keyring item, so a
// save is a single atomic Set.
type KeyringStore struct {
	api              keyringAPI
	user             string
	issuer, clientID string
	timeout          time.Duration
	// warn receives non-fatal findings (a record kept aside).
	warn func(string)
}

// maxAside bounds the records of other applications kept aside.
const maxAside = 8

// NewKeyringStore returns a store in the OS keyring for one profile.
func NewKeyringStore(profile, issuer, clientID string) *KeyringStore {
	return newKeyringStore(osKeyring{}, profile, issuer, clientID, keyringTimeout)
}

func newKeyringStore(api keyringAPI, profile, issuer, clientID string, timeout time.Duration) *KeyringStore {
	return &KeyringStore{api: api, user: profile, issuer: issuer, clientID: clientID, timeout: timeout, warn: func(string) {}}
}

// Kind is "keyring".
func (k *KeyringStore) Kind() string { return "keyring" }

// call runs fn with a time limit; a call that overruns is abandoned.
func (k *KeyringStore) call(fn func() (string, error)) (string, error) {
	type res struct {
		v   string
		err error
	}
	ch := make(chan res, 1)
	go func() {
		v, err := fn()
		ch <- res{v, err}
	}()
	select {
	case r := <-ch:
		return r.v, r.err
	case <-time.After(k.timeout):
		return "", errKeyringTimeout
	}
}

// probe reports whether the keyring answers at all, and whether it holds
// an item for this profile.
func (k *KeyringStore) probe() (has bool, err error) {
	_, err = k.call(func() (string, error) { return k.api.Get(keyringService, k.user) })
	if errors.Is(err, keyring.ErrNotFound) {
		return false, nil
	}
	return err == nil, err
}

// Load reads the keyring item. An unusable item is deleted and reported as
// ErrStoreCorrupt. A sound record of another Connect URL or client id is
// moved to the profile's aside item (Load reports no tokens) and comes
// back when that application is used again.
func (k *KeyringStore) Load() (*Tokens, error) {
	v, err := k.call(func() (string, error) { return k.api.Get(keyringService, k.user) })
	if errors.Is(err, keyring.ErrNotFound) {
		return k.restore()
	}
	if err != nil {
		return nil, fmt.Errorf("read keyring: %w", err)
	}
	t, derr := decodeTokens([]byte(v), k.issuer, k.clientID)
	if errors.Is(derr, errForeign) {
		return nil, k.park(t)
	}
	if derr != nil {
		if err := k.Delete(); err != nil {
			return nil, fmt.Errorf("keyring item is unusable (%s) and could not be removed: %v: %w", derr, err, ErrStoreCorrupt)
		}
		return nil, fmt.Errorf("keyring item was unusable (%s) and was removed: %w", derr, ErrStoreCorrupt)
	}
	return t, nil
}

// Save replaces the keyring item.
func (k *KeyringStore) Save(t *Tokens) error {
	data, err := encodeTokens(t)
	if err != nil {
		return err
	}
	_, err = k.call(func() (string, error) { return "", k.api.Set(keyringService, k.user, string(data)) })
	if err != nil {
		return fmt.Errorf("save tokens to keyring: %w", err)
	}
	return nil
}

// Delete removes the keyring item.
func (k *KeyringStore) Delete() error {
	_, err := k.call(func() (string, error) { return "", k.api.Delete(keyringService, k.user) })
	if err != nil && !errors.Is(err, keyring.ErrNotFound) {
		return fmt.Errorf("delete keyring item: %w", err)
	}
	return nil
}

// chooseStore picks the store for a token_store setting. For "auto" it
// uses the keyring when it answers within the time limit, unless the file
// already holds this profile's tokens; reason says why.
func chooseStore(setting string, kr *KeyringStore, file *FileStore) (Store, string, error) {
	switch setting {
	case "file":
		return file, "token_store = file", nil
	case "keyring":
		if _, err := kr.probe(); err != nil {
			return nil, "", fmt.Errorf("token store is set to keyring, but %v; set DINERO_TOKEN_STORE=file to keep tokens in a 0600 file instead", shortErr(err))
		}
		return kr, "token_store = keyring", nil
	}
	has, err := kr.probe()
	if err != nil {
		return file, "auto: no OS keyring answered (" + shortErr(err) + "), using a 0600 file", nil
	}
	if !has {
		if t, _ := file.Load(); t != nil {
			return file, "auto: keeping the existing token file", nil
		}
	}
	return kr, "auto: the OS keyring answered", nil
}

// shortErr keeps keyring error text to one short line.
func shortErr(err error) string {
	s := err.Error()
	if len(s) > 120 {
		s = s[:120] + "..."
	}
	return s
}
