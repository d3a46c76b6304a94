package ui

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/dinero-tui/dinero-tui/api"
	"github.com/dinero-tui/dinero-tui/api/catalog"
	"github.com/dinero-tui/dinero-tui/config"
	"github.com/dinero-tui/dinero-tui/oauth"
	"github.com/dinero-tui/dinero-tui/ui/common"
)

// MemoryLimit is the largest body kept in memory; bigger bodies stay in a
// file under the cache directory and the viewer maps it.
const MemoryLimit = 4 << 20

// realBackend adapts oauth.Session and api.Client to Backend.
type realBackend struct {
	profile  config.Profile
	session  *oauth.Session
	client   *api.Client
	getenv   func(string) string
	open     func(url string) error // nil: oauth.OpenBrowser
	mu       sync.Mutex
	lastFile string // the previous large body, removed on the next send
	// memoryLimit replaces MemoryLimit when not 0 (tests).
	memoryLimit int64
	// waiting is told about the client's waits: the notify function of
	// the request in flight (the explorer sends one at a time; a request
	// replaced by another is cancelled and waits no more).
	waiting func(common.Wait)
	waitGen int
}

// noteWait passes a wait of the API client to the request in flight.
func (b *realBackend) noteWait(i api.RetryInfo) {
	b.mu.Lock()
	fn := b.waiting
	b.mu.Unlock()
	if fn != nil {
		fn(common.Wait{For: i.Wait, Reason: i.Reason})
	}
}

// watchWaits makes the request of ctx the one told about waits, until
// the returned function is called.
func (b *realBackend) watchWaits(ctx context.Context) func() {
	b.mu.Lock()
	b.waitGen++
	gen := b.waitGen
	b.waiting = func(w common.Wait) { common.NotifyWait(ctx, w) }
	b.mu.Unlock()
	return func() {
		b.mu.Lock()
		defer b.mu.Unlock()
		if b.waitGen == gen {
			b.waiting = nil
		}
	}
}

// NewBackend returns the Backend over a session and an API client.
func NewBackend(p config.Profile, s *oauth.Session, c *api.Client, getenv func(string) string) Backend {
	return &realBackend{profile: p, session: s, client: c, getenv: getenv}
}

// ProfileInfo is what the explorer shows about p (no secret).
func ProfileInfo(p config.Profile) common.Profile {
	scopes := ""
	for i, s := range p.Scopes {
		if i > 0 {
			scopes += " "
		}
		scopes += s
	}
	return common.Profile{Name: p.Name, ClientID: p.ClientID, Scopes: scopes, RedirectURI: p.RedirectURI,
		ConnectURL: p.ConnectURL, APIURL: p.APIURL, OrgID: p.OrgID, ReadOnly: p.ReadOnly}
}

func (b *realBackend) Status() common.SessionStatus { return convertStatus(b.session.Status()) }

func convertStatus(st oauth.Status) common.SessionStatus {
	// "log in again" only when there was a session; with no token at all
	// the bar says "not logged in"
	had := st.HasRefreshToken || !st.Expiry.IsZero()
	return common.SessionStatus{LoggedIn: st.LoggedIn, NeedsLogin: st.NeedsLogin && had, Expiry: st.Expiry,
		HasRefreshToken: st.HasRefreshToken, StoreKind: st.StoreKind, Scopes: st.Scopes, Unsaved: st.Unsaved}
}

func (b *realBackend) Events() (<-chan common.SessionEvent, func()) {
	in, stop := b.session.Events()
	out := make(chan common.SessionEvent, 16)
	go func() {
		defer close(out)
		for ev := range in {
			kind := map[oauth.EventKind]common.SessionEventKind{
				oauth.EventLoggedIn: common.SessionLoggedIn, oauth.EventRefreshed: common.SessionRefreshed,
				oauth.EventLoginRequired: common.SessionLoginRequired, oauth.EventLoggedOut: common.SessionLoggedOut,
			}[ev.Kind]
			if kind == 0 {
				continue // warnings: the status carries them
			}
			out <- common.SessionEvent{Kind: kind, Status: b.Status(), At: time.Now()}
		}
	}()
	return out, stop
}

func (b *realBackend) StartLogin(ctx context.Context) (common.Login, error) {
	l, err := b.session.StartLogin(ctx)
	if err != nil {
		return nil, err
	}
	return loginAdapter{l}, nil
}

type loginAdapter struct{ l *oauth.Login }

func (a loginAdapter) URL() string                    { return a.l.URL() }
func (a loginAdapter) PasteMode() bool                { return a.l.PasteMode() }
func (a loginAdapter) Wait(ctx context.Context) error { return loginErr(a.l.Wait(ctx)) }
func (a loginAdapter) SubmitPaste(ctx context.Context, s string) error {
	return a.l.SubmitPaste(ctx, s)
}
func (a loginAdapter) Close() { _ = a.l.Close() }

func (b *realBackend) OpenBrowser(url string) error {
	if b.open != nil {
		return b.open(url)
	}
	return oauth.OpenBrowser(url, b.getenv)
}

func (b *realBackend) Organizations(ctx context.Context) ([]common.Org, error) {
	orgs, err := b.client.Organizations(ctx)
	if err != nil {
		return nil, loginErr(err)
	}
	out := make([]common.Org, len(orgs))
	for i, o := range orgs {
		out[i] = common.Org{ID: o.ID, Name: o.Name, IsPro: o.IsPro, IsPayingPro: o.IsPayingPro,
			VatNumber: o.VatNumber, Email: o.Email, City: o.City}
	}
	return out, nil
}

func (b *realBackend) SaveLastOrg(id int64) error { return config.SaveLastOrg(b.profile, id) }

