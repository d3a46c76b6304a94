package api

import (
	"context"
	"errors"
	"net/http"
	"time"
)

// Option configures a Client.
type Option func(*Client)

// RetryInfo tells an observer that the client is waiting before a retry.
type RetryInfo struct {
	Attempt int           // the attempt about to be made, 2 for the first retry
	Wait    time.Duration // how long the client waits first
	Reason  string        // e.g. "HTTP 429 rate limited", "HTTP 503", "request budget"
}

// WithPlainClient sets the HTTP client for requests marked NoAuth (default
// http.DefaultClient): one that adds no authorization.
func WithPlainClient(hc *http.Client) Option { return func(c *Client) { c.plain = hc } }

// WithUserAgent sets the User-Agent header.
func WithUserAgent(ua string) Option { return func(c *Client) { c.userAgent = ua } }

// WithTimeout bounds each attempt of a request (default 60s). For Stream it
// bounds the wait for the response headers only.
func WithTimeout(d time.Duration) Option { return func(c *Client) { c.timeout = d } }

// WithRetryLimits sets the longest Retry-After the client waits for before
// retrying (default 60s); a longer one fails at once with a KindRateLimited
// error that carries RetryAfter.
func WithRetryLimits(maxWait time.Duration) Option { return func(c *Client) { c.maxWait = maxWait } }

// WithRetries sets how many times a GET is retried after a 429 or 5xx
// (default 3) and the first backoff for 5xx (default 500ms, doubled each time).
func WithRetries(n int, backoff time.Duration) Option {
	return func(c *Client) { c.retries, c.backoff = max(n, 0), backoff }
}

// WithClock replaces the clock and the cancellable sleep (for tests).
func WithClock(now func() time.Time, sleep func(ctx context.Context, d time.Duration) error) Option {
	return func(c *Client) {
		if now != nil {
			c.now = now
		}
		if sleep != nil {
			c.sleep = sleep
		}
	}
}

// WithRetryNotify calls fn before every wait (Retry-After, backoff, or the
// request budget), so a UI can say what is happening.
func WithRetryNotify(fn func(RetryInfo)) Option { return func(c *Client) { c.notify = fn } }

// WithRateLimit sets the client-side request budget per organization
// (default 100 per minute, Dinero's limit). n <= 0 turns it off.
func WithRateLimit(n int, per time.Duration) Option {
	return func(c *Client) { c.limiter = newLimiter(n, per) }
}

// MaxBodyInMemory is the largest answer Do reads into memory (64 MiB); a
// larger one is an ErrTooLarge error: use Stream for it.
const MaxBodyInMemory = 64 << 20

// MaxAnswerFile is the most of one answer dinero-tui keeps in a file of
// its own (the `api` spill file, the explorer's body file): an endless
// answer must not fill the disk. It is also what the viewer can index.
const MaxAnswerFile = 4 << 30

// MaxUploadSize is the largest file Dinero accepts in an upload: 6 MB
// (answers 400 or 413 beyond it).
const MaxUploadSize = 6 << 20

// DefaultStreamTimeout bounds a whole Stream, waits and body included.
const DefaultStreamTimeout = 10 * time.Minute

// ErrTooLarge is wrapped by Do when an answer exceeds the in-memory limit.
var ErrTooLarge = errors.New("the answer is too large to hold in memory")

// WithMaxBody sets the largest answer Do holds in memory (default
// MaxBodyInMemory).
func WithMaxBody(n int64) Option {
	return func(c *Client) {
		if n > 0 {
			c.maxBody = n
		}
	}
}

// WithStreamTimeout sets the total time limit of a Stream (default
// DefaultStreamTimeout); d <= 0 means none.
func WithStreamTimeout(d time.Duration) Option { return func(c *Client) { c.streamFor = d } }

// WithMaxPages sets the most pages one Pages run fetches (default MaxPages).
func WithMaxPages(n int) Option {
	return func(c *Client) {
		if n > 0 {
			c.maxPages = n
		}
	}
}
