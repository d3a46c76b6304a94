package catalog

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/url"
	"strings"
)

// SentRequest is one request as it went out, to be written into a Postman
// collection by ExportPostman.
type SentRequest struct {
	Name, Group string
	Method      string
	Path        string            // template with {placeholders}, e.g. /v1/{organizationId}/invoices/{guid}
	PathParams  map[string]string // the values sent for the placeholders
	RawQuery    string            // the query exactly as sent (encoded)
	Body        string            // as sent
	ContentType string            // of the body; "" means application/json when there is a body
}

// ExportOptions describe the exported collection's login and variables.
// None of them is a secret: the client secret, tokens and codes are never
// part of an export (the OAuth2 block says {{clientSecret}}).
type ExportOptions struct {
	Name        string // collection name
	APIURL      string // value of {{baseUrl}}
	OrgID       string // value of {{organizationId}}
	ClientID    string // value of {{clientId}}
	ConnectURL  string // Visma Connect base; authUrl and accessTokenUrl are under /connect/
	Scopes      string // space-separated
	RedirectURI string
	UILocale    string
}

// ExportPostman writes reqs as a Postman Collection v2.1: one folder per
// group, hosts as {{baseUrl}}, the company as {{organizationId}}, other path
// values as :name path variables, queries and bodies exactly as sent, and a
// collection-level OAuth2 block with {{clientId}}/{{clientSecret}}
// placeholders. Importing it (Parse) and sending gives the same bytes.
func ExportPostman(reqs []SentRequest, o ExportOptions) ([]byte, error) {
	col := pmCollection{
		Info: pmInfo{Name: orDefault(o.Name, "dinero-tui export"), Schema: "https://schema.getpostman.com/json/collection/v2.1.0/collection.json",
			Description: "Exported by dinero-tui. Fill clientSecret in your Postman environment (never in this file), then Get New Access Token."},
		Auth: &pmAuth{Type: "oauth2", OAuth2: exportAuth(o)},
		Variable: []pmKV{{Key: "baseUrl", Value: orDefault(o.APIURL, "https://api.dinero.dk")}, {Key: OrgVariable, Value: o.OrgID},
			{Key: "clientId", Value: o.ClientID}, {Key: "clientSecret", Value: ""}},
	}
	folders := map[string]int{}
	for _, r := range reqs {
		group := orDefault(strings.TrimSpace(r.Group), "History")
		i, ok := folders[group]
		if !ok {
			i = len(col.Item)
			folders[group] = i
			col.Item = append(col.Item, pmItem{Name: group})
		}
		col.Item[i].Item = append(col.Item[i].Item, exportRequest(r))
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(col); err != nil {
		return nil, fmt.Errorf("encode the collection: %w", err)
	}
	return buf.Bytes(), nil
}

func exportAuth(o ExportOptions) []pmKV {
	connect := strings.TrimRight(orDefault(o.ConnectURL, "https://connect.visma.com"), "/")
	authURL := connect + "/connect/authorize"
	if o.UILocale != "" {
		authURL += "?ui_locales=" + url.QueryEscape(o.UILocale)
	}
	kv := []pmKV{
		{Key: "grant_type", Value: "authorization_code"},
		{Key: "authUrl", Value: authURL},
		{Key: "accessTokenUrl", Value: connect + "/connect/token"},
		{Key: "clientId", Value: "{{clientId}}"},
		{Key: "clientSecret", Value: "{{clientSecret}}"},
		{Key: "scope", Value: orDefault(o.Scopes, "dineropublicapi:read dineropublicapi:write offline_access")},
		{Key: "client_authentication", Value: "body"},
		{Key: "addTokenTo", Value: "header"},
	}
	if o.RedirectURI == PostmanCallback || o.RedirectURI == "" {
		return append(kv, pmKV{Key: "useBrowser", Value: true})
	}
	return append(kv, pmKV{Key: "redirect_uri", Value: o.RedirectURI}, pmKV{Key: "useBrowser", Value: false})
}

func exportRequest(r SentRequest) pmItem {
	u := pmURL{Host: []string{"{{baseUrl}}"}}
	for _, seg := range strings.Split(strings.TrimPrefix(r.Path, "/"), "/") {
		if name, ok := strings.CutPrefix(seg, "{"); ok && strings.HasSuffix(name, "}") {
			name = strings.TrimSuffix(name, "}")
			if name == OrgVariable {
				seg = "{{" + OrgVariable + "}}"
			} else {
				seg = ":" + name
				u.Variable = append(u.Variable, pmKV{Key: name, Value: r.PathParams[name]})
			}
		}
		u.Path = append(u.Path, seg)
	}
	u.Raw = "{{baseUrl}}/" + strings.Join(u.Path, "/")
	if r.RawQuery != "" {
		u.Raw += "?" + r.RawQuery
		for _, pair := range strings.Split(r.RawQuery, "&") {
			k, v, _ := strings.Cut(pair, "=")
			u.Query = append(u.Query, pmKV{Key: k, Value: v})
		}
	}
	req := &pmRequest{Method: r.Method, URL: u, Header: []pmKV{}}
	if r.Body != "" {
		ct := orDefault(r.ContentType, "application/json")
		req.Header = append(req.Header, pmKV{Key: "Content-Type", Value: ct})
		req.Body = &pmBody{Mode: "raw", Raw: r.Body}
		if strings.HasPrefix(ct, "application/json") {
			req.Body.Options = &pmBodyOptions{Raw: pmRawOptions{Language: "json"}}
		}
	}
	return pmItem{Name: orDefault(r.Name, r.Method+" "+r.Path), Request: req}
}

// The Postman v2.1 shapes the export writes, in Postman's own key order.
type (
	pmCollection struct {
		Info     pmInfo   `json:"info"`
		Auth     *pmAuth  `json:"auth,omitempty"`
		Variable []pmKV   `json:"variable"`
		Item     []pmItem `json:"item"`
	}
	pmInfo struct {
		Name        string `json:"name"`
		Description string `json:"description,omitempty"`
		Schema      string `json:"schema"`
	}
	pmAuth struct {
		Type   string `json:"type"`
		OAuth2 []pmKV `json:"oauth2"`
	}
	pmKV struct {
		Key   string `json:"key"`
		Value any    `json:"value"`
	}
	pmItem struct {
		Name    string     `json:"name"`
		Item    []pmItem   `json:"item,omitempty"`
		Request *pmRequest `json:"request,omitempty"`
	}
	pmRequest struct {
		Method string  `json:"method"`
		Header []pmKV  `json:"header"`
		Body   *pmBody `json:"body,omitempty"`
		URL    pmURL   `json:"url"`
	}
	pmBody struct {
		Mode    string         `json:"mode"`
		Raw     string         `json:"raw"`
		Options *pmBodyOptions `json:"options,omitempty"`
	}
	pmBodyOptions struct {
		Raw pmRawOptions `json:"raw"`
	}
	pmRawOptions struct {
		Language string `json:"language"`
	}
	pmURL struct {
		Raw      string   `json:"raw"`
		Host     []string `json:"host"`
		Path     []string `json:"path"`
		Query    []pmKV   `json:"query,omitempty"`
		Variable []pmKV   `json:"variable,omitempty"`
	}
)
