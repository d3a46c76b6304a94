package cli

import (
	"encoding/json"
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/dinero-tui/dinero-tui/api/catalog"
	"github.com/dinero-tui/dinero-tui/internal/sanitize"
)

func init() { register(newEndpointsCommand) }

func newEndpointsCommand(env *Env) *cobra.Command {
	cmd := &cobra.Command{
		Use:               "endpoints [--json] [--collection FILE] [FILTER...]",
		Short:             "list the API operations of the catalogue (filterable)",
		Long:              "List the operations of the built-in catalogue (or of --collection). Every word of FILTER must\noccur in an operation's id, name, method, path, group or description.",
		Example:           "  dinero-tui endpoints credit note\n  dinero-tui endpoints --json invoices | jq '.[].ID'",
		ValidArgsFunction: cobra.NoFileCompletions,
	}
	fs := cmd.Flags()
	asJSON := fs.Bool("json", false, "print a JSON array for scripts")
	pm := addPostmanFlags(fs)
	return withRun(cmd, func(pos []string) int { return runEndpoints(env, *asJSON, pm, pos) })
}

func runEndpoints(env *Env, asJSON bool, pm *postmanFlags, pos []string) int {
	if _, err := pm.load(env); err != nil {
		fmt.Fprintf(env.Stderr, "dinero-tui endpoints: %v\n", err)
		return 1
	}
	cat := pm.catalog()
	ops := cat.Find(strings.Join(pos, " "))
	if asJSON {
		return printEndpointsJSON(env, ops)
	}
	if len(ops) == 0 {
		fmt.Fprintf(env.Stderr, "No operation matches %q.\n", strings.Join(pos, " "))
		return 1
	}
	tw := tabwriter.NewWriter(env.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tMETHOD\tPATH\tNAME")
	for _, op := range ops {
		name := op.Name
		if op.Paged {
			name += " (paged)"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", sanitize.Line(op.ID), sanitize.Line(op.Method), sanitize.Line(op.Path), sanitize.Line(name))
	}
	tw.Flush()
	if env.StdoutIsTerminal {
		fmt.Fprintf(env.Stderr, "%d of %d operations (%s). Call one with: dinero-tui api ID\n", len(ops), cat.Len(), cat.Source)
	}
	return 0
}

// endpointJSON is an operation as printed by --json (with its group).
type endpointJSON struct {
	Group string
	catalog.Operation
}

func printEndpointsJSON(env *Env, ops []catalog.Operation) int {
	out := make([]endpointJSON, 0, len(ops))
	for _, op := range ops {
		out = append(out, endpointJSON{Group: op.Group, Operation: op})
	}
	enc := json.NewEncoder(env.Stdout)
	if env.StdoutIsTerminal {
		enc.SetIndent("", "  ")
	}
	if err := enc.Encode(out); err != nil {
		fmt.Fprintf(env.Stderr, "dinero-tui endpoints: %v\n", err)
		return 1
	}
	return 0
}
