package api

import (
	"net/http"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

func TestParseError(t *testing.T) {
	h := func(kv ...string) http.Header {
		hd := http.Header{}
		for i := 0; i+1 < len(kv); i += 2 {
			hd.Set(kv[i], kv[i+1])
		}
		return hd
	}
	tests := []struct {
		name    string
		status  int
		header  http.Header
		body    string
		kind    ErrorKind
		code    int
		message string
	}{
		{"dinero deleted", 400, h("Content-Type", "application/json"),
			`{"code":65,"message":"Item is deleted","validationErrors":{"message":"Invalid InvoiceGuid"},"languageSpecificMessages":[{"property":"message","message":"Slettet"}],"errorMessageList":[{"Code":"message","Message":"x"}]}`,
			KindDinero, 65, "Item is deleted"},
		{"PascalCase keys", 400, nil, `{"Code":"58","Message":"Timestamp outdated"}`, KindDinero, 58, "Timestamp outdated"},
		{"error key", 400, nil, `{"error":"invalid_request"}`, KindDinero, 0, "invalid_request"},
		{"not pro", 403, nil, `{"code":90,"message":"Organization has no Pro"}`, KindNotPro, 90, "Organization has no Pro"},
		{"403 other", 403, nil, `{"code":41,"message":"No access"}`, KindDinero, 41, "No access"},
		{"html 404 by type", 404, h("Content-Type", "text/html; charset=utf-8"), "<!DOCTYPE html><title>x</title>", KindHTMLNotFound, 0, ""},
		{"html 404 by body", 404, nil, "  <html>", KindHTMLNotFound, 0, ""},
		{"plain 429", 429, h("Retry-After", "12"), "API calls quota exceeded! maximum admitted 100 per 1m.", KindRateLimited, 0, "API calls quota exceeded! maximum admitted 100 per 1m."},
		{"empty 401", 401, nil, "", KindUnauthorized, 0, ""},
		{"json 401", 401, nil, `{"code":41,"message":"Unauthorized"}`, KindUnauthorized, 41, "Unauthorized"},
		{"500 text", 500, nil, "boom", KindOther, 0, ""},
		{"broken json", 400, nil, `{"code":`, KindOther, 0, ""},
		{"escape in message", 400, nil, `{"code":42,"message":"bad\u001b[2Jthing"}`, KindDinero, 42, "badthing"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := ParseError(tt.status, tt.header, []byte(tt.body))
			if e.Kind != tt.kind || e.Code != tt.code || e.Message != tt.message || e.Status != tt.status {
				t.Errorf("got kind %v code %d message %q status %d", e.Kind, e.Code, e.Message, e.Status)
			}
		})
	}
	e := ParseError(400, nil, []byte(`{"code":42,"message":"Validation Error","validationErrors":{"Name":["too long","bad"]}}`))
	if e.ValidationErrors["Name"] != "too long; bad" || !strings.Contains(e.Error(), "Name: too long; bad") {
		t.Errorf("validation = %v, %q", e.ValidationErrors, e.Error())
	}
	if e := ParseError(429, h("Retry-After", "12"), nil); e.RetryAfter != 12*time.Second {
		t.Errorf("RetryAfter = %v", e.RetryAfter)
	}
}

func TestParseRetryAfter(t *testing.T) {
	now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	tests := map[string]time.Duration{
		"":                              0,
		"5":                             5 * time.Second,
		"0.5":                           500 * time.Millisecond,
		"-3":                            0,
		"NaN":                           0,
		"999999999":                     999999999 * time.Second,
		"90000":                         25 * time.Hour,
		"1e300":                         maxRetryAfter,
		"Inf":                           maxRetryAfter,
		"Sun, 01 Mar 2099 12:00:00 GMT": time.Date(2099, 3, 1, 12, 0, 0, 0, time.UTC).Sub(now),
		"Sun, 01 Mar 2026 12:00:30 GMT": 30 * time.Second,
		"Sun, 01 Mar 2026 11:00:00 GMT": 0,
		"soon":                          0,
	}
	for in, want := range tests {
		if got := parseRetryAfter(in, now); got != want {
			t.Errorf("parseRetryAfter(%q) = %v, want %v", in, got, want)
		}
	}
}

func FuzzParseError(f *testing.F) {
	f.Add(400, `{"code":42,"message":"Validation Error","validationErrors":{"Name":"x"}}`, "")
	f.Add(403, `{"code":90,"message":"no"}`, "")
	f.Add(404, `<html>`, "text/html")
	f.Add(429, `API calls quota exceeded!`, "text/plain")
	f.Add(400, `{"code":{"a":1},"message":[1,2],"validationErrors":[],"languageSpecificMessages":{}}`, "")
	f.Add(500, "\x1b]0;x\x07\xff", "")
	f.Fuzz(func(t *testing.T, status int, body, ctype string) {
		hd := http.Header{"Content-Type": {ctype}, "Retry-After": {body}}
		e := ParseError(status, hd, []byte(body))
		msg := e.Error()
		for _, s := range []string{msg, e.Message, e.Body} {
			if !utf8.ValidString(s) || strings.ContainsAny(s, "\x1b\x07\r") {
				t.Fatalf("unsafe text %q from %q", s, body)
			}
		}
		if e.RetryAfter < 0 {
			t.Fatalf("negative RetryAfter")
		}
		if len(e.Body) > maxErrorBody+4 {
			t.Fatalf("body kept %d bytes", len(e.Body))
		}
	})
}
