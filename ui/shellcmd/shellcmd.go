// Package shellcmd renders an explorer request as code that sends it
// again (a `dinero-tui api` call, curl, or any internal/codegen language).
// The rendering lives in internal/codegen, which the api command's
// --print-code shares; this package adapts the explorer's request to it.
// No form ever holds a secret: the api command uses the stored session,
// the others read the access token from DINERO_TOKEN.
package shellcmd

import (
	"github.com/dinero-tui/dinero-tui/internal/codegen"
	"github.com/dinero-tui/dinero-tui/ui/common"
)

// TokenHeader is the curl header that carries the token: a shell variable
// in double quotes, so the real token is never part of the copied text.
const TokenHeader = codegen.TokenHeader

// Options are what the api command needs besides the request.
type Options = codegen.Options

// Request converts an explorer request to the code generator's.
func Request(r common.Request) codegen.Request {
	return codegen.Request{Method: r.Method, Path: r.Path, PathParams: r.PathParams, Query: r.Query, Body: r.Body}
}

// Quote returns s as one shell word (see codegen.Quote).
func Quote(s string) string { return codegen.Quote(s) }

// API renders r as a `dinero-tui api` command line (see codegen.API).
func API(r common.Request, o Options) string { return codegen.API(Request(r), o) }

// Curl renders r as a curl command line against baseURL; the token is
// "$DINERO_TOKEN", never its value.
func Curl(r common.Request, baseURL string) string { return codegen.Curl(Request(r), baseURL) }

// FullURL is the address r is sent to (see codegen.FullURL).
func FullURL(baseURL string, r common.Request) string { return codegen.FullURL(baseURL, Request(r)) }

// ExpandPath fills the {name} placeholders of path that have a value.
func ExpandPath(path string, params map[string]string) string {
	return codegen.ExpandPath(path, params)
}

// IsWrite reports whether method changes data.
func IsWrite(method string) bool { return codegen.IsWrite(method) }
