package cli

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/tidwall/gjson"
	"github.com/tidwall/pretty"

	"github.com/dinero-tui/dinero-tui/api"
	"github.com/dinero-tui/dinero-tui/api/catalog"
	"github.com/dinero-tui/dinero-tui/config"
	"github.com/dinero-tui/dinero-tui/internal/sanitize"
)

func init() { register(newAPICommand) }

type apiOptions struct {
	method, input, query, org, accept, collection string
	typed, raw                                    []string
	paginate, include, yes                        bool
}

func newAPICommand(env *Env) *cobra.Command {
	var o apiOptions
	cmd := &cobra.Command{
		Use:     "api [-X METHOD] PATH|OPERATION-ID [flags]",
		Short:   "make one Dinero API call and print the JSON answer",
		Long:    apiLong,
		Example: apiExample,
	}
	cmd.ValidArgsFunction = completeAPITarget(env, &o)
	fs := cmd.Flags()
	pf := addProfileFlags(fs)
	fs.StringVarP(&o.method, "method", "X", "", "HTTP method (default GET, or POST with --input; an operation id brings its own)")
	fs.StringArrayVarP(&o.typed, "field", "F", nil, "field `key=value` with a typed value: numbers, true, false, null, @file (@- for stdin); repeatable")
	fs.StringArrayVarP(&o.raw, "raw-field", "f", nil, "field `key=value` sent as a string; repeatable")
	fs.StringVar(&o.input, "input", "", "raw request body from `FILE` (- for stdin)")
	fs.BoolVar(&o.paginate, "paginate", false, "fetch every page and print one merged JSON array of the Collection items")
	fs.StringVarP(&o.query, "query", "q", "", "print only what the GJSON `path` selects (e.g. Collection.#.Number)")
	fs.BoolVarP(&o.include, "include", "i", false, "print the HTTP status line and headers before the body")
	fs.StringVar(&o.org, "org", "", "organization `ID` for {organizationId} (env DINERO_ORG_ID, default the last chosen)")
	fs.StringVar(&o.accept, "accept", "", "Accept header, e.g. application/octet-stream for a PDF")
	fs.StringVar(&o.collection, "collection", "", "Postman v2.1 or OpenAPI 3 `FILE` whose operation ids replace the built-in ones for this run")
	fs.BoolVar(&o.yes, "yes", false, "send writes (POST, PUT, PATCH, DELETE) without asking")
	return withRun(cmd, func(pos []string) int { return runAPI(env, &o, pf, pos) })
}

const apiLong = `Make one call to the Dinero API, like 'gh api', on the login of the profile.

PATH is an API path such as /v1/{organizationId}/invoices, or an operation id of the catalogue
(see 'dinero-tui endpoints'; completion offers them). {organizationId} is filled from --org,
DINERO_ORG_ID or the organization chosen last; other placeholders from fields of the same name.

Fields are query values for GET and JSON body fields otherwise: -F takes typed values (numbers,
true, false, null, @file), -f strings. --input sends a raw body instead. Writes (POST, PUT, PATCH,
DELETE) ask for confirmation on a terminal; scripts pass --yes.

On a terminal the answer is pretty, coloured JSON (NO_COLOR honoured); piped, the exact bytes.
Data goes to stdout, messages to stderr. Exit 0 on 2xx, 1 on an API error, 2 on bad usage.`

const apiExample = `  dinero-tui api /v1/organizations -f fields=Id,Name,IsPro
  dinero-tui api invoices.list --org 104871 -f pageSize=1000 --paginate -q '#'
  dinero-tui api -X POST /v1/{organizationId}/contacts -F Name='Nørre Revision A/S' -F IsPerson=false \
      -F CountryKey=DK -F IsMember=false -F UseCvr=false --yes
  dinero-tui api /v1/{organizationId}/invoices --include | dinero-tui view -`

