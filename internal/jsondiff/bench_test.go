package jsondiff

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"testing"
)

// invoices builds a Dinero-like invoice list of about size bytes.
func invoices(size int) []byte {
	var b strings.Builder
	b.WriteString(`{"Collection":[`)
	for i := 0; b.Len() < size; i++ {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `{"Guid":"%08d-0000-4000-8000-000000000000","Number":%d,"ContactName":"Kunde %d ApS","Status":"Draft","TotalInclVat":%d.25,"Currency":"DKK","Date":"2026-01-%02d","Lines":[{"Description":"Timer","Quantity":%d,"UnitPrice":750.0,"AccountNumber":1000}]}`,
			i, i, i, i*13, i%28+1, i%7+1)
	}
	b.WriteString(`],"Pagination":{"Page":0,"PageSize":1000,"Result":1,"ResultWithoutFilter":1}}`)
	return []byte(b.String())
}

// BenchmarkCompare10MB compares two 10 MB answers that differ in a few
// values, an inserted invoice and their formatting (the second is
// indented, so no subtree can be skipped by comparing bytes).
func BenchmarkCompare10MB(b *testing.B) {
	a := invoices(10 << 20)
	changed := bytes.Replace(a, []byte(`"Number":500,"ContactName":"Kunde 500 ApS","Status":"Draft"`),
		[]byte(`"Number":500,"ContactName":"Kunde 500 ApS","Status":"Booked"`), 1)
	changed = bytes.Replace(changed, []byte(`{"Guid":"00001000-`), []byte(`{"Guid":"new"},{"Guid":"00001000-`), 1)
	var pretty bytes.Buffer
	if err := json.Indent(&pretty, changed, "", "  "); err != nil {
		b.Fatal(err)
	}
	for _, c := range []struct {
		name string
		new  []byte
	}{{"same-format", changed}, {"reindented", pretty.Bytes()}} {
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(len(a)))
			b.ReportAllocs()
			for b.Loop() {
				r, err := Compare(a, c.new)
				if err != nil {
					b.Fatal(err)
				}
				if len(r.Changes) != 2 {
					b.Fatalf("%d changes: %s", len(r.Changes), Summary(r))
				}
				if err := WriteText(io.Discard, r, TextOptions{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
