// Package response is the response pane: status, time and size, headers
// on a toggle, Dinero errors as message and code, the body in the JSON
// viewer, and next/previous page for paged collections. It also sends the
// request, with a progress bar and esc to cancel.
package response

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strconv"
	"sync/atomic"
	"time"

	"charm.land/bubbles/v2/spinner"
	tea "charm.land/bubbletea/v2"

	"github.com/dinero-tui/dinero-tui/api/catalog"
	"github.com/dinero-tui/dinero-tui/internal/download"
	"github.com/dinero-tui/dinero-tui/ui/common"
	"github.com/dinero-tui/dinero-tui/ui/jsonview"
)

// Model is the response pane.
type Model struct {
	com         common.Common
	op          catalog.Operation
	req         common.Request
	resp        *common.Response
	doc         *jsonview.Document
	viewer      jsonview.Model
	showHeaders bool
	headerTop   int
	sending     bool
	cancel      context.CancelFunc
	progress    *progress
	fetching    *pagesProgress // set while every page is fetched
	live        *liveView      // the merged array so far, shown while it arrives
	partialOf   int            // the items a partial answer (Response.Partial) was part of; 0 if unknown
	allReq      common.Request // the request of that fetch
	gen         int
	spinner     spinner.Model
	problem     string
	width       int
	height      int
	// stack holds the answers an opened item was opened from (esc returns)
	stack    []snapshot
	pushNext bool
	prevOp   catalog.Operation
	prevReq  common.Request
	// file is the answer when it is a file (PDF, image…), not JSON; save
	// is its save prompt; note says how a save or open went
	file   *fileAnswer
	save   *savePrompt
	note   string
	opener func(path, mediaType string) error // the system's viewer
}

// snapshot is one answer kept while an item opened from it is shown.
type snapshot struct {
	op     catalog.Operation
	req    common.Request
	resp   *common.Response
	doc    *jsonview.Document
	viewer jsonview.Model
	file   *fileAnswer
}

// progress is written by the download goroutine and read by View.
type progress struct {
	done, total atomic.Int64
	wait        waitState
	// sent and size are how much of an upload's files has gone
	sent, size atomic.Int64
}

// New returns an empty response pane.
func New(com common.Common) *Model {
	m := &Model{com: com, spinner: spinner.New(spinner.WithSpinner(spinner.Dot))}
	m.viewer = jsonview.New(nil, jsonview.WithStyles(viewerStyles(com)))
	getenv := com.Getenv
	if getenv == nil {
		getenv = os.Getenv
	}
	m.opener = func(path, mediaType string) error { return download.Open(path, mediaType, getenv) }
	return m
}

func viewerStyles(com common.Common) jsonview.Styles {
	if com.Styles.NoColor {
		return jsonview.NoColorStyles()
	}
	return jsonview.DefaultStyles(com.Styles.Dark)
}

// RefreshStyles picks up a theme change (light/dark).
func (m *Model) RefreshStyles() {
	doc := m.viewer.Document()
	m.viewer = jsonview.New(doc, jsonview.WithStyles(viewerStyles(m.com)))
	m.SetSize(m.width, m.height)
}

// Title implements common.Component.
func (m *Model) Title() string {
	if m.sending && m.fetching == nil {
		return "sending"
	}
	if m.sending {
		return "fetching all pages"
	}
	if m.merged() && m.resp.Partial {
		return "partial"
	}
	if m.merged() {
		return "all pages"
	}
	if m.resp != nil {
		return strconv.Itoa(m.resp.Status) + " " + statusText(m.resp.Status)
	}
	return "response"
}

// Capturing implements common.Component.
func (m *Model) Capturing() bool { return m.viewer.Capturing() || m.save != nil }

// Busy reports whether a request is in flight.
func (m *Model) Busy() bool { return m.sending }

// Response returns the response shown (nil if none).
func (m *Model) Response() *common.Response { return m.resp }

// Request returns the request whose answer is shown (or is on its way).
func (m *Model) Request() common.Request {
	if m.fetching != nil {
		return m.allReq
	}
	return m.req
}

// FetchingAll reports whether every page is being fetched.
func (m *Model) FetchingAll() bool { return m.sending && m.fetching != nil }

// StopFetch cancels the fetch of every page (the user chose to send
// another request instead).
func (m *Model) StopFetch() {
	if m.FetchingAll() {
		m.stop()
		m.gen++
	}
}

// FetchProgress is how many pages and items the fetch of every page has.
func (m *Model) FetchProgress() (pages, items int) {
	if m.fetching == nil {
		return 0, 0
	}
	return int(m.fetching.pages.Load()), int(m.fetching.items.Load())
}

// Operation returns the operation whose answer is shown.
func (m *Model) Operation() catalog.Operation { return m.op }

// SetSize implements common.Component.
func (m *Model) SetSize(w, h int) {
	m.width, m.height = w, h
	m.viewer.SetSize(max(1, w), max(1, h-m.chromeHeight()))
}

// sentMsg is the answer of Send, with the body already indexed.
type sentMsg struct {
	gen  int
	all  bool // the answer of fetchAll
	msg  common.ResponseMsg
	doc  *jsonview.Document
	file *fileAnswer // the answer is a file: no document
	perr error
}

type progressTickMsg struct{ gen int }