func runAPI(env *Env, o *apiOptions, pf *profileFlags, pos []string) int {
	if len(pos) != 1 {
		fmt.Fprintln(env.Stderr, "dinero-tui api: give exactly one PATH (like /v1/{organizationId}/invoices) or operation id (see 'dinero-tui endpoints')")
		return 2
	}
	p, err := pf.load(env)
	if err == nil {
		err = applyOrgFlag(&p, o.org)
	}
	if err != nil {
		fmt.Fprintf(env.Stderr, "dinero-tui api: %v\n", err)
		return 2
	}
	req, err := buildAPIRequest(env, o, p, pos[0])
	if err != nil {
		fmt.Fprintf(env.Stderr, "dinero-tui api: %v\n", err)
		return 2
	}
	if code := confirmWrite(env, o, p, req); code >= 0 {
		return code
	}
	client, err := newAPIClient(env, p)
	if err != nil {
		fmt.Fprintf(env.Stderr, "dinero-tui api: %v\n", err)
		return 1
	}
	if err := sendAPI(env, client, o, req); err != nil {
		fmt.Fprintf(env.Stderr, "dinero-tui api: %s\n", sanitize.Line(err.Error()))
		return 1
	}
	return 0
}

// buildAPIRequest turns the arguments into a request: it resolves an
// operation id, fills path placeholders and places the fields.
func buildAPIRequest(env *Env, o *apiOptions, p config.Profile, target string) (api.Request, error) {
	req := api.Request{Method: strings.ToUpper(o.method), Path: target, Accept: o.accept, PathParams: map[string]string{}}
	if !strings.HasPrefix(target, "/") && !strings.HasPrefix(target, "http://") && !strings.HasPrefix(target, "https://") {
		cat, err := loadCatalog(env, o.collection)
		if err != nil {
			return req, err
		}
		op, ok := cat.ByID(target)
		if !ok {
			return req, fmt.Errorf("%q is neither a path (starting with /) nor an operation id; list them with 'dinero-tui endpoints'", target)
		}
		req.Path = op.Path
		if req.Method == "" {
			req.Method = op.Method
		}
	} else if o.collection != "" {
		if _, err := loadCatalog(env, o.collection); err != nil {
			return req, err
		}
	}
	if p.OrgID != 0 {
		req.PathParams["organizationId"] = strconv.FormatInt(p.OrgID, 10)
	}
	placeholders := map[string]bool{}
	for _, n := range api.Placeholders(req.Path) {
		placeholders[n] = true
	}
	fields, err := parseFields(env, o, placeholders, req.PathParams)
	if err != nil {
		return req, err
	}
	if o.input != "" {
		if req.Body, err = readInput(env, o.input); err != nil {
			return req, err
		}
	}
	if req.Method == "" {
		req.Method = http.MethodGet
		if o.input != "" { // a body means a write; fields alone stay a GET query
			req.Method = http.MethodPost
		}
	}
	if placeholders["organizationId"] && req.PathParams["organizationId"] == "" {
		return req, errors.New("this path needs an organization: pass --org ID or set DINERO_ORG_ID (see 'dinero-tui orgs')")
	}
	if o.paginate && req.Method != http.MethodGet {
		return req, fmt.Errorf("--paginate works only with GET, not %s", req.Method)
	}
	if o.paginate && o.include {
		return req, errors.New("--include cannot be combined with --paginate (the answer is merged from many responses)")
	}
	// Fields go into the query for GET (and alongside --input), else into a JSON body.
	if req.Method == http.MethodGet || req.Method == http.MethodHead || o.input != "" {
		if len(fields) > 0 {
			req.Query = map[string][]string{}
			for _, f := range fields {
				req.Query.Add(f.key, f.text)
			}
		}
		return req, nil
	}
	if len(fields) > 0 {
		obj := make(map[string]any, len(fields))
		for _, f := range fields {
			obj[f.key] = f.value
		}
		if req.Body, err = json.Marshal(obj); err != nil {
			return req, fmt.Errorf("building the JSON body: %w", err)
		}
	}
	return req, nil
}

type field struct {
	key   string
	text  string // as sent in a query string
	value any    // as put in a JSON body
}

