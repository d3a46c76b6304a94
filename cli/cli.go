// Package cli is the command tree of dinero-tui: each command lives in its
// own file and registers itself here.
package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"sort"
	"strings"
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
}

// Command is one subcommand.
type Command struct {
	Name    string
	Summary string
	// Run executes the command and returns the process exit code.
	Run func(env *Env, args []string) int
}

var commands = map[string]Command{}

// register adds a command; called from init functions in this package.
func register(c Command) {
	if _, dup := commands[c.Name]; dup {
		panic("cli: command registered twice: " + c.Name)
	}
	commands[c.Name] = c
}

// explorerCommand is what runs when no subcommand is given.
const explorerCommand = "explore"

// Run dispatches args (without the program name) to a command and returns
// the exit code.
func Run(env *Env, args []string) int {
	if len(args) == 0 || strings.HasPrefix(args[0], "-") && args[0] != "-h" && args[0] != "--help" {
		return runNamed(env, explorerCommand, args)
	}
	switch args[0] {
	case "-h", "--help", "help":
		usage(env.Stdout)
		return 0
	}
	return runNamed(env, args[0], args[1:])
}

func runNamed(env *Env, name string, args []string) int {
	c, ok := commands[name]
	if !ok {
		fmt.Fprintf(env.Stderr, "dinero-tui: unknown command %q; run 'dinero-tui help' for the list\n", name)
		return 2
	}
	return c.Run(env, args)
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "dinero-tui: explore the Dinero accounting API from the terminal")
	fmt.Fprintln(w, "\nUsage: dinero-tui [command] [flags]\n\nCommands:")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		if n == explorerCommand {
			continue
		}
		fmt.Fprintf(w, "  %-10s %s\n", n, commands[n].Summary)
	}
	fmt.Fprintln(w, "\nWith no command, dinero-tui opens the explorer. 'dinero-tui COMMAND --help' shows a command's flags.")
}

// newFlagSet returns a flag set that reports errors on env.Stderr and does
// not exit the process.
func newFlagSet(env *Env, name, usageLine string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	fs.Usage = func() {
		fmt.Fprintf(env.Stderr, "Usage: dinero-tui %s\n\nFlags:\n", usageLine)
		fs.PrintDefaults()
	}
	return fs
}

// parseInterspersed parses flags that may appear before, between or after
// positional arguments (like `api /v1/organizations -q 0.Name`) and returns
// the positional arguments. A lone "--" ends flag parsing.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return positional, nil
		}
		if rest[0] == "--" {
			return append(positional, rest[1:]...), nil
		}
		positional = append(positional, rest[0])
		args = rest[1:]
	}
}
