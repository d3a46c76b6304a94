package cli

import (
	"bufio"
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/dinero-tui/dinero-tui/config"
	"github.com/dinero-tui/dinero-tui/internal/sanitize"
	"github.com/dinero-tui/dinero-tui/oauth"
)

// profileFlagNames are the profile settings every session command accepts,
// mapped to their help text. The names match config.LoadOptions.Flags.
var profileFlagNames = []struct{ name, help string }{
	{"profile", "config profile (env DINERO_PROFILE, default \"default\")"},
	{"client-id", "Visma Connect client id, isv_... (env DINERO_CLIENT_ID)"},
	{"redirect-uri", "registered redirect URI; loopback http is served locally, https means paste mode (env DINERO_REDIRECT_URI)"},
	{"scopes", "space-separated scopes (env DINERO_SCOPES)"},
	{"connect-url", "Visma Connect base URL (env DINERO_CONNECT_URL)"},
	{"api-url", "Dinero API base URL (env DINERO_API_URL)"},
	{"token-store", "auto, keyring or file (env DINERO_TOKEN_STORE)"},
}

// profileFlags holds the profile flags bound to one flag set.
type profileFlags struct {
	fs      *pflag.FlagSet
	values  map[string]*string
	postman *postmanFlags
	// layers are the Postman settings load read (nil without the files).
	layers []config.Layer
}

// addProfileFlags binds --profile, --client-id, --redirect-uri, --scopes,
// --connect-url, --api-url, --token-store, --collection and --environment
// to fs. Call load after parsing.
func addProfileFlags(fs *pflag.FlagSet) *profileFlags {
	pf := &profileFlags{fs: fs, values: map[string]*string{}, postman: addPostmanFlags(fs)}
	for _, f := range profileFlagNames {
		pf.values[f.name] = fs.String(f.name, "", f.help)
	}
	return pf
}

// load resolves the profile from defaults, config file, the Postman
// collection and environment, DINERO_* environment and the flags the user
// actually set; the catalogue is then pf.postman.catalog().
func (pf *profileFlags) load(env *Env) (config.Profile, error) {
	layers, err := pf.postman.load(env)
	if err != nil {
		return config.Profile{}, err
	}
	pf.layers = layers
	return config.Load(config.LoadOptions{Getenv: env.Getenv, Flags: pf.setFlags(), Layers: layers})
}

// setFlags are the profile flags the user set, by name, and --read-only.
func (pf *profileFlags) setFlags() map[string]string {
	set := map[string]string{}
	pf.fs.Visit(func(f *pflag.Flag) {
		if v, ok := pf.values[f.Name]; ok {
			set[f.Name] = *v
		}
	})
	if ro, ok := pf.readOnly(); ok {
		set[readOnlyFlag] = ro
	}
	return set
}

// readOnly is --read-only when the user set it: the root's persistent
// flag, merged into every command's flag set.
func (pf *profileFlags) readOnly() (string, bool) {
	if f := pf.fs.Lookup(readOnlyFlag); f != nil && f.Changed {
		return f.Value.String(), true
	}
	return "", false
}

// browserOpener opens the login link; tests replace it.
var browserOpener = oauth.OpenBrowser

// sessionOptions are added to every session a command opens (tests).
var sessionOptions []oauth.Option

// openSession opens the OAuth session of a profile for a command.
func openSession(env *Env, p config.Profile) (*oauth.Session, error) {
	opts := append([]oauth.Option{oauth.WithOpener(func(u string) error { return browserOpener(u, env.Getenv) })}, sessionOptions...)
	return oauth.NewSession(p, opts...)
}

// finishSession retries a token save the store refused and, when the
// newest tokens are still only in memory, says so on stderr: they end with
// this process.
func finishSession(env *Env, name string, sess *oauth.Session) {
	if err := sess.Flush(context.Background()); err != nil {
		fmt.Fprintf(env.Stderr, "dinero-tui %s: warning: %v\n", name, err)
	}
}

func init() {
	register(newLoginCommand)
	register(newLogoutCommand)
	register(newStatusCommand)
}

// newProfileCommand is a session command that takes only the profile
// flags and no argument; run gets the resolved profile.
func newProfileCommand(env *Env, use, short string, run func(env *Env, p config.Profile) int) *cobra.Command {
	cmd := &cobra.Command{Use: use + " [flags]", Short: short, ValidArgsFunction: cobra.NoFileCompletions}
	pf := addProfileFlags(cmd.Flags())
	return withRun(cmd, func(pos []string) int {
		p, code := profileFromArgs(env, use, pf, pos)
		if code >= 0 {
			return code
		}
		return run(env, p)
	})
}