// parseFields reads -F (typed) and -f (string) fields. A field named like a
// path placeholder fills it instead.
func parseFields(env *Env, o *apiOptions, placeholders map[string]bool, pathParams map[string]string) ([]field, error) {
	var out []field
	add := func(arg string, typed bool) error {
		key, val, ok := strings.Cut(arg, "=")
		if !ok || key == "" {
			return fmt.Errorf("field %q must look like key=value", arg)
		}
		f := field{key: key, text: val, value: val}
		if typed {
			v, text, err := typedValue(env, val)
			if err != nil {
				return fmt.Errorf("field %s: %w", key, err)
			}
			f.value, f.text = v, text
		}
		if placeholders[key] {
			pathParams[key] = f.text
			return nil
		}
		out = append(out, f)
		return nil
	}
	for _, a := range o.typed {
		if err := add(a, true); err != nil {
			return nil, err
		}
	}
	for _, a := range o.raw {
		if err := add(a, false); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// typedValue interprets a -F value: true, false, null, numbers, @file.
func typedValue(env *Env, v string) (any, string, error) {
	switch {
	case v == "true":
		return true, v, nil
	case v == "false":
		return false, v, nil
	case v == "null":
		return nil, "", nil
	case strings.HasPrefix(v, "@"):
		b, err := readInput(env, v[1:])
		if err != nil {
			return nil, "", err
		}
		s := strings.TrimRight(string(b), "\r\n")
		return s, s, nil
	}
	if n, err := strconv.ParseInt(v, 10, 64); err == nil {
		return n, v, nil
	}
	if f, err := strconv.ParseFloat(v, 64); err == nil && !strings.ContainsAny(v, "xXnN") {
		return json.Number(strconv.FormatFloat(f, 'f', -1, 64)), v, nil
	}
	return v, v, nil
}

// readInput reads a file, or stdin for "-".
func readInput(env *Env, name string) ([]byte, error) {
	if name == "-" {
		b, err := io.ReadAll(env.Stdin)
		if err != nil {
			return nil, fmt.Errorf("reading stdin: %w", err)
		}
		return b, nil
	}
	b, err := os.ReadFile(name)
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", name, err)
	}
	return b, nil
}

// confirmWrite asks before a write. It returns -1 to go on, or an exit code.
func confirmWrite(env *Env, o *apiOptions, p config.Profile, req api.Request) int {
	if req.Method == http.MethodGet || req.Method == http.MethodHead || o.yes {
		return -1
	}
	stdinTaken := o.input == "-" || strings.Contains(strings.Join(o.typed, "\n"), "=@-")
	if !env.StdinIsTerminal || stdinTaken {
		fmt.Fprintf(env.Stderr, "dinero-tui api: %s changes data; add --yes to send it without a terminal to confirm on\n", req.Method)
		return 2
	}
	target := req.Path
	if expanded, err := api.ExpandPath(strings.SplitN(req.Path, "?", 2)[0], req.PathParams); err == nil {
		target = expanded
	}
	fmt.Fprintf(env.Stderr, "%s %s on %s", req.Method, sanitize.Line(target), sanitize.Line(p.APIURL))
	if id := req.PathParams["organizationId"]; id != "" {
		fmt.Fprintf(env.Stderr, " (organization %s)", id)
	}
	fmt.Fprint(env.Stderr, " changes data. Send it? [y/N] ")
	line, _ := bufio.NewReader(io.LimitReader(env.Stdin, 1024)).ReadString('\n')
	switch strings.ToLower(strings.TrimSpace(line)) {
	case "y", "yes":
		return -1
	}
	fmt.Fprintln(env.Stderr, "Not sent.")
	return 1
}

// sendAPI performs the call and prints the answer.
func sendAPI(env *Env, client *api.Client, o *apiOptions, req api.Request) error {
	out := bufio.NewWriterSize(env.Stdout, 64<<10)
	defer out.Flush()
	if o.paginate {
		if o.query == "" && !env.StdoutIsTerminal {
			// Straight to stdout: memory holds one page at a time.
			if err := client.AllPages(env.Ctx, req, out); err != nil {
				return err
			}
			_, err := out.WriteString("\n")
			return err
		}
		var buf bytes.Buffer
		if err := client.AllPages(env.Ctx, req, &buf); err != nil {
			return err
		}
		return printBody(env, out, o.query, buf.Bytes(), "application/json")
	}
	resp, err := client.Do(env.Ctx, req)
	if err != nil {
		return err
	}
	if o.include {
		writeHeaders(env, out, resp)
	}
	return printBody(env, out, o.query, resp.Body, resp.Header.Get("Content-Type"))
}

func writeHeaders(env *Env, w io.Writer, resp *api.Response) {
	fmt.Fprintf(w, "HTTP %d %s\n", resp.Status, http.StatusText(resp.Status))
	names := make([]string, 0, len(resp.Header))
	for k := range resp.Header {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		for _, v := range resp.Header[k] {
			line := k + ": " + v
			if env.StdoutIsTerminal {
				line = sanitize.Line(line)
			}
			fmt.Fprintln(w, line)
		}
	}
	fmt.Fprintln(w)
}

// printBody writes the answer: the -q selection, pretty coloured JSON on a
// terminal (plain with NO_COLOR), the bytes as they came when piped.
func printBody(env *Env, w io.Writer, query string, body []byte, ctype string) error {
	isJSON := gjson.ValidBytes(body)
	if query != "" {
		if !isJSON {
			return errors.New("-q needs a JSON answer, and this one is not JSON")
		}
		r := gjson.GetBytes(body, query)
		if !r.Exists() {
			fmt.Fprintf(env.Stderr, "dinero-tui api: -q %s matched nothing\n", sanitize.Line(query))
			return nil
		}
		if r.Type == gjson.String {
			s := r.String()
			if env.StdoutIsTerminal {
				s = sanitize.Text(s)
			}
			_, err := fmt.Fprintln(w, s)
			return err
		}
		body = []byte(r.Raw)
	}
	if !env.StdoutIsTerminal {
		if _, err := w.Write(body); err != nil {
			return err
		}
		if isJSON && len(body) > 0 && body[len(body)-1] != '\n' {
			_, err := io.WriteString(w, "\n")
			return err
		}
		return nil
	}
	if !isJSON {
		if len(body) > 0 && !isText(ctype, body) {
			fmt.Fprintf(env.Stderr, "dinero-tui api: the answer is binary (%s, %d bytes); redirect it to a file, e.g. > answer.pdf\n", sanitize.Line(orDash(ctype)), len(body))
			return nil
		}
		_, err := fmt.Fprintln(w, sanitize.Text(string(body)))
		return err
	}
	out := pretty.Pretty(sanitize.Bytes(body))
	if env.Getenv("NO_COLOR") == "" {
		out = pretty.Color(out, nil)
	}
	_, err := w.Write(out)
	return err
}

func isText(ctype string, body []byte) bool {
	if strings.HasPrefix(ctype, "text/") || strings.Contains(ctype, "json") {
		return true
	}
	return !bytes.ContainsRune(body[:min(len(body), 512)], 0) && !strings.Contains(ctype, "pdf") && !strings.Contains(ctype, "octet-stream")
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// apiHTTPClient returns the session's authorized *http.Client for a
// profile. Tests replace it with a client of their own.
var apiHTTPClient = func(env *Env, p config.Profile) (*http.Client, error) {
	sess, err := openSession(env, p)
	if err != nil {
		return nil, err
	}
	if !sess.Status().LoggedIn {
		return nil, errors.New("not logged in: run 'dinero-tui login' first")
	}
	return sess.HTTPClient(), nil
}

// newAPIClient builds the Dinero client for a command; it tells the user on
// stderr whenever it waits (rate limit, retries).
func newAPIClient(env *Env, p config.Profile) (*api.Client, error) {
	hc, err := apiHTTPClient(env, p)
	if err != nil {
		return nil, err
	}
	return api.NewClient(hc, p.APIURL,
		api.WithUserAgent("dinero-tui"),
		api.WithRetryNotify(func(i api.RetryInfo) {
			fmt.Fprintf(env.Stderr, "dinero-tui: %s; waiting %s before trying again\n", i.Reason, i.Wait.Round(100*time.Millisecond))
		}),
	), nil
}

// applyOrgFlag overrides the profile's organization when --org was given.
func applyOrgFlag(p *config.Profile, org string) error {
	if org == "" {
		return nil
	}
	id, err := strconv.ParseInt(org, 10, 64)
	if err != nil || id <= 0 {
		return fmt.Errorf("--org must be an organization id (a whole number, see 'dinero-tui orgs'), got %q", org)
	}
	p.OrgID = id
	return nil
}

// loadCatalog returns the built-in catalogue, or the --collection file's.
func loadCatalog(env *Env, file string) (*catalog.Catalog, error) {
	if file == "" {
		return catalog.Builtin(), nil
	}
	c, skipped, err := catalog.Load(file)
	if err != nil {
		return nil, err
	}
	if len(skipped) > 0 {
		fmt.Fprintf(env.Stderr, "dinero-tui: %s: skipped %d part(s) it could not read:\n", file, len(skipped))
		for i, s := range skipped {
			if i == 5 {
				fmt.Fprintf(env.Stderr, "  ... and %d more\n", len(skipped)-5)
				break
			}
			fmt.Fprintf(env.Stderr, "  %s\n", sanitize.Line(s))
		}
	}
	return c, nil
}
