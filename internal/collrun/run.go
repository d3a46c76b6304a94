package collrun

import (
	"context"
	"errors"
	"strings"
	"time"

	"github.com/dinero-tui/dinero-tui/api"
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
	// references left in query values and bodies (a Postman environment).
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
	req, why := resolve(st, o)
	switch {
	case st.Write() && o.ReadOnly:
		res.Skipped = st.Method + " changes data and read-only mode is on (drop --read-only or DINERO_READ_ONLY to send writes)"
		return res
	case st.Unsupported != "":
		res.Skipped = st.Unsupported
		return res
	case why != "":
		res.Skipped = why
		return res
	case st.Write() && !o.AllowWrites:
		res.Skipped = st.Method + " changes data; add --yes to send writes"
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

// resolve fills a step's placeholders. It returns why the step cannot be
// sent when a value is missing.
func resolve(st Step, o Options) (api.Request, string) {
	req := api.Request{Method: st.Method, Path: st.Path, PathParams: map[string]string{}}
	for _, m := range pathVar.FindAllStringSubmatch(st.Path, -1) {
		name := m[1]
		v := o.Vars[name]
		if name == "organizationId" && o.OrgID != "" {
			v = o.OrgID
		}
		if v == "" {
			return req, "needs a value for {" + name + "}: set it in the --environment file"
		}
		req.PathParams[name] = v
	}
	var missing string
	fill := func(s string) string {
		return postmanVar.ReplaceAllStringFunc(s, func(ref string) string {
			name := strings.TrimSpace(ref[2 : len(ref)-2])
			if v, ok := o.Vars[name]; ok {
				return v
			}
			if name == "organizationId" && o.OrgID != "" {
				return o.OrgID
			}
			if missing == "" {
				missing = name
			}
			return ref
		})
	}
	if len(st.Query) > 0 {
		req.Query = make(map[string][]string, len(st.Query))
		for k, vs := range st.Query {
			for _, v := range vs {
				req.Query[fill(k)] = append(req.Query[fill(k)], fill(v))
			}
		}
	}
	if st.Body != nil {
		req.Body = []byte(fill(string(st.Body)))
	}
	if missing != "" {
		return req, "needs a value for {{" + missing + "}}: set it in the --environment file"
	}
	return req, ""
}
