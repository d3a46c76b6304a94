// Package fakebackend is an in-memory ui.Backend for tests and for trying
// the explorer without a network: a few companies, a paged invoice list
// and the Dinero error shapes.
package fakebackend

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/dinero-tui/dinero-tui/ui/common"
)

// Backend is the fake. Zero value is not usable; call New.
type Backend struct {
	mu       sync.Mutex
	status   common.SessionStatus
	events   chan common.SessionEvent
	Orgs     []common.Org
	Invoices []map[string]any
	// Paste makes logins use paste mode.
	Paste bool
	// Approve, when set, is what a login waits on; nil approves at once.
	Approve chan error
	// SendFunc, when set, answers every request instead of the built-in data.
	SendFunc func(ctx context.Context, req common.Request) (*common.Response, error)
	Sent     []common.Request
	// AllSent records the AllPages calls.
	AllSent []common.Request
	// PageGate, when set, is waited on after each page of AllPages, so a
	// test can look at the progress and cancel.
	PageGate chan struct{}
	// LiveDir, when set, is where AllPages also writes the merged array,
	// page by page, naming the file in its progress as the real backend
	// does (the file is removed at the end); PageETA is the time left it
	// reports per page still to come.
	LiveDir  string
	PageETA  time.Duration
	SavedOrg int64
	Opened   []string
	Now      func() time.Time
}

// New returns a fake with demo data; loggedIn says whether the session
// starts with a token.
func New(loggedIn bool) *Backend {
	b := &Backend{events: make(chan common.SessionEvent, 8), Now: time.Now}
	b.status = common.SessionStatus{LoggedIn: loggedIn, HasRefreshToken: loggedIn, StoreKind: "file"}
	if loggedIn {
		b.status.Expiry = time.Date(2030, 1, 1, 13, 0, 0, 0, time.UTC)
	}
	b.Orgs = []common.Org{
		{ID: 1048211, Name: "Nordlys Regnskab ApS", IsPro: true, IsPayingPro: true, VatNumber: "DK31415926", Email: "bogholderi@nordlys.example"},
		{ID: 1048212, Name: "Bageriet Ørsted ApS", IsPro: true, VatNumber: "DK27182818"},
		{ID: 1048213, Name: "Kaffekompagniet I/S", IsPro: true, IsPayingPro: true},
		{ID: 1048214, Name: "Foreningen Åløkken"},
	}
	for i := range 250 {
		b.Invoices = append(b.Invoices, map[string]any{
			"Guid":         fmt.Sprintf("00000000-0000-4000-8000-%012d", i+1),
			"Number":       1000 + i,
			"ContactName":  fmt.Sprintf("Kunde %d A/S", i+1),
			"Date":         "2030-01-02",
			"TotalInclVat": 1250.0 + float64(i),
		})
	}
	return b
}

// SetStatus replaces the session status.
func (b *Backend) SetStatus(s common.SessionStatus) {
	b.mu.Lock()
	b.status = s
	b.mu.Unlock()
}

// Emit sends a session event to the explorer.
func (b *Backend) Emit(ev common.SessionEvent) { b.events <- ev }

// Status implements common.Backend.
func (b *Backend) Status() common.SessionStatus {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.status
}

// Events implements common.Backend.
func (b *Backend) Events() (<-chan common.SessionEvent, func()) { return b.events, func() {} }

// StartLogin implements common.Backend.
func (b *Backend) StartLogin(ctx context.Context) (common.Login, error) {
	return &login{b: b}, nil
}

// OpenBrowser implements common.Backend.
func (b *Backend) OpenBrowser(url string) error {
	b.mu.Lock()
	b.Opened = append(b.Opened, url)
	b.mu.Unlock()
	return nil
}

// Organizations implements common.Backend.
func (b *Backend) Organizations(ctx context.Context) ([]common.Org, error) {
	if !b.Status().LoggedIn {
		return nil, common.ErrLoginRequired
	}
	return append([]common.Org(nil), b.Orgs...), nil
}

// SaveLastOrg implements common.Backend.
func (b *Backend) SaveLastOrg(id int64) error {
	b.mu.Lock()
	b.SavedOrg = id
	b.mu.Unlock()
	return nil
}

