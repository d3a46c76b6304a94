// Package cli is the command tree of dinero-tui, built on
// github.com/spf13/cobra (GNU flags through pflag, help, shell completions,
// man pages). Each command lives in its own file and registers a
// constructor here; Run builds a fresh tree for every call, so flag values
// never leak from one run (or test) to the next.
//
// # How to add a command or a flag
//
// A command file has an init that registers a constructor, the constructor
// (the cobra.Command, its flags, and a run function handed to withRun), and
// the run logic, which returns the exit code: 0 fine, 1 failed, 2 bad
// usage. Flags are pflag's (same method names as the standard flag package:
// fs.Bool, fs.StringVar, fs.Duration...), GNU style: --name, and a one-letter
// shorthand with the ...P variants (fs.StringVarP(&v, "method", "X", ...)). A
// repeatable flag is fs.StringArrayVar (never StringSlice: it splits commas).
// Flags may follow arguments; "--" ends them.
//
// Before (the old standard-library shape):
//
//	func init() {
//		register(Command{Name: "diff", Summary: "structural JSON diff", Run: runDiff})
//	}
//
//	func runDiff(env *Env, args []string) int {
//		fs := newFlagSet(env, "diff", "diff [--quiet] A B")
//		quiet := fs.Bool("quiet", false, "print nothing, only set the exit code")
//		pos, err := parseInterspersed(fs, args)
//		if err != nil {
//			if errors.Is(err, flag.ErrHelp) {
//				return 0
//			}
//			return 2
//		}
//		if len(pos) != 2 { ...; return 2 }
//		... body using *quiet and pos ...
//	}
//
// After:
//
//	func init() { register(newDiffCommand) }
//
//	func newDiffCommand(env *Env) *cobra.Command {
//		cmd := &cobra.Command{
//			Use:   "diff [--quiet] A B",
//			Short: "structural JSON diff",
//			// ValidArgsFunction: nil completes file names, which suits diff;
//			// cobra.NoFileCompletions for commands that take no file.
//		}
//		fs := cmd.Flags()
//		quiet := fs.Bool("quiet", false, "print nothing, only set the exit code")
//		return withRun(cmd, func(pos []string) int { return runDiff(env, *quiet, pos) })
//	}
//
//	func runDiff(env *Env, quiet bool, pos []string) int {
//		if len(pos) != 2 { ...; return 2 }
//		... body unchanged ...
//	}
//
// Parsing errors, unknown flags and --help are handled before the run
// function is called. Commands that read a profile call
// addProfileFlags(fs) and later pf.load(env), as before. A flag meant for
// every command goes on the root as a persistent flag (in newRoot).
// Completion of flag values is by flag name, for every command at once
// (flagCompletions in complete.go: --profile, --org, --collection...): a
// new flag with one of those names completes for free; a new kind of value
// gets a line there. After changing a command or flag, regenerate the
// committed reference: go test ./cli -run TestReferenceDocs -update.
package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// Env is everything a command may touch of the outside world, so tests can
// run commands in-process with fake streams and environment.
type Env struct {
	Ctx              context.Context
	Stdin            io.Reader
	Stdout, Stderr   io.Writer
	Getenv           func(string) string
	StdinIsTerminal  bool
	StdoutIsTerminal bool
	// Build holds version details set at link time (main.version...),
	// which win over what the Go build info says.
	Build BuildStamp
	// demoApprove is set by demo: the explorer's login screen may approve
	// as the demo user on the demo's own sandbox.
	demoApprove func(ctx context.Context, authorizeURL string) error
}

// constructors builds the registered commands, in registration order.
var constructors []func(env *Env) *cobra.Command

// register adds a command constructor; called from init functions in
// this package.
func register(newCommand func(env *Env) *cobra.Command) {
	constructors = append(constructors, newCommand)
}

// exitCode carries a run function's non-zero exit code through cobra.
type exitCode int

func (e exitCode) Error() string { return fmt.Sprintf("exit status %d", int(e)) }

// withRun makes run the command's action; run returns the exit code.
func withRun(cmd *cobra.Command, run func(args []string) int) *cobra.Command {
	cmd.RunE = func(_ *cobra.Command, args []string) error {
		if code := run(args); code != 0 {
			return exitCode(code)
		}
		return nil
	}
	return cmd
}

// readOnlyFlag is the persistent flag of the root turning read-only mode
// on for every command (also DINERO_READ_ONLY=1, read_only in a profile).
const readOnlyFlag = "read-only"

// explorerCommand is what runs when no subcommand is given.
const explorerCommand = "explore"

// Run executes the command line args (without the program name) and
// returns the exit code: 0 success, 1 failure, 2 bad usage.
func Run(env *Env, args []string) int {
	root := newRoot(env)
	if len(args) == 0 || args[0] != cobra.ShellCompRequestCmd && args[0] != cobra.ShellCompNoDescRequestCmd {
		args = normalizeArgs(root, args)
	}
	root.SetArgs(args)
	cmd, err := root.ExecuteContextC(env.Ctx)
	var code exitCode
	switch {
	case err == nil:
		return 0
	case errors.As(err, &code):
		return int(code)
	}
	// Everything else is a usage error found before the command ran: an
	// unknown command or flag, a bad flag value, a wrong argument count.
	fmt.Fprintf(env.Stderr, "%s: %v\n", cmd.CommandPath(), err)
	if cmd.HasParent() {
		fmt.Fprintf(env.Stderr, "Run '%s --help' for usage.\n", cmd.CommandPath())
	} else {
		fmt.Fprintf(env.Stderr, "Run '%s help' for the list of commands.\n", cmd.CommandPath())
	}
	return 2
}

