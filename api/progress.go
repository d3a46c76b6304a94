package api

import (
	"context"
	"io"
	"time"
)

// PagesProgress is how far a fetch of every page has come, for a progress
// line: pages and items done against the totals the first page announced,
// bytes written, and an estimate of the time left.
type PagesProgress struct {
	Pages      int   // pages fetched so far
	PagesTotal int   // pages this run fetches, fixed by the first page; 0 when unknown (bare arrays)
	Items      int   // items written so far
	ItemsTotal int   // items the first page announced (ResultWithoutFilter); 0 when unknown
	Bytes      int64 // bytes of the merged array written so far
	// ETA estimates the time left: the longer of the request budget's
	// wait for the remaining pages and the pace so far. 0 when done or
	// unknown.
	ETA time.Duration
}

// AllPagesProgress is AllPages that calls progress (when not nil) after
// each page's items are written.
func (c *Client) AllPagesProgress(ctx context.Context, r Request, w io.Writer, progress func(PagesProgress)) error {
	_, org, err := c.buildURL(r)
	if err != nil {
		return err
	}
	cw := &countWriter{w: w}
	var pr PagesProgress
	start := c.now()
	return c.AllPagesNotify(ctx, r, cw, func(p Page) {
		pr.Pages++
		pr.Items += len(p.Items)
		pr.Bytes = cw.n
		if p.LastPage >= 0 {
			if pr.PagesTotal == 0 {
				pr.PagesTotal = p.LastPage - p.Number + 1
				pr.ItemsTotal = p.Pagination.ResultWithoutFilter
			}
		}
		pr.ETA = 0
		if left := pr.PagesTotal - pr.Pages; left > 0 {
			pace := c.now().Sub(start) / time.Duration(pr.Pages) * time.Duration(left)
			pr.ETA = max(c.BudgetWait(org, left), pace)
		}
		if progress != nil {
			progress(pr)
		}
	})
}

// BudgetWait estimates how long from now until the client-side request
// budget lets the last of the next requests calls to organization org go:
// 0 when the budget allows them at once or is off.
func (c *Client) BudgetWait(org string, requests int) time.Duration {
	if c.limiter == nil || requests <= 0 {
		return 0
	}
	return c.limiter.wait(org, c.now(), requests)
}

// wait computes when the last of requests more sends is allowed. Send i of
// the combined sequence (past sends in the window, then the new ones) may
// go one window (plus margin) after send i-n.
func (l *limiter) wait(key string, now time.Time, requests int) time.Duration {
	l.mu.Lock()
	defer l.mu.Unlock()
	step := l.window + l.margin()
	var past []time.Time
	for _, t := range l.sent[key] {
		if now.Sub(t) < step {
			past = append(past, t)
		}
	}
	last := len(past) + requests - 1
	if last < l.n {
		return 0
	}
	// slot i (< n) is a past send or now; later slots repeat every step.
	base := now
	if i := last % l.n; i < len(past) {
		base = past[i]
	}
	return max(base.Add(time.Duration(last/l.n)*step).Sub(now), 0)
}

// countWriter counts the bytes written through it.
type countWriter struct {
	w io.Writer
	n int64
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}
