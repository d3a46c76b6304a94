package common

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"time"

	"github.com/dinero-tui/dinero-tui/api/catalog"
)

// Backend is everything the explorer needs from the outside world. Panes
// call it only from tea.Cmds. The real one wraps oauth.Session and
// api.Client (ui.NewBackend); tests use a fake.
type Backend interface {
	// Status is the session's state right now (no I/O).
	Status() SessionStatus
	// Events delivers session changes (refreshed, login required) until
	// stop is called.
	Events() (events <-chan SessionEvent, stop func())
	// StartLogin begins an interactive login.
	StartLogin(ctx context.Context) (Login, error)
	// OpenBrowser opens url in the user's browser ($BROWSER when set).
	OpenBrowser(url string) error
	// Organizations lists the user's companies.
	Organizations(ctx context.Context) ([]Org, error)
	// Send performs one API call. An HTTP error status is not an error:
	// it comes back as a Response with APIError set. progress, when not
	// nil, is called while the body downloads. A wait before sending (the
	// request budget, a Retry-After) is told through NotifyWait(ctx).
	Send(ctx context.Context, req Request, progress func(done, total int64)) (*Response, error)
	// AllPages fetches every page of a paged list, as req asks for them
	// (the caller sets page and pageSize), and answers one JSON array of
	// all the pages' Collection items, with Pages and Items set. An HTTP
	// error status comes back as for Send. progress, when not nil, is
	// called as items arrive.
	AllPages(ctx context.Context, req Request, progress func(PagesProgress)) (*Response, error)
	// SaveLastOrg remembers the chosen organization for the profile.
	SaveLastOrg(id int64) error
}

// Login is one interactive login in progress.
type Login interface {
	URL() string
	PasteMode() bool
	Wait(ctx context.Context) error
	SubmitPaste(ctx context.Context, input string) error
	Close()
}

// ErrLoginRequired is returned (wrapped) by Backend calls when the session
// has no usable token and the user must log in again.
var ErrLoginRequired = errors.New("login required")

// ErrLoginCancelled is returned (wrapped) by Login.Wait when the user
// pressed Cancel on the consent page.
var ErrLoginCancelled = errors.New("login cancelled")

// SessionStatus is the session's state as the status bar shows it.
type SessionStatus struct {
	LoggedIn        bool
	NeedsLogin      bool
	Expiry          time.Time
	HasRefreshToken bool
	StoreKind       string // "keyring" or "file"
	Scopes          []string
	// Unsaved: the store refused the newest tokens; they live only in this
	// process until a save succeeds.
	Unsaved bool
}

// SessionEventKind says what happened to the session.
type SessionEventKind int

// Session event kinds.
const (
	SessionRefreshed SessionEventKind = iota + 1
	SessionLoginRequired
	SessionLoggedIn
	SessionLoggedOut
)

// SessionEvent is one change of the session.
type SessionEvent struct {
	Kind   SessionEventKind
	Status SessionStatus
	At     time.Time
}

// Profile is what the explorer shows about the configuration in use.
type Profile struct {
	Name        string
	ClientID    string
	Scopes      string
	RedirectURI string
	ConnectURL  string
	APIURL      string
	OrgID       int64 // preselected organization (DINERO_ORG_ID or profile), 0 if none
	// ReadOnly: writes are locked (--read-only, DINERO_READ_ONLY, read_only).
	ReadOnly bool
}

// ReadOnlyRefusal says a write was not sent because of read-only mode,
// and how to turn read-only off.
func ReadOnlyRefusal(method string) string {
	// short enough for an 80-column screen
	return "Read-only: " + method + " not sent (drop --read-only, DINERO_READ_ONLY, read_only)"
}

// Org is one of the user's companies.
type Org struct {
	ID          int64
	Name        string
	IsPro       bool
	IsPayingPro bool
	VatNumber   string
	Email       string
	City        string
}

// Request is one API call to make.
type Request struct {
	OperationID string // catalogue id, if it came from the catalogue
	Method      string
	Path        string // template, e.g. /v1/{organizationId}/invoices
	PathParams  map[string]string
	Query       url.Values
	Body        []byte
	// What a request of a Postman collection adds (see catalog.Prepare):
	RawQuery    string         // encoded query sent as is, before Query; Query then only lists it for reading
	Header      http.Header    // the collection's headers
	ContentType string         // of Body; "" = application/json
	NoAuth      bool           // sent without the bearer token
	Parts       []catalog.Part // a multipart/form-data body, encoded when sent
}

// Response is the answer to a Request.
type Response struct {
	Status   int
	Header   http.Header
	Body     []byte // the body when it is small enough to hold in memory
	BodyFile string // the body streamed to a file under the cache dir, when large
	Size     int64
	Duration time.Duration
	URL      string
	Err      *APIError // set for HTTP >= 400
	// Pages and Items are set for the merged answer of AllPages: how many
	// pages were fetched and how many items the array holds.
	Pages, Items int
	// Partial marks a merged answer whose fetch stopped before the last
	// page (cancelled or failed): only the items that had arrived.
	Partial bool
}

// PagesProgress is how far an AllPages fetch has come.
type PagesProgress struct {
	Pages, Items int
	Bytes        int64
	// Total is the items in all pages as the server counts them
	// (ResultWithoutFilter), 0 when the answer does not say.
	Total int
	// ETA is the time left when this page landed, as the API client
	// estimates it from its request budget and the pace so far
	// (api.PagesProgress); 0 when done or unknown.
	ETA time.Duration
	// File, when set, is the file the merged array is written to: its
	// first Bytes bytes are the array so far, without the closing ']'.
	File string
}

// APIError is a Dinero error answer, already decoded.
type APIError struct {
	Status           int
	Code             int
	Message          string
	ValidationErrors map[string]string
	Kind             string
}
