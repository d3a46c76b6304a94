package cli

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/dinero-tui/dinero-tui/api"
	"github.com/dinero-tui/dinero-tui/config"
	"github.com/dinero-tui/dinero-tui/internal/atomicfile"
	"github.com/dinero-tui/dinero-tui/internal/sanitize"
)

func init() { register(newOrgsCommand) }

func newOrgsCommand(env *Env) *cobra.Command {
	cmd := &cobra.Command{
		Use:               "orgs [--json] [flags]",
		Short:             "list your Dinero organizations and which have Pro",
		ValidArgsFunction: cobra.NoFileCompletions,
	}
	fs := cmd.Flags()
	pf := addProfileFlags(fs)
	asJSON := fs.Bool("json", false, "print a JSON array for scripts")
	return withRun(cmd, func(pos []string) int { return runOrgs(env, pf, *asJSON, pos) })
}

func runOrgs(env *Env, pf *profileFlags, asJSON bool, pos []string) int {
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
	if err := writeOrgCache(p, orgs); err != nil {
		// Only completion reads the cache: say so, and still print the answer.
		fmt.Fprintf(env.Stderr, "dinero-tui orgs: %v (completion of --org will not offer these)\n", err)
	}
	if asJSON {
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

// cachedOrg is one organization as kept for shell completion of --org.
type cachedOrg struct {
	ID    int64  `json:"Id"`
	Name  string `json:"Name"`
	IsPro bool   `json:"IsPro"`
}

// orgCachePath is where the last `orgs` answer of a profile is kept:
// $XDG_CACHE_HOME/dinero-tui/orgs/PROFILE.json.
func orgCachePath(p config.Profile) string {
	return filepath.Join(p.CacheDir, "orgs", p.Name+".json")
}

// writeOrgCache keeps the ids and names of the last `orgs` answer, so
// completing --org never needs the network. Private: mode 0600 in 0700.
func writeOrgCache(p config.Profile, orgs []api.Organization) error {
	list := make([]cachedOrg, 0, len(orgs))
	for _, o := range orgs {
		list = append(list, cachedOrg{ID: o.ID, Name: o.Name, IsPro: o.IsPro || o.IsPayingPro})
	}
	data, err := json.Marshal(list)
	if err != nil {
		return fmt.Errorf("caching organizations: %w", err)
	}
	path := orgCachePath(p)
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return fmt.Errorf("caching organizations: %w", err)
	}
	if err := atomicfile.WriteFile(path, data, 0o600); err != nil {
		return fmt.Errorf("caching organizations: %w", err)
	}
	return nil
}

// readOrgCache returns the organizations of the last `orgs` answer, or
// nothing when there is none (or it cannot be read).
func readOrgCache(p config.Profile) []cachedOrg {
	data, err := os.ReadFile(orgCachePath(p))
	if err != nil {
		return nil
	}
	var list []cachedOrg
	if json.Unmarshal(data, &list) != nil {
		return nil
	}
	return list
}
