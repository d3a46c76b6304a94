package cli

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/dinero-tui/dinero-tui/ui"
)

func init() { register(newExploreCommand) }

// newExploreCommand is `dinero-tui explore`; the root command is built
// from it too, so `dinero-tui` alone opens the explorer.
func newExploreCommand(env *Env) *cobra.Command {
	cmd := &cobra.Command{
		Use:               explorerCommand + " [--collection FILE] [flags]",
		Short:             "open the full-screen explorer (the default)",
		ValidArgsFunction: cobra.NoFileCompletions,
	}
	fs := cmd.Flags()
	pf := addProfileFlags(fs)
	return withRun(cmd, func(pos []string) int {
		if len(pos) > 0 {
			fmt.Fprintf(env.Stderr, "dinero-tui: unexpected argument %q; run 'dinero-tui help' for the commands\n", pos[0])
			return 2
		}
		return runExplore(env, pf)
	})
}

// runExplore opens the explorer on the configured profile; ctrl+p
// switches to another profile of the config file.
func runExplore(env *Env, pf *profileFlags) int {
	if !env.StdinIsTerminal || !env.StdoutIsTerminal {
		fmt.Fprintln(env.Stderr, "dinero-tui: the explorer needs a terminal; for scripts use 'dinero-tui api PATH' or 'dinero-tui orgs'")
		return 2
	}
	deps, sw, code := openExplorer(env, pf)
	if code >= 0 {
		return code
	}
	defer sw.finish()
	if err := ui.Run(env.Ctx, deps); err != nil {
		fmt.Fprintf(env.Stderr, "dinero-tui: %v\n", err)
		return 1
	}
	return 0
}

// openExplorer resolves the profile, opens its session and builds what
// the explorer runs on. It returns -1 to go on, or an exit code.
func openExplorer(env *Env, pf *profileFlags) (ui.Deps, *profileSwitch, int) {
	p, err := pf.load(env)
	if err != nil {
		fmt.Fprintf(env.Stderr, "dinero-tui: %v\n", err)
		return ui.Deps{}, nil, 2
	}
	if err := p.Validate(); err != nil {
		fmt.Fprintf(env.Stderr, "dinero-tui: %v\n", err)
		return ui.Deps{}, nil, 2
	}
	cat := pf.postman.catalog()
	s, err := openSession(env, p)
	if err != nil {
		fmt.Fprintf(env.Stderr, "dinero-tui: %v\n", err)
		return ui.Deps{}, nil, 1
	}
	deps := ui.NewDeps(p, s, cat, env.Getenv)
	deps.DemoApprove = env.demoApprove
	sw := newProfileSwitch(env, pf, p, s, cat)
	deps.Profiles = sw
	return deps, sw, -1
}
