package dinero

import (
	"encoding/json"
	"strconv"
	"strings"
	"testing"

	"github.com/dinero-tui/dinero-tui/sandbox/demodata"
)

// step is one request of a table-driven HTTP scenario. Path, body and
// Accept may name variables as {name}; save copies top-level keys of a
// JSON object answer into variables; check asserts more.
type step struct {
	name         string
	method, path string
	body         string
	status, code int
	save         map[string]string // variable -> response key
	check        func(t *testing.T, r resp, v vars)
	accept       string
}

type vars map[string]string

func (v vars) expand(s string) string {
	for k, val := range v {
		s = strings.ReplaceAll(s, "{"+k+"}", val)
	}
	return s
}

// runSteps sends each step in order against e, as subtests.
func runSteps(t *testing.T, e *env, v vars, steps []step) {
	t.Helper()
	for _, s := range steps {
		ok := t.Run(s.name, func(t *testing.T) {
			var body any
			if s.body != "" {
				body = v.expand(s.body)
			}
			e.t = t
			r := e.doAccept(s.method, v.expand(s.path), body, s.accept)
			expect(t, r, s.status, s.code)
			for name, key := range s.save {
				m := r.json(t)
				switch x := m[key].(type) {
				case string:
					v[name] = x
				case float64:
					v[name] = strconv.FormatFloat(x, 'f', -1, 64)
				default:
					t.Fatalf("response has no %s to save: %s", key, r.body)
				}
			}
			if s.check != nil {
				s.check(t, r, v)
			}
		})
		if !ok {
			t.FailNow()
		}
	}
}

// doAccept is do with the demo token and an optional Accept header.
func (e *env) doAccept(method, path string, body any, accept string) resp {
	if accept == "" {
		return e.do(method, path, tokRW, body)
	}
	e.acceptHeader = accept
	defer func() { e.acceptHeader = "" }()
	return e.do(method, path, tokRW, body)
}

func (e *env) org() *demodata.Organization {
	for _, o := range e.s.cfg.Data.Organizations {
		if o.ID == pro {
			return o
		}
	}
	e.t.Fatal("no demo organization")
	return nil
}

// overdue finds a demo invoice that is overdue on the test clock's day;
// with reminders, one that already has a booked reminder.
func (e *env) overdue(withReminders bool) *demodata.Invoice {
	o := e.org()
	today := e.clock.Now().Format("2006-01-02")
	for _, inv := range o.Invoices {
		if !inv.Overdue(today) {
			continue
		}
		n := 0
		for _, r := range o.Reminders {
			if r.InvoiceGuid == inv.Guid {
				n++
			}
		}
		if (n > 0) == withReminders {
			return inv
		}
	}
	e.t.Fatal("no overdue invoice in the demo data")
	return nil
}

func (e *env) bookedInvoice() *demodata.Invoice {
	today := e.clock.Now().Format("2006-01-02")
	for _, inv := range e.org().Invoices {
		if inv.Booked && !inv.Overdue(today) && inv.DeletedAt == nil {
			return inv
		}
	}
	e.t.Fatal("no booked invoice in the demo data")
	return nil
}

func (e *env) draftInvoice() *demodata.Invoice {
	for _, inv := range e.org().Invoices {
		if !inv.Booked && inv.DeletedAt == nil {
			return inv
		}
	}
	e.t.Fatal("no draft invoice in the demo data")
	return nil
}

// contactWithEmail is a live company contact with an email address.
func (e *env) contactWithEmail() *demodata.Contact {
	for _, c := range e.org().Contacts {
		if c.DeletedAt == nil && c.Email != "" && !c.IsPerson && c.EanNumber == "" {
			return c
		}
	}
	e.t.Fatal("no contact with email")
	return nil
}

func hasKeys(keys ...string) func(t *testing.T, r resp, v vars) {
	return func(t *testing.T, r resp, v vars) {
		t.Helper()
		m := r.json(t)
		for _, k := range keys {
			if _, ok := m[k]; !ok {
				t.Fatalf("answer lacks %s: %s", k, r.body)
			}
		}
	}
}

func bodyHas(subs ...string) func(t *testing.T, r resp, v vars) {
	return func(t *testing.T, r resp, v vars) {
		t.Helper()
		for _, s := range subs {
			if !strings.Contains(string(r.body), v.expand(s)) {
				t.Fatalf("answer lacks %q: %s", v.expand(s), r.body)
			}
		}
	}
}

func arrayLen(n int) func(t *testing.T, r resp, v vars) {
	return func(t *testing.T, r resp, v vars) {
		t.Helper()
		var a []any
		if err := json.Unmarshal(r.body, &a); err != nil {
			t.Fatalf("not a JSON array: %s", r.body)
		}
		if got := len(a); got != n {
			t.Fatalf("%d items, want %d: %s", got, n, r.body)
		}
	}
}

func isPDF(t *testing.T, r resp, _ vars) {
	t.Helper()
	if r.header.Get("Content-Type") != "application/pdf" || !strings.HasPrefix(string(r.body), "%PDF-") {
		t.Fatalf("not a PDF: %s %q", r.header.Get("Content-Type"), r.body[:min(len(r.body), 40)])
	}
}
