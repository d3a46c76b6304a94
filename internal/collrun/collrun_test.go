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
		{"query and body variables", Step{Method: "POST", Path: "/x", Query: map[string][]string{"startDate": {"{{from}}"}},
			Body: []byte(`{"Guid":"{{ guid }}"}`)}, "", "|", "startDate=2026-01-01", `{"Guid":"g-1"}`, ""},
		{"missing path value", Step{Method: "GET", Path: "/v1/{contactGuid}"}, "", "", "", "", "needs a value for {contactGuid}"},
		{"missing query variable", Step{Method: "GET", Path: "/x", Query: map[string][]string{"q": {"{{nope}}"}}}, "", "", "", "", "needs a value for {{nope}}"},
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
			if tt.query != "" && req.Query.Encode() != tt.query {
				t.Errorf("query %q", req.Query.Encode())
			}
			if string(req.Body) != tt.body {
				t.Errorf("body %q", req.Body)
			}
		})
	}
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
		{Folder: "B", Name: "form", Method: "POST", Path: "/ok", Unsupported: "form-data"},
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
	if steps[0].Query.Encode() != "fields=Name" || steps[1].Method != "GET" || steps[2].Unsupported == "" {
		t.Errorf("steps %+v", steps)
	}
	if _, err := Plan(c, "Nope"); err == nil || !strings.Contains(err.Error(), "Mixed, Sales / Invoices, Sales / Files") {
		t.Errorf("unknown folder: %v", err)
	}
}

func FuzzParseEnvironment(f *testing.F) {
	f.Add([]byte(`{"values":[{"key":"a","value":"b","enabled":true},{"key":"c","value":1,"enabled":false}]}`))
	f.Add([]byte(`{"values":null}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		vars, err := ParseEnvironment(data)
		if err == nil && vars == nil {
			t.Fatal("nil map without an error")
		}
	})
}
