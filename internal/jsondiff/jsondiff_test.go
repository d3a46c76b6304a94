package jsondiff

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

func TestCompare(t *testing.T) {
	tests := []struct {
		name      string
		a, b      string
		want      []string // "kind path old new"
		unchanged int
	}{
		{"equal scalars", `1`, `1`, nil, 1},
		{"key order and spaces do not matter", `{"a":1,"b":[1,2]}`, `{ "b": [1, 2], "a": 1 }`, nil, 3},
		{"changed value", `{"Status":"Draft","N":1}`, `{"Status":"Booked","N":1}`, []string{`changed Status "Draft" "Booked"`}, 1},
		{"added and removed keys", `{"a":1}`, `{"b":2}`, []string{`removed a 1 `, `added b  2`}, 0},
		{"type change", `{"a":1}`, `{"a":"1"}`, []string{`changed a 1 "1"`}, 0},
		{"null against missing", `{"a":null}`, `{}`, []string{`removed a null `}, 0},
		{"numbers by value", `[1.0, 1e2, -0]`, `[1, 100, 0]`, nil, 3},
		{"big ids stay apart", `[9007199254740993]`, `[9007199254740992]`, []string{`changed 0 9007199254740993 9007199254740992`}, 0},
		{"string escapes decoded", `"\u00e6"`, `"æ"`, nil, 1},
		{"nested path", `{"Collection":[{"Lines":[{"Qty":1}]}]}`, `{"Collection":[{"Lines":[{"Qty":2}]}]}`,
			[]string{`changed Collection.0.Lines.0.Qty 1 2`}, 0},
		{"insert in the middle of an array is one change", `[1,2,3,4]`, `[1,2,9,3,4]`, []string{`added 2  9`}, 4},
		{"remove from the front", `[{"id":1},{"id":2},{"id":3}]`, `[{"id":2},{"id":3}]`, []string{`removed 0 {"id":1} `}, 2},
		{"append", `[1]`, `[1,2]`, []string{`added 1  2`}, 1},
		{"changed in place", `[1,2,3]`, `[1,5,3]`, []string{`changed 1 2 5`}, 2},
		{"object to array", `{"a":{}}`, `{"a":[]}`, []string{`changed a {} []`}, 0},
		{"root replaced", `{"a":1}`, `[1]`, []string{`changed @this {"a":1} [1]`}, 0},
		{"keys with dots are escaped", `{"a.b":1}`, `{"a.b":2}`, []string{`changed a\.b 1 2`}, 0},
		{"empty containers count as unchanged", `{"a":[],"b":{}}`, `{"a":[],"b":{}}`, nil, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := Compare([]byte(tt.a), []byte(tt.b))
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, c := range r.Changes {
				got = append(got, c.Kind.String()+" "+c.PathString()+" "+string(c.Old)+" "+string(c.New))
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("changes:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
			if r.Unchanged != tt.unchanged {
				t.Errorf("unchanged = %d, want %d", r.Unchanged, tt.unchanged)
			}
			if r.Equal() != (len(tt.want) == 0) {
				t.Errorf("Equal() = %v", r.Equal())
			}
		})
	}
}

func TestCompareRejectsInvalidJSON(t *testing.T) {
	if _, err := Compare([]byte(`{`), []byte(`{}`)); err != ErrInvalidOld {
		t.Errorf("old: %v", err)
	}
	if _, err := Compare([]byte(`{}`), []byte(`nope`)); err != ErrInvalidNew {
		t.Errorf("new: %v", err)
	}
}

func TestWriteTextSanitizesAndSummarises(t *testing.T) {
	r, err := Compare([]byte(`{"k\u001b[31m":"x","Status":"Draft","Text":"a"}`),
		[]byte(`{"Status":"Booked","Text":"a","New":"`+strings.Repeat("z", 300)+`"}`))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := WriteText(&buf, r, TextOptions{MaxValue: 20}); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	if strings.Contains(out, "\x1b") {
		t.Errorf("escape sequence reached the text: %q", out)
	}
	for _, want := range []string{`~ Status  "Draft" → "Booked"`, `+ New  "zzzzzzzzzzzzzzzzzz…`, "1 changed, 1 added, 1 removed; 1 values unchanged"} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %q in:\n%s", want, out)
		}
	}
}

func TestWriteJSON(t *testing.T) {
	r, _ := Compare([]byte(`{"a":[1,{"b":2}]}`), []byte(`{"a":[1,{"b":3}],"c":true}`))
	var buf bytes.Buffer
	if err := WriteJSON(&buf, r); err != nil {
		t.Fatal(err)
	}
	var got struct {
		Equal   bool
		Changed int
		Added   int
		Changes []struct {
			Path     string
			Segments []any
			Kind     string
			Old, New json.RawMessage
		}
	}
	if err := json.Unmarshal(buf.Bytes(), &got); err != nil {
		t.Fatalf("%v in %s", err, buf.String())
	}
	if got.Equal || got.Changed != 1 || got.Added != 1 || len(got.Changes) != 2 {
		t.Fatalf("got %+v", got)
	}
	c := got.Changes[0]
	if c.Path != "a.1.b" || c.Kind != "changed" || string(c.Old) != "2" || string(c.New) != "3" ||
		len(c.Segments) != 3 || c.Segments[0] != "a" || c.Segments[1] != float64(1) {
		t.Errorf("first change = %+v", c)
	}
}

func TestShort(t *testing.T) {
	if got := Short([]byte("{\n  \"a\": 1\n}"), 40); got != `{"a":1}` {
		t.Errorf("compact: %q", got)
	}
	long := []byte(`"` + strings.Repeat("x", 5000) + `"`)
	if got := Short(long, 10); got != `"xxxxxxxx…` {
		t.Errorf("cut: %q", got)
	}
}
