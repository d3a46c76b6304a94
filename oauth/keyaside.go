package oauth

import (
	"encoding/json"
	"errors"
	"fmt"

	"github.com/zalando/go-keyring"
)

// asideUser is the keyring item holding the records of other applications
// kept aside for this profile, as one JSON array.
func (k *KeyringStore) asideUser() string { return k.user + "#aside" }

// readAside returns the records kept aside (none when the item is absent
// or unusable).
func (k *KeyringStore) readAside() ([]*Tokens, error) {
	v, err := k.call(func() (string, error) { return k.api.Get(keyringService, k.asideUser()) })
	if errors.Is(err, keyring.ErrNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read keyring: %w", err)
	}
	var raw []json.RawMessage
	if len(v) > maxAside*maxRecord || json.Unmarshal([]byte(v), &raw) != nil {
		return nil, nil
	}
	var out []*Tokens
	for _, r := range raw {
		if t, err := decodeRecord(r); err == nil {
			out = append(out, t)
		}
	}
	return out, nil
}

// writeAside replaces the aside item (deleting it when list is empty).
func (k *KeyringStore) writeAside(list []*Tokens) error {
	if len(list) == 0 {
		_, err := k.call(func() (string, error) { return "", k.api.Delete(keyringService, k.asideUser()) })
		if errors.Is(err, keyring.ErrNotFound) {
			err = nil
		}
		return err
	}
	raw := make([]json.RawMessage, len(list))
	for i, t := range list {
		b, err := encodeTokens(t)
		if err != nil {
			return err
		}
		raw[i] = b
	}
	data, err := json.Marshal(raw)
	if err != nil {
		return fmt.Errorf("encode tokens: %w", err)
	}
	_, err = k.call(func() (string, error) { return "", k.api.Set(keyringService, k.asideUser(), string(data)) })
	return err
}

// park moves t, the main item's record of another application, to the
// aside item (replacing an older record of the same application).
func (k *KeyringStore) park(t *Tokens) error {
	list, err := k.readAside()
	if err != nil {
		return err
	}
	kept := []*Tokens{t}
	for _, o := range list {
		if (o.Issuer != t.Issuer || o.ClientID != t.ClientID) && len(kept) < maxAside {
			kept = append(kept, o)
		}
	}
	if err := k.writeAside(kept); err != nil {
		return fmt.Errorf("keep the other application's tokens aside in the keyring: %w", err)
	}
	if err := k.Delete(); err != nil {
		return err
	}
	k.warn(parkedWarning)
	return nil
}

// restore brings back this application's record kept aside, if any.
func (k *KeyringStore) restore() (*Tokens, error) {
	list, err := k.readAside()
	if err != nil || len(list) == 0 {
		return nil, nil
	}
	var mine *Tokens
	var rest []*Tokens
	for _, t := range list {
		if t.Issuer == k.issuer && t.ClientID == k.clientID && mine == nil {
			mine = t
			continue
		}
		rest = append(rest, t)
	}
	if mine == nil {
		return nil, nil
	}
	if err := k.Save(mine); err != nil {
		return nil, fmt.Errorf("bring back the tokens kept aside: %w", err)
	}
	if err := k.writeAside(rest); err != nil {
		return nil, fmt.Errorf("bring back the tokens kept aside: %w", err)
	}
	return mine, nil
}

// Aside returns the records of other applications kept aside.
func (k *KeyringStore) Aside() []*Tokens {
	list, _ := k.readAside()
	return list
}

// ClearAside removes the aside item.
func (k *KeyringStore) ClearAside() error {
	if err := k.writeAside(nil); err != nil {
		return fmt.Errorf("remove the tokens kept aside in the keyring: %w", err)
	}
	return nil
}
