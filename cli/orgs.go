package cli

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"text/tabwriter"

	"github.com/dinero-tui/dinero-tui/api"
	"github.com/dinero-tui/dinero-tui/internal/sanitize"
)

func init() {
	register(Command{Name: "orgs", Summary: "list your Dinero organizations and which have Pro", Run: runOrgs})
}

func runOrgs(env *Env, args []string) int {
	fs := newFlagSet(env, "orgs", "orgs [--json] [profile flags]")
	pf := addProfileFlags(fs)
	asJSON := fs.Bool("json", false, "print a JSON array for scripts")
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if len(pos) > 0 {
		fmt.Fprintf(env.Stderr, "dinero-tui orgs: unexpected argument %q\n", pos[0])
		return 2
	}
	p, err := pf.load(env)
	if err != nil {
		fmt.Fprintf(env.Stderr, "dinero-tui orgs: %v\n", err)
		return 2
	}
	client, done, err := newAPIClient(env, p)
	if err != nil {
		fmt.Fprintf(env.Stderr, "dinero-tui orgs: %v\n", err)
		return 1
	}
	defer done("orgs")
	orgs, err := client.Organizations(env.Ctx)
	if err != nil {
		fmt.Fprintf(env.Stderr, "dinero-tui orgs: %s\n", sanitize.Line(err.Error()))
		return 1
	}
	if *asJSON {
		if orgs == nil {
			orgs = []api.Organization{}
		}
		enc := json.NewEncoder(env.Stdout)
		if env.StdoutIsTerminal {
			enc.SetIndent("", "  ")
		}
		if err := enc.Encode(orgs); err != nil {
			fmt.Fprintf(env.Stderr, "dinero-tui orgs: %v\n", err)
			return 1
		}
		return 0
	}
	if len(orgs) == 0 {
		fmt.Fprintln(env.Stderr, "Your login reaches no organizations.")
		return 0
	}
	printOrgTable(env, orgs, p.OrgID)
	return 0
}

// printOrgTable writes ID, PRO and NAME columns; the chosen organization
// is marked with *.
func printOrgTable(env *Env, orgs []api.Organization, current int64) {
	tw := tabwriter.NewWriter(env.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "  ID\tPRO\tNAME")
	pro := 0
	for _, o := range orgs {
		mark := " "
		if o.ID == current {
			mark = "*"
		}
		badge := "-"
		switch {
		case o.IsPayingPro:
			badge = "PRO (paying)"
		case o.IsPro:
			badge = "PRO"
		}
		if o.IsPro || o.IsPayingPro {
			pro++
		}
		fmt.Fprintf(tw, "%s %d\t%s\t%s\n", mark, o.ID, badge, sanitize.Line(o.Name))
	}
	tw.Flush()
	if pro < len(orgs) {
		fmt.Fprintln(env.Stderr, "Only organizations marked PRO can use the API; the others answer 403 (Dinero code 90).")
	}
}