// profileFromArgs checks a session command got no argument and resolves
// its profile. It returns -1 to go on, or an exit code.
func profileFromArgs(env *Env, name string, pf *profileFlags, pos []string) (config.Profile, int) {
	if len(pos) > 0 {
		fmt.Fprintf(env.Stderr, "dinero-tui %s: unexpected argument %q\n", name, pos[0])
		return config.Profile{}, 2
	}
	p, err := pf.load(env)
	if err != nil {
		fmt.Fprintf(env.Stderr, "dinero-tui %s: %v\n", name, err)
		return config.Profile{}, 2
	}
	return p, -1
}

func newLogoutCommand(env *Env) *cobra.Command {
	return newProfileCommand(env, "logout", "revoke and delete the stored tokens", runLogout)
}

func newStatusCommand(env *Env) *cobra.Command {
	return newProfileCommand(env, "status", "show whether you are logged in (exit 0 only when logged in)", runStatus)
}

func newLoginCommand(env *Env) *cobra.Command {
	cmd := &cobra.Command{
		Use:               "login [--timeout 2m] [--no-browser] [flags]",
		Short:             "log in to Dinero through Visma Connect",
		ValidArgsFunction: cobra.NoFileCompletions,
	}
	fs := cmd.Flags()
	pf := addProfileFlags(fs)
	timeout := fs.Duration("timeout", 2*time.Minute, "give up when the browser has not answered within this time")
	noBrowser := fs.Bool("no-browser", false, "only print the link, do not open a browser")
	return withRun(cmd, func(pos []string) int {
		p, code := profileFromArgs(env, "login", pf, pos)
		if code >= 0 {
			return code
		}
		return runLogin(env, p, *timeout, *noBrowser)
	})
}

func runLogin(env *Env, p config.Profile, timeout time.Duration, noBrowser bool) int {
	if err := p.Validate(); err != nil {
		fmt.Fprintf(env.Stderr, "dinero-tui login: the settings need fixing:\n%v\n", indent(err.Error()))
		return 2
	}
	sess, err := openSession(env, p)
	if err != nil {
		fmt.Fprintf(env.Stderr, "dinero-tui login: %v\n", err)
		return 1
	}
	defer finishSession(env, "login", sess)
	ctx, cancel := context.WithTimeout(env.Ctx, timeout)
	defer cancel()
	l, err := sess.StartLogin(ctx)
	if err != nil {
		fmt.Fprintf(env.Stderr, "dinero-tui login: %v\n", err)
		return 1
	}
	defer l.Close()
	fmt.Fprintf(env.Stderr, "Open this link to log in to Dinero:\n\n  %s\n\n", l.URL())
	if !noBrowser {
		if err := l.OpenBrowser(); err != nil {
			fmt.Fprintf(env.Stderr, "Could not open a browser (%v); open the link above yourself.\n", err)
		}
	}
	if l.PasteMode() {
		err = pasteLoop(ctx, env, l)
	} else {
		if env.StdinIsTerminal {
			fmt.Fprintln(env.Stderr, "Type c and press Enter to copy the link to the clipboard.")
			go offerCopy(ctx, env, l.URL())
		}
		fmt.Fprintf(env.Stderr, "Waiting for the browser (up to %s; Ctrl-C cancels)...\n", timeout)
		err = l.Wait(ctx)
	}
	if err != nil {
		fmt.Fprintf(env.Stderr, "dinero-tui login: %v\n", err)
		return 1
	}
	st := sess.Status()
	fmt.Fprintf(env.Stderr, "Logged in. Tokens are kept in the %s (%s).\n", st.StoreKind, st.StoreReason)
	if st.Warning != "" {
		fmt.Fprintf(env.Stderr, "Warning: %s\n", st.Warning)
	}
	return 0
}

// offerCopy copies the login link to the clipboard (OSC 52, through the
// terminal) each time the user types c and Enter, until the login ends.
func offerCopy(ctx context.Context, env *Env, link string) {
	sc := bufio.NewScanner(io.LimitReader(env.Stdin, 1<<16))
	for sc.Scan() && ctx.Err() == nil {
		if strings.EqualFold(strings.TrimSpace(sc.Text()), "c") {
			fmt.Fprint(env.Stderr, osc52(link))
			fmt.Fprintln(env.Stderr, "Copied the link (if your terminal allows clipboard access).")
		}
	}
}

// osc52 is the escape sequence that asks the terminal to put s on the
// system clipboard.
func osc52(s string) string {
	return "\x1b]52;c;" + base64.StdEncoding.EncodeToString([]byte(s)) + "\x07"
}

