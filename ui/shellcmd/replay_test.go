package shellcmd

import (
	"encoding/json"
	"net/url"
	"os/exec"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/dinero-tui/dinero-tui/ui/common"
)

// shellArgs runs line in bash with dinero-tui and curl replaced by
// functions that print their arguments and stdin, so the test sees
// exactly the words a shell hands the program.
func shellArgs(t *testing.T, line string) (args []string, stdin string) {
	t.Helper()
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Skip("no bash to run the command in")
	}
	script := "dinero-tui() { printf '%s\\0' \"$@\"; printf 'STDIN\\0'; [ -t 0 ] || cat; }\n" +
		"curl() { printf '%s\\0' \"$@\"; printf 'STDIN\\0'; }\nDINERO_TOKEN=tok123\n" + line + "\n"
	cmd := exec.Command(bash, "--norc", "--noprofile", "-c", script)
	cmd.Stdin = strings.NewReader("")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("bash: %v\n%s", err, line)
	}
	words := strings.Split(string(out), "\x00")
	for i, w := range words {
		if w == "STDIN" {
			return words[:i], strings.Join(words[i+1:], "\x00")
		}
	}
	t.Fatalf("no STDIN marker in %q", out)
	return nil, ""
}

// replayAPI rebuilds the request `dinero-tui api` makes from args, by the
// rules of its help: -f text fields, -F typed fields, fields into the
// query for GET or next to --input, else into a JSON object body.
func replayAPI(t *testing.T, args []string, stdin string) (method, path string, query url.Values, body any) {
	t.Helper()
	var typed, raw []string
	input := false
	for i := 1; i < len(args); i++ { // args[0] is "api"
		switch a := args[i]; a {
		case "-X":
			i++
			method = args[i]
		case "-f":
			i++
			raw = append(raw, args[i])
		case "-F":
			i++
			typed = append(typed, args[i])
		case "--input":
			i++
			input = args[i] == "-"
		case "--yes", "--paginate":
		default:
			if strings.HasPrefix(a, "-") {
				t.Fatalf("unknown flag %q", a)
			}
			path = a
		}
	}
	if method == "" {
		method = "GET"
	}
	path, rawQuery, _ := strings.Cut(path, "?")
	query, _ = url.ParseQuery(rawQuery)
	if input {
		if err := json.Unmarshal([]byte(stdin), &body); err != nil {
			t.Fatalf("stdin is not the JSON body: %v %q", err, stdin)
		}
	}
	if method == "GET" || input {
		for _, f := range append(typed, raw...) {
			k, v, _ := strings.Cut(f, "=")
			query.Add(k, v)
		}
		return method, path, query, body
	}
	obj := map[string]any{}
	for _, f := range typed {
		k, v, _ := strings.Cut(f, "=")
		switch {
		case v == "true" || v == "false":
			obj[k] = v == "true"
		case v == "null":
			obj[k] = nil
		default:
			n, err := strconv.ParseFloat(v, 64)
			if err != nil {
				t.Fatalf("-F %s is not typed", f)
			}
			obj[k] = n
		}
	}
	for _, f := range raw {
		k, v, _ := strings.Cut(f, "=")
		obj[k] = v
	}
	if len(obj) > 0 {
		body = obj
	}
	return method, path, query, body
}

// TestCommandsReproduceTheRequest sends both renderings through a real
// shell and checks that the program would get back the same request.
func TestCommandsReproduceTheRequest(t *testing.T) {
	reqs := []common.Request{
		{Method: "GET", Path: "/v1/{organizationId}/contacts", PathParams: org,
			Query: url.Values{"queryFilter": {"Name eq 'Ørsted & Søn'"}, "fields": {"Name,Guid"}, "x": {"$HOME `id` \"q\""}}},
		{Method: "POST", Path: "/v1/{organizationId}/contacts", PathParams: org,
			Body: []byte(`{"Name":"Jens' Smørrebrød","Number":"007","IsPerson":true,"Credit":-12.25,"Phone":null}`)},
		{Method: "POST", Path: "/v1/{organizationId}/invoices", PathParams: org,
			Body: []byte("{\n \"Lines\": [{\"Text\": \"Æbler 'røde'\\nog grønne\"}],\n \"Note\": \"$PATH\"\n}")},
		{Method: "PUT", Path: "/v1/{organizationId}/contacts/{guid}", PathParams: map[string]string{"organizationId": "1048211", "guid": "g-1"},
			Query: url.Values{"a b": {"c d"}}, Body: []byte(`{"Name":"Åløkken"}`)},
		{Method: "DELETE", Path: "/v1/{organizationId}/invoices/{guid}", PathParams: map[string]string{"organizationId": "1048211", "guid": "g-2"},
			Query: url.Values{"timestamp": {"00F2"}}},
	}
	for _, r := range reqs {
		args, stdin := shellArgs(t, API(r, Options{}))
		method, path, query, body := replayAPI(t, args, stdin)
		if method != r.Method || path != ExpandPath(r.Path, r.PathParams) {
			t.Errorf("api: %s %s, want %s %s", method, path, r.Method, ExpandPath(r.Path, r.PathParams))
		}
		if want := r.Query; !(len(want) == 0 && len(query) == 0) && !reflect.DeepEqual(query, want) {
			t.Errorf("api query %v, want %v", query, want)
		}
		var want any
		if len(r.Body) > 0 {
			_ = json.Unmarshal(r.Body, &want)
		}
		if !reflect.DeepEqual(body, want) {
			t.Errorf("api body %#v, want %#v", body, want)
		}

		args, _ = shellArgs(t, Curl(r, "https://api.dinero.dk"))
		joined := strings.Join(args, "\n")
		if !strings.Contains(joined, "Authorization: Bearer tok123") {
			t.Errorf("curl does not expand $DINERO_TOKEN: %q", args)
		}
		if !strings.Contains(joined, FullURL("https://api.dinero.dk", r)) {
			t.Errorf("curl lacks the URL: %q", args)
		}
		if len(r.Body) > 0 && args[len(args)-1] != string(r.Body) {
			t.Errorf("curl body %q, want %q", args[len(args)-1], r.Body)
		}
	}
}
