package cli

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/dinero-tui/dinero-tui/api"
	"github.com/dinero-tui/dinero-tui/api/catalog"
	"github.com/dinero-tui/dinero-tui/config"
	"github.com/dinero-tui/dinero-tui/internal/sanitize"
)

func init() { register(newAPICommand) }

type apiOptions struct {
	method, input, query, org, accept string
	cat                               *catalog.Catalog
	printCode                         string
	typed, raw                        []string
	paginate, include, yes, form      bool
	parts                             []catalog.Part // a multipart body's fields and files, streamed when sent
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
	fs.BoolVar(&o.form, "form", false, "send the fields as multipart/form-data (-F name=@FILE a file part) on any PATH")
	fs.BoolVar(&o.paginate, "paginate", false, "fetch every page and print one merged JSON array of the Collection items")
	fs.StringVarP(&o.query, "query", "q", "", "print only what the GJSON `path` selects (e.g. Collection.#.Number)")
	fs.BoolVarP(&o.include, "include", "i", false, "print the HTTP status line and headers before the body")
	fs.StringVar(&o.org, "org", "", "organization `ID` for {organizationId} (env DINERO_ORG_ID, default the last chosen)")
	fs.StringVar(&o.accept, "accept", "", "Accept header, e.g. application/octet-stream for a PDF")
	fs.BoolVar(&o.yes, "yes", false, "send writes (POST, PUT, PATCH, DELETE) without asking")
	addPrintCodeFlag(fs, &o.printCode)
	return withRun(cmd, func(pos []string) int { return runAPI(env, &o, pf, pos) })
}

const apiLong = `Make one call to the Dinero API, like 'gh api', on the login of the profile.

PATH is an API path such as /v1/{organizationId}/invoices, or an operation id of the catalogue
(see 'dinero-tui endpoints'; completion offers them). {organizationId} is filled from --org,
DINERO_ORG_ID or the organization chosen last; other placeholders from fields of the same name.

Fields are query values for GET and JSON body fields otherwise: -F takes typed values (numbers,
true, false, null, @file), -f strings. --input sends a raw body instead. Writes (POST, PUT, PATCH,
DELETE) ask for confirmation on a terminal; scripts pass --yes.

Uploads: an operation that takes multipart/form-data (files.upload, or POST on its path), or any
PATH with --form, sends the fields as a form: -F name=@FILE is a file part (named after the file's
base name, typed by its extension or contents), other fields are text parts. The file streams
from disk; one larger than Dinero's 6 MB limit is refused before anything is sent.

On a terminal the answer is pretty, coloured JSON (NO_COLOR honoured); piped, the exact bytes.
Data goes to stdout, messages to stderr. Exit 0 on 2xx, 1 on an API error, 2 on bad usage.`

const apiExample = `  dinero-tui api /v1/organizations -f fields=Id,Name,IsPro
  dinero-tui api invoices.list --org 104871 -f pageSize=1000 --paginate -q '#'
  dinero-tui api -X POST /v1/{organizationId}/contacts -F Name='Nørre Revision A/S' -F IsPerson=false \
      -F CountryKey=DK -F IsMember=false -F UseCvr=false --yes
  dinero-tui api files.upload -F file=@receipt.pdf --yes
  dinero-tui api /v1/{organizationId}/invoices/GUID --accept application/octet-stream > invoice.pdf
  dinero-tui api /v1/{organizationId}/invoices --include | dinero-tui view -`

func runAPI(env *Env, o *apiOptions, pf *profileFlags, pos []string) int {
	if len(pos) != 1 {
		fmt.Fprintln(env.Stderr, "dinero-tui api: give exactly one PATH (like /v1/{organizationId}/invoices) or operation id (see 'dinero-tui endpoints')")
		return 2
	}
	p, err := pf.load(env)
	o.cat = pf.postman.catalog()
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
	if o.printCode != "" {
		if len(o.parts) > 0 {
			fmt.Fprintln(env.Stderr, "dinero-tui api: --print-code cannot write multipart uploads yet; send the request instead")
			return 2
		}
		return printCode(env, o, p, req)
	}
	if p.ReadOnly && api.IsWrite(req.Method) {
		fmt.Fprintf(env.Stderr, "dinero-tui api: %s changes data and read-only mode is on (from %s); nothing was sent. "+
			"To send it, drop --read-only, unset DINERO_READ_ONLY or remove read_only from the profile\n", req.Method, readOnlySource(p))
		return 2
	}
	if code := confirmWrite(env, o, p, req); code >= 0 {
		return code
	}
	client, done, err := newAPIClient(env, p)
	if err != nil {
		fmt.Fprintf(env.Stderr, "dinero-tui api: %v\n", err)
		return 1
	}
	defer done("api")
	if len(o.parts) > 0 {
		body, ct := catalog.StreamParts(o.parts, api.MaxUploadSize)
		defer body.Close() // ends the writer if the request never read it all
		req.BodyReader, req.ContentType = body, ct
	}
	if err := sendAPI(env, client, o, req, p.CacheDir); err != nil {
		fmt.Fprintf(env.Stderr, "dinero-tui api: %s\n", sanitize.Line(err.Error()))
		return 1
	}
	return 0
}

