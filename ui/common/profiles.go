package common

import (
	"net"
	"net/url"
	"strings"
)

// ProfileEntry is one profile of the config as the profile picker lists
// it. It never holds the client secret.
type ProfileEntry struct {
	Name       string
	ClientID   string
	APIURL     string
	ConnectURL string
	ReadOnly   bool
	// LoggedIn: the profile's token store holds a usable session (read
	// from the store, without network I/O or a refresh).
	LoggedIn bool
	// Problem, when set, says why the profile cannot be opened (a broken
	// config, no client id), short and without secrets.
	Problem string
}

// Service is what a profile's URLs point at.
type Service int

// Services a profile can point at.
const (
	// ServiceOther is neither the real Dinero nor a loopback sandbox (a
	// test server, a proxy): no badge, so nothing claims it is safe.
	ServiceOther Service = iota
	// ServiceLive is the real Dinero or Visma Connect: real books.
	ServiceLive
	// ServiceSandbox is a service on this machine (127.0.0.1, ::1,
	// localhost), like `dinero-tui sandbox` or the demo.
	ServiceSandbox
)

// Real hosts of Dinero and Visma Connect.
const (
	liveAPIHost     = "api.dinero.dk"
	liveConnectHost = "connect.visma.com"
)

// ServiceOf says what a profile points at: live when either URL is the
// real service (a mixed setup still touches real data), sandbox when both
// are loopback, else other.
func ServiceOf(apiURL, connectURL string) Service {
	api, conn := hostOf(apiURL), hostOf(connectURL)
	switch {
	case api == liveAPIHost || conn == liveConnectHost:
		return ServiceLive
	case isLoopback(api) && isLoopback(conn):
		return ServiceSandbox
	}
	return ServiceOther
}

func hostOf(raw string) string {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return ""
	}
	return strings.TrimSuffix(strings.ToLower(u.Hostname()), ".")
}

func isLoopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
