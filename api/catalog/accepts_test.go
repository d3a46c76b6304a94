package catalog

import (
	"slices"
	"testing"
)

// An answer type the description tells the reader to ask for is added;
// nothing else is.
func TestAcceptsNamedInText(t *testing.T) {
	json := []string{"application/json"}
	both := []string{"application/json", octetStream}
	cases := []struct {
		name, desc string
		in, want   []string
	}{
		{"credit note", "Get credit note as json or pdf. Define the Accept header of your request to either 'application/json' or 'application/octet-stream'.", json, both},
		{"already listed", "Define the Accept header: 'application/octet-stream'", both, both},
		{"no accept header named", "Returns the file as application/octet-stream", json, json},
		{"no answer documented", "Define the Accept header 'application/octet-stream'", nil, nil},
		{"plain", "Get contact", json, json},
	}
	for _, c := range cases {
		if got := acceptsNamedInText(slices.Clone(c.in), c.desc); !slices.Equal(got, c.want) {
			t.Errorf("%s: got %v, want %v", c.name, got, c.want)
		}
	}
	op, ok := Builtin().ByID("creditnotes.get")
	if !ok || !slices.Contains(op.Accepts, octetStream) {
		t.Fatalf("creditnotes.get accepts %v; Dinero documents PDF by Accept", op.Accepts)
	}
}
