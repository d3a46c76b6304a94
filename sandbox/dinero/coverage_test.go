package dinero

import (
	"flag"
	"fmt"
	"os"
	"sort"
	"sync"
	"testing"
)

// seen records, per operation, whether the tests saw it succeed (2xx) and
// fail (4xx) over HTTP.
var seen = &opCoverage{ok: map[string]bool{}, failed: map[string]bool{}}

type opCoverage struct {
	mu         sync.Mutex
	ok, failed map[string]bool
}

func (c *opCoverage) record(s *Server, method, path string, status int) {
	rt, _, found := s.router.match(method, path)
	if !found {
		return
	}
	key := rt.spec.Method + " " + rt.spec.Path
	c.mu.Lock()
	defer c.mu.Unlock()
	switch {
	case status >= 200 && status < 300:
		c.ok[key] = true
	case status >= 400 && status < 500:
		c.failed[key] = true
	}
}

// missing lists the operations of moreHandlers (the ones added to model
// all 136) that lack a tested success or a tested failure.
func (c *opCoverage) missing() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	var out []string
	for key := range moreHandlers() {
		if !c.ok[key] {
			out = append(out, "no success: "+key)
		}
		if !c.failed[key] {
			out = append(out, "no failure: "+key)
		}
	}
	sort.Strings(out)
	return out
}

// TestMain checks, after a full run, that every newly modeled operation
// was called over HTTP with a happy path and an error case.
func TestMain(m *testing.M) {
	flag.Parse()
	code := m.Run()
	if code == 0 && flag.Lookup("test.run").Value.String() == "" && !testing.Short() {
		if miss := seen.missing(); len(miss) > 0 {
			fmt.Println("operations without a tested happy path or error case:")
			for _, s := range miss {
				fmt.Println("  " + s)
			}
			code = 1
		}
	}
	os.Exit(code)
}
