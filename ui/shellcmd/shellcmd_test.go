package shellcmd

import (
	"net/url"
	"strings"
	"testing"

	"github.com/dinero-tui/dinero-tui/ui/common"
)

func TestQuote(t *testing.T) {
	cases := []struct{ in, want string }{
		{"plain", "plain"},
		{"/v1/1048211/invoices", "/v1/1048211/invoices"},
		{"pageSize=1000", "pageSize=1000"},
		{"", "''"},
		{"two words", "'two words'"},
		{"it's", `'it'\''s'`},
		{"''", `''\'''\'''`},
		{"Bageriet Ørsted ApS", "'Bageriet Ørsted ApS'"},
		{"æøå", "'æøå'"},
		{`$HOME "x" ` + "`id`", `'$HOME "x" ` + "`id`'"},
		{"a\nb", "'a\nb'"},
		{"~root", "'~root'"},
		{"*.json", "'*.json'"},
		{"x&y;z|w", "'x&y;z|w'"},
	}
	for _, c := range cases {
		if got := Quote(c.in); got != c.want {
			t.Errorf("Quote(%q) = %s, want %s", c.in, got, c.want)
		}
	}
}

var org = map[string]string{"organizationId": "1048211"}

func TestAPI(t *testing.T) {
	cases := []struct {
		name string
		req  common.Request
		opt  Options
		want string
	}{
		{"GET with query", common.Request{Method: "GET", Path: "/v1/{organizationId}/invoices", PathParams: org,
			Query: url.Values{"pageSize": {"100"}, "page": {"0"}, "fields": {"Guid,Number"}}}, Options{},
			"dinero-tui api /v1/1048211/invoices -f fields=Guid,Number -f page=0 -f pageSize=100"},
		{"query with spaces, quotes and æøå", common.Request{Method: "GET", Path: "/v1/{organizationId}/contacts", PathParams: org,
			Query: url.Values{"queryFilter": {"Name eq 'Bageriet Ørsted'"}}}, Options{},
			`dinero-tui api /v1/1048211/contacts -f 'queryFilter=Name eq '\''Bageriet Ørsted'\'''`},
		{"POST with a flat body", common.Request{Method: "POST", Path: "/v1/{organizationId}/contacts", PathParams: org,
			Body: []byte(`{"Name":"Smørrebrød & Co","CountryKey":"DK","IsPerson":false,"Number":"1000","Credit":12.5,"Phone":null}`)},
			Options{},
			`dinero-tui api -X POST /v1/1048211/contacts -f 'Name=Smørrebrød & Co' -f CountryKey=DK -F IsPerson=false -f Number=1000 -F Credit=12.5 -F Phone=null --yes`},
		{"POST with a nested body", common.Request{Method: "POST", Path: "/v1/{organizationId}/invoices", PathParams: org,
			Body: []byte("{\n  \"ContactGuid\": \"c1\",\n  \"ProductLines\": [{\"Description\": \"Kaffe\"}]\n}")}, Options{},
			"dinero-tui api -X POST /v1/1048211/invoices --yes --input - <<'JSON'\n{\n  \"ContactGuid\": \"c1\",\n  \"ProductLines\": [{\"Description\": \"Kaffe\"}]\n}\nJSON"},
		{"PUT with path params", common.Request{Method: "PUT", Path: "/v1/{organizationId}/contacts/{contactGuid}",
			PathParams: map[string]string{"organizationId": "1048211", "contactGuid": "2f1b0c0e-aaaa-4bbb-8ccc-000000000001"},
			Body:       []byte(`{"Name":"Jens' Cykler"}`)}, Options{},
			`dinero-tui api -X PUT /v1/1048211/contacts/2f1b0c0e-aaaa-4bbb-8ccc-000000000001 -f 'Name=Jens'\'' Cykler' --yes`},
		{"write with query and body", common.Request{Method: "POST", Path: "/v1/{organizationId}/invoices/{guid}/book",
			PathParams: map[string]string{"organizationId": "1048211", "guid": "g1"}, Query: url.Values{"sendEmail": {"false"}},
			Body: []byte(`{"Timestamp":"0000000000000F27"}`)}, Options{},
			"dinero-tui api -X POST /v1/1048211/invoices/g1/book -f sendEmail=false --yes --input - <<'JSON'\n{\"Timestamp\":\"0000000000000F27\"}\nJSON"},
		{"DELETE with query", common.Request{Method: "DELETE", Path: "/v1/{organizationId}/invoices/{guid}",
			PathParams: map[string]string{"organizationId": "1048211", "guid": "g1"}, Query: url.Values{"timestamp": {"0000000000000F27"}}},
			Options{}, "dinero-tui api -X DELETE '/v1/1048211/invoices/g1?timestamp=0000000000000F27' --yes"},
		{"body that ends the usual here-doc", common.Request{Method: "POST", Path: "/x", Body: []byte("[\nJSON\n]")}, Options{},
			"dinero-tui api -X POST /x --yes --input - <<'JSON_X'\n[\nJSON\n]\nJSON_X"},
		{"big numbers stay text", common.Request{Method: "POST", Path: "/x", Body: []byte(`{"N":1e3}`)}, Options{},
			"dinero-tui api -X POST /x --yes --input - <<'JSON'\n{\"N\":1e3}\nJSON"},
		{"profile and every page", common.Request{Method: "GET", Path: "/v1/{organizationId}/invoices", PathParams: org,
			Query: url.Values{"pageSize": {"1000"}}}, Options{Profile: "kunde a", Paginate: true},
			"dinero-tui api --profile 'kunde a' /v1/1048211/invoices -f pageSize=1000 --paginate"},
		{"missing value keeps the placeholder", common.Request{Method: "GET", Path: "/v1/{organizationId}/invoices/{guid}", PathParams: org},
			Options{}, "dinero-tui api '/v1/1048211/invoices/{guid}'"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := API(c.req, c.opt)
			if got != c.want {
				t.Fatalf("\n got: %s\nwant: %s", got, c.want)
			}
		})
	}
}

