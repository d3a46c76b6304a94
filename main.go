// Command dinero-tui explores the Dinero accounting API from the terminal.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"

	"golang.org/x/term"

	"github.com/dinero-tui/dinero-tui/cli"
)

// Set at link time by release builds, goreleaser's way:
// go build -ldflags "-X main.version=v1.2.0 -X main.commit=$(git rev-parse HEAD) -X main.date=$(date -u +%FT%TZ)".
// Empty values fall back to the Go build info (see 'dinero-tui version').
var version, commit, date string

func main() {
	// SIGHUP (the terminal went away) and SIGTERM end commands the way
	// Ctrl-C does, so deferred clean-up (the demo's temporary state, a
	// login's listener) still runs.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
	env := &cli.Env{
		Ctx:              ctx,
		Stdin:            os.Stdin,
		Stdout:           os.Stdout,
		Stderr:           os.Stderr,
		Getenv:           os.Getenv,
		StdinIsTerminal:  term.IsTerminal(int(os.Stdin.Fd())),
		StdoutIsTerminal: term.IsTerminal(int(os.Stdout.Fd())),
		Build:            cli.BuildStamp{Version: version, Commit: commit, Date: date},
	}
	code := cli.Run(env, os.Args[1:])
	stop()
	os.Exit(code)
}
