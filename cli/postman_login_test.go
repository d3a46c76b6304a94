package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/dinero-tui/dinero-tui/api/catalog"
	"github.com/dinero-tui/dinero-tui/sandbox/connect"
	"github.com/dinero-tui/dinero-tui/ui/history"
)

const collectionCanary = "CANARY-collection-secret-7f3a"

// postmanLogin is a Visma Connect that knows an application registered
// only for Postman's callback, and a tutorial collection pointing at it
// with the client secret filled in, as the tutorial reader has it.
type postmanLogin struct {
	cs         *connect.Server
	collection string
	home       string
	env        map[string]string
	secrets    sync.Map // value -> what it is
	authURLs   []string
}

func newPostmanLogin(t *testing.T) *postmanLogin {
	t.Helper()
	pl := &postmanLogin{home: t.TempDir()}
	cs, err := connect.New(connect.Config{
		Clients: []connect.Client{{ID: "isv_from_collection", Secret: collectionCanary, RedirectURIs: []string{catalog.PostmanCallback},
			PKCERequired: true, OfflineAccess: true}},
		User: connect.User{Sub: "9f0c0c61-0000-4000-8000-000000000009", Name: "Tutorial"},
	})
	if err != nil {
		t.Fatal(err)
	}
	pl.cs = cs
	srv := httptest.NewServer(cs.Handler())
	t.Cleanup(srv.Close)
	cs.SetIssuer(srv.URL)
	cs.SetFault(func(w http.ResponseWriter, r *http.Request) bool {
		body, _ := io.ReadAll(r.Body)
		r.Body = io.NopCloser(bytes.NewReader(body))
		v, _ := url.ParseQuery(string(body))
		for _, k := range []string{"code", "code_verifier", "refresh_token"} {
			if v.Get(k) != "" {
				pl.secrets.Store(v.Get(k), k)
			}
		}
		return false
	})
	pl.secrets.Store(collectionCanary, "client secret")
	data, err := os.ReadFile(tutorialCollection)
	if err != nil {
		t.Fatal(err)
	}
	doc := strings.Replace(string(data), `"value": "https://connect.visma.com"`, `"value": "`+srv.URL+`"`, 1)
	doc = strings.Replace(doc, `{"key": "clientSecret", "value": ""}`, `{"key": "clientSecret", "value": "`+collectionCanary+`"}`, 1)
	pl.collection = filepath.Join(t.TempDir(), "Dinero API.postman_collection.json")
	if err := os.WriteFile(pl.collection, []byte(doc), 0o600); err != nil {
		t.Fatal(err)
	}
	pl.env = map[string]string{"HOME": pl.home, "DINERO_TOKEN_STORE": "file"}
	// The "browser" approves and ends on Postman's callback page, whose
	// address the user pastes.
	old := browserOpener
	t.Cleanup(func() { browserOpener = old })
	return pl
}

// login runs `login` with args, pasting the address the browser ends on.
func (pl *postmanLogin) login(t *testing.T, args ...string) (int, string) {
	t.Helper()
	final := make(chan string, 1)
	browserOpener = func(u string, _ func(string) string) error {
		pl.authURLs = append(pl.authURLs, u)
		hc := &http.Client{Transport: sessionTestRoundTrip(func(r *http.Request) (*http.Response, error) {
			if r.URL.Host == "oauth.pstmn.io" {
				final <- r.URL.String()
				return &http.Response{StatusCode: 200, Body: http.NoBody, Header: http.Header{}, Request: r}, nil
			}
			return http.DefaultTransport.RoundTrip(r)
		})}
		go connect.Approve(context.Background(), hc, u, "accept")
		return nil
	}
	pr, pw := io.Pipe()
	go func() { fmt.Fprintln(pw, <-final); pw.Close() }()
	var out, errb bytes.Buffer
	env := &Env{Ctx: context.Background(), Stdin: pr, Stdout: &out, Stderr: &errb, Getenv: func(k string) string { return pl.env[k] }}
	code := Run(env, append([]string{"login", "--timeout", "20s"}, args...))
	return code, out.String() + errb.String()
}

func (pl *postmanLogin) run(args ...string) (int, string, string) {
	var out, errb bytes.Buffer
	env := &Env{Ctx: context.Background(), Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb, Getenv: func(k string) string { return pl.env[k] }}
	code := Run(env, args)
	return code, out.String(), errb.String()
}

