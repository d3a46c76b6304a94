package cli

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/cobra/doc"

	"github.com/dinero-tui/dinero-tui/internal/atomicfile"
)

func init() { register(newManCommand) }

// referenceDate is the date in the man pages' header. It is fixed so the
// pages are the same on every machine; move it on a release.
var referenceDate = time.Date(2026, time.December, 1, 0, 0, 0, 0, time.UTC)

func newManCommand(env *Env) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "man [COMMAND...] [--dir DIR] [--markdown]",
		Short: "print the manual page, or write every page (or the Markdown reference) into a directory",
		Long: "Print the manual page of dinero-tui (or of COMMAND) in roff, for man -l -, or write every page\n" +
			"into DIR, to install them where man looks. The pages, like the Markdown reference, come from the\n" +
			"command tree itself, so they always match --help.",
		Example: "  dinero-tui man | man -l -\n" +
			"  dinero-tui man --dir ~/.local/share/man/man1 && man dinero-tui\n" +
			"  dinero-tui man api --markdown",
		ValidArgsFunction: completeCommandPath,
	}
	fs := cmd.Flags()
	dir := fs.String("dir", "", "write every page into `DIR` (created if missing) instead of printing one")
	markdown := fs.Bool("markdown", false, "Markdown instead of roff")
	return withRun(cmd, func(pos []string) int { return runMan(env, cmd.Root(), pos, *dir, *markdown) })
}

func runMan(env *Env, root *cobra.Command, pos []string, dir string, markdown bool) int {
	if dir != "" {
		if len(pos) > 0 {
			fmt.Fprintln(env.Stderr, "dinero-tui man: --dir writes every page; give no COMMAND with it")
			return 2
		}
		n, err := writeReference(root, dir, markdown)
		if err != nil {
			fmt.Fprintf(env.Stderr, "dinero-tui man: %v\n", err)
			return 1
		}
		fmt.Fprintf(env.Stderr, "Wrote %d pages to %s.\n", n, dir)
		return 0
	}
	target, rest, err := root.Find(pos)
	if err != nil || len(rest) > 0 {
		fmt.Fprintf(env.Stderr, "dinero-tui man: no command %q; see 'dinero-tui help'\n", strings.Join(pos, " "))
		return 2
	}
	page, err := referencePage(target, markdown)
	if err != nil {
		fmt.Fprintf(env.Stderr, "dinero-tui man: %v\n", err)
		return 1
	}
	if _, err := env.Stdout.Write(page); err != nil {
		fmt.Fprintf(env.Stderr, "dinero-tui man: %v\n", err)
		return 1
	}
	return 0
}

// referencePage renders one command's man page (roff) or Markdown page.
func referencePage(c *cobra.Command, markdown bool) ([]byte, error) {
	var b bytes.Buffer
	var err error
	if markdown {
		err = doc.GenMarkdown(c, &b)
	} else {
		date := referenceDate
		err = doc.GenMan(c, &doc.GenManHeader{Section: "1", Date: &date, Source: "dinero-tui", Manual: "dinero-tui manual"}, &b)
	}
	if err != nil {
		return nil, fmt.Errorf("rendering the page of %s: %w", c.CommandPath(), err)
	}
	return b.Bytes(), nil
}

// referencePages renders the page of every visible command, keyed by file
// name: dinero-tui-api.1 for man, dinero-tui_api.md (cobra's link names)
// for Markdown.
func referencePages(root *cobra.Command, markdown bool) (map[string][]byte, error) {
	pages := map[string][]byte{}
	var walk func(c *cobra.Command) error
	walk = func(c *cobra.Command) error {
		page, err := referencePage(c, markdown)
		if err != nil {
			return err
		}
		name := strings.ReplaceAll(c.CommandPath(), " ", "-") + ".1"
		if markdown {
			name = strings.ReplaceAll(c.CommandPath(), " ", "_") + ".md"
		}
		pages[name] = page
		for _, sub := range c.Commands() {
			if sub.IsAvailableCommand() && !sub.IsAdditionalHelpTopicCommand() {
				if err := walk(sub); err != nil {
					return err
				}
			}
		}
		return nil
	}
	return pages, walk(root)
}

// writeReference writes every page into dir, each file atomically.
func writeReference(root *cobra.Command, dir string, markdown bool) (int, error) {
	pages, err := referencePages(root, markdown)
	if err != nil {
		return 0, err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return 0, fmt.Errorf("creating %s: %w", dir, err)
	}
	names := make([]string, 0, len(pages))
	for n := range pages {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		if err := atomicfile.WriteFile(filepath.Join(dir, n), pages[n], 0o644); err != nil {
			return 0, err
		}
	}
	return len(names), nil
}

// completeCommandPath completes the COMMAND of `man` with the names of the
// commands (and subcommands) of the tree.
func completeCommandPath(cmd *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
	parent, rest, err := cmd.Root().Find(args)
	if err != nil || len(rest) > 0 {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	var out []cobra.Completion
	for _, sub := range parent.Commands() {
		if sub.IsAvailableCommand() && strings.HasPrefix(sub.Name(), toComplete) {
			out = append(out, cobra.CompletionWithDesc(sub.Name(), sub.Short))
		}
	}
	return out, cobra.ShellCompDirectiveNoFileComp
}
