package cli

import (
	"net/http"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/dinero-tui/dinero-tui/api/catalog"
	"github.com/dinero-tui/dinero-tui/config"
	"github.com/dinero-tui/dinero-tui/internal/sanitize"
)

// Shell completion (`dinero-tui completion SHELL`) asks the program itself
// through cobra's hidden __complete command. Everything here reads local
// files only (the catalogue, the config file, the cached `orgs` answer):
// completing never touches the network.

// flagCompletions completes flag values by flag name, in every command
// that has a flag of that name.
func flagCompletions(env *Env) map[string]cobra.CompletionFunc {
	return map[string]cobra.CompletionFunc{
		"profile":      completeProfiles(env),
		"org":          completeOrgIDs(env),
		"collection":   completeJSONFiles,
		"environment":  completeJSONFiles, // a Postman environment file
		"token-store":  fixed("auto", "keyring", "file"),
		"refresh-mode": fixed("one-time", "reuse"),
		"method":       fixed(http.MethodGet, http.MethodPost, http.MethodPut, http.MethodPatch, http.MethodDelete),
		"accept":       fixed("application/json", "application/pdf", "application/octet-stream"),
		"field":        completeFieldNames(env),
		"raw-field":    completeFieldNames(env),
	}
}

// addFlagCompletions registers flagCompletions on every command of the
// tree. A value flag with no completion of its own completes file names
// when its help names the value FILE (in backquotes: "`FILE`"),
// directories for DIR, and nothing otherwise.
func addFlagCompletions(env *Env, root *cobra.Command) {
	byName := flagCompletions(env)
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		c.LocalFlags().VisitAll(func(f *pflag.Flag) {
			if _, done := c.GetFlagCompletionFunc(f.Name); done || f.NoOptDefVal != "" {
				return
			}
			complete, ok := byName[f.Name]
			if !ok {
				complete = completeByValueName(f)
			}
			_ = c.RegisterFlagCompletionFunc(f.Name, complete) // fails only for a flag registered twice
		})
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
}

func completeByValueName(f *pflag.Flag) cobra.CompletionFunc {
	name, _ := pflag.UnquoteUsage(f)
	switch {
	case strings.Contains(name, "FILE"):
		return func(*cobra.Command, []string, string) ([]cobra.Completion, cobra.ShellCompDirective) {
			return nil, cobra.ShellCompDirectiveDefault
		}
	case strings.Contains(name, "DIR"):
		return func(*cobra.Command, []string, string) ([]cobra.Completion, cobra.ShellCompDirective) {
			return nil, cobra.ShellCompDirectiveFilterDirs
		}
	}
	return cobra.NoFileCompletions
}

func fixed(choices ...string) cobra.CompletionFunc {
	return cobra.FixedCompletions(choices, cobra.ShellCompDirectiveNoFileComp)
}

func completeJSONFiles(*cobra.Command, []string, string) ([]cobra.Completion, cobra.ShellCompDirective) {
	return []cobra.Completion{"json"}, cobra.ShellCompDirectiveFilterFileExt
}

// completeProfiles offers the profiles of the config file.
func completeProfiles(env *Env) cobra.CompletionFunc {
	return func(_ *cobra.Command, _ []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
		names, _ := config.ProfileNames(env.Getenv)
		var out []cobra.Completion
		for _, n := range names {
			if strings.HasPrefix(n, toComplete) && completable(n) {
				out = append(out, n)
			}
		}
		return out, cobra.ShellCompDirectiveNoFileComp
	}
}

// completeOrgIDs offers the organizations of the last `orgs` answer of the
// profile the command line names (or the default one).
func completeOrgIDs(env *Env) cobra.CompletionFunc {
	return func(cmd *cobra.Command, _ []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
		flags := map[string]string{}
		if f := cmd.Flags().Lookup("profile"); f != nil && f.Changed {
			flags["profile"] = f.Value.String()
		}
		p, err := config.Load(config.LoadOptions{Getenv: env.Getenv, Flags: flags})
		if err != nil {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		var out []cobra.Completion
		for _, o := range readOrgCache(p) {
			id := strconv.FormatInt(o.ID, 10)
			if !strings.HasPrefix(id, toComplete) {
				continue
			}
			desc := sanitize.Line(o.Name)
			if o.IsPro {
				desc += " (PRO)"
			}
			out = append(out, cobra.CompletionWithDesc(id, desc))
		}
		return out, cobra.ShellCompDirectiveNoFileComp
	}
}

// completeAPITarget completes the PATH|OPERATION-ID of `api`: operation
// ids, or the catalogue's paths once the word starts with a slash.
func completeAPITarget(env *Env, o *apiOptions) cobra.CompletionFunc {
	return func(cmd *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
		if len(args) > 0 {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		collection, _ := cmd.Flags().GetString("collection")
		cat := completionCatalog(collection)
		if cat == nil {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		var out []cobra.Completion
		if strings.HasPrefix(toComplete, "/") {
			seen := map[string]bool{}
			for _, op := range cat.All() {
				if strings.HasPrefix(op.Path, toComplete) && !seen[op.Path] && completable(op.Path) {
					seen[op.Path] = true
					out = append(out, op.Path)
				}
			}
			sort.Strings(out)
			return out, cobra.ShellCompDirectiveNoFileComp
		}
		for _, op := range cat.All() {
			if strings.HasPrefix(op.ID, toComplete) && completable(op.ID) {
				out = append(out, cobra.CompletionWithDesc(op.ID, sanitize.Line(op.Method+" "+op.Name)))
			}
		}
		return out, cobra.ShellCompDirectiveNoFileComp
	}
}

// completeFieldNames completes -F/-f of `api` with the query and path
// parameters of the operation named by the first argument (key=), and
// with a parameter's allowed values once the key is typed (key=value).
func completeFieldNames(env *Env) cobra.CompletionFunc {
	return func(cmd *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
		none := cobra.ShellCompDirectiveNoFileComp
		if len(args) == 0 {
			return nil, none
		}
		collection, _ := cmd.Flags().GetString("collection")
		cat := completionCatalog(collection)
		if cat == nil {
			return nil, none
		}
		op, ok := cat.ByID(args[0])
		if !ok {
			return nil, none
		}
		var out []cobra.Completion
		params := append(append([]catalog.Param(nil), op.PathParams...), op.Query...)
		if key, typed, hasValue := strings.Cut(toComplete, "="); hasValue {
			for _, p := range params {
				for _, v := range p.Enum {
					if p.Name == key && strings.HasPrefix(v, typed) && completable(v) {
						out = append(out, key+"="+v)
					}
				}
			}
			return out, none
		}
		for _, p := range params {
			if p.Name != "organizationId" && strings.HasPrefix(p.Name, toComplete) && completable(p.Name) {
				out = append(out, cobra.CompletionWithDesc(p.Name+"=", sanitize.Line(p.Type)))
			}
		}
		return out, none | cobra.ShellCompDirectiveNoSpace
	}
}

// completionCatalog is the built-in catalogue or the --collection file's,
// read quietly (completion has no place for warnings); nil if unreadable.
func completionCatalog(collection string) *catalog.Catalog {
	if collection == "" {
		return catalog.Builtin()
	}
	c, _, err := catalog.Load(collection)
	if err != nil {
		return nil
	}
	return c
}

// completable reports whether a value read from a file can be offered to a
// shell as one word: no spaces or control characters.
func completable(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if unicode.IsSpace(r) || unicode.IsControl(r) || r == '\'' || r == '"' || r == '`' || r == '\\' || r == '$' {
			return false
		}
	}
	return s == sanitize.Line(s)
}
