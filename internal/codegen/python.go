package codegen

import (
	"fmt"
	"strings"
)

// Python renders r as a Python script on requests. The body is sent as
// the exact text given (data=), not re-encoded from a dict.
func Python(r Request, o Options) string {
	method, base, query := target(r, o)
	var b strings.Builder
	b.WriteString("import os\n\nimport requests\n\n")
	b.WriteString("# The access token comes from DINERO_TOKEN.\n")
	b.WriteString("response = requests.request(\n")
	fmt.Fprintf(&b, "    %s,\n    %s,\n", quoted(method), quoted(base))
	if len(query) > 0 {
		b.WriteString("    params=[\n")
		for _, kv := range query {
			fmt.Fprintf(&b, "        (%s, %s),\n", quoted(kv[0]), quoted(kv[1]))
		}
		b.WriteString("    ],\n")
	}
	b.WriteString("    headers={\n")
	b.WriteString("        \"Authorization\": \"Bearer \" + os.environ[\"DINERO_TOKEN\"],\n")
	b.WriteString("        \"Accept\": \"application/json\",\n")
	if len(r.Body) > 0 {
		b.WriteString("        \"Content-Type\": \"application/json\",\n")
	}
	b.WriteString("    },\n")
	if len(r.Body) > 0 {
		fmt.Fprintf(&b, "    data=%s.encode(\"utf-8\"),\n", quoted(string(r.Body)))
	}
	b.WriteString("    timeout=60,\n)\n")
	b.WriteString("print(response.status_code)\nprint(response.text)\n")
	return b.String()
}