// Send streams the body to a file under the cache directory (so a large
// answer never has to fit in memory and shows progress), then keeps small
// bodies in memory.
func (b *realBackend) Send(ctx context.Context, req common.Request, progress func(done, total int64)) (*common.Response, error) {
	defer b.watchWaits(ctx)()
	var resp *api.Response
	ar := api.Request{Method: req.Method, Path: req.Path, PathParams: req.PathParams, Query: req.Query, Body: req.Body,
		RawQuery: req.RawQuery, Header: req.Header, ContentType: req.ContentType, NoAuth: req.NoAuth}
	if req.RawQuery != "" {
		ar.Query = nil // it only lists RawQuery for reading
	}
	if len(req.Parts) > 0 {
		body, ct, err := uploadBody(ctx, req.Parts)
		if err != nil {
			return nil, err
		}
		defer body.Close() // ends the part writer if the request never read it all
		ar.BodyReader, ar.ContentType = body, ct
		ar.Header = ar.Header.Clone()
		if ar.Header != nil {
			ar.Header.Del("Content-Type")
		}
	}
	stream := func(w io.Writer) (err error) {
		resp, err = b.client.Stream(ctx, ar, w, progress)
		return err
	}
	return b.streamBody("the answer", stream, func(time.Duration) *common.Response {
		return &common.Response{Status: resp.Status, Header: resp.Header, Duration: resp.Duration, URL: resp.URL}
	})
}

// streamBody has stream write an answer into a new body file and keeps
// the response that answered builds from the time it took. When stream or
// closing the file fails, the file is removed and an API error comes back
// as an error response, anything else as an error; what names the content
// in the message for a failed write. An answer passing maxBodyFile stops
// with errBodyTooLarge and its file is removed.
func (b *realBackend) streamBody(what string, stream func(io.Writer) error,
	answered func(took time.Duration) *common.Response) (*common.Response, error) {
	f, err := b.bodyFile()
	if err != nil {
		return nil, err
	}
	path := f.Name()
	start := time.Now()
	err = stream(&cappedFile{f: f}) // at most maxBodyFile bytes on disk
	closeErr := f.Close()
	if err != nil {
		os.Remove(path)
		var apiErr *api.Error
		if errors.As(err, &apiErr) {
			return errorResponse(apiErr, time.Since(start)), nil
		}
		return nil, loginErr(err)
	}
	if closeErr != nil {
		os.Remove(path)
		return nil, fmt.Errorf("write %s to %s: %w", what, path, closeErr)
	}
	return b.keep(answered(time.Since(start)), path)
}

// bodyFile creates a file for an answer under the cache directory.
func (b *realBackend) bodyFile() (*os.File, error) {
	dir := filepath.Join(b.profile.CacheDir, "responses")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("create %s: %w", dir, err)
	}
	f, err := os.CreateTemp(dir, "body-*.json")
	if err != nil {
		return nil, fmt.Errorf("create a file for the answer: %w", err)
	}
	return f, nil
}

// keep reads a small answer into memory and removes its file, or keeps a
// large one on disk (removing the previous large one).
func (b *realBackend) keep(out *common.Response, path string) (*common.Response, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("read the answer: %w", err)
	}
	out.Size = st.Size()
	limit := b.memoryLimit
	if limit == 0 {
		limit = MemoryLimit
	}
	if out.Size <= limit {
		out.Body, err = os.ReadFile(path)
		os.Remove(path)
		if err != nil {
			return nil, fmt.Errorf("read the answer: %w", err)
		}
		return out, nil
	}
	b.mu.Lock()
	prev := b.lastFile
	b.lastFile = path
	b.mu.Unlock()
	if prev != "" {
		os.Remove(prev) // a mapping of it stays valid until closed
	}
	out.BodyFile = path
	return out, nil
}

func errorResponse(e *api.Error, d time.Duration) *common.Response {
	return &common.Response{Status: e.Status, Body: []byte(e.Body), Size: int64(len(e.Body)), Duration: d, URL: e.URL,
		Err: &common.APIError{Status: e.Status, Code: e.Code, Message: e.Message, ValidationErrors: e.ValidationErrors,
			Kind: e.Kind.String()}}
}

func loginErr(err error) error {
	switch {
	case errors.Is(err, oauth.ErrLoginRequired):
		return fmt.Errorf("%w: %w", common.ErrLoginRequired, err)
	case errors.Is(err, oauth.ErrLoginCancelled):
		return fmt.Errorf("%w: %w", common.ErrLoginCancelled, err)
	}
	return err
}

// Cleanup removes the last large body file.
func (b *realBackend) Cleanup() {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.lastFile != "" {
		os.Remove(b.lastFile)
		b.lastFile = ""
	}
}

// NewDeps wires the explorer to a profile, its session, an API client
// built on the session (with opts) and a catalogue: what both `dinero-tui`
// and `dinero-tui demo` run. The client tells the explorer when a request
// waits for Dinero's request budget or a Retry-After, so the screen can
// say so.
func NewDeps(p config.Profile, s *oauth.Session, cat *catalog.Catalog, getenv func(string) string, opts ...api.Option) Deps {
	b := &realBackend{profile: p, session: s, getenv: getenv}
	b.client = api.NewClient(s.HTTPClient(), p.APIURL, append(opts, api.WithRetryNotify(b.noteWait), api.WithReadOnly(p.ReadOnly))...)
	return Deps{Backend: b, Profile: ProfileInfo(p), Catalog: cat,
		LastOrg: config.LastOrg(p), StateDir: p.StateDir, CacheDir: p.CacheDir, Getenv: getenv}
}
