package common

import (
	"net/url"
	"strings"
	"testing"
)

func TestDisplayURL(t *testing.T) {
	q := url.Values{"fields": {"Guid,ContactName"}, "page": {"0"}, "changesSince": {"2030-01-01T00:00:00Z"},
		"freeTextSearch": {"a&b c"}}
	got := DisplayURL("/v1/{organizationId}/invoices/{guid}", map[string]string{"organizationId": "42", "guid": ""},
		q, []string{"page", "fields"})
	want := "/v1/42/invoices/{guid}?page=0&fields=Guid,ContactName&changesSince=2030-01-01T00:00:00Z&freeTextSearch=a%26b+c"
	if got != want {
		t.Fatalf("DisplayURL =\n %s\nwant\n %s", got, want)
	}
}

func TestWrapURLBreaksAtBoundaries(t *testing.T) {
	u := "/v1/104871/invoices?fields=Guid,ContactName,Date,Description&page=0&pageSize=100&statusFilter=Booked"
	tests := []struct {
		first, w int
		want     []string
	}{
		{200, 200, []string{u}},
		{60, 70, []string{
			"/v1/104871/invoices?fields=Guid,ContactName,Date,Description",
			"&page=0&pageSize=100&statusFilter=Booked"}},
		{30, 30, []string{
			"/v1/104871/invoices",
			"?fields=Guid,ContactName,Date,",
			"Description&page=0",
			"&pageSize=100",
			"&statusFilter=Booked"}},
		{50, 50, []string{
			"/v1/104871/invoices",
			"?fields=Guid,ContactName,Date,Description&page=0",
			"&pageSize=100&statusFilter=Booked"}},
	}
	for _, tt := range tests {
		got := WrapURL(u, tt.first, tt.w)
		if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
			t.Errorf("WrapURL(%d, %d) =\n%s\nwant\n%s", tt.first, tt.w, strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
		}
		if strings.Join(got, "") != u {
			t.Errorf("WrapURL(%d, %d) lost text", tt.first, tt.w)
		}
	}
	// a token longer than a line is cut, nothing is lost
	long := "/x?q=" + strings.Repeat("a", 25)
	got := WrapURL(long, 10, 10)
	for _, l := range got {
		if len(l) > 10 {
			t.Fatalf("line %q longer than 10", l)
		}
	}
	if strings.Join(got, "") != long {
		t.Fatalf("lost text: %q", got)
	}
}
