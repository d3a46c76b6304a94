package cli

import (
	"errors"
	"flag"
	"fmt"

	"github.com/dinero-tui/dinero-tui/ui"
)

func init() {
	register(Command{Name: explorerCommand, Summary: "open the full-screen explorer (the default)", Run: runExplore})
}

// runExplore opens the explorer on the configured profile.
func runExplore(env *Env, args []string) int {
	fs := newFlagSet(env, explorerCommand, "[explore] [--collection FILE] [flags]")
	pf := addProfileFlags(fs)
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(env.Stderr, "dinero-tui: unexpected argument %q; run 'dinero-tui help' for the commands\n", fs.Arg(0))
		return 2
	}
	if !env.StdinIsTerminal || !env.StdoutIsTerminal {
		fmt.Fprintln(env.Stderr, "dinero-tui: the explorer needs a terminal; for scripts use 'dinero-tui api PATH' or 'dinero-tui orgs'")
		return 2
	}
	p, err := pf.load(env)
	if err != nil {
		fmt.Fprintf(env.Stderr, "dinero-tui: %v\n", err)
		return 2
	}
	if err := p.Validate(); err != nil {
		fmt.Fprintf(env.Stderr, "dinero-tui: %v\n", err)
		return 2
	}
	cat := pf.postman.catalog()
	s, err := openSession(env, p)
	if err != nil {
		fmt.Fprintf(env.Stderr, "dinero-tui: %v\n", err)
		return 1
	}
	defer finishSession(env, explorerCommand, s)
	if err := ui.Run(env.Ctx, ui.NewDeps(p, s, cat, env.Getenv)); err != nil {
		fmt.Fprintf(env.Stderr, "dinero-tui: %v\n", err)
		return 1
	}
	return 0
}