// Send implements common.Backend.
func (b *Backend) Send(ctx context.Context, req common.Request, progress func(done, total int64)) (*common.Response, error) {
	b.mu.Lock()
	b.Sent = append(b.Sent, req)
	b.mu.Unlock()
	if b.SendFunc != nil {
		return b.SendFunc(ctx, req)
	}
	var body any
	status := 200
	switch {
	case req.PathParams["organizationId"] == "1048214":
		return ErrorResponse(403, 90, "The organization does not have an active Pro subscription"), nil
	case strings.HasSuffix(req.Path, "/invoices") && req.Method == "GET":
		body = b.page(req)
	case strings.HasSuffix(req.Path, "/invoices/{guid}"):
		body = b.invoice(req.PathParams["guid"])
		if body == nil {
			return ErrorResponse(404, 40, "Invoice not found"), nil
		}
	case req.Method != "GET":
		status, body = 201, map[string]any{"Guid": "11111111-1111-4111-8111-111111111111", "TimeStamp": "00000000020A5EA8"}
	default:
		return ErrorResponse(404, 40, "Not found"), nil
	}
	data, _ := json.Marshal(body)
	if progress != nil {
		progress(int64(len(data)), int64(len(data)))
	}
	return &common.Response{Status: status, Body: data, Size: int64(len(data)), Duration: 42 * time.Millisecond,
		Header: http.Header{"Content-Type": {"application/json; charset=utf-8"}}, URL: "https://api.example" + req.Path}, nil
}

func (b *Backend) page(req common.Request) any {
	page, _ := strconv.Atoi(req.Query.Get("page"))
	size, _ := strconv.Atoi(req.Query.Get("pageSize"))
	if size <= 0 {
		size = 100
	}
	from := min(len(b.Invoices), page*size)
	to := min(len(b.Invoices), from+size)
	return map[string]any{"Collection": b.Invoices[from:to], "Pagination": map[string]any{
		"MaxPageSizeAllowed": 1000, "PageSize": size, "Result": to - from, "ResultWithoutFilter": len(b.Invoices), "Page": page}}
}

func (b *Backend) invoice(guid string) map[string]any {
	for _, inv := range b.Invoices {
		if inv["Guid"] == guid {
			out := map[string]any{"Status": "Booked", "Currency": "DKK",
				"ContactGuid": "c" + strings.TrimPrefix(guid, "0")}
			for k, v := range inv {
				out[k] = v
			}
			return out
		}
	}
	return nil
}

// ErrorResponse builds a Dinero error answer.
func ErrorResponse(status, code int, message string) *common.Response {
	body, _ := json.Marshal(map[string]any{"code": code, "message": message})
	return &common.Response{Status: status, Body: body, Size: int64(len(body)), Duration: 17 * time.Millisecond,
		Header: http.Header{"Content-Type": {"application/json"}},
		Err:    &common.APIError{Status: status, Code: code, Message: message}}
}

type login struct {
	b      *Backend
	closed bool
}

func (l *login) URL() string {
	return "https://connect.example/connect/authorize?client_id=isv_demo&redirect_uri=http%3A%2F%2F127.0.0.1%3A53999%2Fcallback&response_type=code&state=S3CR3TSTATE"
}
func (l *login) PasteMode() bool { return l.b.Paste }
func (l *login) Close()          { l.closed = true }

func (l *login) Wait(ctx context.Context) error {
	if l.b.Approve != nil {
		select {
		case err := <-l.b.Approve:
			if err != nil {
				return err
			}
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	l.b.loggedIn()
	return nil
}

func (l *login) SubmitPaste(ctx context.Context, input string) error {
	if !strings.Contains(input, "code=") {
		return fmt.Errorf("no code= in the pasted address")
	}
	l.b.loggedIn()
	return nil
}

func (b *Backend) loggedIn() {
	b.mu.Lock()
	b.status = common.SessionStatus{LoggedIn: true, HasRefreshToken: true, StoreKind: "file", Expiry: b.Now().Add(time.Hour)}
	b.mu.Unlock()
}
