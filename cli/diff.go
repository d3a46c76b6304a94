package cli

import (
	"errors"
	"fmt"
	"github.com/spf13/cobra"

	"github.com/dinero-tui/dinero-tui/internal/jsondiff"
	"github.com/dinero-tui/dinero-tui/internal/sanitize"
)

func init() { register(newDiffCommand) }

func newDiffCommand(env *Env) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "diff [--json] OLD.json NEW.json",
		Short: "compare two JSON answers path by path (exit 0 equal, 1 different)",
		Long:  "Compare two JSON files structurally (either may be - for stdin). Like diff(1) it exits 0 when\nthey are equal, 1 when they differ and 2 on trouble.",
	}
	fs := cmd.Flags()
	asJSON := fs.Bool("json", false, "print the result as JSON: counts and every changed path with its old and new value")
	width := fs.Int("width", 120, "cut each value shown in the text form to `N` characters")
	return withRun(cmd, func(pos []string) int { return runDiff(env, *asJSON, *width, pos) })
}

// runDiff compares two JSON files structurally. Like diff(1) it exits 0
// when they are equal, 1 when they differ and 2 on trouble.
func runDiff(env *Env, asJSON bool, width int, pos []string) int {
	var err error
	if len(pos) != 2 {
		fmt.Fprintln(env.Stderr, "dinero-tui diff: give two JSON files, the old one first (- reads one of them from stdin)")
		return 2
	}
	if pos[0] == "-" && pos[1] == "-" {
		fmt.Fprintln(env.Stderr, "dinero-tui diff: only one of the two files can be stdin (-)")
		return 2
	}
	if width < 8 {
		fmt.Fprintln(env.Stderr, "dinero-tui diff: --width must be at least 8")
		return 2
	}
	docs := make([][]byte, 2)
	for i, name := range pos {
		if docs[i], err = readInput(env, name); err != nil {
			fmt.Fprintf(env.Stderr, "dinero-tui diff: %s\n", sanitize.Line(err.Error()))
			return 2
		}
	}
	res, err := jsondiff.Compare(docs[0], docs[1])
	if err != nil {
		name := pos[0]
		if errors.Is(err, jsondiff.ErrInvalidNew) {
			name = pos[1]
		}
		fmt.Fprintf(env.Stderr, "dinero-tui diff: %s is not valid JSON; save the answer body alone (e.g. dinero-tui api PATH > %s)\n", sanitize.Line(name), sanitize.Line(name))
		return 2
	}
	if asJSON {
		err = jsondiff.WriteJSON(env.Stdout, res)
	} else {
		err = jsondiff.WriteText(env.Stdout, res, jsondiff.TextOptions{
			MaxValue: width,
			Color:    env.StdoutIsTerminal && env.Getenv("NO_COLOR") == "",
		})
	}
	if err != nil {
		fmt.Fprintf(env.Stderr, "dinero-tui diff: %v\n", err)
		return 2
	}
	if res.Equal() {
		return 0
	}
	return 1
}
