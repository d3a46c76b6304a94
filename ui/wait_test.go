package ui

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/dinero-tui/dinero-tui/api"
	"github.com/dinero-tui/dinero-tui/config"
	"github.com/dinero-tui/dinero-tui/ui/common"
)

// The real backend tells the request in flight when the client holds it
// back for the request budget, and nobody after it is done.
func TestRealBackendToldOfBudgetWaits(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprint(w, `{"Collection":[],"Pagination":{"Page":0}}`)
	}))
	defer srv.Close()
	var mu sync.Mutex
	now := time.Date(2030, 1, 1, 12, 0, 0, 0, time.UTC)
	clock := func() time.Time { mu.Lock(); defer mu.Unlock(); return now }
	sleep := func(ctx context.Context, d time.Duration) error {
		mu.Lock()
		now = now.Add(d)
		mu.Unlock()
		return ctx.Err()
	}
	b := &realBackend{profile: config.Profile{CacheDir: t.TempDir()}}
	b.client = api.NewClient(srv.Client(), srv.URL, api.WithRateLimit(1, time.Minute), api.WithClock(clock, sleep),
		api.WithRetryNotify(b.noteWait))
	var waits []common.Wait
	ctx := common.WithWaitNotify(context.Background(), func(w common.Wait) { waits = append(waits, w) })
	req := common.Request{Method: "GET", Path: "/v1/{organizationId}/invoices", PathParams: map[string]string{"organizationId": "1"}}
	for range 2 {
		if _, err := b.Send(ctx, req, nil); err != nil {
			t.Fatal(err)
		}
	}
	if len(waits) != 1 || waits[0].For < time.Minute || waits[0].Reason == "" {
		t.Fatalf("waits %+v, want one of about a minute with a reason", waits)
	}
	if b.waiting != nil {
		t.Fatal("a finished request is still told about waits")
	}
}
