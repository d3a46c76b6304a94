package response

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/dinero-tui/dinero-tui/ui/common"
	"github.com/dinero-tui/dinero-tui/ui/shellcmd"
)

// DefaultAllPageSize is the pageSize used to fetch every page when the
// user set none: Dinero's largest, so the fewest requests.
const DefaultAllPageSize = 1000

// pagesProgress is written by the fetch goroutine and read by View.
type pagesProgress struct {
	pages, items, bytes atomic.Int64
	last                atomic.Int64 // when items last arrived, Unix nanoseconds
	total               atomic.Int64 // items in all pages (the server's count); 0 if unknown
	eta                 atomic.Int64 // the time left the backend estimated, nanoseconds; 0 if unknown
	etaAt               atomic.Int64 // when it did, Unix nanoseconds
	wait                waitState
	live                liveFile // the merged array so far, for the viewer
}

// stalledAfter is how long without new items before the pane says it is
// waiting for the request budget.
const stalledAfter = 2 * time.Second

// AllPagesRequest is req asking for every page: from page 0, in Dinero's
// largest pages (the fewest requests under the rate limit; the merged
// answer is the same), with every other query value the user gave.
func AllPagesRequest(req common.Request) common.Request {
	req.Query, req.RawQuery = cloneValues(req.Query), "" // Query lists a Postman raw query; now it is the query
	req.Query.Del("page")
	req.Query.Set("pageSize", strconv.Itoa(DefaultAllPageSize))
	return req
}

// merged reports whether the answer shown is every page merged.
func (m *Model) merged() bool { return m.resp != nil && m.resp.Pages > 0 }

// fetchAll starts fetching every page of the operation shown.
func (m *Model) fetchAll() tea.Cmd {
	if !m.op.Paged {
		m.problem = "This endpoint is not paged: A fetches every page of a paged list."
		return nil
	}
	pr := &pagesProgress{}
	pr.last.Store(m.com.Now().UnixNano())
	if pg, ok := m.Paging(); ok {
		pr.total.Store(int64(pg.Total))
	}
	m.stop()
	m.gen++
	m.pushNext, m.sending, m.fetching, m.problem = false, true, pr, ""
	m.allReq = AllPagesRequest(m.req)
	ctx, cancel := context.WithCancel(m.com.Ctx)
	m.cancel = cancel
	gen, be, op, req, now := m.gen, m.com.Backend, m.op, m.allReq, m.com.Now
	ctx = common.WithWaitNotify(ctx, func(w common.Wait) { pr.wait.set(now().Add(w.For), w.Reason) })
	fetch := func() tea.Msg {
		resp, err := be.AllPages(ctx, req, func(p common.PagesProgress) {
			t := now()
			pr.last.Store(t.UnixNano())
			pr.eta.Store(int64(p.ETA))
			pr.etaAt.Store(t.UnixNano())
			pr.live.set(p.File, p.Bytes, p.Items)
			if p.Total > 0 {
				pr.total.Store(int64(p.Total))
			}
			pr.pages.Store(int64(p.Pages))
			pr.items.Store(int64(p.Items))
			pr.bytes.Store(p.Bytes)
		})
		out := sentMsg{gen: gen, all: true, msg: common.ResponseMsg{Op: op, Req: req, Resp: resp, Err: err}}
		if err == nil && resp != nil {
			out.doc, out.perr = index(resp)
		}
		return out
	}
	return tea.Batch(fetch, m.spinner.Tick, m.progressTick())
}

// copyRequest is the request a copied command line reproduces.
func (m *Model) copyRequest() (common.Request, bool) {
	if m.req.Path == "" {
		m.problem = "Nothing sent yet, so nothing to copy."
		return common.Request{}, false
	}
	return m.req, true
}

func (m *Model) copyAPI() tea.Cmd {
	r, ok := m.copyRequest()
	if !ok {
		return nil
	}
	return shellcmd.CopyAPI(r, shellcmd.Options{Profile: m.com.Profile.Name, Paginate: m.merged()})
}

