package dinero

import (
	"net/url"
	"reflect"
	"strconv"
	"strings"
	"testing"
)

func TestParseQueryFilter(t *testing.T) {
	tests := []struct {
		in   string
		want []Condition
		ok   bool
	}{
		{"Name eq 'Acme'", []Condition{{"Name", "eq", "Acme"}}, true},
		{"Name contains 'Acme';Email contains 'dk'", []Condition{{"Name", "contains", "Acme"}, {"Email", "contains", "dk"}}, true},
		{"  name   EQ   'Søren'  ;  Email Contains '@' ", []Condition{{"name", "eq", "Søren"}, {"Email", "contains", "@"}}, true},
		{"Name eq 'O''Brien'", []Condition{{"Name", "eq", "O'Brien"}}, true},
		{"Name eq ''", []Condition{{"Name", "eq", ""}}, true},
		{"Name eq 'a;b'", []Condition{{"Name", "eq", "a;b"}}, true},
		{"AMINO", nil, false},
		{"Name 'x'", nil, false},
		{"Name like 'x'", nil, false},
		{"Name eq x", nil, false},
		{"Name eq 'x", nil, false},
		{"Name eq 'x' trailing", nil, false},
		{"Name eq 'x';", nil, false},
		{";Name eq 'x'", nil, false},
		{"Name eq'x'", nil, false},
		{"", nil, false},
		{"1Name eq 'x'", nil, false},
	}
	for _, tc := range tests {
		got, err := ParseQueryFilter(tc.in)
		if (err == nil) != tc.ok {
			t.Errorf("%q: err %v, want ok=%v", tc.in, err, tc.ok)
			continue
		}
		if tc.ok && !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%q: got %+v, want %+v", tc.in, got, tc.want)
		}
	}
}

func TestFilterAllowedFields(t *testing.T) {
	conds, err := filterFor("email CONTAINS '.DK'", contactFilterFields)
	if err != nil || conds[0].Field != "Email" {
		t.Fatalf("got %+v, %v", conds, err)
	}
	if !matchCondition(conds[0], "faktura@firma.dk") || matchCondition(conds[0], "a@b.se") {
		t.Fatal("contains must match case-insensitively")
	}
	if _, err := filterFor("City eq 'Odense'", contactFilterFields); err == nil || err.Code != 42 {
		t.Fatalf("City is not filterable on contacts: %v", err)
	}
}

func FuzzQueryFilter(f *testing.F) {
	for _, s := range []string{"Name eq 'Acme'", "Name contains 'a';Email eq 'b'", "X eq 'O''Brien'", "AMINO", "a eq '", ";;", "Name eq 'æøå'"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		conds, err := ParseQueryFilter(s)
		if err != nil {
			return
		}
		if len(conds) == 0 {
			t.Fatalf("%q accepted with no conditions", s)
		}
		again, err := ParseQueryFilter(FormatQueryFilter(conds))
		if err != nil || !reflect.DeepEqual(again, conds) {
			t.Fatalf("%q: round trip %+v -> %q -> %+v, %v", s, conds, FormatQueryFilter(conds), again, err)
		}
		for _, c := range conds {
			if c.Op != "eq" && c.Op != "contains" {
				t.Fatalf("operator %q accepted", c.Op)
			}
			if !matchCondition(Condition{Field: c.Field, Op: "eq", Value: c.Value}, c.Value) {
				t.Fatalf("eq does not match its own value %q", c.Value)
			}
		}
	})
}

// FuzzPagingParams checks that any page/pageSize pair either answers 200
// with a consistent Pagination block or 400 code 42, never anything else.
func FuzzPagingParams(f *testing.F) {
	for _, s := range [][2]string{{"0", "100"}, {"3", "1000"}, {"-1", "5"}, {"x", "1"}, {"1", "1001"}, {"2147483647", "1000"}, {"", ""}} {
		f.Add(s[0], s[1])
	}
	e := newEnv(f, nil)
	f.Fuzz(func(t *testing.T, page, size string) {
		te := *e
		te.t = t
		r := te.get(orgPath("v1", pro, "/products") + "?" + url.Values{"page": {page}, "pageSize": {size}}.Encode())
		switch r.status {
		case 400:
			expect(t, r, 400, 42)
		case 200:
			c := decodeCollection(t, r)
			p := c.Pagination
			wantPage, err := strconv.Atoi(strings.TrimSpace(page))
			if page == "" {
				wantPage, err = 0, nil
			}
			if err != nil || p.Page != wantPage || p.Result != len(c.Collection) || p.Result > p.PageSize ||
				p.PageSize < 1 || p.PageSize > 1000 {
				t.Fatalf("page=%q pageSize=%q -> %+v with %d items", page, size, p, len(c.Collection))
			}
		default:
			t.Fatalf("page=%q pageSize=%q -> status %d", page, size, r.status)
		}
	})
}
