package cli

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/teatest/v2"
	"github.com/spf13/pflag"

	"github.com/dinero-tui/dinero-tui/config"
	"github.com/dinero-tui/dinero-tui/oauth"
	"github.com/dinero-tui/dinero-tui/sandbox"
	"github.com/dinero-tui/dinero-tui/sandbox/connect"
	"github.com/dinero-tui/dinero-tui/sandbox/demodata"
	"github.com/dinero-tui/dinero-tui/ui"
	"github.com/dinero-tui/dinero-tui/ui/history"
)

// twoProfiles writes a config with the profiles alpha and beta (beta
// read-only) on the sandbox sb, plus extra TOML, and returns the
// environment of a user of it.
func twoProfiles(t *testing.T, sb *sandbox.Sandbox, extra string) map[string]string {
	t.Helper()
	dir := t.TempDir()
	profile := func(name, more string) string {
		return fmt.Sprintf("[profiles.%s]\nclient_id = %q\nclient_secret_env = \"SANDBOX_SECRET\"\nconnect_url = %q\n"+
			"api_url = %q\nredirect_uri = \"http://127.0.0.1:0/callback\"\ntoken_store = \"file\"\n%s\n", name, sb.ClientID,
			sb.ConnectURL, sb.APIURL, more)
	}
	cfg := filepath.Join(dir, "config", "dinero-tui")
	if err := os.MkdirAll(cfg, 0o700); err != nil {
		t.Fatal(err)
	}
	body := profile("alpha", "") + profile("beta", "read_only = true") + extra
	if err := os.WriteFile(filepath.Join(cfg, "config.toml"), []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	return map[string]string{"HOME": dir, "SANDBOX_SECRET": sb.ClientSecret, "DINERO_PROFILE": "alpha",
		"XDG_CONFIG_HOME": filepath.Join(dir, "config"), "XDG_STATE_HOME": filepath.Join(dir, "state"),
		"XDG_CACHE_HOME": filepath.Join(dir, "cache"), "BROWSER": "true"}
}

// explorerEnv is the Env of an explorer run on vars whose login screen
// may approve as the sandbox's user (like the demo), and its parsed
// profile flags.
func explorerEnv(t *testing.T, vars map[string]string, args ...string) (*Env, *profileFlags, *bytes.Buffer) {
	t.Helper()
	var stderr bytes.Buffer
	env := &Env{Ctx: context.Background(), Stdout: &bytes.Buffer{}, Stderr: &stderr,
		Getenv: func(k string) string { return vars[k] }}
	env.demoApprove = func(ctx context.Context, u string) error { return connect.Approve(ctx, nil, u, "accept") }
	fs := pflag.NewFlagSet("explore", pflag.ContinueOnError)
	fs.Bool(readOnlyFlag, false, "")
	pf := addProfileFlags(fs)
	if err := fs.Parse(args); err != nil {
		t.Fatal(err)
	}
	return env, pf, &stderr
}

// screenTap keeps the last screen the explorer drew.
type screenTap struct {
	*ui.Model
	screen *atomic.Value
}

func (s screenTap) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	_, cmd := s.Model.Update(msg)
	s.screen.Store(ansi.Strip(s.Model.Render()))
	return s, cmd
}

