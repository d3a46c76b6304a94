package jsonview

import (
	"strconv"
	"strings"
	"testing"

	"github.com/tidwall/gjson"
)

func TestDuplicateKeyPathsLeadToTheirMember(t *testing.T) {
	src := `{"a":1,"a":{"b":[5,6],"b":7},"x.y":{"k":0,"\u006b":{"z":"second k"}},"a":3}`
	d := mustParse(t, src)
	want := map[int]string{
		1:  "a",
		2:  `@key:["a",2]`,
		3:  `@key:["a",2].b`,
		5:  `@key:["a",2].b.1`,
		7:  `@key:["a",2].@key:["b",2]`,
		10: `x\.y.k`,
		11: `x\.y.@key:["\u006b",2]`,
		12: `x\.y.@key:["\u006b",2].z`,
		15: `@key:["a",3]`,
	}
	for line, p := range want {
		if got := d.Path(line); got != p {
			t.Errorf("Path(%d) = %q, want %q", line, got, p)
		}
	}
	for i := range d.Lines() {
		checkPathLeadsToValue(t, src, d, i)
	}
}

func TestCopiedDuplicateKeyPathSaysWhoReadsIt(t *testing.T) {
	m := plainModel(t, `{"a":1,"a":2}`, 60, 8)
	m = press(t, m, "down", "down", "y", "p")
	if !strings.Contains(m.status, "@key") || !strings.Contains(m.status, "api -q") {
		t.Fatalf("status %q", m.status)
	}
	m = press(t, m, "up", "y", "p")
	if strings.Contains(m.status, "@key") {
		t.Fatalf("status %q for the first key", m.status)
	}
}

func TestKeyModifierRefusesBadArguments(t *testing.T) {
	src := `{"a":1,"a":2}`
	for _, q := range []string{`@key:["a",0]`, `@key:["a",3]`, `@key:[1,1]`, `@key:"a"`, `@key`} {
		if r := gjson.Get(src, q); r.Exists() {
			t.Errorf("%s = %s, want nothing", q, r.Raw)
		}
	}
	if r := gjson.Get(`[{"a":1,"a":2}]`, `0.@key:["a",2]`); r.Raw != "2" {
		t.Errorf("inside an array: %q", r.Raw)
	}
}

// checkPathLeadsToValue checks that gjson finds line i's value at its path.
func checkPathLeadsToValue(t *testing.T, src string, d *Document, i int) {
	t.Helper()
	p := d.Path(i)
	if got, want := gjson.Get(src, p).Raw, string(d.Value(i)); got != want {
		t.Fatalf("line %d: gjson %q = %q, want %q\n%s", i, p, got, want, src)
	}
}

// FuzzKeyPaths builds objects with repeated (and differently
// escaped) keys and checks every path leads to its own member.
func FuzzKeyPaths(f *testing.F) {
	f.Add([]byte{0, 1, 0, 2, 3, 0})
	f.Add([]byte{5, 5, 5, 9, 9, 1, 7, 7})
	keys := []string{`"a"`, `"\u0061"`, `"b"`, `"a.b"`, `"a\\|b"`, `""`, `"*"`, `"k#"`, `"é"`, `"\u00e9"`}
	f.Fuzz(func(t *testing.T, b []byte) {
		var sb strings.Builder
		var build func(depth int)
		build = func(depth int) {
			sb.WriteByte('{')
			for n := 0; len(b) > 0 && n < 6; n++ {
				c := b[0]
				b = b[1:]
				if n > 0 {
					sb.WriteByte(',')
				}
				sb.WriteString(keys[int(c)%len(keys)] + ":")
				if c >= 128 && depth < 3 {
					build(depth + 1)
				} else {
					sb.WriteString(strconv.Itoa(int(c)))
				}
			}
			sb.WriteByte('}')
		}
		build(0)
		src := sb.String()
		d, err := Parse([]byte(src))
		if err != nil {
			t.Fatalf("%s: %v", src, err)
		}
		for i := range d.Lines() {
			checkPathLeadsToValue(t, src, d, i)
		}
	})
}
