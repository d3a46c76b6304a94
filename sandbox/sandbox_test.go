package sandbox_test

import (
	"context"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/dinero-tui/dinero-tui/sandbox"
	"github.com/dinero-tui/dinero-tui/sandbox/connect"
	"github.com/dinero-tui/dinero-tui/sandbox/demodata"
	"github.com/dinero-tui/dinero-tui/sandbox/sandboxtest"
)

// callback is a minimal form_post receiver, written independently of the
// project's oauth package.
type callback struct {
	uri  string
	got  chan url.Values
	stop func()
}

func newCallback(t *testing.T) *callback {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	c := &callback{uri: "http://" + l.Addr().String() + "/callback", got: make(chan url.Values, 1)}
	srv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPost || r.URL.Path != "/callback" {
			http.Error(w, "no", http.StatusMethodNotAllowed)
			return
		}
		if err := r.ParseForm(); err != nil {
			http.Error(w, "bad form", http.StatusBadRequest)
			return
		}
		c.got <- r.PostForm
		io.WriteString(w, "ok")
	})}
	go srv.Serve(l)
	c.stop = func() { srv.Close() }
	t.Cleanup(c.stop)
	return c
}

// login runs authorize + consent + form_post and returns the callback form.
func login(t *testing.T, sb *sandbox.Sandbox, cb *callback, verifier string) url.Values {
	t.Helper()
	sum := sha256.Sum256([]byte(verifier))
	q := url.Values{
		"client_id":             {sb.ClientID},
		"response_type":         {"code"},
		"response_mode":         {"form_post"},
		"scope":                 {"dineropublicapi:read dineropublicapi:write offline_access"},
		"redirect_uri":          {cb.uri},
		"ui_locales":            {"da-DK"},
		"state":                 {"s-123"},
		"code_challenge":        {base64.RawURLEncoding.EncodeToString(sum[:])},
		"code_challenge_method": {"S256"},
	}
	err := connect.Approve(context.Background(), http.DefaultClient, sb.ConnectURL+"/connect/authorize?"+q.Encode(), "accept")
	if err != nil {
		t.Fatalf("approve: %v", err)
	}
	select {
	case form := <-cb.got:
		if form.Get("state") != "s-123" || form.Get("code") == "" || form.Get("session_state") == "" {
			t.Fatalf("callback form misses fields: %v", form)
		}
		return form
	case <-time.After(5 * time.Second):
		t.Fatal("no form_post arrived")
	}
	return nil
}

type tokenAnswer struct {
	Status int
	Body   map[string]any
	Header http.Header
}

