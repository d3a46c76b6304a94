package dinero

import (
	"fmt"
	"math"
	"sync"
	"time"
)

// limiter is a sliding-window request counter per key.
type limiter struct {
	mu     sync.Mutex
	limit  int
	window time.Duration
	hits   map[string][]time.Time // ascending request times inside the window
}

func newLimiter(limit int, window time.Duration) *limiter {
	return &limiter{limit: limit, window: window, hits: map[string][]time.Time{}}
}

// allow records a request for key at now. When the window is full it
// records nothing and returns how long until the oldest request leaves it.
func (l *limiter) allow(key string, now time.Time) (ok bool, retryAfter time.Duration) {
	if l.limit < 0 {
		return true, 0
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	cutoff := now.Add(-l.window)
	h := l.hits[key]
	i := 0
	for i < len(h) && !h[i].After(cutoff) {
		i++
	}
	h = h[i:]
	if len(h) >= l.limit {
		l.hits[key] = h
		if len(h) == 0 {
			return false, l.window
		}
		return false, h[0].Add(l.window).Sub(now)
	}
	l.hits[key] = append(h, now)
	return true, 0
}

// message is the 429 body, in the wording of the rate-limit library Dinero uses.
func (l *limiter) message() string {
	return fmt.Sprintf("API calls quota exceeded! maximum admitted %d per %s.", l.limit, periodText(l.window))
}

func periodText(d time.Duration) string {
	switch {
	case d%(24*time.Hour) == 0:
		return fmt.Sprintf("%dd", d/(24*time.Hour))
	case d%time.Hour == 0:
		return fmt.Sprintf("%dh", d/time.Hour)
	case d%time.Minute == 0:
		return fmt.Sprintf("%dm", d/time.Minute)
	case d%time.Second == 0:
		return fmt.Sprintf("%ds", d/time.Second)
	}
	return d.String()
}

// retrySeconds rounds a wait up to whole seconds, at least 1.
func retrySeconds(d time.Duration) int {
	return max(1, int(math.Ceil(d.Seconds())))
}
