package api

import (
	"bytes"
	"encoding/json"
	"fmt"
	"mime"
	"net/http"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/dinero-tui/dinero-tui/internal/sanitize"
)

// ErrorKind classifies a failed answer so callers can react without
// parsing messages.
type ErrorKind int

// The kinds of failed answers.
const (
	// KindOther is any failure not covered below (5xx, 480 brownout, non-JSON bodies).
	KindOther ErrorKind = iota
	// KindDinero is a JSON error body from Dinero with a code and message.
	KindDinero
	// KindHTMLNotFound is a 404 answered with an HTML page: usually a wrong path or version segment.
	KindHTMLNotFound
	// KindRateLimited is a 429: more than 100 requests a minute for the organization.
	KindRateLimited
	// KindNotPro is a 403 with Dinero code 90: the organization has no Pro subscription.
	KindNotPro
	// KindUnauthorized is a 401: the access token was refused.
	KindUnauthorized
)

// Short names for the kinds, matching the brief's wording.
const (
	Other        = KindOther
	Dinero       = KindDinero
	HTMLNotFound = KindHTMLNotFound
	RateLimited  = KindRateLimited
	NotPro       = KindNotPro
	Unauthorized = KindUnauthorized
)

// String names the kind.
func (k ErrorKind) String() string {
	switch k {
	case KindDinero:
		return "dinero"
	case KindHTMLNotFound:
		return "html-not-found"
	case KindRateLimited:
		return "rate-limited"
	case KindNotPro:
		return "not-pro"
	case KindUnauthorized:
		return "unauthorized"
	}
	return "other"
}

// CodeNotPro is Dinero's error code for an organization without Pro.
const CodeNotPro = 90

// maxErrorBody bounds how much of an error body is kept in Error.Body.
const maxErrorBody = 2048

// LanguageMessage is one entry of Dinero's languageSpecificMessages.
type LanguageMessage struct {
	Property string
	Message  string
}

// Error is an HTTP answer with status >= 400. All text in it has been
// sanitized, so it is safe to print.
type Error struct {
	Status                   int
	Code                     int // Dinero's "code", 0 when absent
	Message                  string
	ValidationErrors         map[string]string
	LanguageSpecificMessages []LanguageMessage
	Kind                     ErrorKind
	RetryAfter               time.Duration // from the Retry-After header, 0 when absent
	// WaitLimit is set when the client gave up at once because RetryAfter
	// is longer than it waits (WithRetryLimits).
	WaitLimit   time.Duration
	Body        string // the body, trimmed and sanitized
	Method, URL string // the request, when known
}

// Error explains the failure in one readable line.
func (e *Error) Error() string {
	var b strings.Builder
	switch e.Kind {
	case KindNotPro:
		fmt.Fprintf(&b, "this organization has no Pro subscription (Dinero code %d): ", CodeNotPro)
		b.WriteString(orDefault(e.Message, "access denied"))
		b.WriteString("; only organizations with Dinero Pro can use the API (see 'dinero-tui orgs' for the PRO column)")
		return b.String()
	case KindUnauthorized:
		b.WriteString("HTTP 401 unauthorized: the access token was refused")
		if e.Message != "" {
			b.WriteString(" (" + e.Message + ")")
		}
		b.WriteString("; log in again with 'dinero-tui login'")
		return b.String()
	case KindRateLimited:
		b.WriteString("HTTP 429 rate limited: ")
		b.WriteString(orDefault(e.Message, "too many requests"))
		if e.RetryAfter > 0 {
			fmt.Fprintf(&b, "; retry after %s", e.RetryAfter.Round(time.Second))
		}
		b.WriteString(" (Dinero allows 100 requests a minute per organization)")
		b.WriteString(e.gaveUp())
		return b.String()
	case KindHTMLNotFound:
		b.WriteString("HTTP 404 not found")
		if e.URL != "" {
			b.WriteString(": " + e.Method + " " + e.URL)
		}
		b.WriteString(" (the server answered with an HTML page: check the path and its version segment, see 'dinero-tui endpoints')")
		return b.String()
	}
	fmt.Fprintf(&b, "HTTP %d", e.Status)
	if t := statusNote(e.Status); t != "" {
		b.WriteString(" " + t)
	}
	if e.Message != "" || e.Code != 0 {
		b.WriteString(": " + orDefault(e.Message, "error"))
	}
	if e.Code != 0 {
		fmt.Fprintf(&b, " (Dinero code %d)", e.Code)
	}
	if len(e.ValidationErrors) > 0 {
		keys := make([]string, 0, len(e.ValidationErrors))
		for k := range e.ValidationErrors {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			fmt.Fprintf(&b, "; %s: %s", k, e.ValidationErrors[k])
		}
	}
	if e.Message == "" && e.Code == 0 && e.Body != "" {
		b.WriteString(": " + sanitize.Line(truncate(e.Body, 200)))
	}
	if e.WaitLimit > 0 {
		fmt.Fprintf(&b, "; the server asks to wait %s", e.RetryAfter.Round(time.Second))
	}
	b.WriteString(e.gaveUp())
	return b.String()
}

// gaveUp explains why the client did not wait for the server's Retry-After.
func (e *Error) gaveUp() string {
	if e.WaitLimit <= 0 {
		return ""
	}
	return fmt.Sprintf("; that is longer than dinero-tui waits (%s), so it gave up: try again later", e.WaitLimit)
}

