package contract

import (
	"fmt"
	"net/http"
	"sort"
	"strings"
	"testing"

	"github.com/dinero-tui/dinero-tui/sandbox/dinero"
)

// TestSandboxAgainstSpec sends every call of the table to a sandbox over
// real HTTP and validates request, status and answer against the
// official file.
func TestSandboxAgainstSpec(t *testing.T) {
	h := newHarness(t)
	for _, c := range calls {
		h.run(c)
	}
}

// coverageReport says which operations the table proves.
type coverageReport struct {
	noCall    []string // operations with no call at all
	noSuccess []string // with calls, but none expecting a 2xx
	noError   []string // with calls, but none expecting a 4xx
	unknown   []string // table entries naming no operation
}

// coverage compares the table with the route table.
func coverage(ops []dinero.Operation, table []apiCall) coverageReport {
	success, failure := map[string]bool{}, map[string]bool{}
	known := map[string]bool{}
	for _, op := range ops {
		known[op.OperationID] = true
	}
	var r coverageReport
	seen := map[string]bool{}
	for _, c := range table {
		if !known[c.Op] {
			if !seen[c.Op] {
				r.unknown = append(r.unknown, c.Op)
				seen[c.Op] = true
			}
			continue
		}
		if c.Status < 300 {
			success[c.Op] = true
		} else if c.Status >= 400 && c.Status < 500 {
			failure[c.Op] = true
		}
	}
	for _, op := range ops {
		id := op.OperationID
		switch {
		case !success[id] && !failure[id]:
			r.noCall = append(r.noCall, id)
		case !success[id]:
			r.noSuccess = append(r.noSuccess, id)
		case !failure[id]:
			r.noError = append(r.noError, id)
		}
	}
	for _, l := range [][]string{r.noCall, r.noSuccess, r.noError, r.unknown} {
		sort.Strings(l)
	}
	return r
}

func TestCoverageReport(t *testing.T) {
	ops := []dinero.Operation{{OperationID: "A", Modeled: true}, {OperationID: "B"}, {OperationID: "C"}, {OperationID: "D"}}
	table := []apiCall{{Op: "A", Status: 200}, {Op: "A", Status: 404}, {Op: "C", Status: 200}, {Op: "D", Status: 400}, {Op: "Z", Status: 200}}
	r := coverage(ops, table)
	got := fmt.Sprint(r.noCall, r.noSuccess, r.noError, r.unknown)
	if want := "[B] [D] [C] [Z]"; got != want {
		t.Fatalf("coverage = %s, want %s", got, want)
	}
}

// TestTableCoversModelledOperations fails for a modelled operation without
// a happy path and an error in the table, and lists (in the test log) the
// operations of the official file that have no call yet.
func TestTableCoversModelledOperations(t *testing.T) {
	doc := loadSpec(t)
	ops := dinero.New(dinero.Config{}).Operations()
	specOps := 0
	for _, item := range doc.Paths.Map() {
		specOps += len(item.Operations())
	}
	if len(ops) != specOps {
		t.Fatalf("route table has %d operations, the official file %d", len(ops), specOps)
	}
	for _, op := range ops {
		if _, ok := route(doc, op.Method, op.Path); !ok {
			t.Errorf("%s %s (%s) is not in the official file", op.Method, op.Path, op.OperationID)
		}
	}
	r := coverage(ops, calls)
	modelled := map[string]bool{}
	for _, op := range ops {
		modelled[op.OperationID] = op.Modeled
	}
	for _, id := range r.unknown {
		t.Errorf("table names %s, which is not an operation", id)
	}
	var pending []string
	for _, id := range r.noCall {
		if modelled[id] {
			t.Errorf("%s is modelled but has no call in the table", id)
		} else {
			pending = append(pending, id)
		}
	}
	for _, id := range r.noSuccess {
		t.Errorf("%s has no happy-path call", id)
	}
	for _, id := range r.noError {
		t.Errorf("%s has no error call", id)
	}
	t.Logf("%d of %d operations proved; %d have no call yet:\n  %s", len(ops)-len(r.noCall), len(ops), len(pending),
		strings.Join(pending, "\n  "))
}

// TestNoModelledCallAnswers501 guards the table itself: a call must not
// expect the not-modelled answer.
func TestNoModelledCallAnswers501(t *testing.T) {
	for _, c := range calls {
		if c.Status == http.StatusNotImplemented {
			t.Errorf("%s (%s) expects 501", c.Op, c.Name)
		}
	}
}
