// Package api is the Dinero API client. It works on an *http.Client that
// already authorizes requests (the OAuth session's), and adds what Dinero
// needs: path templates, typed errors, Retry-After, retries for safe
// requests, a request budget per organization, and paging.
package api

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// DefaultBaseURL is the real Dinero API.
const DefaultBaseURL = "https://api.dinero.dk"

// Client calls the Dinero API. It is safe for concurrent use.
type Client struct {
	hc        *http.Client
	plain     *http.Client // for NoAuth requests
	base      *url.URL
	baseErr   error
	userAgent string
	timeout   time.Duration
	maxWait   time.Duration // longest Retry-After we wait for
	retries   int           // extra attempts for GETs on 429/5xx
	backoff   time.Duration // first 5xx backoff, doubled each time
	now       func() time.Time
	sleep     func(ctx context.Context, d time.Duration) error
	notify    func(RetryInfo)
	limiter   *limiter
	maxPages  int           // most pages one Pages run fetches
	maxBody   int64         // most bytes Do holds in memory
	streamFor time.Duration // total time limit of a Stream
	readOnly  bool          // refuse writes (WithReadOnly)
}

// NewClient returns a client that sends requests with hc to baseURL (for
// example DefaultBaseURL, or a sandbox). An empty baseURL means
// DefaultBaseURL. hc nil means http.DefaultClient.
func NewClient(hc *http.Client, baseURL string, opts ...Option) *Client {
	if hc == nil {
		hc = http.DefaultClient
	}
	if baseURL == "" {
		baseURL = DefaultBaseURL
	}
	c := &Client{
		hc:        hc,
		plain:     http.DefaultClient,
		userAgent: "dinero-tui",
		timeout:   60 * time.Second,
		maxWait:   60 * time.Second,
		retries:   3,
		backoff:   500 * time.Millisecond,
		now:       time.Now,
		sleep:     sleepCtx,
		limiter:   newLimiter(100, time.Minute),
		maxPages:  MaxPages,
		maxBody:   MaxBodyInMemory,
		streamFor: DefaultStreamTimeout,
	}
	c.base, c.baseErr = parseBase(baseURL)
	for _, o := range opts {
		o(c)
	}
	return c
}

// BaseURL is the API base the client sends to.
func (c *Client) BaseURL() string {
	if c.base == nil {
		return ""
	}
	return c.base.String()
}

func parseBase(raw string) (*url.URL, error) {
	u, err := url.Parse(strings.TrimRight(raw, "/"))
	if err != nil {
		return nil, fmt.Errorf("API base URL %q: %w", raw, err)
	}
	if u.Scheme != "http" && u.Scheme != "https" || u.Host == "" {
		return nil, fmt.Errorf("API base URL %q must be an absolute http(s) URL, e.g. %s", raw, DefaultBaseURL)
	}
	return u, nil
}

func sleepCtx(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// Request is one API call.
type Request struct {
	Method string // GET when empty
	// Path is relative to the base URL, e.g. "/v1/{organizationId}/invoices/{guid}".
	// It may carry a query string. A full URL is accepted only on the base URL's host.
	Path       string
	PathParams map[string]string // values for {name} placeholders; escaped
	Query      url.Values
	Body       []byte
	// BodyReader is a body streamed as it is read (an upload from disk),
	// used instead of Body. It is read once, so the request is never retried.
	BodyReader  io.Reader
	Accept      string // default application/json
	ContentType string // default application/json when Body is set
	// RawQuery is an already encoded query sent as is, in its order, before
	// Query (an imported Postman request keeps Postman's order and escaping).
	RawQuery string
	// Header is sent as given, after (and over) the default headers.
	Header http.Header
	// NoAuth sends the request without the session's authorization, on the
	// client's plain HTTP client (a Postman request with auth "noauth").
	NoAuth bool
}

// Response is a successful (2xx or 3xx) answer.
type Response struct {
	Status   int
	Header   http.Header
	Body     []byte // nil for Stream
	Duration time.Duration
	URL      string
}

// Do sends r and returns the whole answer. A status >= 400 returns an
// *Error (and no Response).
func (c *Client) Do(ctx context.Context, r Request) (*Response, error) {
	resp, start, cancel, err := c.send(ctx, r, false)
	if err != nil {
		return nil, err
	}
	defer cancel()
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, c.maxBody+1))
	if err != nil {
		return nil, fmt.Errorf("%s %s: reading the answer: %w", resp.Request.Method, redact(resp.Request.URL), err)
	}
	if int64(len(body)) > c.maxBody {
		return nil, fmt.Errorf("%s %s: %w: it is larger than %s (ask for less, e.g. a smaller pageSize or fewer fields)",
			resp.Request.Method, redact(resp.Request.URL), ErrTooLarge, SizeText(c.maxBody))
	}
	return &Response{
		Status:   resp.StatusCode,
		Header:   resp.Header,
		Body:     body,
		Duration: c.now().Sub(start),
		URL:      redact(resp.Request.URL),
	}, nil
}