// pasteLoop reads pasted lines until one completes the login; a paste from
// another login attempt may be corrected.
func pasteLoop(ctx context.Context, env *Env, l *oauth.Login) error {
	fmt.Fprintln(env.Stderr, "After approving, paste the address your browser ended on (or the code) and press Enter:")
	lines := make(chan string)
	go func() {
		defer close(lines)
		sc := bufio.NewScanner(io.LimitReader(env.Stdin, 1<<20))
		sc.Buffer(make([]byte, 0, 8<<10), 64<<10)
		for sc.Scan() {
			select {
			case lines <- sc.Text():
			case <-ctx.Done():
				return
			}
		}
	}()
	for {
		select {
		case <-ctx.Done():
			return fmt.Errorf("login stopped before a code was pasted: %w", ctx.Err())
		case line, ok := <-lines:
			if !ok {
				return errors.New("no code was pasted (end of input)")
			}
			if strings.TrimSpace(line) == "" {
				continue
			}
			err := l.SubmitPaste(ctx, line)
			if err == nil || !strings.Contains(err.Error(), "another login attempt") {
				return err
			}
			fmt.Fprintf(env.Stderr, "%v\n", err)
		}
	}
}

func runLogout(env *Env, p config.Profile) int {
	sess, err := openSession(env, p)
	if err != nil {
		fmt.Fprintf(env.Stderr, "dinero-tui logout: %v\n", err)
		return 1
	}
	defer finishSession(env, "logout", sess)
	err = sess.Logout(env.Ctx)
	switch {
	case errors.Is(err, oauth.ErrRevokeFailed):
		fmt.Fprintf(env.Stderr, "Warning: %v\n", err)
	case err != nil:
		fmt.Fprintf(env.Stderr, "dinero-tui logout: %v\n", err)
		return 1
	}
	fmt.Fprintln(env.Stderr, "Logged out.")
	return 0
}

func runStatus(env *Env, p config.Profile) int {
	sess, err := openSession(env, p)
	if err != nil {
		fmt.Fprintf(env.Stdout, "Profile:      %s\nLogged in:    no\n", p.Name)
		fmt.Fprintf(env.Stderr, "dinero-tui status: %v\n", err)
		return 1
	}
	st := sess.Status()
	w := env.Stdout
	fmt.Fprintf(w, "Profile:      %s\n", p.Name)
	fmt.Fprintf(w, "Logged in:    %s\n", yesNo(st.LoggedIn))
	if st.LoggedIn || !st.Expiry.IsZero() {
		fmt.Fprintf(w, "Scopes:       %s\n", strings.Join(st.Scopes, " "))
		fmt.Fprintf(w, "Access token: %s\n", describeExpiry(st.Expiry, time.Now()))
		fmt.Fprintf(w, "Refresh token: %s\n", map[bool]string{true: "held", false: "none"}[st.HasRefreshToken])
	}
	fmt.Fprintf(w, "Token store:  %s (%s)\n", st.StoreKind, st.StoreReason)
	printSettings(w, p)
	if st.Warning != "" {
		fmt.Fprintf(env.Stderr, "Warning: %s\n", st.Warning)
	}
	if !st.LoggedIn {
		fmt.Fprintln(env.Stderr, "Not logged in: run 'dinero-tui login'.")
		return 1
	}
	return 0
}

// printSettings shows the login settings and where each came from; the
// client secret only as set or not set.
func printSettings(w io.Writer, p config.Profile) {
	org := ""
	if p.OrgID != 0 {
		org = strconv.FormatInt(p.OrgID, 10)
	}
	for _, s := range []struct{ label, key, value string }{
		{"Client id:    ", "client-id", p.ClientID},
		{"Client secret:", "client-secret", p.ClientSecret},
		{"Scopes set:   ", "scopes", strings.Join(p.Scopes, " ")},
		{"Redirect URI: ", "redirect-uri", p.RedirectURI},
		{"Connect URL:  ", "connect-url", p.ConnectURL},
		{"API URL:      ", "api-url", p.APIURL},
		{"Organization: ", "org", org},
	} {
		fmt.Fprintf(w, "%s %s\n", s.label, sanitize.Line(describeSetting(p, s.key, s.value, s.key == "client-secret")))
	}
	if p.ReadOnly {
		fmt.Fprintf(w, "Read-only:     yes, writes are refused (from %s)\n", readOnlySource(p))
	}
}

func describeExpiry(exp, now time.Time) string {
	if !exp.After(now) {
		return "expired at " + exp.Local().Format(time.DateTime) + " (renewed on next use)"
	}
	return fmt.Sprintf("valid until %s (%s left)", exp.Local().Format(time.DateTime), exp.Sub(now).Round(time.Second))
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

func indent(s string) string { return "  " + strings.ReplaceAll(s, "\n", "\n  ") }
