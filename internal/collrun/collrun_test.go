package collrun

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/dinero-tui/dinero-tui/api"
	"github.com/dinero-tui/dinero-tui/api/catalog"
)

func TestResolve(t *testing.T) {
	vars := map[string]string{"guid": "g-1", "from": "2026-01-01", "organizationId": "7"}
	tests := []struct {
		name    string
		step    Step
		orgID   string
		path    string
		query   string
		body    string
		skipped string
	}{
		{"org from the profile wins", Step{Method: "GET", Path: "/v1/{organizationId}/invoices/{guid}"}, "104871", "104871|g-1", "", "", ""},
		{"org from the environment", Step{Method: "GET", Path: "/v1/{organizationId}/x"}, "", "7|", "", "", ""},
		{"query and body variables", Step{Method: "POST", Path: "/x", Op: catalog.Operation{
			Query: []catalog.Param{{Name: "startDate", Value: "{{from}}", Enabled: true}, {Name: "off", Value: "1"}},
			Body:  `{"Guid":"{{ guid }}"}`}}, "", "|", "startDate=2026-01-01", `{"Guid":"g-1"}`, ""},
		{"missing path value", Step{Method: "GET", Path: "/v1/{contactGuid}"}, "", "", "", "", "needs a value for {contactGuid}"},
		{"missing query variable", Step{Method: "GET", Path: "/x", Op: catalog.Operation{
			Query: []catalog.Param{{Name: "q", Value: "{{nope}}", Enabled: true}}}}, "", "", "", "", "fill in the variable(s) nope"},
		{"a Postman path variable's own value", Step{Method: "GET", Path: "/v1/{guid}", Op: catalog.Operation{
			PathParams: []catalog.Param{{Name: "guid", Default: "own"}}}}, "", "|own", "", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req, why := resolve(tt.step, Options{OrgID: tt.orgID, Vars: vars})
			if !strings.Contains(why, tt.skipped) || (tt.skipped == "") != (why == "") {
				t.Fatalf("skipped %q, want %q", why, tt.skipped)
			}
			if why != "" {
				return
			}
			if got := req.PathParams["organizationId"] + "|" + req.PathParams["guid"]; got != tt.path {
				t.Errorf("path params %q, want %q", got, tt.path)
			}
			if req.RawQuery != tt.query {
				t.Errorf("query %q, want %q", req.RawQuery, tt.query)
			}
			if string(req.Body) != tt.body {
				t.Errorf("body %q", req.Body)
			}
		})
	}
}

// TestRunSendsAsPostman checks that a step goes on the wire as the
// explorer sends it: enabled headers only, the body in its mode with its
// Content-Type, and no bearer token for a noauth request.
func TestRunSendsAsPostman(t *testing.T) {
	form := catalog.Operation{Method: "POST", Path: "/f", BodyType: "application/x-www-form-urlencoded",
		Form: []catalog.Param{{Name: "a b", Value: "{{from}}", Enabled: true}, {Name: "off", Value: "x"}}}
	text := catalog.Operation{Method: "PUT", Path: "/t", BodyType: "text/plain", Body: "id {{$guid}}", RawBody: true, NoAuth: true,
		Headers: []catalog.Param{{Name: "X-On", Value: "1", Enabled: true}, {Name: "X-Off", Value: "2"}}}
	multi := catalog.Operation{Method: "POST", Path: "/m", BodyType: "multipart/form-data",
		Form: []catalog.Param{{Name: "note", Value: "hi", Enabled: true}}}
	missingFile := catalog.Operation{Method: "POST", Path: "/m", BodyType: "multipart/form-data",
		Form: []catalog.Param{{Name: "file", Type: "file", Enabled: true}}}
	var steps []Step
	for _, op := range []catalog.Operation{form, text, multi, missingFile} {
		steps = append(steps, stepOf("G", op))
	}
	rec := &recordingSender{}
	rep := Run(context.Background(), rec, steps, Options{AllowWrites: true, Vars: map[string]string{"from": "1 2"}})
	if p, f, sk := rep.Counts(); p != 3 || f != 0 || sk != 1 || !strings.Contains(rep.Results[3].Skipped, "names none") {
		t.Fatalf("counts %d %d %d: %+v", p, f, sk, rep.Results)
	}
	got := rec.reqs
	if string(got[0].Body) != "a+b=1+2" || got[0].ContentType != "application/x-www-form-urlencoded" || got[0].NoAuth {
		t.Errorf("urlencoded: %+v %q", got[0], got[0].Body)
	}
	if !strings.HasPrefix(string(got[1].Body), "id ") || strings.Contains(string(got[1].Body), "{{") || len(got[1].Body) != 39 ||
		got[1].ContentType != "text/plain" || !got[1].NoAuth || got[1].Header.Get("X-On") != "1" || got[1].Header.Get("X-Off") != "" {
		t.Errorf("text: %+v %q", got[1], got[1].Body)
	}
	if !strings.HasPrefix(got[2].ContentType, "multipart/form-data; boundary=") || !strings.Contains(string(got[2].Body), `name="note"`) {
		t.Errorf("formdata: %+v %q", got[2], got[2].Body)
	}
}

