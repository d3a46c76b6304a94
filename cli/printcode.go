package cli

import (
	"fmt"
	"github.com/spf13/pflag"
	"net/url"
	"strings"

	"github.com/dinero-tui/dinero-tui/api"
	"github.com/dinero-tui/dinero-tui/config"
	"github.com/dinero-tui/dinero-tui/internal/codegen"
)

func addPrintCodeFlag(fs *pflag.FlagSet, dst *string) {
	fs.StringVar(dst, "print-code", "", "print code that sends this request, in `LANG` ("+strings.Join(codegen.Names(), ", ")+"), instead of sending it; the code reads the token from DINERO_TOKEN")
}

// printCode prints req as code in the --print-code language and sends
// nothing, so it needs neither a login nor a confirmation.
func printCode(env *Env, o *apiOptions, p config.Profile, req api.Request) int {
	lang, ok := codegen.Lookup(o.printCode)
	if !ok {
		fmt.Fprintf(env.Stderr, "dinero-tui api: --print-code: unknown language %q; choose one of %s\n", o.printCode, strings.Join(codegen.Names(), ", "))
		return 2
	}
	if o.paginate && lang.Name != "api" {
		fmt.Fprintln(env.Stderr, "dinero-tui api: note: the code fetches one page; only the api form pages (--paginate)")
	}
	if o.accept != "" && o.accept != "application/json" {
		fmt.Fprintf(env.Stderr, "dinero-tui api: note: the code asks for application/json, not %s\n", o.accept)
	}
	cr, baseURL, err := codeRequest(req, p.APIURL)
	if err != nil {
		fmt.Fprintf(env.Stderr, "dinero-tui api: --print-code: %v\n", err)
		return 2
	}
	code, err := lang.Render(cr, codegen.Options{BaseURL: baseURL, Profile: p.Name, Paginate: o.paginate})
	if err != nil {
		fmt.Fprintf(env.Stderr, "dinero-tui api: --print-code: %v\n", err)
		return 2
	}
	fmt.Fprint(env.Stdout, strings.TrimSuffix(code, "\n")+"\n")
	return 0
}

// codeRequest turns the api command's request into the generator's: a
// query written into the path joins the fields' query, and a full URL
// (allowed on the API's host) is split into base and path.
func codeRequest(req api.Request, apiURL string) (codegen.Request, string, error) {
	path, rawQuery, _ := strings.Cut(req.Path, "?")
	base := apiURL
	if strings.HasPrefix(path, "http://") || strings.HasPrefix(path, "https://") {
		rest := path[strings.Index(path, "://")+3:]
		i := strings.IndexByte(rest, '/')
		if i < 0 {
			i = len(rest)
		}
		base, path = path[:len(path)-len(rest)+i], rest[i:]
		if path == "" {
			path = "/"
		}
	}
	q, err := url.ParseQuery(rawQuery)
	if err != nil {
		return codegen.Request{}, "", fmt.Errorf("the query in the path: %w", err)
	}
	for k, vs := range req.Query {
		q[k] = append(q[k], vs...)
	}
	if len(q) == 0 {
		q = nil
	}
	return codegen.Request{Method: req.Method, Path: path, PathParams: req.PathParams, Query: q, Body: req.Body}, base, nil
}
