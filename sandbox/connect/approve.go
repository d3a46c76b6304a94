package connect

import (
	"context"
	"errors"
	"fmt"
	"html"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"strings"
)

const maxPageBytes = 1 << 20

// Approve acts as a minimal browser for tests and the demo: it opens
// authorizeURL, answers the consent page with decision ("accept" or
// "cancel"), then does what a browser would do with the answer: it submits
// a form_post page to the redirect URI, or follows a query-mode redirect
// with a GET. It returns an error for an authorize error page, a page it
// cannot read, or a callback answering with a status of 400 or more. Errors
// never contain the code, state or tokens.
func Approve(ctx context.Context, hc *http.Client, authorizeURL, decision string) error {
	if decision != "accept" && decision != "cancel" {
		return fmt.Errorf("approve: decision must be accept or cancel, not %q", decision)
	}
	if hc == nil {
		hc = http.DefaultClient
	}
	noFollow := *hc
	noFollow.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }

	req, err := http.NewRequestWithContext(ctx, http.MethodGet, authorizeURL, nil)
	if err != nil {
		return fmt.Errorf("approve: authorize URL: %w", err)
	}
	page, err := load(&noFollow, req)
	if err != nil {
		return err
	}
	if f := page.form(); f != nil && f.hasDecision {
		fields := f.fields
		fields.Set("decision", decision)
		req, err = page.submit(ctx, f, fields)
		if err != nil {
			return err
		}
		page, err = load(&noFollow, req)
		if err != nil {
			return err
		}
	}
	return deliverToClient(ctx, hc, page)
}

// deliverToClient completes the authorization response the way a browser
// would: follow a redirect, or post the auto-submitting form.
func deliverToClient(ctx context.Context, hc *http.Client, page *loaded) error {
	var req *http.Request
	var err error
	switch {
	case page.status == http.StatusFound || page.status == http.StatusSeeOther:
		loc, lerr := page.url.Parse(page.location)
		if page.location == "" || lerr != nil {
			return errors.New("approve: redirect without a usable Location")
		}
		req, err = http.NewRequestWithContext(ctx, http.MethodGet, loc.String(), nil)
	case page.status == http.StatusOK && page.form() != nil && !page.form().hasDecision:
		f := page.form()
		req, err = page.submit(ctx, f, f.fields)
	default:
		return page.failure()
	}
	if err != nil {
		return fmt.Errorf("approve: callback request: %w", err)
	}
	resp, err := hc.Do(req)
	if err != nil {
		return fmt.Errorf("approve: callback: %w", redactURLError(err))
	}
	defer resp.Body.Close()
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, maxPageBytes))
	if resp.StatusCode >= 400 {
		return fmt.Errorf("approve: callback answered %s", resp.Status)
	}
	return nil
}

// loaded is a fetched page.
type loaded struct {
	url      *url.URL
	status   int
	location string
	body     string
}

func load(hc *http.Client, req *http.Request) (*loaded, error) {
	resp, err := hc.Do(req)
	if err != nil {
		return nil, fmt.Errorf("approve: %w", redactURLError(err))
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxPageBytes))
	if err != nil {
		return nil, fmt.Errorf("approve: read page: %w", err)
	}
	return &loaded{url: req.URL, status: resp.StatusCode, location: resp.Header.Get("Location"), body: string(body)}, nil
}

// failure describes a page that is neither consent nor a response.
func (p *loaded) failure() error {
	if m := errorIDRe.FindStringSubmatch(p.body); m != nil {
		return fmt.Errorf("approve: authorize error page (HTTP %d, Error ID %s)", p.status, m[1])
	}
	return fmt.Errorf("approve: unexpected answer from the authorization server (HTTP %d)", p.status)
}

// htmlForm is the first form of a page.
type htmlForm struct {
	method, action string
	fields         url.Values
	hasDecision    bool
}

var (
	formRe    = regexp.MustCompile(`(?is)<form\b([^>]*)>(.*?)</form>`)
	inputRe   = regexp.MustCompile(`(?is)<(input|button)\b([^>]*)>`)
	attrRe    = regexp.MustCompile(`(?s)([a-zA-Z][a-zA-Z0-9_:-]*)\s*=\s*"([^"]*)"`)
	errorIDRe = regexp.MustCompile(`class="error-id">([0-9a-f-]{36})<`)
)

func attrs(s string) map[string]string {
	out := map[string]string{}
	for _, m := range attrRe.FindAllStringSubmatch(s, -1) {
		out[strings.ToLower(m[1])] = html.UnescapeString(m[2])
	}
	return out
}

// form parses the first form of the page: its method, action, hidden
// inputs, and whether it has decision buttons.
func (p *loaded) form() *htmlForm {
	m := formRe.FindStringSubmatch(p.body)
	if m == nil {
		return nil
	}
	fa := attrs(m[1])
	f := &htmlForm{method: strings.ToUpper(fa["method"]), action: fa["action"], fields: url.Values{}}
	for _, in := range inputRe.FindAllStringSubmatch(m[2], -1) {
		a := attrs(in[2])
		switch {
		case strings.EqualFold(in[1], "button") && a["name"] == "decision":
			f.hasDecision = true
		case strings.EqualFold(in[1], "input") && strings.EqualFold(a["type"], "hidden") && a["name"] != "":
			f.fields.Add(a["name"], a["value"])
		}
	}
	return f
}

// submit builds the POST a browser makes for form f with the given fields.
// Like a browser, it sends the page's origin as Origin.
func (p *loaded) submit(ctx context.Context, f *htmlForm, fields url.Values) (*http.Request, error) {
	if f.method != "POST" {
		return nil, errors.New("approve: form does not use POST")
	}
	target, err := p.url.Parse(f.action)
	if err != nil {
		return nil, errors.New("approve: form action is not a URL")
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, target.String(), strings.NewReader(fields.Encode()))
	if err != nil {
		return nil, fmt.Errorf("approve: form request: %w", err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Origin", p.url.Scheme+"://"+p.url.Host)
	return req, nil
}

// redactURLError drops the URL (which may carry a code or state) from a
// client error.
func redactURLError(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		return fmt.Errorf("%s request failed: %w", ue.Op, ue.Err)
	}
	return err
}
