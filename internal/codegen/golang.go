package codegen

import (
	"fmt"
	"strconv"
	"strings"
)

// Go renders r as a Go program on net/http whose client takes its token
// from an x/oauth2 token source: a static one over DINERO_TOKEN, to be
// replaced by a refreshing oauth2.Config source in a real program.
func Go(r Request, o Options) string {
	method, base, query := target(r, o)
	var b strings.Builder
	imports := []string{`"context"`, `"fmt"`, `"io"`, `"log"`, `"net/http"`, `"os"`}
	if len(query) > 0 {
		imports = append(imports, `"net/url"`)
	}
	if len(r.Body) > 0 {
		imports = append(imports, `"strings"`)
	}
	b.WriteString("package main\n\nimport (\n")
	for _, imp := range sortedImports(imports) {
		b.WriteString("\t" + imp + "\n")
	}
	b.WriteString("\n\t\"golang.org/x/oauth2\"\n)\n\n")
	b.WriteString("func main() {\n")
	b.WriteString("\t// The access token comes from DINERO_TOKEN. In your own program, use an\n")
	b.WriteString("\t// oauth2.Config for Visma Connect and a stored refresh token instead:\n")
	b.WriteString("\t// its TokenSource renews the token for you.\n")
	b.WriteString("\tsrc := oauth2.StaticTokenSource(&oauth2.Token{AccessToken: os.Getenv(\"DINERO_TOKEN\")})\n")
	b.WriteString("\tclient := oauth2.NewClient(context.Background(), src)\n\n")
	address := strconv.Quote(base)
	if len(query) > 0 {
		b.WriteString("\tquery := url.Values{}\n")
		for _, kv := range query {
			fmt.Fprintf(&b, "\tquery.Add(%s, %s)\n", strconv.Quote(kv[0]), strconv.Quote(kv[1]))
		}
		address += ` + "?" + query.Encode()`
	}
	body := "nil"
	if len(r.Body) > 0 {
		fmt.Fprintf(&b, "\tbody := strings.NewReader(%s)\n", goString(string(r.Body)))
		body = "body"
	}
	fmt.Fprintf(&b, "\treq, err := http.NewRequest(%s, %s, %s)\n", strconv.Quote(method), address, body)
	b.WriteString("\tif err != nil {\n\t\tlog.Fatal(err)\n\t}\n")
	b.WriteString("\treq.Header.Set(\"Accept\", \"application/json\")\n")
	if len(r.Body) > 0 {
		b.WriteString("\treq.Header.Set(\"Content-Type\", \"application/json\")\n")
	}
	b.WriteString("\tresp, err := client.Do(req)\n\tif err != nil {\n\t\tlog.Fatal(err)\n\t}\n")
	b.WriteString("\tdefer resp.Body.Close()\n")
	b.WriteString("\tanswer, err := io.ReadAll(resp.Body)\n\tif err != nil {\n\t\tlog.Fatal(err)\n\t}\n")
	b.WriteString("\tfmt.Println(resp.Status)\n\tfmt.Println(string(answer))\n}\n")
	return b.String()
}

// goString is a raw string literal when s allows one (no backquote, no
// carriage return, which raw strings drop), else a quoted one.
func goString(s string) string {
	if strings.ContainsAny(s, "`\r") {
		return strconv.Quote(s)
	}
	return "`" + s + "`"
}

func sortedImports(in []string) []string {
	out := append([]string(nil), in...)
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && strings.Trim(out[j], `"`) < strings.Trim(out[j-1], `"`); j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}