func statusNote(status int) string {
	switch status {
	case 400:
		return "bad request"
	case 403:
		return "forbidden"
	case 404:
		return "not found"
	case 413:
		return "too large (files may be at most 6 MB)"
	case 480:
		return "brownout (this endpoint is deprecated and fails on purpose; use its newer version)"
	}
	if status >= 500 {
		return "server error"
	}
	return ""
}

func orDefault(s, d string) string {
	if s == "" {
		return d
	}
	return s
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := n
	for cut > 0 && s[cut]&0xc0 == 0x80 { // do not split a UTF-8 sequence
		cut--
	}
	return s[:cut] + "…"
}

// errorBody is Dinero's JSON error shape. Keys are camelCase on the wire;
// encoding/json matches them case-insensitively, so PascalCase works too.
type errorBody struct {
	Code                     json.RawMessage `json:"code"`
	Message                  json.RawMessage `json:"message"`
	Error                    json.RawMessage `json:"error"`
	ValidationErrors         json.RawMessage `json:"validationErrors"`
	LanguageSpecificMessages []struct {
		Property json.RawMessage `json:"property"`
		Message  json.RawMessage `json:"message"`
	} `json:"languageSpecificMessages"`
}

// ParseError turns a failed answer into an *Error. It never fails: bodies
// that are not Dinero's JSON shape are kept (trimmed) in Body.
func ParseError(status int, header http.Header, body []byte) *Error {
	e := &Error{Status: status, Kind: KindOther}
	trimmed := bytes.TrimSpace(body)
	e.Body = truncate(sanitize.Text(truncate(string(trimmed), maxErrorBody)), maxErrorBody)
	if header != nil {
		e.RetryAfter = parseRetryAfter(header.Get("Retry-After"), time.Now())
	}
	if len(trimmed) > 0 && trimmed[0] == '{' {
		parseDineroBody(e, trimmed)
	}
	switch {
	case status == http.StatusTooManyRequests:
		e.Kind = KindRateLimited
		if e.Message == "" {
			e.Message = sanitize.Line(truncate(string(trimmed), 300))
		}
	case status == http.StatusUnauthorized:
		e.Kind = KindUnauthorized
	case status == http.StatusForbidden && e.Code == CodeNotPro:
		e.Kind = KindNotPro
	case status == http.StatusNotFound && isHTML(header, trimmed):
		e.Kind = KindHTMLNotFound
		e.Message = ""
	case e.Code != 0 || e.Message != "":
		e.Kind = KindDinero
	}
	return e
}

func isHTML(header http.Header, body []byte) bool {
	if header != nil {
		if mt, _, err := mime.ParseMediaType(header.Get("Content-Type")); err == nil && (mt == "text/html" || mt == "application/xhtml+xml") {
			return true
		}
	}
	return len(body) > 0 && body[0] == '<'
}

func parseDineroBody(e *Error, body []byte) {
	var eb errorBody
	if json.Unmarshal(body, &eb) != nil {
		return
	}
	e.Code = jsonInt(eb.Code)
	e.Message = sanitize.Line(jsonText(eb.Message))
	if e.Message == "" {
		e.Message = sanitize.Line(jsonText(eb.Error))
	}
	e.ValidationErrors = validationMap(eb.ValidationErrors)
	for _, m := range eb.LanguageSpecificMessages {
		e.LanguageSpecificMessages = append(e.LanguageSpecificMessages, LanguageMessage{
			Property: sanitize.Line(jsonText(m.Property)),
			Message:  sanitize.Line(jsonText(m.Message)),
		})
	}
}

// jsonInt reads a number or a numeric string; anything else is 0.
func jsonInt(raw json.RawMessage) int {
	var n json.Number
	if json.Unmarshal(raw, &n) != nil {
		var s string
		if json.Unmarshal(raw, &s) != nil {
			return 0
		}
		n = json.Number(s)
	}
	i, err := strconv.Atoi(string(n))
	if err != nil {
		return 0
	}
	return i
}

// jsonText reads a string; other JSON values are kept as their JSON text.
func jsonText(raw json.RawMessage) string {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || string(raw) == "null" {
		return ""
	}
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return s
	}
	return string(raw)
}

// validationMap accepts {"Field":"msg"} and {"Field":["msg1","msg2"]}.
func validationMap(raw json.RawMessage) map[string]string {
	var m map[string]json.RawMessage
	if json.Unmarshal(raw, &m) != nil || len(m) == 0 {
		return nil
	}
	out := make(map[string]string, len(m))
	for k, v := range m {
		var list []string
		if json.Unmarshal(v, &list) == nil {
			out[sanitize.Line(k)] = sanitize.Line(strings.Join(list, "; "))
			continue
		}
		out[sanitize.Line(k)] = sanitize.Line(jsonText(v))
	}
	return out
}

// maxRetryAfter caps an absurd Retry-After so it fits a Duration; any
// wait this long is far beyond what the client waits anyway.
const maxRetryAfter = 100 * 365 * 24 * time.Hour

// parseRetryAfter reads delta-seconds or an HTTP date; 0 when absent or
// bad. A long wait is kept (capped at maxRetryAfter): the caller gives up
// and says how long the server asked for.
func parseRetryAfter(v string, now time.Time) time.Duration {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0
	}
	if secs, err := strconv.ParseFloat(v, 64); err == nil {
		if !(secs > 0) { // also rejects NaN
			return 0
		}
		if secs >= maxRetryAfter.Seconds() {
			return maxRetryAfter
		}
		return time.Duration(secs * float64(time.Second))
	}
	if t, err := http.ParseTime(v); err == nil {
		if d := t.Sub(now); d > 0 {
			return min(d, maxRetryAfter)
		}
	}
	return 0
}