func postToken(t *testing.T, sb *sandbox.Sandbox, form url.Values, basic bool) tokenAnswer {
	t.Helper()
	if !basic {
		form.Set("client_id", sb.ClientID)
		form.Set("client_secret", sb.ClientSecret)
	}
	req, _ := http.NewRequest("POST", sb.ConnectURL+"/connect/token", strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	if basic {
		req.SetBasicAuth(url.QueryEscape(sb.ClientID), url.QueryEscape(sb.ClientSecret))
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var body map[string]any
	json.NewDecoder(res.Body).Decode(&body)
	return tokenAnswer{res.StatusCode, body, res.Header}
}

func apiGet(t *testing.T, sb *sandbox.Sandbox, token, path string) (*http.Response, string) {
	t.Helper()
	req, _ := http.NewRequest("GET", sb.APIURL+path, nil)
	req.Header.Set("Authorization", "Bearer "+token)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(res.Body)
	res.Body.Close()
	return res, string(b)
}

// TestIndependentClientFlow walks the whole contract the way a third-party
// integration would: authorize, form_post, exchange, code reuse, refresh
// rotation, refresh reuse with family revocation, organizations, the Pro
// wall, paging and the rate limit.
func TestIndependentClientFlow(t *testing.T) {
	sb := sandboxtest.Start(t, sandbox.Options{RateLimit: 40})
	cb := newCallback(t)
	verifier := strings.Repeat("v", 50)
	form := login(t, sb, cb, verifier)

	exchange := url.Values{"grant_type": {"authorization_code"}, "code": {form.Get("code")}, "redirect_uri": {cb.uri}, "code_verifier": {verifier}}
	first := postToken(t, sb, exchange, false)
	if first.Status != 200 || first.Body["refresh_token"] == nil || first.Header.Get("Cache-Control") != "no-store" {
		t.Fatalf("exchange: %d %v %v", first.Status, first.Body["error"], first.Header)
	}
	if again := postToken(t, sb, url.Values{"grant_type": {"authorization_code"}, "code": {form.Get("code")}, "redirect_uri": {cb.uri}, "code_verifier": {verifier}}, false); again.Status != 400 || again.Body["error"] != "invalid_grant" {
		t.Fatalf("code reuse: %d %v", again.Status, again.Body)
	}

	// A second login, exchanged with HTTP Basic client authentication.
	form = login(t, sb, cb, verifier)
	tok := postToken(t, sb, url.Values{"grant_type": {"authorization_code"}, "code": {form.Get("code")}, "redirect_uri": {cb.uri}, "code_verifier": {verifier}}, true)
	if tok.Status != 200 {
		t.Fatalf("basic exchange: %d %v", tok.Status, tok.Body)
	}
	old := tok.Body["refresh_token"].(string)
	rot := postToken(t, sb, url.Values{"grant_type": {"refresh_token"}, "refresh_token": {old}}, false)
	if rot.Status != 200 || rot.Body["refresh_token"] == old {
		t.Fatalf("refresh did not rotate: %d %v", rot.Status, rot.Body["error"])
	}
	newest := rot.Body["refresh_token"].(string)
	access := rot.Body["access_token"].(string)

	res, body := apiGet(t, sb, access, "/v1/organizations?fields=Id,Name,IsPro")
	if res.StatusCode != 200 || !strings.Contains(body, `"IsPro"`) {
		t.Fatalf("organizations: %d %s", res.StatusCode, body)
	}
	res, body = apiGet(t, sb, access, fmt.Sprintf("/v1/%d/contacts", demodata.OrgUnion))
	if res.StatusCode != 403 || !strings.Contains(body, `"code":90`) {
		t.Fatalf("Pro wall: %d %s", res.StatusCode, body)
	}
	res, body = apiGet(t, sb, access, fmt.Sprintf("/v1/%d/invoices?page=0&pageSize=5", demodata.OrgCarpenter))
	var page struct {
		Collection []json.RawMessage
		Pagination struct{ PageSize, Result, ResultWithoutFilter, Page int }
	}
	if err := json.Unmarshal([]byte(body), &page); err != nil || res.StatusCode != 200 || len(page.Collection) != 5 || page.Pagination.ResultWithoutFilter <= 5 {
		t.Fatalf("paging: %d %v %s", res.StatusCode, err, body[:min(len(body), 200)])
	}

	// Presenting the consumed refresh token again revokes the family.
	if reuse := postToken(t, sb, url.Values{"grant_type": {"refresh_token"}, "refresh_token": {old}}, false); reuse.Status != 400 || reuse.Body["error"] != "invalid_grant" {
		t.Fatalf("reuse: %d %v", reuse.Status, reuse.Body)
	}
	if after := postToken(t, sb, url.Values{"grant_type": {"refresh_token"}, "refresh_token": {newest}}, false); after.Status != 400 {
		t.Fatalf("family not revoked: %d", after.Status)
	}
	if res, _ := apiGet(t, sb, access, "/v1/organizations"); res.StatusCode != 401 {
		t.Fatalf("revoked access token still accepted: %d", res.StatusCode)
	}
	if sb.Connect.Stats().ReuseDetections != 1 {
		t.Fatalf("stats: %+v", sb.Connect.Stats())
	}

	// The rate limit, on a fresh login.
	form = login(t, sb, cb, verifier)
	tok = postToken(t, sb, url.Values{"grant_type": {"authorization_code"}, "code": {form.Get("code")}, "redirect_uri": {cb.uri}, "code_verifier": {verifier}}, false)
	access = tok.Body["access_token"].(string)
	var limited *http.Response
	for i := 0; i < 60 && limited == nil; i++ {
		if res, body := apiGet(t, sb, access, fmt.Sprintf("/v1/%d/products", demodata.OrgDesign)); res.StatusCode == 429 {
			if !strings.HasPrefix(body, "API calls quota exceeded!") || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/plain") {
				t.Fatalf("429 body: %q %s", body, res.Header.Get("Content-Type"))
			}
			limited = res
		}
	}
	if limited == nil || limited.Header.Get("Retry-After") == "" {
		t.Fatal("no 429 with Retry-After within 60 requests at a limit of 40")
	}
}

func TestUnknownRouteIsHTML404(t *testing.T) {
	sb := sandboxtest.Start(t, sandbox.Options{})
	res, body := apiGet(t, sb, "x", "/v9/nothing")
	if res.StatusCode != 404 || !strings.Contains(strings.ToLower(body), "<html") {
		t.Fatalf("%d %q", res.StatusCode, body)
	}
}
