package common

import "context"

type uploadKey struct{}

// WithUploadNotify returns ctx carrying fn: a Backend calls it (from its
// goroutine) as the files of the request made with ctx are sent; total is
// the files' size.
func WithUploadNotify(ctx context.Context, fn func(done, total int64)) context.Context {
	return context.WithValue(ctx, uploadKey{}, fn)
}

// NotifyUpload tells the caller that made ctx (if it asked) how far an
// upload has come.
func NotifyUpload(ctx context.Context, done, total int64) {
	if fn, ok := ctx.Value(uploadKey{}).(func(done, total int64)); ok && fn != nil {
		fn(done, total)
	}
}