// Open sends op's request for one item of the answer shown; esc comes back
// to this answer.
func (m *Model) Open(op catalog.Operation, req common.Request) tea.Cmd {
	cmd := m.Send(op, req)
	m.pushNext = m.resp != nil
	return cmd
}

// Send starts op's request; the pane shows progress until the answer.
func (m *Model) Send(op catalog.Operation, req common.Request) tea.Cmd {
	m.stop()
	m.pushNext = false
	m.gen++
	m.prevOp, m.prevReq = m.op, m.req
	m.op, m.req, m.sending, m.problem = op, req, true, ""
	m.progress = &progress{}
	ctx, cancel := context.WithCancel(m.com.Ctx)
	m.cancel = cancel
	gen, be, pr, now := m.gen, m.com.Backend, m.progress, m.com.Now
	ctx = common.WithWaitNotify(ctx, func(w common.Wait) { pr.wait.set(now().Add(w.For), w.Reason) })
	ctx = common.WithUploadNotify(ctx, func(done, total int64) {
		pr.sent.Store(done)
		pr.size.Store(total)
	})
	send := func() tea.Msg {
		resp, err := be.Send(ctx, req, func(done, total int64) {
			pr.done.Store(done)
			pr.total.Store(total)
		})
		out := sentMsg{gen: gen, msg: common.ResponseMsg{Op: op, Req: req, Resp: resp, Err: err}}
		if out.file = asFile(op, req, resp); err == nil && resp != nil && out.file == nil {
			out.doc, out.perr = index(resp)
		}
		return out
	}
	return tea.Batch(send, m.spinner.Tick, m.progressTick())
}

// index builds the viewer's document from the body in memory or on disk.
func index(resp *common.Response) (*jsonview.Document, error) {
	if resp.BodyFile != "" {
		return jsonview.Open(resp.BodyFile)
	}
	if len(resp.Body) == 0 {
		return nil, nil
	}
	return jsonview.Parse(resp.Body)
}

func (m *Model) progressTick() tea.Cmd {
	gen := m.gen
	return tea.Tick(100*time.Millisecond, func(time.Time) tea.Msg { return progressTickMsg{gen: gen} })
}

func (m *Model) stop() {
	if m.cancel != nil {
		m.cancel()
		m.cancel = nil
	}
	m.sending, m.fetching = false, nil
	m.dropLive()
}

func (m *Model) handleSent(msg sentMsg) tea.Cmd {
	if msg.gen != m.gen {
		if msg.doc != nil {
			msg.doc.Close()
		}
		return nil
	}
	if msg.all && m.liveShown() && (msg.msg.Err != nil || msg.msg.Resp != nil && msg.msg.Resp.Err != nil) {
		return m.stopPartial(msg)
	}
	var live bool
	var liveCmd tea.Cmd
	if msg.all && msg.msg.Err == nil {
		live, liveCmd = m.finishLive(msg.doc) // keeps the position in the items so far
	}
	m.stop()
	if err := msg.msg.Err; err != nil {
		again := "Press R to send it again."
		if msg.all {
			again = "Press A to fetch every page again."
		}
		switch {
		case errors.Is(err, common.ErrLoginRequired):
			return common.Cmd(common.LoginRequiredMsg{Reason: "The session has ended. Log in again, then send the request again."})
		case errors.Is(err, context.Canceled):
			m.problem = "Cancelled. " + again
		default:
			m.problem = fmt.Sprintf("The request failed: %s. %s", clean(err.Error()), again)
		}
		return m.answered(msg)
	}
	if m.pushNext {
		m.stack = append(m.stack, snapshot{op: m.prevOp, req: m.prevReq, resp: m.resp, doc: m.doc, viewer: m.viewer, file: m.file})
		m.pushNext = false
	} else if old := m.doc; old != nil && old != msg.doc {
		old.Close()
	}
	m.resp, m.doc, m.showHeaders, m.headerTop = msg.msg.Resp, msg.doc, false, 0
	m.file, m.save, m.note = msg.file, nil, ""
	if msg.all {
		m.req = msg.msg.Req
	}
	if !live {
		m.viewer.SetDocument(msg.doc)
	}
	m.SetSize(m.width, m.height)
	return tea.Batch(liveCmd, m.answered(msg))
}

// answered tells the root about a sent request (for the history); the
// merged fetch of every page is not one request, so it is not told.
func (m *Model) answered(msg sentMsg) tea.Cmd {
	if msg.all {
		return nil
	}
	return common.Cmd(msg.msg)
}

// pop returns to the answer an item was opened from.
func (m *Model) pop() bool {
	if len(m.stack) == 0 || m.sending {
		return false
	}
	top := m.stack[len(m.stack)-1]
	m.stack = m.stack[:len(m.stack)-1]
	if m.doc != nil && m.doc != top.doc {
		m.doc.Close()
	}
	m.op, m.req, m.resp, m.doc, m.viewer, m.file = top.op, top.req, top.resp, top.doc, top.viewer, top.file
	m.save, m.note = nil, ""
	m.problem, m.showHeaders = "", false
	m.SetSize(m.width, m.height)
	return true
}

// Close releases the document (a mapped file) when the app ends.
func (m *Model) Close() {
	m.stop()
	for _, s := range m.stack {
		if s.doc != nil && s.doc != m.doc {
			s.doc.Close()
		}
	}
	m.stack = nil
	if m.doc != nil {
		m.doc.Close()
		m.doc = nil
	}
}
