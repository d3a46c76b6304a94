package codegen

import (
	"fmt"
	"strings"
)

// JavaScript renders r as an ES module for Node 18+ (or Deno, Bun) on
// fetch; top-level await needs a module, so save it as a .mjs file.
func JavaScript(r Request, o Options) string {
	method, base, query := target(r, o)
	var b strings.Builder
	b.WriteString("// The access token comes from DINERO_TOKEN. Save as request.mjs and run: node request.mjs\n")
	fmt.Fprintf(&b, "const url = new URL(%s);\n", quoted(base))
	for _, kv := range query {
		fmt.Fprintf(&b, "url.searchParams.append(%s, %s);\n", quoted(kv[0]), quoted(kv[1]))
	}
	b.WriteString("const response = await fetch(url, {\n")
	fmt.Fprintf(&b, "  method: %s,\n", quoted(method))
	b.WriteString("  headers: {\n")
	b.WriteString("    Authorization: `Bearer ${process.env.DINERO_TOKEN}`,\n")
	b.WriteString("    Accept: \"application/json\",\n")
	if len(r.Body) > 0 {
		b.WriteString("    \"Content-Type\": \"application/json\",\n")
	}
	b.WriteString("  },\n")
	if len(r.Body) > 0 {
		fmt.Fprintf(&b, "  body: %s,\n", quoted(string(r.Body)))
	}
	b.WriteString("});\n")
	b.WriteString("console.log(response.status);\nconsole.log(await response.text());\n")
	return b.String()
}
