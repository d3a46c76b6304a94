// Command dinero-tui explores the Dinero accounting API from the terminal.
package main

import (
	"context"
	"os"
	"os/signal"

	"golang.org/x/term"

	"github.com/dinero-tui/dinero-tui/cli"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	env := &cli.Env{
		Ctx:              ctx,
		Stdin:            os.Stdin,
		Stdout:           os.Stdout,
		Stderr:           os.Stderr,
		Getenv:           os.Getenv,
		StdinIsTerminal:  term.IsTerminal(int(os.Stdin.Fd())),
		StdoutIsTerminal: term.IsTerminal(int(os.Stdout.Fd())),
	}
	code := cli.Run(env, os.Args[1:])
	stop()
	os.Exit(code)
}