// TestExplorerProfileSwitchKeepsSessionsApart drives the real explorer
// over HTTP against the sandbox with two profiles: each logs in, picks
// its company and sends a request; switching back needs no login. Tokens,
// the last company and the history stay apart, and the picker reads
// whether a profile is logged in without refreshing anything.
func TestExplorerProfileSwitchKeepsSessionsApart(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end test")
	}
	sb, err := sandbox.Start(sandbox.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer sb.Close()
	vars := twoProfiles(t, sb, "")
	env, pf, stderr := explorerEnv(t, vars)
	deps, sw, code := openExplorer(env, pf)
	if code >= 0 {
		t.Fatalf("openExplorer: exit %d: %s", code, stderr)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	m := ui.New(ctx, deps)
	var screen atomic.Value
	screen.Store("")
	tm := teatest.NewTestModel(t, screenTap{m, &screen}, teatest.WithInitialTermSize(120, 40),
		teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.ANSI256)))
	waitFor := func(want ...string) {
		t.Helper()
		deadline := time.Now().Add(15 * time.Second)
		for time.Now().Before(deadline) {
			got := screen.Load().(string)
			ok := true
			for _, w := range want {
				ok = ok && strings.Contains(got, w)
			}
			if ok {
				return
			}
			time.Sleep(20 * time.Millisecond)
		}
		t.Fatalf("screen never showed %q; last screen:\n%s", want, screen.Load())
	}
	press := func(keys ...string) {
		for _, k := range keys {
			tm.Send(keyPress(k))
		}
	}
	login := func() {
		t.Helper()
		press("enter")
		waitFor("approve as demo user")
		press("a")
		waitFor("Your companies (4)", "session ok")
	}
	listInvoices := func() {
		t.Helper()
		press("/")
		tm.Type("List invoices")
		waitFor("/List invoices")
		press("enter", "enter")
		waitFor("(from the chosen company)")
		press("enter")
		waitFor("200 OK")
	}

	waitFor("profile alpha", "not logged in")
	login()
	press("enter") // Kjærgård, the first company
	waitFor("› endpoints")
	listInvoices()
	refreshes := sb.Connect.Stats().TokenRequests["refresh_token"]

	press("ctrl+p")
	waitFor("Profiles (2)", "● alpha", "logged in", "beta", "not logged in", "read-only", sb.ClientID)
	press("down", "enter")
	waitFor("log in", "profile beta", "READ-ONLY", "Switched to profile beta.")
	login()
	press("down", "enter") // Søndergaard, the second company
	waitFor("› endpoints")
	listInvoices()

	press("esc", "esc")
	waitFor("› endpoints")
	press("ctrl+p")
	waitFor("Profiles (2)", "● beta")
	press("up", "enter") // alpha: logged in, so its companies at once
	waitFor("profile alpha", "Your companies (4)", "session ok", "Switched to profile alpha.")
	if strings.Contains(screen.Load().(string), "READ-ONLY") {
		t.Fatal("READ-ONLY followed beta to alpha")
	}
	press("enter") // the cursor is on alpha's last company
	waitFor("Kjærgård", "› endpoints")
	listInvoices()
	press("ctrl+r") // the history lists what was sent, once it is saved
	waitFor("History (2)")
	if err := tm.Quit(); err != nil {
		t.Fatal(err)
	}
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
	m.Close()
	sw.finish()

	if got := sb.Connect.Stats().TokenRequests["refresh_token"]; got != refreshes {
		t.Errorf("listing and switching profiles spent %d refresh token(s)", got-refreshes)
	}
	profiles := map[string]config.Profile{}
	for _, name := range []string{"alpha", "beta"} {
		p, err := config.Load(config.LoadOptions{Getenv: env.Getenv, Profile: name})
		if err != nil {
			t.Fatal(err)
		}
		profiles[name] = p
	}
	tokens := map[string]*oauth.Tokens{}
	for name, p := range profiles {
		tok, err := oauth.NewFileStore(p.ProfileStateDir(), p.ConnectURL, p.ClientID).Load()
		if err != nil || tok == nil || tok.RefreshToken == "" {
			t.Fatalf("%s has no stored session: %v", name, err)
		}
		tokens[name] = tok
	}
	if tokens["alpha"].RefreshToken == tokens["beta"].RefreshToken || tokens["alpha"].AccessToken == tokens["beta"].AccessToken {
		t.Error("alpha and beta share tokens")
	}
	if strings.Contains(strings.Join(tokens["beta"].Scopes, " "), "write") {
		t.Errorf("read-only beta holds scopes %v", tokens["beta"].Scopes)
	}
	wantOrg := map[string]int64{"alpha": demodata.OrgCarpenter, "beta": demodata.OrgCarpenter + 1}
	wantSent := map[string]int{"alpha": 2, "beta": 1}
	for name, p := range profiles {
		if got := config.LastOrg(p); got != wantOrg[name] {
			t.Errorf("%s remembers company %d, want %d", name, got, wantOrg[name])
		}
		s, err := history.Open(history.Path(p.StateDir, name))
		if err != nil {
			t.Fatal(err)
		}
		entries := s.Entries()
		if len(entries) != wantSent[name] {
			t.Errorf("%s's history holds %d requests, want %d", name, len(entries), wantSent[name])
		}
		for _, e := range entries {
			if e.OrgID != wantOrg[name] {
				t.Errorf("%s's history holds a request to company %d", name, e.OrgID)
			}
		}
	}
	if stderr.Len() != 0 {
		t.Errorf("the explorer wrote to stderr: %s", stderr)
	}
}