// Stream sends r and copies a successful body to w, calling progress (if
// not nil) as bytes arrive; total is -1 when unknown. Response.Body is nil.
// The whole call is bounded by the stream time limit (WithStreamTimeout),
// so an endless body ends with an error.
func (c *Client) Stream(ctx context.Context, r Request, w io.Writer, progress func(done, total int64)) (*Response, error) {
	parent := ctx
	if c.streamFor > 0 {
		var stop context.CancelFunc
		ctx, stop = context.WithTimeout(ctx, c.streamFor)
		defer stop()
	}
	resp, start, cancel, err := c.send(ctx, r, true)
	if err != nil {
		return nil, err
	}
	defer cancel()
	defer resp.Body.Close()
	pw := &progressWriter{w: w, total: resp.ContentLength, fn: progress}
	if _, err := io.Copy(pw, resp.Body); err != nil {
		if parent.Err() == nil && errors.Is(ctx.Err(), context.DeadlineExceeded) {
			err = fmt.Errorf("the answer did not finish within %s (%s received), the most one answer may take", c.streamFor, SizeText(pw.done))
		}
		return nil, fmt.Errorf("%s %s: copying the answer: %w", resp.Request.Method, redact(resp.Request.URL), err)
	}
	return &Response{
		Status:   resp.StatusCode,
		Header:   resp.Header,
		Duration: c.now().Sub(start),
		URL:      redact(resp.Request.URL),
	}, nil
}

type progressWriter struct {
	w     io.Writer
	done  int64
	total int64
	fn    func(done, total int64)
}

func (p *progressWriter) Write(b []byte) (int, error) {
	n, err := p.w.Write(b)
	p.done += int64(n)
	if p.fn != nil {
		p.fn(p.done, p.total)
	}
	return n, err
}

// SizeText writes a byte count for people in binary units: 64 MiB,
// 1.5 GiB, 900 bytes (the wording of size limits in messages).
func SizeText(n int64) string {
	for _, u := range []struct {
		size int64
		name string
	}{{1 << 30, "GiB"}, {1 << 20, "MiB"}, {1 << 10, "KiB"}} {
		if n >= u.size {
			return strings.TrimSuffix(strconv.FormatFloat(float64(n)/float64(u.size), 'f', 1, 64), ".0") + " " + u.name
		}
	}
	return strconv.FormatInt(n, 10) + " bytes"
}

