package collrun

import (
	"context"
	"errors"
	"maps"
	"time"

	"github.com/dinero-tui/dinero-tui/api"
	"github.com/dinero-tui/dinero-tui/api/catalog"
	"github.com/dinero-tui/dinero-tui/internal/sanitize"
)

// Sender sends one request; *api.Client is one. An answer >= 400 comes
// back as an *api.Error.
type Sender interface {
	Do(ctx context.Context, r api.Request) (*api.Response, error)
}

// Options shape a run.
type Options struct {
	// AllowWrites sends POST, PUT, PATCH and DELETE requests; without it
	// they are skipped.
	AllowWrites bool
	// ReadOnly skips every write, even with AllowWrites (read-only mode).
	ReadOnly bool
	// OrgID fills {organizationId} ("" leaves it to Vars).
	OrgID string
	// Vars fill the other {name} path placeholders and the {{name}}
	// references left in the requests (a Postman environment).
	Vars map[string]string
	// Progress, when set, is called after each step.
	Progress func(Result)
	// Now is the clock (time.Now when nil).
	Now func() time.Time
}

// Result is the outcome of one step.
type Result struct {
	Step
	Status   int           // HTTP status, 0 when nothing was answered
	Duration time.Duration // from sending to the whole answer
	Size     int64         // bytes of the answer's body
	// Err says why the step failed (HTTP >= 400 or no answer), sanitized.
	Err string
	// Skipped says why the step was not sent.
	Skipped string
}

// Failed reports whether the step was sent and failed.
func (r Result) Failed() bool { return r.Err != "" }

// Report is a whole run.
type Report struct {
	Results     []Result
	Started     time.Time
	Duration    time.Duration
	Interrupted bool // stopped before the end (Ctrl-C)
}

// Counts returns how many steps passed, failed and were skipped.
func (r *Report) Counts() (passed, failed, skipped int) {
	for _, res := range r.Results {
		switch {
		case res.Skipped != "":
			skipped++
		case res.Failed():
			failed++
		default:
			passed++
		}
	}
	return
}

// Bytes is the total size of the answers.
func (r *Report) Bytes() int64 {
	var n int64
	for _, res := range r.Results {
		n += res.Size
	}
	return n
}

// Run sends the steps in order, one at a time, and reports each.
func Run(ctx context.Context, s Sender, steps []Step, o Options) *Report {
	now := o.Now
	if now == nil {
		now = time.Now
	}
	rep := &Report{Started: now()}
	for _, st := range steps {
		if ctx.Err() != nil {
			rep.Interrupted = true
			break
		}
		res := runStep(ctx, s, st, o, now)
		if res.Failed() && ctx.Err() != nil {
			rep.Interrupted = true
			break // the step was cut short, not answered
		}
		rep.Results = append(rep.Results, res)
		if o.Progress != nil {
			o.Progress(res)
		}
	}
	rep.Duration = now().Sub(rep.Started)
	return rep
}

func runStep(ctx context.Context, s Sender, st Step, o Options, now func() time.Time) Result {
	res := Result{Step: st}
	prepared, why := resolve(st, o)
	switch {
	case st.Write() && o.ReadOnly:
		res.Skipped = st.Method + " changes data and read-only mode is on (drop --read-only or DINERO_READ_ONLY to send writes)"
		return res
	case why != "":
		res.Skipped = why
		return res
	case st.Write() && !o.AllowWrites:
		res.Skipped = st.Method + " changes data; add --yes to send writes"
		return res
	}
	req, err := prepared.APIRequest() // reads a formdata body's files
	if err != nil {
		res.Skipped = sanitize.Line(err.Error())
		return res
	}
	start := now()
	resp, err := s.Do(ctx, req)
	res.Duration = now().Sub(start)
	var apiErr *api.Error
	switch {
	case err == nil:
		res.Status, res.Size = resp.Status, int64(len(resp.Body))
	case errors.As(err, &apiErr):
		res.Status, res.Size, res.Err = apiErr.Status, int64(len(apiErr.Body)), apiErr.Error()
	default:
		res.Err = sanitize.Line(err.Error())
	}
	return res
}

// resolve prepares a step as the explorer and the api command do: the
// collection's enabled query parameters and headers, its auth and its body
// in its mode, with the environment's values and the organization filling
// the {placeholders} and {{variables}}. It returns why the step cannot be
// sent when a value is missing.
func resolve(st Step, o Options) (catalog.Prepared, string) {
	op := st.Op
	op.Method, op.Path = st.Method, st.Path
	org := o.OrgID
	if org == "" {
		org = o.Vars[catalog.OrgVariable]
	}
	in := catalog.Input{PathParams: map[string]string{}, Vars: maps.Clone(o.Vars)}
	if in.Vars == nil {
		in.Vars = map[string]string{}
	}
	if org != "" {
		in.Vars[catalog.OrgVariable] = org
	}
	defaults := map[string]string{}
	for _, pp := range op.PathParams {
		defaults[pp.Name] = pp.Default
	}
	names := api.Placeholders(op.Path)
	for _, name := range names {
		switch {
		case name == catalog.OrgVariable && org != "":
			in.PathParams[name] = org
		case defaults[name] == "" && o.Vars[name] != "": // a Postman path variable's own value wins
			in.PathParams[name] = o.Vars[name]
		}
	}
	p, err := catalog.Prepare(op, in)
	if err != nil {
		return p, sanitize.Line(err.Error()) + "; set them in the --environment file"
	}
	for _, name := range names {
		if p.PathParams[name] == "" {
			return p, "needs a value for {" + name + "}: set it in the --environment file"
		}
	}
	return p, ""
}
