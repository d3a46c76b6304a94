package cli

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/dinero-tui/dinero-tui/api/catalog"
	"github.com/dinero-tui/dinero-tui/internal/sanitize"
)

func init() {
	register(Command{Name: "endpoints", Summary: "list the API operations of the catalogue (filterable)", Run: runEndpoints})
}

func runEndpoints(env *Env, args []string) int {
	fs := newFlagSet(env, "endpoints", "endpoints [--json] [--collection FILE] [FILTER...]")
	asJSON := fs.Bool("json", false, "print a JSON array for scripts")
	pm := addPostmanFlags(fs)
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if _, err := pm.load(env); err != nil {
		fmt.Fprintf(env.Stderr, "dinero-tui endpoints: %v\n", err)
		return 1
	}
	cat := pm.catalog()
	ops := cat.Find(strings.Join(pos, " "))
	if *asJSON {
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