// A profile is loaded as the switch should: the one the explorer started
// on with its flags, any other without them but with --read-only; a
// broken target says what is wrong and the profile in use stays.
func TestProfileSwitchLoadsAndRefuses(t *testing.T) {
	sb, err := sandbox.Start(sandbox.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer sb.Close()
	vars := twoProfiles(t, sb, "[profiles.broken]\nclient_id = \"isv_x\"\ntoken_store = \"nonsense\"\n")
	env, pf, _ := explorerEnv(t, vars, "--client-id", "isv_from_flag", "--read-only")
	deps, sw, code := openExplorer(env, pf)
	if code >= 0 {
		t.Fatalf("openExplorer: exit %d", code)
	}
	defer sw.finish()
	if deps.Profile.ClientID != "isv_from_flag" || !deps.Profile.ReadOnly {
		t.Fatalf("start profile %+v", deps.Profile)
	}
	entries, err := sw.List(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, e := range entries {
		got[e.Name] = fmt.Sprintf("%s ro=%t in=%t problem=%q", e.ClientID, e.ReadOnly, e.LoggedIn, e.Problem)
	}
	want := map[string]string{
		"alpha":  `isv_from_flag ro=true in=false problem=""`,
		"beta":   sb.ClientID + ` ro=true in=false problem=""`,
		"broken": `isv_x ro=true in=false problem="no redirect URI: set DINERO_REDIRECT_URI to the one registered for your application (e.g. http://127.0.0.1:0/callback) (and 1 more: dinero-tui login --profile broken lists them)"`,
	}
	for name, w := range want {
		if got[name] != w {
			t.Errorf("%s: %s\nwant %s", name, got[name], w)
		}
	}
	if strings.Contains(fmt.Sprint(entries), sb.ClientSecret) {
		t.Fatal("the listing holds the client secret")
	}
	for _, bad := range []struct{ name, want string }{
		{"broken", "profile broken cannot be used: no redirect URI"},
		{"../etc", "profile ../etc: "},
	} {
		_, err := sw.Open(context.Background(), bad.name)
		if err == nil || !strings.HasPrefix(err.Error(), bad.want) {
			t.Errorf("Open(%q) = %v, want %q…", bad.name, err, bad.want)
		}
	}
	if sw.current != "alpha" {
		t.Fatalf("a refused switch moved to %q", sw.current)
	}
	o, err := sw.Open(context.Background(), "beta")
	if err != nil || o.Deps.Profile.Name != "beta" || o.Deps.Profile.ClientID != sb.ClientID || !o.Deps.Profile.ReadOnly {
		t.Fatalf("Open(beta) = %+v, %v", o.Deps.Profile, err)
	}
}

// keyPress is the key press a test names: "enter", "esc", "up", "down",
// "ctrl+p", or one typed rune.
func keyPress(name string) tea.KeyPressMsg {
	switch name {
	case "enter":
		return tea.KeyPressMsg{Code: tea.KeyEnter}
	case "esc":
		return tea.KeyPressMsg{Code: tea.KeyEscape}
	case "up":
		return tea.KeyPressMsg{Code: tea.KeyUp}
	case "down":
		return tea.KeyPressMsg{Code: tea.KeyDown}
	}
	if rest, ok := strings.CutPrefix(name, "ctrl+"); ok {
		return tea.KeyPressMsg{Code: []rune(rest)[0], Mod: tea.ModCtrl}
	}
	return tea.KeyPressMsg{Code: []rune(name)[0], Text: name}
}

// A session whose newest tokens the store refused is never dropped by a
// switch: the switch says so, opening its profile again reuses it, and
// the tokens are saved once the store takes them.
func TestProfileSwitchKeepsUnsavedSession(t *testing.T) {
	// access tokens living 30 s are renewed on every call
	sb, err := sandbox.Start(sandbox.Options{TokenTTL: 30 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer sb.Close()
	vars := twoProfiles(t, sb, "")
	var refuse atomic.Bool
	// one store for every session the test opens: only alpha logs in
	file := oauth.NewFileStore(t.TempDir(), sb.ConnectURL, sb.ClientID)
	old := sessionOptions
	sessionOptions = []oauth.Option{oauth.WithStore(refusingStore{file, &refuse})}
	t.Cleanup(func() { sessionOptions = old })
	env, pf, stderr := explorerEnv(t, vars)
	_, sw, code := openExplorer(env, pf)
	if code >= 0 {
		t.Fatalf("openExplorer: exit %d", code)
	}
	ctx := context.Background()
	alpha := sw.sessions["alpha"]
	l, err := alpha.StartLogin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	go connect.Approve(ctx, nil, l.URL(), "accept")
	if err := l.Wait(ctx); err != nil {
		t.Fatal(err)
	}
	l.Close()
	refuse.Store(true)
	res, err := alpha.HTTPClient().Get(sb.APIURL + "/v1/organizations") // renews the pair, which the store refuses
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if !alpha.Status().Unsaved {
		t.Fatal("the store took the tokens; the test needs it to refuse")
	}
	o, err := sw.Open(ctx, "beta")
	if err != nil {
		t.Fatal(err)
	}
	if o.Notice != "Profile alpha's newest tokens are not saved yet: kept in memory, saving is retried." {
		t.Fatalf("notice %q", o.Notice)
	}
	if _, err := sw.Open(ctx, "alpha"); err != nil {
		t.Fatal(err)
	}
	if sw.sessions["alpha"] != alpha {
		t.Fatal("opening alpha again replaced the session holding its unsaved tokens")
	}
	refuse.Store(false)
	sw.finish()
	if tok, _ := file.Load(); tok == nil || tok.RefreshToken == "" {
		t.Fatal("the unsaved tokens were not saved at the end")
	}
	if strings.Contains(stderr.String(), "warning") {
		t.Fatalf("finish warned after a good save: %s", stderr)
	}
}
