package api

import (
	"context"
	"fmt"
	"sync"
	"time"
)

// limiter keeps requests within n per window for each key (organization),
// as Dinero counts them, so long paging never trips the server's limit.
type limiter struct {
	mu     sync.Mutex
	n      int
	window time.Duration
	sent   map[string][]time.Time // send times within the window, oldest first
}

func newLimiter(n int, window time.Duration) *limiter {
	if n <= 0 || window <= 0 {
		return nil
	}
	return &limiter{n: n, window: window, sent: map[string][]time.Time{}}
}

// margin is added to the window: the server starts its clock when a request
// arrives, a little after we sent it.
func (l *limiter) margin() time.Duration { return l.window / 20 }

// reserve records a send at now if the budget allows it; otherwise it
// returns how long to wait before trying again.
func (l *limiter) reserve(key string, now time.Time) time.Duration {
	l.mu.Lock()
	defer l.mu.Unlock()
	times := l.sent[key]
	cut := 0
	for cut < len(times) && now.Sub(times[cut]) >= l.window+l.margin() {
		cut++
	}
	times = times[cut:]
	if len(times) < l.n {
		l.sent[key] = append(times, now)
		return 0
	}
	l.sent[key] = times
	return l.window + l.margin() - now.Sub(times[0])
}

// waitBudget blocks (cancellably) until the request budget for key allows
// one more request.
func (c *Client) waitBudget(ctx context.Context, key string, attempt int) error {
	if c.limiter == nil {
		return nil
	}
	for {
		wait := c.limiter.reserve(key, c.now())
		if wait <= 0 {
			return nil
		}
		if c.notify != nil {
			c.notify(RetryInfo{Attempt: attempt, Wait: wait, Reason: fmt.Sprintf("request budget (%d per %s)", c.limiter.n, c.limiter.window)})
		}
		if err := c.sleep(ctx, wait); err != nil {
			return fmt.Errorf("waiting for the request budget: %w", err)
		}
	}
}