// TestLoginWithTheCollectionAlone: `login --collection F` with nothing else
// set logs in with the collection's OAuth2 block (Postman's callback in
// paste mode, the authUrl's own parameters kept), status says where each
// setting came from, and the environment, DINERO_* and flags win in turn.
func TestLoginWithTheCollectionAlone(t *testing.T) {
	pl := newPostmanLogin(t)
	var transcript strings.Builder
	code, out := pl.login(t, "--collection", pl.collection)
	transcript.WriteString(out)
	if code != 0 || !strings.Contains(out, "Logged in.") {
		t.Fatalf("login --collection: %d %q", code, out)
	}
	au, _ := url.Parse(pl.authURLs[0])
	q := au.Query()
	if q.Get("redirect_uri") != catalog.PostmanCallback || q.Get("ui_locales") != "da-DK" || q.Get("response_mode") != "query" ||
		q.Get("client_id") != "isv_from_collection" || q.Get("scope") != "dineropublicapi:read dineropublicapi:write offline_access" {
		t.Errorf("authorize link %s", pl.authURLs[0])
	}
	tokenFile := filepath.Join(pl.home, ".local", "state", "dinero-tui", "default", "token.json")
	data, err := os.ReadFile(tokenFile)
	if err != nil {
		t.Fatal(err)
	}
	var rec map[string]any
	json.Unmarshal(data, &rec)
	for _, k := range []string{"access_token", "refresh_token"} {
		s, _ := rec[k].(string)
		if s == "" {
			t.Fatalf("no %s stored", k)
		}
		pl.secrets.Store(s, k)
	}

	code, stdout, stderr := pl.run("status", "--collection", pl.collection)
	transcript.WriteString(stdout + stderr)
	for _, want := range []string{"Logged in:    yes", "Client id:     isv_from_collection (from the collection)",
		"Client secret: set (from the collection)", "Redirect URI:  " + catalog.PostmanCallback + " (from the collection)",
		"API URL:       https://api.dinero.dk (from the collection)", "Organization:  not set (default)"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("status lacks %q:\n%s", want, stdout)
		}
	}
	// the history exported from this profile carries no secret
	store, err := history.Open(history.Path(filepath.Join(pl.home, ".local", "state", "dinero-tui"), "default"))
	if err != nil {
		t.Fatal(err)
	}
	store.Add(history.Entry{Name: "List invoices", Method: "GET", Path: "/v1/{organizationId}/invoices", PathParams: map[string]string{"organizationId": "4242"},
		Query: map[string][]string{"fields": {"Guid"}}})
	export := filepath.Join(t.TempDir(), "out.postman_collection.json")
	code, stdout, stderr = pl.run("history", "export", "--postman", export, "--collection", pl.collection)
	transcript.WriteString(stdout + stderr)
	exported, _ := os.ReadFile(export)
	if code != 0 || !strings.Contains(string(exported), `"value": "{{clientSecret}}"`) {
		t.Fatalf("export: %d %q\n%s", code, stderr, exported)
	}
	_, stdout, stderr = pl.run("endpoints", "--json", "--collection", pl.collection, "--environment", writeEnvironment(t, map[string]string{"clientSecret": collectionCanary}))
	transcript.WriteString(stdout + stderr)
	if !strings.Contains(stdout, "post-v1-organizationid-invoices") {
		t.Errorf("endpoints --json: %q", stderr)
	}
	code, _, stderr = pl.run("logout", "--collection", pl.collection)
	transcript.WriteString(stderr)
	if code != 0 || pl.cs.Stats().Revocations != 1 {
		t.Errorf("logout: %d %q", code, stderr)
	}
	// after logout (tokens of another client id would be set aside):
	// the environment beats the collection, DINERO_* the environment, flags all
	envFile := writeEnvironment(t, map[string]string{"clientId": "isv_env", "organizationId": "4242", "baseUrl": "http://127.0.0.1:1"})
	_, stdout, stderr = pl.run("status", "--collection", pl.collection, "--environment", envFile)
	transcript.WriteString(stdout + stderr)
	for _, want := range []string{"Client id:     isv_env (from the Postman environment)", "Organization:  4242 (from the Postman environment)",
		"API URL:       http://127.0.0.1:1 (from the Postman environment)", "Client secret: set (from the collection)"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("status with the environment lacks %q:\n%s", want, stdout)
		}
	}
	pl.env["DINERO_CLIENT_ID"] = "isv_dinero_env"
	_, stdout, _ = pl.run("status", "--collection", pl.collection, "--environment", envFile, "--api-url", "http://127.0.0.1:2")
	if !strings.Contains(stdout, "isv_dinero_env (from DINERO_CLIENT_ID)") || !strings.Contains(stdout, "http://127.0.0.1:2 (from --api-url)") {
		t.Errorf("precedence:\n%s", stdout)
	}
	delete(pl.env, "DINERO_CLIENT_ID")

	// secret canary: nothing printed, nothing exported, no file but the store
	check := func(where, text string) {
		pl.secrets.Range(func(k, v any) bool {
			if strings.Contains(text, k.(string)) {
				t.Errorf("%s contains the %s", where, v)
			}
			return true
		})
	}
	check("command output", transcript.String())
	check("the export", string(exported))
	filepath.WalkDir(pl.home, func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && d.Name() != "token.json" {
			b, _ := os.ReadFile(path)
			check(path, string(b))
		}
		return nil
	})
}

// TestLoginWithClientAuthenticationHeader: client_authentication "header"
// in the OAuth2 block sends the client secret as HTTP Basic, not in the body.
func TestLoginWithClientAuthenticationHeader(t *testing.T) {
	pl := newPostmanLogin(t)
	data, _ := os.ReadFile(pl.collection)
	os.WriteFile(pl.collection, []byte(strings.Replace(string(data), `"value": "body"`, `"value": "header"`, 1)), 0o600)
	var basic, inBody bool
	var mu sync.Mutex
	pl.cs.SetFault(func(w http.ResponseWriter, r *http.Request) bool {
		if strings.HasSuffix(r.URL.Path, "/connect/token") {
			body, _ := io.ReadAll(r.Body)
			r.Body = io.NopCloser(bytes.NewReader(body))
			_, _, ok := r.BasicAuth()
			v, _ := url.ParseQuery(string(body))
			mu.Lock()
			basic, inBody = ok, v.Get("client_secret") != ""
			mu.Unlock()
		}
		return false
	})
	if code, out := pl.login(t, "--collection", pl.collection); code != 0 || strings.Contains(out, collectionCanary) {
		t.Fatalf("login: %d %q", code, out)
	}
	mu.Lock()
	defer mu.Unlock()
	if !basic || inBody {
		t.Errorf("token request: basic auth %v, secret in body %v", basic, inBody)
	}
}
