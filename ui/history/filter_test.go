package history

import "testing"

func TestMatches(t *testing.T) {
	e := Entry{Method: "POST", Path: "/v1/{organizationId}/contacts/{guid}/notes", Name: "Create contact note",
		PathParams: map[string]string{"organizationId": "1048211", "guid": "ab12"}, Query: map[string][]string{"fields": {"Text"}},
		Status: 422}
	cases := []struct {
		q    string
		want bool
	}{
		{"", true},
		{"post", true},
		{"PO", true},
		{"get", false},
		{"422", true},
		{"4", true},
		{"5", false},
		{"12", false}, // a status, not the end of the guid ab12
		{"104", false},
		{"1048", true},
		{"post 4", true},
		{"post 2", false},
		{"contacts", true},
		{"cont", true},
		{"tacts", false}, // inside a word
		{"1048211", true},
		{"8211", false},
		{"v1/1048211/con", true},
		{"notes fields", true},
		{"create note", true},
		{"ab12", true},
		{"invoices", false},
	}
	for _, c := range cases {
		if got := Matches(e, c.q); got != c.want {
			t.Errorf("Matches(%q) = %v, want %v", c.q, got, c.want)
		}
	}
	if !Matches(Entry{Method: "GET", Path: "/v1/1/contacts", Query: map[string][]string{"q": {"Ørsted"}}}, "ørs") {
		t.Error("Danish letters do not match case-insensitively")
	}
}