func (m *Model) copyCurl() tea.Cmd {
	r, ok := m.copyRequest()
	if !ok {
		return nil
	}
	return shellcmd.CopyCurl(r, m.com.Profile.APIURL)
}

// fetchingView is the pane while every page is fetched and no item has
// arrived yet.
func (m *Model) fetchingView(h int) string {
	s := m.com.Styles
	pr := m.fetching
	target := m.allReq.Method + " " + ExpandPath(m.allReq)
	items, total := int(pr.items.Load()), int(pr.total.Load())
	status, note, noteStyle := m.fetchStatus()
	if note == "" {
		note, noteStyle = "Dinero allows 100 requests a minute; large lists take a while.", s.Muted
	}
	bar := ""
	if total > 0 {
		w := max(1, min(40, m.width-4))
		n := min(w, items*w/total)
		bar = " " + s.Progress.Done.Render(strings.Repeat("█", n)) + s.Progress.Rest.Render(strings.Repeat("░", w-n))
	}
	w := m.width - 1
	lines := []string{"", " " + m.spinner.View() + " Fetching every page of " + s.Value.Render(ansi.Truncate(target, max(1, m.width-28), "…")),
		"", bar, common.Wrap(status, w, " ", plainText), "", common.Wrap(note, w, " ", noteStyle.Render), " " + s.Muted.Render("esc cancels")}
	return common.FitBlock(strings.Join(lines, "\n"), m.width, h)
}

// fetchStatus is the progress of the fetch of every page (pages, items,
// bytes, time left) and, when it waits, a note saying why in its style.
func (m *Model) fetchStatus() (status, note string, noteStyle lipgloss.Style) {
	s := m.com.Styles
	pr := m.fetching
	items, pages, total := int(pr.items.Load()), int(pr.pages.Load()), int(pr.total.Load())
	count := Thousands(items) + " items"
	if total > 0 {
		count = Thousands(items) + " of " + Thousands(total) + " items"
	}
	status = fmt.Sprintf("%d %s · %s · %s", pages, plural(pages, "page", "pages"), count, common.FormatSize(pr.bytes.Load()))
	now := m.com.Now()
	if left, ok := m.fetchETA(now); ok {
		status += " · about " + formatLeft(left) + " left"
	}
	if d, why := pr.wait.left(now); d > 0 {
		return status, waitLine(d, why), s.Warning
	} else if now.Sub(time.Unix(0, pr.last.Load())) > stalledAfter {
		return status, "Waiting: Dinero allows 100 requests a minute.", s.Warning
	}
	return status, "", s.Muted
}

// fetchETA is the time left to fetch every page: the backend's estimate
// (the API client's request budget and the pace so far) when the last
// page landed, counted down since, and never less than a wait announced.
func (m *Model) fetchETA(now time.Time) (time.Duration, bool) {
	pr := m.fetching
	eta := time.Duration(pr.eta.Load())
	if eta <= 0 || pr.pages.Load() == 0 {
		return 0, false
	}
	left := eta - now.Sub(time.Unix(0, pr.etaAt.Load()))
	if wait, _ := pr.wait.left(now); wait > left {
		left = wait
	}
	return left, left > 0
}

// mergedSummary is the summary line of a merged answer.
func (m *Model) mergedSummary() string {
	r := m.resp
	if r.Partial {
		return m.partialSummary()
	}
	return fmt.Sprintf("all pages · %s items · %s", Thousands(r.Items), common.FormatSize(r.Size)) +
		fmt.Sprintf(" · %d %s in %s", r.Pages, plural(r.Pages, "page", "pages"), formatDuration(r.Duration))
}

// Thousands writes n with a comma between thousands: 2,345.
func Thousands(n int) string {
	s := strconv.Itoa(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	if neg {
		return "-" + s
	}
	return s
}

func plainText(s ...string) string { return strings.Join(s, " ") }

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
