package response

import (
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// Dinero's request budget per company as the API client keeps it: 100
// requests a minute, plus the client's margin of a twentieth of the window
// (api.limiter), so an estimate matches what the client will do.
const (
	budgetRequests = 100
	budgetWindow   = time.Minute + time.Minute/20
)

// waitState is a wait the backend announced: until when, and why. It is
// written by the request's goroutine and read by View.
type waitState struct {
	until  atomic.Int64 // Unix nanoseconds; 0 when not waiting
	reason atomic.Pointer[string]
}

func (w *waitState) set(until time.Time, reason string) {
	w.reason.Store(&reason)
	w.until.Store(until.UnixNano())
}

// left is how long the wait still lasts at now and why, or 0.
func (w *waitState) left(now time.Time) (time.Duration, string) {
	u := w.until.Load()
	if u == 0 {
		return 0, ""
	}
	d := time.Unix(0, u).Sub(now)
	if d <= 0 {
		return 0, ""
	}
	reason := ""
	if r := w.reason.Load(); r != nil {
		reason = *r
	}
	return d, reason
}

// waitLine says the request is waiting, for how long and why.
func waitLine(d time.Duration, reason string) string {
	why := "Dinero allows 100 requests a minute per company."
	if reason != "" && !strings.Contains(reason, "budget") {
		why = "Dinero asked to wait (" + clean(reason) + ")."
	}
	return fmt.Sprintf("Waiting %s before sending: %s", formatLeft(d), why)
}

// pageTimes records when each page of a fetch arrived.
type pageTimes struct {
	mu    sync.Mutex
	start time.Time
	at    []time.Time
}

func (p *pageTimes) add(t time.Time) {
	p.mu.Lock()
	p.at = append(p.at, t)
	p.mu.Unlock()
}

// eta estimates the time left to fetch left more pages at now. wait is
// how long the client still holds the next request back: the budget was
// spent (by requests this fetch did not see), so after the wait it counts
// afresh.
func (p *pageTimes) eta(now time.Time, left int, wait time.Duration) (time.Duration, bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	per, ok := perRequest(p.start, p.at)
	if !ok || left <= 0 {
		return 0, ok && left == 0
	}
	if wait > 0 {
		return wait + estimateLeft(nil, now.Add(wait), left, per), true
	}
	return estimateLeft(p.at, now, left, per), true
}

// perRequest is the typical time one page takes: the mean gap between
// pages that did not wait for the budget (a gap over 5 s did), or the
// first page's time.
func perRequest(start time.Time, at []time.Time) (time.Duration, bool) {
	if len(at) == 0 {
		return 0, false
	}
	var sum time.Duration
	n := 0
	for i := 1; i < len(at); i++ {
		if g := at[i].Sub(at[i-1]); g < 5*time.Second {
			sum += g
			n++
		}
	}
	if n == 0 {
		return max(at[0].Sub(start), time.Millisecond), true
	}
	return max(sum/time.Duration(n), time.Millisecond), true
}

// estimateLeft is how long left more requests take from now when each
// takes per and at most budgetRequests go in any budgetWindow, sent being
// the requests already made (oldest first).
func estimateLeft(sent []time.Time, now time.Time, left int, per time.Duration) time.Duration {
	times := append([]time.Time(nil), sent...)
	t := now
	for range left {
		if len(times) >= budgetRequests {
			if free := times[len(times)-budgetRequests].Add(budgetWindow); t.Before(free) {
				t = free
			}
		}
		times = append(times, t)
		t = t.Add(per)
	}
	return t.Sub(now)
}

// formatLeft renders a duration to wait or left: 42 s, 9m 40s, 1h 05m.
func formatLeft(d time.Duration) string {
	d = d.Round(time.Second)
	switch {
	case d < time.Minute:
		return fmt.Sprintf("%d s", max(1, int(d.Seconds())))
	case d < time.Hour:
		return fmt.Sprintf("%dm %02ds", int(d.Minutes()), int(d.Seconds())%60)
	}
	return fmt.Sprintf("%dh %02dm", int(d.Hours()), int(d.Minutes())%60)
}
