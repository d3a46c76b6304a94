package response

import (
	"fmt"
	"strings"
	"sync/atomic"
	"time"
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