// newRoot builds the whole command tree for one run. The root runs the
// explorer, with the explorer's flags.
func newRoot(env *Env) *cobra.Command {
	root := newExploreCommand(env)
	root.Use = "dinero-tui"
	root.Short = "explore the Dinero accounting API from the terminal"
	root.Long = rootLong
	root.Example = rootExample
	root.Version = versionText(readVersion(env.Build))
	root.SetVersionTemplate("{{.Version}}")
	root.SilenceErrors = true
	root.SilenceUsage = true
	root.DisableAutoGenTag = true // keeps the committed reference free of dates
	root.SetIn(env.Stdin)
	root.SetOut(env.Stdout)
	root.SetErr(env.Stderr)
	root.PersistentFlags().Bool(readOnlyFlag, false, "refuse every write (POST, PUT, PATCH, DELETE) before it is sent, and log in for reading only")
	seen := map[string]bool{}
	for _, newCommand := range constructors {
		c := newCommand(env)
		if seen[c.Name()] {
			panic("cli: command registered twice: " + c.Name())
		}
		seen[c.Name()] = true
		root.AddCommand(c)
	}
	root.InitDefaultHelpCmd()
	root.InitDefaultCompletionCmd()
	rejectUnknownSubcommands(root)
	root.InitDefaultVersionFlag()
	plainBoolFlags(root)
	addFlagCompletions(env, root)
	return root
}

// rejectUnknownSubcommands makes a command that only groups subcommands
// (completion) runnable, so that cobra checks its arguments (cobra.NoArgs)
// and refuses an unknown subcommand with exit 2 instead of printing help
// and exiting 0.
func rejectUnknownSubcommands(c *cobra.Command) {
	for _, sub := range c.Commands() {
		rejectUnknownSubcommands(sub)
	}
	if c.Runnable() || !c.HasSubCommands() {
		return
	}
	if c.Args == nil {
		c.Args = cobra.NoArgs
	}
	c.RunE = func(c *cobra.Command, _ []string) error { return c.Help() }
}

// plainBool is a bool flag's value that help prints as --name, like gh,
// rather than pflag 1.1's --name[=true|false]. Parsing is unchanged: a bare
// --name sets true (its NoOptDefVal), and --name=false still works.
type plainBool struct{ pflag.Value } // hides the value's IsBoolFlag

// plainBoolFlags wraps every bool flag of the tree in plainBool, help
// flags included (added here rather than lazily, so they get wrapped too).
func plainBoolFlags(c *cobra.Command) {
	c.InitDefaultHelpFlag()
	wrap := func(f *pflag.Flag) {
		if _, done := f.Value.(plainBool); !done && f.Value.Type() == "bool" {
			f.Value = plainBool{f.Value}
		}
	}
	c.Flags().VisitAll(wrap)
	c.PersistentFlags().VisitAll(wrap)
	for _, sub := range c.Commands() {
		plainBoolFlags(sub)
	}
}

const rootLong = `dinero-tui explores the Dinero accounting API (api.dinero.dk) from the terminal: it logs in
through Visma Connect, lists your organizations (only Pro ones can use the API), and sends any of
the API's operations from a full-screen explorer or, like 'gh api', from scripts.

With no command it opens the explorer on the configured profile. Settings come from defaults,
` + "`$XDG_CONFIG_HOME/dinero-tui/config.toml`, `DINERO_*`" + ` environment variables and flags, later
winning. Exit status: 0 success, 1 failure (for api: an HTTP error), 2 bad usage.`

const rootExample = `  dinero-tui demo                      # the explorer on a local sandbox: no account needed
  dinero-tui login && dinero-tui orgs   # log in, list your organizations
  dinero-tui api invoices.list --org 104871 -q 'Collection.#.Number'`

// normalizeArgs turns a single-dash long flag (-timeout 2m, -json), as the
// standard flag package accepted it, into its GNU spelling (--timeout 2m)
// when the command being run has a long flag of that name. One-letter
// flags and clusters of shorthands are left alone.
func normalizeArgs(root *cobra.Command, args []string) []string {
	cmd, _, err := root.Find(args)
	if err != nil {
		// Find takes the value of an unknown single-dash flag for a
		// command name (dinero-tui -collection FILE): use the root's flags.
		cmd = root
	}
	cmd.InitDefaultHelpFlag()
	cmd.InitDefaultVersionFlag()
	lookup := func(name string) *pflag.Flag {
		if f := cmd.Flags().Lookup(name); f != nil {
			return f
		}
		return cmd.InheritedFlags().Lookup(name)
	}
	out := make([]string, len(args))
	copy(out, args)
	for i := 0; i < len(out); i++ {
		a := out[i]
		if a == "--" {
			break
		}
		if strings.HasPrefix(a, "--") {
			if f := lookup(strings.TrimPrefix(a, "--")); f != nil && f.NoOptDefVal == "" && !strings.Contains(a, "=") {
				i++ // the next word is this flag's value
			}
			continue
		}
		if !strings.HasPrefix(a, "-") || len(a) < 3 {
			if len(a) == 2 && a[0] == '-' {
				if f := cmd.Flags().ShorthandLookup(a[1:]); f != nil && f.NoOptDefVal == "" {
					i++
				}
			}
			continue
		}
		name, _, hasValue := strings.Cut(a[1:], "=")
		f := lookup(name)
		if f == nil {
			continue
		}
		out[i] = "-" + a
		if f.NoOptDefVal == "" && !hasValue {
			i++
		}
	}
	return out
}
