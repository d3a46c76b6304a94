package cli

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/dinero-tui/dinero-tui/sandbox"
	"github.com/dinero-tui/dinero-tui/sandbox/connect"
)

func init() { register(newDemoCommand) }

func newDemoCommand(env *Env) *cobra.Command {
	cmd := &cobra.Command{
		Use:               "demo [--seed N] [--size N] [--auto-approve] [--collection FILE]",
		Short:             "the explorer on a local sandbox: no account, no network",
		Long:              "Start the sandbox (Visma Connect and Dinero) on free loopback ports and the explorer against it,\nwith throw-away config, state and cache directories: a demo never touches a real login.",
		ValidArgsFunction: cobra.NoFileCompletions,
	}
	fs := cmd.Flags()
	var o sandbox.Options
	fs.Int64Var(&o.Seed, "seed", 1, "demo data `seed`")
	fs.IntVar(&o.Size, "size", 0, "invoices in the main company (0 = a small default; try 100000)")
	fs.BoolVar(&o.AutoApprove, "auto-approve", false, "skip the sandbox's consent page")
	collection := fs.String("collection", "", "Postman v2.1 or OpenAPI 3 `FILE` to explore instead of the built-in catalogue")
	environment := fs.String("environment", "", "Postman environment `FILE` for the collection's variables (the sandbox's own settings still win)")
	return withRun(cmd, func(pos []string) int {
		if len(pos) > 0 {
			fmt.Fprintf(env.Stderr, "dinero-tui demo: unexpected argument %q\n", pos[0])
			return 2
		}
		readOnly := false
		if f := cmd.Flags().Lookup(readOnlyFlag); f != nil && f.Changed {
			readOnly = f.Value.String() == "true"
		}
		return runDemo(env, o, *collection, *environment, readOnly)
	})
}

// runDemo starts the sandbox on free loopback ports and runs the explorer
// against it with throw-away config, state and cache directories, so a demo
// never touches a real login.
func runDemo(env *Env, o sandbox.Options, collection, environment string, readOnly bool) int {
	dir, err := os.MkdirTemp("", "dinero-tui-demo-")
	if err != nil {
		fmt.Fprintln(env.Stderr, "dinero-tui demo: temporary directory:", err)
		return 1
	}
	defer os.RemoveAll(dir)

	sb, err := sandbox.Start(o)
	if err != nil {
		fmt.Fprintln(env.Stderr, "dinero-tui demo:", err)
		return 1
	}
	defer sb.Close()
	var exploreArgs []string
	if collection != "" {
		exploreArgs = []string{"--collection", collection}
	}
	if environment != "" {
		exploreArgs = append(exploreArgs, "--environment", environment)
	}
	if readOnly { // the root's persistent flag reaches the explorer this way
		exploreArgs = append(exploreArgs, "--"+readOnlyFlag)
	}
	return Run(demoEnv(env, sb, dir), append([]string{explorerCommand}, exploreArgs...))
}

// demoEnv overlays the sandbox's settings and private XDG directories on
// the caller's environment.
func demoEnv(env *Env, sb *sandbox.Sandbox, dir string) *Env {
	overlay := map[string]string{
		"DINERO_PROFILE":       "demo",
		"DINERO_CLIENT_ID":     sb.ClientID,
		"DINERO_CLIENT_SECRET": sb.ClientSecret,
		"DINERO_CONNECT_URL":   sb.ConnectURL,
		"DINERO_API_URL":       sb.APIURL,
		"DINERO_REDIRECT_URI":  "http://127.0.0.1:0/callback",
		"DINERO_TOKEN_STORE":   "file",
		"DINERO_ORG_ID":        "",
		"DINERO_SCOPES":        "",
		"XDG_CONFIG_HOME":      filepath.Join(dir, "config"),
		"XDG_STATE_HOME":       filepath.Join(dir, "state"),
		"XDG_CACHE_HOME":       filepath.Join(dir, "cache"),
	}
	demo := *env
	// the demo owns its sandbox, so it may press Accept on its consent
	// page itself (like 'dinero-tui sandbox approve'), with or without a
	// browser
	hc := &http.Client{Timeout: 30 * time.Second}
	demo.demoApprove = func(ctx context.Context, authorizeURL string) error {
		if !strings.HasPrefix(authorizeURL, strings.TrimRight(sb.ConnectURL, "/")+"/") {
			return errors.New("the login does not go to the demo's sandbox; approve it in a browser")
		}
		return connect.Approve(ctx, hc, authorizeURL, "accept")
	}
	demo.Getenv = func(k string) string {
		if v, ok := overlay[k]; ok {
			return v
		}
		return env.Getenv(k)
	}
	return &demo
}