func TestCurl(t *testing.T) {
	cases := []struct {
		name string
		req  common.Request
		base string
		want string
	}{
		{"GET with query", common.Request{Method: "GET", Path: "/v1/{organizationId}/invoices", PathParams: org,
			Query: url.Values{"pageSize": {"100"}, "fields": {"Guid,Number"}}}, "https://api.dinero.dk",
			`curl 'https://api.dinero.dk/v1/1048211/invoices?fields=Guid%2CNumber&pageSize=100' -H "Authorization: Bearer $DINERO_TOKEN" -H 'Accept: application/json'`},
		{"POST with body, æøå and a quote", common.Request{Method: "POST", Path: "/v1/{organizationId}/contacts", PathParams: org,
			Body: []byte(`{"Name":"Jens' Smørrebrød"}`)}, "https://api.dinero.dk/",
			`curl -X POST https://api.dinero.dk/v1/1048211/contacts -H "Authorization: Bearer $DINERO_TOKEN" -H 'Accept: application/json' -H 'Content-Type: application/json' --data-raw '{"Name":"Jens'\'' Smørrebrød"}'`},
		{"PUT with path params and spaces", common.Request{Method: "PUT", Path: "/v1/{organizationId}/products/{guid}",
			PathParams: map[string]string{"organizationId": "1048211", "guid": "a b"}, Body: []byte(`{"Name":"Kaffe"}`)},
			"http://127.0.0.1:8080",
			`curl -X PUT http://127.0.0.1:8080/v1/1048211/products/a%20b -H "Authorization: Bearer $DINERO_TOKEN" -H 'Accept: application/json' -H 'Content-Type: application/json' --data-raw '{"Name":"Kaffe"}'`},
		{"no user information from the base", common.Request{Method: "DELETE", Path: "/v1/1/x/{guid}"},
			"https://user:secret@api.example", `curl -X DELETE -g 'https://api.example/v1/1/x/{guid}' -H "Authorization: Bearer $DINERO_TOKEN" -H 'Accept: application/json'`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := Curl(c.req, c.base); got != c.want {
				t.Fatalf("\n got: %s\nwant: %s", got, c.want)
			}
		})
	}
}

func TestNoSecretInCommands(t *testing.T) {
	r := common.Request{Method: "POST", Path: "/v1/{organizationId}/contacts", PathParams: org, Body: []byte(`{"Name":"x"}`)}
	for _, s := range []string{API(r, Options{}), Curl(r, "https://u:hunter2@api.dinero.dk")} {
		if strings.Contains(s, "hunter2") || strings.Contains(s, "Bearer ey") {
			t.Fatalf("secret in %s", s)
		}
	}
	if !strings.Contains(Curl(r, "https://api.dinero.dk"), `"Authorization: Bearer $DINERO_TOKEN"`) {
		t.Fatal("curl does not read the token from $DINERO_TOKEN")
	}
}
