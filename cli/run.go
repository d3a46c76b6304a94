package cli

import (
	"fmt"
	"github.com/spf13/cobra"
	"strconv"

	"github.com/dinero-tui/dinero-tui/internal/collrun"
	"github.com/dinero-tui/dinero-tui/internal/sanitize"
)

func init() { register(newRunCommand) }

type runOptions struct {
	folder, junit, org string
	yes                bool
}

func newRunCommand(env *Env) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "run FILE [--environment FILE] [--folder NAME] [--junit FILE] [--yes]",
		Short: "send a Postman collection's requests in order, like Newman",
	}
	var o runOptions
	fs := cmd.Flags()
	pf := addProfileFlags(fs)
	fs.StringVar(&o.folder, "folder", "", "run only the requests in the folder `NAME` (at any depth, with its subfolders)")
	fs.StringVar(&o.junit, "junit", "", "also write the results as JUnit XML to `FILE`, for CI")
	fs.StringVar(&o.org, "org", "", "organization `ID` for {organizationId} (env DINERO_ORG_ID, default the last chosen)")
	fs.BoolVar(&o.yes, "yes", false, "send the writes (POST, PUT, PATCH, DELETE) too; without it they are skipped")
	return withRun(cmd, func(pos []string) int { return runCollection(env, o, pf, pos) })
}

// runCollection sends a collection's requests in order on the stored
// session. Reads only, unless --yes. Exit 0 when every answer is < 400,
// 1 when one is not (or got no answer), 2 when the run cannot start.
func runCollection(env *Env, o runOptions, pf *profileFlags, pos []string) int {
	if len(pos) != 1 {
		fmt.Fprintln(env.Stderr, "dinero-tui run: give one collection FILE (a Postman v2.1 export or an OpenAPI 3 file)")
		return 2
	}
	fail := func(err error) int {
		fmt.Fprintf(env.Stderr, "dinero-tui run: %s\n", sanitize.Line(err.Error()))
		return 2
	}
	*pf.postman.collection = pos[0] // the collection also gives settings (OAuth2 block, baseUrl)
	p, err := pf.load(env)
	if err == nil {
		err = applyOrgFlag(&p, o.org)
	}
	if err != nil {
		return fail(err)
	}
	cat := pf.postman.catalog()
	steps, err := collrun.Plan(cat, o.folder)
	if err != nil {
		return fail(err)
	}
	ro := collrun.Options{AllowWrites: o.yes, ReadOnly: p.ReadOnly, Vars: pf.postman.envValues}
	if p.OrgID != 0 {
		ro.OrgID = strconv.FormatInt(p.OrgID, 10)
	}
	client, done, err := newAPIClient(env, p)
	if err != nil {
		return fail(err)
	}
	defer done("run")
	tw := &collrun.TextWriter{W: env.Stdout}
	ro.Progress = tw.Write
	rep := collrun.Run(env.Ctx, client, steps, ro)
	fmt.Fprintln(env.Stdout, collrun.Summary(rep))
	if o.junit != "" {
		if err := collrun.WriteJUnit(o.junit, rep, cat.Source); err != nil {
			return fail(err)
		}
		fmt.Fprintf(env.Stderr, "dinero-tui run: JUnit report written to %s\n", sanitize.Line(o.junit))
	}
	if _, failed, _ := rep.Counts(); failed > 0 || rep.Interrupted {
		return 1
	}
	return 0
}