type recordingSender struct{ reqs []api.Request }

func (r *recordingSender) Do(_ context.Context, req api.Request) (*api.Response, error) {
	r.reqs = append(r.reqs, req)
	return &api.Response{Status: 200}, nil
}

type fakeSender struct{ answers map[string]error }

func (f fakeSender) Do(_ context.Context, r api.Request) (*api.Response, error) {
	if err := f.answers[r.Path]; err != nil {
		return nil, err
	}
	return &api.Response{Status: 200, Body: []byte(`{"a":1}`)}, nil
}

func TestRunCountsAndStopsWhenCancelled(t *testing.T) {
	steps := []Step{
		{Folder: "A", Name: "ok", Method: "GET", Path: "/ok"},
		{Folder: "A", Name: "gone", Method: "GET", Path: "/gone"},
		{Folder: "B", Name: "down", Method: "GET", Path: "/down"},
		{Folder: "B", Name: "write", Method: "DELETE", Path: "/ok"},
		{Folder: "B", Name: "unfilled", Method: "POST", Path: "/ok/{nope}"},
	}
	s := fakeSender{answers: map[string]error{
		"/gone": &api.Error{Status: 404, Message: "Not found", Body: "{}"},
		"/down": errors.New("dial tcp: connection refused"),
	}}
	rep := Run(context.Background(), s, steps, Options{})
	if p, f, sk := rep.Counts(); p != 1 || f != 2 || sk != 2 {
		t.Fatalf("counts %d %d %d", p, f, sk)
	}
	if rep.Results[1].Status != 404 || rep.Results[2].Status != 0 || rep.Bytes() != 9 {
		t.Errorf("results %+v", rep.Results)
	}
	var b strings.Builder
	tw := &TextWriter{W: &b}
	for _, r := range rep.Results {
		tw.Write(r)
	}
	if !strings.Contains(b.String(), "connection refused") || !strings.Contains(b.String(), "skip   DELETE") {
		t.Errorf("text:\n%s", b.String())
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	rep = Run(ctx, s, steps, Options{})
	if !rep.Interrupted || len(rep.Results) != 0 || !strings.Contains(Summary(rep), "interrupted") {
		t.Errorf("cancelled run: %+v", rep)
	}
	x, err := JUnit(&Report{Results: []Result{{Step: Step{Folder: "F\x1b[31m", Name: "n", Method: "GET"}, Err: "bad \x07", Status: 500, Duration: time.Second}}}, "c")
	if err != nil || strings.ContainsAny(string(x), "\x1b\x07") || !strings.Contains(string(x), `type="HTTP 500"`) {
		t.Errorf("junit %v:\n%s", err, x)
	}
}

func TestPlanFolders(t *testing.T) {
	c := &catalog.Catalog{Groups: []catalog.Group{
		{Name: "Mixed", Operations: []catalog.Operation{{Name: "orgs", Method: "GET", Path: "/v1/organizations",
			Query: []catalog.Param{{Name: "fields", Default: "Name"}, {Name: "empty"}}}}},
		{Name: "Sales / Invoices", Operations: []catalog.Operation{{Name: "list", Method: "get", Path: "/v1/{organizationId}/invoices"}}},
		{Name: "Sales / Files", Operations: []catalog.Operation{{Name: "upload", Method: "POST", Path: "/f", BodyType: "multipart/form-data"}}},
	}}
	for folder, want := range map[string]int{"": 3, "sales": 2, "Invoices": 1, "Sales / Files": 1} {
		steps, err := Plan(c, folder)
		if err != nil || len(steps) != want {
			t.Errorf("Plan(%q) = %d steps, %v; want %d", folder, len(steps), err, want)
		}
	}
	steps, _ := Plan(c, "")
	if steps[0].Op.Query[0].Default != "Name" || steps[1].Method != "GET" || steps[2].Op.BodyType != "multipart/form-data" {
		t.Errorf("steps %+v", steps)
	}
	if _, err := Plan(c, "Nope"); err == nil || !strings.Contains(err.Error(), "Mixed, Sales / Invoices, Sales / Files") {
		t.Errorf("unknown folder: %v", err)
	}
}
