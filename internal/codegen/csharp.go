package codegen

import (
	"fmt"
	"net/url"
	"strings"
)

// CSharp renders r as a C# top-level program on HttpClient (.NET 6+).
func CSharp(r Request, o Options) string {
	method, base, query := target(r, o)
	address := base
	if len(query) > 0 {
		q := url.Values{}
		for _, kv := range query {
			q.Add(kv[0], kv[1])
		}
		address += "?" + q.Encode()
	}
	var b strings.Builder
	b.WriteString("using System;\nusing System.Net.Http;\nusing System.Net.Http.Headers;\nusing System.Text;\n\n")
	b.WriteString("// The access token comes from DINERO_TOKEN.\n")
	b.WriteString("var token = Environment.GetEnvironmentVariable(\"DINERO_TOKEN\");\n")
	b.WriteString("using var client = new HttpClient();\n")
	b.WriteString("client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(\"Bearer\", token);\n")
	b.WriteString("client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue(\"application/json\"));\n")
	fmt.Fprintf(&b, "using var request = new HttpRequestMessage(new HttpMethod(%s), %s);\n", quoted(method), quoted(address))
	if len(r.Body) > 0 {
		fmt.Fprintf(&b, "request.Content = new StringContent(%s, Encoding.UTF8, \"application/json\");\n", quoted(string(r.Body)))
	}
	b.WriteString("using var response = await client.SendAsync(request);\n")
	b.WriteString("Console.WriteLine((int)response.StatusCode);\n")
	b.WriteString("Console.WriteLine(await response.Content.ReadAsStringAsync());\n")
	return b.String()
}
