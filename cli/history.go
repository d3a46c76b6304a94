package cli

import (
	"fmt"
	"github.com/spf13/cobra"
	"strconv"
	"strings"

	"github.com/dinero-tui/dinero-tui/api/catalog"
	"github.com/dinero-tui/dinero-tui/config"
	"github.com/dinero-tui/dinero-tui/internal/atomicfile"
	"github.com/dinero-tui/dinero-tui/ui/history"
)

func init() { register(newHistoryCommand) }

func newHistoryCommand(env *Env) *cobra.Command {
	cmd := &cobra.Command{
		Use:               "history export --postman FILE [--last N] [flags]",
		Short:             "export the explorer's sent requests (history export --postman FILE)",
		ValidArgsFunction: cobra.NoFileCompletions,
	}
	cmd.AddCommand(newHistoryExportCommand(env))
	return withRun(cmd, func(pos []string) int {
		fmt.Fprintln(env.Stderr, "Usage: dinero-tui history export --postman FILE [--last N] [flags]")
		return 2
	})
}

func newHistoryExportCommand(env *Env) *cobra.Command {
	cmd := &cobra.Command{
		Use:               "export --postman FILE [--last N] [flags]",
		Short:             "write the explorer's sent requests as a Postman v2.1 collection (no secrets)",
		ValidArgsFunction: cobra.NoFileCompletions,
	}
	fs := cmd.Flags()
	pf := addProfileFlags(fs)
	out := fs.String("postman", "", "write the requests as a Postman v2.1 collection to `FILE` (- for stdout)")
	last := fs.Int("last", 0, "only the `N` most recent requests (default all)")
	return withRun(cmd, func(pos []string) int {
		p, code := profileFromArgs(env, "history export", pf, pos)
		if code >= 0 {
			return code
		}
		return runHistoryExport(env, p, pf, *out, *last)
	})
}

func runHistoryExport(env *Env, p config.Profile, pf *profileFlags, out string, last int) int {
	if out == "" {
		fmt.Fprintln(env.Stderr, "dinero-tui history export: give --postman FILE (or --postman - for stdout)")
		return 2
	}
	n, err := exportHistory(env, p, pf.postman.catalog(), out, last)
	if err != nil {
		fmt.Fprintf(env.Stderr, "dinero-tui history export: %v\n", err)
		return 1
	}
	if out != "-" {
		fmt.Fprintf(env.Stderr, "Exported %d request(s) to %s. In Postman: Import, then fill clientSecret in an environment and Get New Access Token.\n", n, out)
	}
	return 0
}

// exportHistory writes the profile's history (the last n entries, or all)
// as a Postman collection to path, atomically.
func exportHistory(env *Env, p config.Profile, cat *catalog.Catalog, path string, n int) (int, error) {
	store, err := history.Open(history.Path(p.StateDir, p.Name))
	if err != nil {
		return 0, err
	}
	entries := store.Entries()
	if n > 0 && n < len(entries) {
		entries = entries[:n]
	}
	if len(entries) == 0 {
		return 0, fmt.Errorf("profile %q has sent no requests yet; send some from the explorer first", p.Name)
	}
	data, err := history.Export(entries, cat, exportOptions(p))
	if err != nil {
		return 0, err
	}
	if path == "-" {
		_, err = env.Stdout.Write(data)
		return len(entries), err
	}
	if err := atomicfile.WriteFile(path, data, 0o600); err != nil {
		return 0, fmt.Errorf("write %s: %w", path, err)
	}
	return len(entries), nil
}

// exportOptions are the collection's login settings and variables: none
// of them secret.
func exportOptions(p config.Profile) catalog.ExportOptions {
	o := catalog.ExportOptions{Name: "dinero-tui " + p.Name, APIURL: p.APIURL, ClientID: p.ClientID, ConnectURL: p.ConnectURL,
		Scopes: strings.Join(p.Scopes, " "), RedirectURI: p.RedirectURI, UILocale: p.UILocale}
	if p.OrgID != 0 {
		o.OrgID = strconv.FormatInt(p.OrgID, 10)
	}
	return o
}
