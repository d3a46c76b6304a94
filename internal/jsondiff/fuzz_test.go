package jsondiff

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/tidwall/gjson"
)

func FuzzCompare(f *testing.F) {
	seeds := [][2]string{
		{`{"a":1}`, `{"a":2}`},
		{`[1,2,3]`, `[1,9,2,3]`},
		{`{"a":{"b":[{"c":null}]}}`, `{"a":{"b":[]}}`},
		{`"x"`, `{"x":"y"}`},
		{`{"a.b":1,"*":2,"#":3}`, `{"a.b":1,"*":[],"#":"3"}`},
		{`[1e2, 1.0]`, `[100, 1]`},
	}
	for _, s := range seeds {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		r, err := Compare([]byte(a), []byte(b))
		if err != nil {
			return
		}
		self, _ := Compare([]byte(a), []byte(a))
		if !self.Equal() {
			t.Fatalf("%q differs from itself: %+v", a, self.Changes)
		}
		var indented bytes.Buffer
		if json.Indent(&indented, []byte(a), "", " ") == nil && indented.String() != a {
			walked, _ := Compare([]byte(a), indented.Bytes())
			if walked.Unchanged != self.Unchanged || !walked.Equal() {
				t.Fatalf("%q: counted %d values without walking, %d walking (%s)", a, self.Unchanged, walked.Unchanged, Summary(walked))
			}
		}
		back, _ := Compare([]byte(b), []byte(a))
		if back.Equal() != r.Equal() || back.Count(Added) != r.Count(Removed) || back.Count(Changed) != r.Count(Changed) {
			t.Fatalf("not symmetric: %s vs %s", Summary(r), Summary(back))
		}
		if r.Equal() != Same(gjson.Parse(a), gjson.Parse(b)) {
			t.Fatalf("Equal and Same disagree on %q %q", a, b)
		}
		if hasDuplicateKeys(gjson.Parse(a)) || hasDuplicateKeys(gjson.Parse(b)) {
			return // gjson paths find only the first of a repeated key
		}
		for _, c := range r.Changes {
			p := c.PathString()
			if c.Old != nil && gjson.Get(a, p).Raw != string(c.Old) && p != "@this" {
				t.Fatalf("old value at %q is %q, change says %q", p, gjson.Get(a, p).Raw, c.Old)
			}
			if c.New != nil && gjson.Get(b, p).Raw != string(c.New) && p != "@this" {
				t.Fatalf("new value at %q is %q, change says %q", p, gjson.Get(b, p).Raw, c.New)
			}
		}
	})
}

func hasDuplicateKeys(r gjson.Result) bool {
	dup := false
	seen := map[string]bool{}
	r.ForEach(func(k, v gjson.Result) bool {
		if r.IsObject() {
			if seen[k.String()] {
				dup = true
				return false
			}
			seen[k.String()] = true
		}
		if v.IsObject() || v.IsArray() {
			dup = hasDuplicateKeys(v)
		}
		return !dup
	})
	return dup
}
