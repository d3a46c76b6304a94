package cli

import (
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/dinero-tui/dinero-tui/sandbox"
	"github.com/dinero-tui/dinero-tui/sandbox/connect"
)

func init() { register(newSandboxCommand) }

// sandboxFlags binds the sandbox options to a flag set.
func sandboxFlags(fs *pflag.FlagSet, o *sandbox.Options) {
	fs.StringVar(&o.Addr, "addr", "127.0.0.1:0", "Visma Connect listen `address`")
	fs.StringVar(&o.APIAddr, "api-addr", "127.0.0.1:0", "Dinero API listen `address`")
	fs.StringVar(&o.ClientID, "client-id", sandbox.DefaultClientID, "application (client) `id` to register")
	fs.StringVar(&o.ClientSecret, "client-secret", "", "client `secret` (random when empty)")
	fs.StringArrayVar(&o.RedirectURIs, "redirect-uri", nil, "registered redirect `URI` (repeatable; exact match, loopback URIs match any port) (default "+sandbox.DefaultRedirectURI+")")
	fs.BoolVar(&o.PKCERequired, "pkce-required", false, "require PKCE on authorize")
	fs.BoolVar(&o.AutoApprove, "auto-approve", false, "skip the consent page and approve at once")
	fs.DurationVar(&o.TokenTTL, "token-ttl", time.Hour, "access token `lifetime`")
	fs.StringVar(&o.RefreshMode, "refresh-mode", "one-time", "refresh token usage: one-time or reuse")
	fs.DurationVar(&o.RefreshGrace, "refresh-grace", 0, "grace `window` in which a one-time refresh token may be presented again (0 or 5s-60s)")
	fs.IntVar(&o.RateLimit, "rate-limit", 100, "API `requests` per window per organization and client (negative disables)")
	fs.DurationVar(&o.RateWindow, "rate-window", time.Minute, "rate limit `window`")
	fs.Int64Var(&o.Seed, "seed", 1, "demo data `seed`")
	fs.IntVar(&o.Size, "size", 0, "invoices per organization (0 = a small default; 100000 for performance work)")
}

func newSandboxCommand(env *Env) *cobra.Command {
	cmd := &cobra.Command{
		Use:               "sandbox [flags]",
		Short:             "serve the local Visma Connect + Dinero sandbox",
		Long:              sandboxLong,
		ValidArgsFunction: cobra.NoFileCompletions,
	}
	var o sandbox.Options
	sandboxFlags(cmd.Flags(), &o)
	cmd.AddCommand(newSandboxApproveCommand(env))
	return withRun(cmd, func(pos []string) int {
		if len(pos) > 0 {
			fmt.Fprintf(env.Stderr, "dinero-tui sandbox: unexpected argument %q\n", pos[0])
			return 2
		}
		return runSandbox(env, o)
	})
}

const sandboxLong = `Serve a local Visma Connect and Dinero API, as strict as the real services, for dinero-tui or
your own integration code. It prints its URLs, the client id and secret, and the export lines
that point dinero-tui at it; Ctrl-C stops it. Durations are Go durations (3s, 1h).`

func runSandbox(env *Env, o sandbox.Options) int {
	if err := validRefreshMode(o.RefreshMode); err != nil {
		fmt.Fprintln(env.Stderr, "dinero-tui sandbox:", err)
		return 2
	}
	sb, err := sandbox.Start(o)
	if err != nil {
		fmt.Fprintln(env.Stderr, "dinero-tui sandbox:", err)
		return 1
	}
	defer sb.Close()
	printSandbox(env, sb, o)
	<-env.Ctx.Done() // Ctrl-C, SIGTERM or SIGHUP
	fmt.Fprintln(env.Stderr, "sandbox stopped")
	return 0
}

func validRefreshMode(m string) error {
	if m != "one-time" && m != "reuse" {
		return fmt.Errorf("--refresh-mode must be one-time or reuse, not %q", m)
	}
	return nil
}

func printSandbox(env *Env, sb *sandbox.Sandbox, o sandbox.Options) {
	redirect := sandbox.DefaultRedirectURI
	if len(o.RedirectURIs) > 0 {
		redirect = o.RedirectURIs[0]
	}
	if strings.HasPrefix(redirect, "http://127.0.0.1/") {
		// Loopback redirects match any port; 0 asks dinero-tui for a free one.
		redirect = strings.Replace(redirect, "127.0.0.1/", "127.0.0.1:0/", 1)
	}
	w := env.Stdout
	fmt.Fprintf(w, "Dinero sandbox running (Ctrl-C stops it)\n\n")
	fmt.Fprintf(w, "  Visma Connect  %s  (discovery: %s/.well-known/openid-configuration)\n", sb.ConnectURL, sb.ConnectURL)
	fmt.Fprintf(w, "  Dinero API     %s\n", sb.APIURL)
	fmt.Fprintf(w, "  Client id      %s\n", sb.ClientID)
	fmt.Fprintf(w, "  Client secret  %s\n", sb.ClientSecret)
	fmt.Fprintf(w, "  Redirect URIs  %s\n", strings.Join(orDefault(o.RedirectURIs), " "))
	fmt.Fprintf(w, "  Refresh        %s, grace %s; access tokens live %s; rate limit %d per %s\n\n",
		o.RefreshMode, o.RefreshGrace, o.TokenTTL, o.RateLimit, o.RateWindow)
	fmt.Fprintf(w, "Point dinero-tui (or your own code) at it:\n\n")
	fmt.Fprintf(w, "export DINERO_CONNECT_URL=%s\n", sb.ConnectURL)
	fmt.Fprintf(w, "export DINERO_API_URL=%s\n", sb.APIURL)
	fmt.Fprintf(w, "export DINERO_CLIENT_ID=%s\n", sb.ClientID)
	fmt.Fprintf(w, "export DINERO_CLIENT_SECRET=%s\n", sb.ClientSecret)
	fmt.Fprintf(w, "export DINERO_REDIRECT_URI=%s\n", redirect)
}

func orDefault(uris []string) []string {
	if len(uris) == 0 {
		return []string{sandbox.DefaultRedirectURI}
	}
	return uris
}

func newSandboxApproveCommand(env *Env) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "approve [--cancel] URL",
		Short: "play the browser for a sandbox login (answers the consent page)",
		Long: "Open an authorize URL of the sandbox, answer its consent page and deliver the callback. Use it as\n" +
			"BROWSER on machines without one.",
		Example:           `  BROWSER="dinero-tui sandbox approve" dinero-tui login`,
		ValidArgsFunction: cobra.NoFileCompletions,
	}
	cancel := cmd.Flags().Bool("cancel", false, "press Cancel instead of Accept")
	return withRun(cmd, func(pos []string) int {
		if len(pos) != 1 {
			fmt.Fprintln(env.Stderr, "dinero-tui sandbox approve: give exactly one URL (the authorize link)")
			return 2
		}
		return runSandboxApprove(env, pos[0], *cancel)
	})
}

// runSandboxApprove plays the browser for a sandbox login: it opens the
// authorize URL, answers the consent page and delivers the callback. Use it
// as BROWSER on machines without one:
// BROWSER="dinero-tui sandbox approve" dinero-tui login.
func runSandboxApprove(env *Env, authorizeURL string, cancel bool) int {
	decision := "accept"
	if cancel {
		decision = "cancel"
	}
	hc := &http.Client{Timeout: 30 * time.Second}
	if err := connect.Approve(env.Ctx, hc, authorizeURL, decision); err != nil {
		fmt.Fprintln(env.Stderr, "dinero-tui sandbox approve:", err)
		return 1
	}
	return 0
}