// buildAPIRequest turns the arguments into a request: it resolves an
// operation id, fills path placeholders and places the fields.
func buildAPIRequest(env *Env, o *apiOptions, p config.Profile, target string) (api.Request, error) {
	req := api.Request{Method: strings.ToUpper(o.method), Path: target, Accept: o.accept, PathParams: map[string]string{}}
	var op catalog.Operation
	haveOp := false
	if !strings.HasPrefix(target, "/") && !strings.HasPrefix(target, "http://") && !strings.HasPrefix(target, "https://") {
		var ok bool
		op, ok = o.cat.ByID(target)
		haveOp = ok
		if !ok {
			return req, fmt.Errorf("%q is neither a path (starting with /) nor an operation id; list them with 'dinero-tui endpoints'", target)
		}
		req.Path = op.Path
		if req.Method == "" {
			req.Method = op.Method
		}
		if o.cat.Postman != nil {
			return buildPostmanRequest(env, o, p, op)
		}
	}
	if p.OrgID != 0 {
		req.PathParams["organizationId"] = strconv.FormatInt(p.OrgID, 10)
	}
	placeholders := map[string]bool{}
	for _, n := range api.Placeholders(req.Path) {
		placeholders[n] = true
	}
	if req.Method == "" {
		req.Method = http.MethodGet
		if o.input != "" || o.form { // a body means a write; fields alone stay a GET query
			req.Method = http.MethodPost
		}
	}
	if !haveOp {
		op, haveOp = o.cat.Match(req.Method, req.Path)
	}
	form := o.form || haveOp && op.BodyType == "multipart/form-data" && req.Method != http.MethodGet
	if form && o.input != "" {
		return req, errors.New("--input sends a raw body, which cannot be combined with a multipart form; give the fields with -F/-f")
	}
	fields, err := parseFields(env, o, form, placeholders, req.PathParams)
	if err != nil {
		return req, err
	}
	if o.input != "" {
		if req.Body, err = readInput(env, o.input); err != nil {
			return req, err
		}
	}
	if placeholders["organizationId"] && req.PathParams["organizationId"] == "" {
		return req, errors.New("this path needs an organization: pass --org ID or set DINERO_ORG_ID (see 'dinero-tui orgs')")
	}
	for name := range placeholders {
		if v, ok := req.PathParams[name]; ok {
			if err := api.CheckPathValue(name, v); err != nil {
				return req, err
			}
		}
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
	if form {
		o.parts, err = formParts(fields)
		return req, err
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
	file  bool   // text is the path of a file to upload (-F name=@PATH in a form)
}

// parseFields reads -F (typed) and -f (string) fields. A field named like a
// path placeholder fills it instead.
func parseFields(env *Env, o *apiOptions, form bool, placeholders map[string]bool, pathParams map[string]string) ([]field, error) {
	var out []field
	add := func(arg string, typed bool) error {
		key, val, ok := strings.Cut(arg, "=")
		if !ok || key == "" {
			return fmt.Errorf("field %q must look like key=value", arg)
		}
		f := field{key: key, text: val, value: val}
		switch {
		case typed && form && strings.HasPrefix(val, "@"):
			f.file, f.text = true, val[1:]
		case typed:
			v, text, err := typedValue(env, val)
			if err != nil {
				return fmt.Errorf("field %s: %w", key, err)
			}
			f.value, f.text = v, text
		}
		if placeholders[key] && !f.file {
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

// apiHTTPClient returns the session's authorized *http.Client for a
// profile and a func that reports, when the command ends, a session that
// could not be saved. Tests replace it with a client of their own.
var apiHTTPClient = func(env *Env, p config.Profile) (*http.Client, func(command string), error) {
	sess, err := openSession(env, p)
	if err != nil {
		return nil, nil, err
	}
	if !sess.Status().LoggedIn {
		return nil, nil, errors.New("not logged in: run 'dinero-tui login' first")
	}
	return sess.HTTPClient(), func(command string) { finishSession(env, command, sess) }, nil
}

// newAPIClient builds the Dinero client for a command; it tells the user on
// stderr whenever it waits (rate limit, retries). Call done with the
// command's name when the command ends.
func newAPIClient(env *Env, p config.Profile) (client *api.Client, done func(command string), err error) {
	hc, done, err := apiHTTPClient(env, p)
	if err != nil {
		return nil, nil, err
	}
	return api.NewClient(hc, p.APIURL,
		api.WithUserAgent("dinero-tui"),
		api.WithReadOnly(p.ReadOnly),
		api.WithStreamTimeout(apiStreamTimeout),
		api.WithRetryNotify(func(i api.RetryInfo) {
			fmt.Fprintf(env.Stderr, "dinero-tui: %s; waiting %s before trying again\n", i.Reason, i.Wait.Round(100*time.Millisecond))
		}),
	), done, nil
}

// readOnlySource names where read-only mode was turned on.
func readOnlySource(p config.Profile) string {
	if s := p.Sources["read-only"]; s != "" {
		return s
	}
	return "the profile"
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

// reportSkipped tells on stderr what of a collection could not be read.
func reportSkipped(env *Env, file string, skipped []string) {
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
}
