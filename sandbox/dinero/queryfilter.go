package dinero

import (
	"errors"
	"fmt"
	"strings"
)

// Condition is one `<Field> <op> '<value>'` clause of a queryFilter.
type Condition struct {
	Field string // as written (or canonical after checkFields)
	Op    string // "eq" or "contains", lower case
	Value string // unquoted
}

// ParseQueryFilter parses conditions joined by ';' (AND). Operators are eq
// and contains (any case); values are single-quoted, with ” for a quote.
func ParseQueryFilter(s string) ([]Condition, error) {
	var out []Condition
	p := filterParser{s: s}
	for {
		c, err := p.condition()
		if err != nil {
			return nil, err
		}
		out = append(out, c)
		p.spaces()
		if p.done() {
			return out, nil
		}
		if p.s[p.i] != ';' {
			return nil, fmt.Errorf("expected ';' between conditions at position %d", p.i+1)
		}
		p.i++
	}
}

// FormatQueryFilter writes conditions back in the canonical syntax.
func FormatQueryFilter(conds []Condition) string {
	parts := make([]string, len(conds))
	for i, c := range conds {
		parts[i] = c.Field + " " + c.Op + " '" + strings.ReplaceAll(c.Value, "'", "''") + "'"
	}
	return strings.Join(parts, ";")
}

type filterParser struct {
	s string
	i int
}

func (p *filterParser) done() bool { return p.i >= len(p.s) }

func (p *filterParser) spaces() int {
	n := 0
	for !p.done() && (p.s[p.i] == ' ' || p.s[p.i] == '\t') {
		p.i++
		n++
	}
	return n
}

func (p *filterParser) word() string {
	start := p.i
	for !p.done() {
		ch := p.s[p.i]
		if ch >= 'a' && ch <= 'z' || ch >= 'A' && ch <= 'Z' || p.i > start && ch >= '0' && ch <= '9' {
			p.i++
			continue
		}
		break
	}
	return p.s[start:p.i]
}

var errFilterSyntax = errors.New("each condition must look like <Field> eq|contains '<value>'")

func (p *filterParser) condition() (Condition, error) {
	p.spaces()
	field := p.word()
	if field == "" {
		return Condition{}, fmt.Errorf("missing field name at position %d: %w", p.i+1, errFilterSyntax)
	}
	if p.spaces() == 0 {
		return Condition{}, fmt.Errorf("missing operator after %q: %w", field, errFilterSyntax)
	}
	op := strings.ToLower(p.word())
	if op != "eq" && op != "contains" {
		return Condition{}, fmt.Errorf("unknown operator after %q (use eq or contains): %w", field, errFilterSyntax)
	}
	if p.spaces() == 0 || p.done() || p.s[p.i] != '\'' {
		return Condition{}, fmt.Errorf("the value for %q must be in single quotes: %w", field, errFilterSyntax)
	}
	p.i++
	var val strings.Builder
	for {
		if p.done() {
			return Condition{}, fmt.Errorf("unterminated quote in the value for %q: %w", field, errFilterSyntax)
		}
		ch := p.s[p.i]
		p.i++
		if ch != '\'' {
			val.WriteByte(ch)
			continue
		}
		if !p.done() && p.s[p.i] == '\'' {
			val.WriteByte('\'')
			p.i++
			continue
		}
		break
	}
	return Condition{Field: field, Op: op, Value: val.String()}, nil
}

// checkFields maps each condition's field onto the canonical name from
// allowed (matched case-insensitively) or reports the first field not allowed.
func checkFields(conds []Condition, allowed []string) ([]Condition, error) {
	out := make([]Condition, len(conds))
	for i, c := range conds {
		found := ""
		for _, a := range allowed {
			if strings.EqualFold(a, c.Field) {
				found = a
				break
			}
		}
		if found == "" {
			return nil, fmt.Errorf("%q cannot be filtered on here; allowed fields: %s", c.Field, strings.Join(allowed, ", "))
		}
		c.Field = found
		out[i] = c
	}
	return out, nil
}

// matchCondition applies one condition to a field value, case-insensitively.
func matchCondition(c Condition, value string) bool {
	if c.Op == "eq" {
		return strings.EqualFold(value, c.Value)
	}
	return strings.Contains(strings.ToLower(value), strings.ToLower(c.Value))
}

// filterFor parses the queryFilter parameter for an endpoint that allows
// fields; an empty parameter means no filter.
func filterFor(raw string, allowed []string) ([]Condition, *apiError) {
	if strings.TrimSpace(raw) == "" {
		return nil, nil
	}
	conds, err := ParseQueryFilter(raw)
	if err == nil {
		conds, err = checkFields(conds, allowed)
	}
	if err != nil {
		return nil, invalid("queryFilter", "Invalid queryFilter: "+err.Error()+".")
	}
	return conds, nil
}

// matchAll reports whether value(field) satisfies every condition.
func matchAll(conds []Condition, value func(field string) string) bool {
	for _, c := range conds {
		if !matchCondition(c, value(c.Field)) {
			return false
		}
	}
	return true
}
