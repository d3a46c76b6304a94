package oauth

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"slices"

	"github.com/dinero-tui/dinero-tui/config"
)

// endpoints are the Visma Connect URLs a login needs.
type endpoints struct {
	Authorize, Token, Revocation string
	// IssParam: the server promises an iss parameter in authorization
	// responses (RFC 9207), so a response without it is refused.
	IssParam bool
}

// discoveryDoc is the part of the OpenID configuration we read.
type discoveryDoc struct {
	Issuer                string   `json:"issuer"`
	AuthorizationEndpoint string   `json:"authorization_endpoint"`
	TokenEndpoint         string   `json:"token_endpoint"`
	RevocationEndpoint    string   `json:"revocation_endpoint"`
	ResponseModes         []string `json:"response_modes_supported"`
	CodeChallengeMethods  []string `json:"code_challenge_methods_supported"`
	IssParameterSupported bool     `json:"authorization_response_iss_parameter_supported"`
}

// documented returns the endpoint paths Visma Connect documents.
func (s *Session) documented() endpoints {
	return endpoints{
		Authorize:  s.issuer + "/connect/authorize",
		Token:      s.issuer + "/connect/token",
		Revocation: s.issuer + "/connect/revocation",
	}
}

// discover reads /.well-known/openid-configuration. A 404 falls back to the
// documented paths; an unreachable server or a document that is malformed,
// names another issuer, or lacks what this login needs is an error.
func (s *Session) discover(ctx context.Context, responseMode string) (endpoints, error) {
	where := s.issuer + "/.well-known/openid-configuration"
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, where, nil)
	if err != nil {
		return endpoints{}, fmt.Errorf("Connect URL %q is not usable: %w", s.issuer, err)
	}
	req.Header.Set("Accept", "application/json")
	resp, err := s.hc.Do(req)
	if err != nil {
		return endpoints{}, fmt.Errorf("cannot reach Visma Connect at %s (check DINERO_CONNECT_URL and the network): %w", s.issuer, err)
	}
	defer resp.Body.Close()
	switch {
	case resp.StatusCode == http.StatusNotFound || resp.StatusCode == http.StatusGone:
		return s.documented(), nil
	case resp.StatusCode != http.StatusOK:
		return endpoints{}, fmt.Errorf("Visma Connect discovery answered HTTP %d; try again later", resp.StatusCode)
	}
	var doc discoveryDoc
	if err := json.NewDecoder(io.LimitReader(resp.Body, 1<<20)).Decode(&doc); err != nil {
		return endpoints{}, errors.New("Visma Connect's discovery document is not valid JSON; check DINERO_CONNECT_URL")
	}
	return s.checkDiscovery(doc, responseMode)
}

// checkDiscovery validates a discovery document for this login.
func (s *Session) checkDiscovery(doc discoveryDoc, responseMode string) (endpoints, error) {
	// Exact comparison (OpenID Connect Discovery §4.3): no trailing slash,
	// no case folding.
	if doc.Issuer != s.issuer {
		return endpoints{}, fmt.Errorf("discovery names issuer %q, not %q: refusing to log in (check DINERO_CONNECT_URL)", sanitizeCode(doc.Issuer), s.issuer)
	}
	for _, e := range []struct{ name, u string }{{"authorization_endpoint", doc.AuthorizationEndpoint}, {"token_endpoint", doc.TokenEndpoint}} {
		if err := checkEndpoint(e.u); err != nil {
			return endpoints{}, fmt.Errorf("discovery %s: %w", e.name, err)
		}
	}
	if s.p.PKCE && len(doc.CodeChallengeMethods) > 0 && !slices.Contains(doc.CodeChallengeMethods, "S256") {
		return endpoints{}, errors.New("Visma Connect does not offer PKCE S256; refusing to log in without it (set pkce = false only for an application without PKCE)")
	}
	if len(doc.ResponseModes) > 0 && !slices.Contains(doc.ResponseModes, responseMode) {
		return endpoints{}, fmt.Errorf("Visma Connect does not offer response_mode=%s", responseMode)
	}
	ep := endpoints{Authorize: doc.AuthorizationEndpoint, Token: doc.TokenEndpoint, Revocation: doc.RevocationEndpoint, IssParam: doc.IssParameterSupported}
	if ep.Revocation == "" || checkEndpoint(ep.Revocation) != nil {
		ep.Revocation = s.documented().Revocation
	}
	return ep, nil
}

// checkEndpoint accepts https URLs, and http on loopback (the sandbox).
func checkEndpoint(raw string) error {
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" || u.User != nil || u.Fragment != "" {
		return errors.New("missing or not an absolute URL")
	}
	if u.Scheme == "https" || u.Scheme == "http" && config.IsLoopbackHost(u.Hostname()) {
		return nil
	}
	return errors.New("must be an https URL")
}
