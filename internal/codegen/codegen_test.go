package codegen

import (
	"encoding/json"
	"os/exec"
	"regexp"
	"strings"
	"testing"
)

func TestEveryLanguageReadsTheTokenFromTheEnvironment(t *testing.T) {
	for _, l := range Languages {
		for _, r := range []Request{getWithQuery, postWithBody} {
			code, err := l.Render(r, Options{BaseURL: "https://user:secret@api.example"})
			if err != nil {
				t.Fatalf("%s: %v", l.Name, err)
			}
			if strings.Contains(code, "secret") {
				t.Errorf("%s: user info of the base URL leaked:\n%s", l.Name, code)
			}
			if l.Name != "api" && !strings.Contains(code, "DINERO_TOKEN") {
				t.Errorf("%s: does not read DINERO_TOKEN:\n%s", l.Name, code)
			}
		}
	}
}

func TestLookupAndErrors(t *testing.T) {
	for in, want := range map[string]string{"py": "python", "JS": "javascript", "c#": "csharp", "golang": "go", "http": "httpie", "curl": "curl"} {
		if l, ok := Lookup(in); !ok || l.Name != want {
			t.Errorf("Lookup(%q) = %q, %v", in, l.Name, ok)
		}
	}
	if _, err := Generate("cobol", getWithQuery, Options{}); err == nil || !strings.Contains(err.Error(), "python") {
		t.Errorf("unknown language: %v", err)
	}
	bin := postWithBody
	bin.Body = []byte{0x25, 0x50, 0x44, 0x46, 0xff, 0xfe}
	if _, err := Generate("python", bin, Options{}); err == nil || !strings.Contains(err.Error(), "--input FILE") {
		t.Errorf("binary body: %v", err)
	}
}

// TestCSharpText checks the C# form by its text (no .NET SDK here): the
// address and body literals decode back to the request's.
func TestCSharpText(t *testing.T) {
	code := CSharp(postWithBody, Options{})
	lit := regexp.MustCompile(`new StringContent\(("(?:[^"\\]|\\.)*"), Encoding.UTF8, "application/json"\)`).FindStringSubmatch(code)
	if lit == nil {
		t.Fatalf("no StringContent in:\n%s", code)
	}
	var body string
	if err := json.Unmarshal([]byte(lit[1]), &body); err != nil || body != string(postWithBody.Body) {
		t.Errorf("body literal %s decodes to %q (%v)", lit[1], body, err)
	}
	code = CSharp(getWithQuery, Options{})
	for _, want := range []string{
		`new HttpMethod("GET"), "https://api.dinero.dk/v1/104871/invoices?fields=Guid%2CNumber%2CContactName&freeTextSearch=`,
		`new AuthenticationHeaderValue("Bearer", token)`,
		`Environment.GetEnvironmentVariable("DINERO_TOKEN")`,
	} {
		if !strings.Contains(code, want) {
			t.Errorf("C# lacks %q:\n%s", want, code)
		}
	}
}

// TestHTTPieWords runs the HTTPie line in bash with http replaced by a
// function that prints its arguments: the words are exactly the request.
func TestHTTPieWords(t *testing.T) {
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Skip("no bash")
	}
	cases := []struct {
		r    Request
		want []string
	}{
		{getWithQuery, []string{"GET", "https://api.dinero.dk/v1/104871/invoices", "fields==Guid,Number,ContactName",
			`freeTextSearch==Ørsted "&" 'co' $HOME`, "page==0", "Authorization:Bearer tok", "Accept:application/json"}},
		{postWithBody, []string{"--raw", string(postWithBody.Body), "POST", "https://api.dinero.dk/v1/104871/contacts",
			"Authorization:Bearer tok", "Accept:application/json", "Content-Type:application/json"}},
		{Request{Path: "/x", Query: map[string][]string{"a:b": {"1"}}}, []string{"GET", "https://api.dinero.dk/x?a%3Ab=1",
			"Authorization:Bearer tok", "Accept:application/json"}},
	}
	for _, c := range cases {
		line := HTTPie(c.r, Options{})
		out, err := exec.Command(bash, "--norc", "--noprofile", "-c",
			"http() { printf '%s\\0' \"$@\"; }\nDINERO_TOKEN=tok\n"+line).Output()
		if err != nil {
			t.Fatalf("bash: %v\n%s", err, line)
		}
		got := strings.Split(strings.TrimSuffix(string(out), "\x00"), "\x00")
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("%s\nwords %q\nwant  %q", line, got, c.want)
		}
	}
}