// send performs r with retries and returns a successful response whose body
// the caller must close, then call cancel.
func (c *Client) send(ctx context.Context, r Request, headersOnlyTimeout bool) (*http.Response, time.Time, context.CancelFunc, error) {
	start := c.now()
	method := strings.ToUpper(r.Method)
	if method == "" {
		method = http.MethodGet
	}
	if c.readOnly && IsWrite(method) {
		return nil, start, nil, fmt.Errorf("%s %s: %w", method, r.Path, ErrReadOnly)
	}
	u, orgKey, err := c.buildURL(r)
	if err != nil {
		return nil, start, nil, err
	}
	retryable := (method == http.MethodGet || method == http.MethodHead) && r.BodyReader == nil
	backoff := c.backoff
	for attempt := 1; ; attempt++ {
		if err := c.waitBudget(ctx, orgKey, attempt); err != nil {
			return nil, start, nil, err
		}
		resp, cancel, err := c.attempt(ctx, method, u, r, headersOnlyTimeout)
		if err != nil {
			return nil, start, nil, err
		}
		if resp.StatusCode < 400 {
			return resp, start, cancel, nil
		}
		apiErr := readError(resp, method, u, c.now())
		cancel()
		if !retryable || attempt > c.retries {
			return nil, start, nil, apiErr
		}
		wait, reason := time.Duration(0), ""
		switch {
		case resp.StatusCode == http.StatusTooManyRequests:
			wait, reason = apiErr.RetryAfter, "HTTP 429 rate limited"
			if wait == 0 {
				wait = backoff
				backoff *= 2
			}
		case resp.StatusCode >= 500 && resp.StatusCode <= 599:
			wait, reason = backoff, fmt.Sprintf("HTTP %d", resp.StatusCode)
			if apiErr.RetryAfter > 0 {
				wait = apiErr.RetryAfter
			}
			backoff *= 2
		default:
			return nil, start, nil, apiErr
		}
		if wait > c.maxWait {
			// Waiting that long is giving up: say so now, with the server's wait.
			apiErr.WaitLimit = c.maxWait
			return nil, start, nil, apiErr
		}
		if c.notify != nil {
			c.notify(RetryInfo{Attempt: attempt + 1, Wait: wait, Reason: reason})
		}
		if err := c.sleep(ctx, wait); err != nil {
			return nil, start, nil, fmt.Errorf("waiting to retry after %s: %w", reason, err)
		}
	}
}

// attempt sends one HTTP request.
func (c *Client) attempt(ctx context.Context, method string, u *url.URL, r Request, headersOnlyTimeout bool) (*http.Response, context.CancelFunc, error) {
	var (
		actx   context.Context
		cancel context.CancelFunc
		timer  *time.Timer
	)
	switch {
	case c.timeout <= 0:
		actx, cancel = context.WithCancel(ctx)
	case headersOnlyTimeout:
		actx, cancel = context.WithCancel(ctx)
		timer = time.AfterFunc(c.timeout, cancel)
	default:
		actx, cancel = context.WithTimeout(ctx, c.timeout)
	}
	var body io.Reader
	if r.Body != nil {
		body = bytes.NewReader(r.Body)
	}
	if r.BodyReader != nil {
		body = r.BodyReader
	}
	req, err := http.NewRequestWithContext(actx, method, u.String(), body)
	if err != nil {
		cancel()
		return nil, nil, fmt.Errorf("building %s %s: %w", method, redact(u), err)
	}
	req.Header.Set("User-Agent", c.userAgent)
	req.Header.Set("Accept", orDefault(r.Accept, "application/json"))
	if body != nil {
		req.Header.Set("Content-Type", orDefault(r.ContentType, "application/json"))
	}
	for k, vs := range r.Header {
		if strings.EqualFold(k, "Authorization") && !r.NoAuth {
			continue // the session authorizes; a header cannot replace its token
		}
		req.Header[http.CanonicalHeaderKey(k)] = append([]string(nil), vs...)
	}
	hc := c.hc
	if r.NoAuth {
		hc = c.plain
	}
	resp, err := hc.Do(req)
	if timer != nil {
		timer.Stop()
	}
	if err != nil {
		cancel()
		if ctx.Err() != nil {
			return nil, nil, fmt.Errorf("%s %s: %w", method, redact(u), ctx.Err())
		}
		if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
			return nil, nil, fmt.Errorf("%s %s: no answer within %s: %w", method, redact(u), c.timeout, err)
		}
		return nil, nil, fmt.Errorf("%s %s: %w", method, redact(u), err)
	}
	return resp, cancel, nil
}

// readError reads (a bounded part of) a failed answer and parses it; an
// HTTP-date Retry-After counts from now.
func readError(resp *http.Response, method string, u *url.URL, now time.Time) *Error {
	defer resp.Body.Close()
	body, _ := io.ReadAll(io.LimitReader(resp.Body, 64<<10))
	e := ParseError(resp.StatusCode, resp.Header, body)
	e.RetryAfter = parseRetryAfter(resp.Header.Get("Retry-After"), now)
	e.Method, e.URL = method, redact(u)
	return e
}

// redact prints a URL without any user info.
func redact(u *url.URL) string {
	if u == nil {
		return ""
	}
	c := *u
	c.User = nil
	return c.String()
}
