// Package sandbox runs a local, strict emulation of Visma Connect and the
// Dinero API on loopback, with deterministic demo data. It is used by
// `dinero-tui demo`, `dinero-tui sandbox` and the tests.
package sandbox

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"net"
	"net/http"
	"time"

	"github.com/dinero-tui/dinero-tui/sandbox/connect"
	"github.com/dinero-tui/dinero-tui/sandbox/demodata"
	"github.com/dinero-tui/dinero-tui/sandbox/dinero"
)

// DefaultClientID is the application id the sandbox registers when none is given.
const DefaultClientID = "isv_dinero_tui_sandbox"

// DefaultRedirectURI is the redirect URI registered when none is given: a
// loopback URI, so any port matches (RFC 8252).
const DefaultRedirectURI = "http://127.0.0.1/callback"

// Options configure a sandbox. The zero value is a usable default.
type Options struct {
	Addr         string // Visma Connect listen address; default 127.0.0.1:0
	APIAddr      string // Dinero API listen address; default 127.0.0.1:0
	ClientID     string
	ClientSecret string   // random when empty
	RedirectURIs []string // exact strings; loopback ones match any port
	PKCERequired bool
	AutoApprove  bool
	TokenTTL     time.Duration // access token lifetime; default 1h
	RefreshMode  string        // "one-time" (default) or "reuse"
	RefreshGrace time.Duration
	RateLimit    int           // requests per window per organization and client; default 100, <0 disables
	RateWindow   time.Duration // default 1m
	Seed         int64
	Size         int // invoices per organization scale; 0 = default
	Now          func() time.Time
}

// Sandbox is a running pair of servers.
type Sandbox struct {
	ConnectURL   string
	APIURL       string
	ClientID     string
	ClientSecret string
	Connect      *connect.Server
	Dinero       *dinero.Server
	Data         *demodata.Dataset

	servers []*http.Server
}

// Start listens on both addresses and serves until Close.
func Start(o Options) (*Sandbox, error) {
	o = withDefaults(o)
	if o.ClientSecret == "" {
		o.ClientSecret = randomSecret()
	}
	data := demodata.Generate(o.Seed, o.Size)

	cl, err := listen(o.Addr)
	if err != nil {
		return nil, fmt.Errorf("sandbox: Visma Connect address: %w", err)
	}
	al, err := listen(o.APIAddr)
	if err != nil {
		cl.Close()
		return nil, fmt.Errorf("sandbox: Dinero API address: %w", err)
	}
	s := &Sandbox{
		ConnectURL:   "http://" + cl.Addr().String(),
		APIURL:       "http://" + al.Addr().String(),
		ClientID:     o.ClientID,
		ClientSecret: o.ClientSecret,
		Data:         data,
	}
	s.Connect, err = connect.New(connect.Config{
		Issuer: s.ConnectURL,
		Clients: []connect.Client{{
			ID:             o.ClientID,
			Secret:         o.ClientSecret,
			RedirectURIs:   o.RedirectURIs,
			PKCERequired:   o.PKCERequired,
			OfflineAccess:  true,
			RefreshMode:    o.RefreshMode,
			RefreshGrace:   o.RefreshGrace,
			AccessTokenTTL: o.TokenTTL,
		}},
		User:        demoUser(data),
		AutoApprove: o.AutoApprove,
		Now:         o.Now,
	})
	if err != nil {
		cl.Close()
		al.Close()
		return nil, fmt.Errorf("sandbox: %w", err)
	}
	s.Dinero = dinero.New(dinero.Config{
		Validator:  s.Connect,
		Data:       data,
		RateLimit:  o.RateLimit,
		RateWindow: o.RateWindow,
		Now:        o.Now,
	})
	s.serve(cl, s.Connect.Handler())
	s.serve(al, s.Dinero.Handler())
	return s, nil
}

func withDefaults(o Options) Options {
	if o.Addr == "" {
		o.Addr = "127.0.0.1:0"
	}
	if o.APIAddr == "" {
		o.APIAddr = "127.0.0.1:0"
	}
	if o.ClientID == "" {
		o.ClientID = DefaultClientID
	}
	if len(o.RedirectURIs) == 0 {
		o.RedirectURIs = []string{DefaultRedirectURI}
	}
	return o
}

func listen(addr string) (net.Listener, error) {
	return net.Listen("tcp", addr)
}

func (s *Sandbox) serve(l net.Listener, h http.Handler) {
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second}
	s.servers = append(s.servers, srv)
	go func() { _ = srv.Serve(l) }()
}

// Close stops both servers.
func (s *Sandbox) Close() error {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	var errs []error
	for _, srv := range s.servers {
		if err := srv.Shutdown(ctx); err != nil {
			errs = append(errs, srv.Close())
		}
	}
	return errors.Join(errs...)
}

func randomSecret() string {
	b := make([]byte, 24)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// demoUser is the user who logs in on the consent page.
func demoUser(d *demodata.Dataset) connect.User {
	for _, u := range d.Users {
		if u.Sub == demodata.DemoUserSub {
			return connect.User{Sub: u.Sub, Name: u.Name, Email: u.Email}
		}
	}
	return connect.User{Sub: demodata.DemoUserSub, Name: "Demo", Email: "demo@example.dk"}
}
