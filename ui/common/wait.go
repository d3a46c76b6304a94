package common

import (
	"context"
	"time"
)

// Wait says a request is held back before it is sent: for Dinero's
// request budget, a Retry-After, or a backoff after a server error.
type Wait struct {
	For    time.Duration
	Reason string
}

type waitKey struct{}

// WithWaitNotify returns ctx carrying fn: a Backend calls it (from its
// goroutine) whenever the request made with ctx has to wait.
func WithWaitNotify(ctx context.Context, fn func(Wait)) context.Context {
	return context.WithValue(ctx, waitKey{}, fn)
}

// NotifyWait tells the caller that made ctx (if it asked) about a wait.
func NotifyWait(ctx context.Context, w Wait) {
	if fn, ok := ctx.Value(waitKey{}).(func(Wait)); ok && fn != nil {
		fn(w)
	}
}
