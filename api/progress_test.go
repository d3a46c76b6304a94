package api

import (
	"bytes"
	"context"
	"net/url"
	"testing"
	"time"
)

func TestBudgetWait(t *testing.T) {
	now := time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC)
	step := time.Minute + 3*time.Second // window plus the limiter's margin
	tests := []struct {
		name     string
		past     []time.Duration // sends before now
		requests int
		want     time.Duration
	}{
		{"within the budget", nil, 100, 0},
		{"one over", nil, 101, step},
		{"a full budget spent 10s ago", repeat(-10*time.Second, 100), 1, step - 10*time.Second},
		{"1000 pages", nil, 1000, 9 * step},
		{"old sends do not count", repeat(-2*time.Minute, 100), 100, 0},
	}
	for _, tt := range tests {
		l := newLimiter(100, time.Minute)
		for _, d := range tt.past {
			l.sent["1"] = append(l.sent["1"], now.Add(d))
		}
		if got := l.wait("1", now, tt.requests); got != tt.want {
			t.Errorf("%s: wait %v, want %v", tt.name, got, tt.want)
		}
	}
	if (&Client{}).BudgetWait("1", 500) != 0 {
		t.Error("no limiter: want no wait")
	}
}

func repeat(d time.Duration, n int) []time.Duration {
	out := make([]time.Duration, n)
	for i := range out {
		out[i] = d
	}
	return out
}

// TestAllPagesProgress: the progress after each page gives the totals the
// first page announced, the bytes written, and an ETA from the budget.
func TestAllPagesProgress(t *testing.T) {
	var queries []url.Values
	c, _ := setup(t, collection(100, &queries), WithRateLimit(3, time.Minute))
	var buf bytes.Buffer
	var got []PagesProgress
	err := c.AllPagesProgress(context.Background(), Request{Path: "/v1/1/invoices", Query: url.Values{"pageSize": {"10"}}}, &buf,
		func(p PagesProgress) { got = append(got, p) })
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 10 {
		t.Fatalf("%d progress reports, want 10", len(got))
	}
	first, last := got[0], got[9]
	if first.Pages != 1 || first.PagesTotal != 10 || first.Items != 10 || first.ItemsTotal != 100 || first.Bytes == 0 {
		t.Errorf("first report %+v", first)
	}
	// 9 pages left at 3 a minute: three more windows of 63 s each.
	if first.ETA != 3*(time.Minute+3*time.Second) {
		t.Errorf("first ETA %v", first.ETA)
	}
	if last.Pages != 10 || last.Items != 100 || last.ETA != 0 || last.Bytes != int64(buf.Len()-1) {
		t.Errorf("last report %+v (output %d bytes)", last, buf.Len())
	}
}
