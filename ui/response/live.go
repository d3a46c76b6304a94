package response

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/dinero-tui/dinero-tui/ui/common"
	"github.com/dinero-tui/dinero-tui/ui/jsonview"
)

// While every page is fetched, the viewer shows the merged array so far:
// the backend writes it page by page to a file (PagesProgress.File) and the
// pane opens the part written (jsonview.OpenUnfinished) from time to time,
// each time from the start of the file, and swaps it in keeping the
// position (jsonview.Model.Grow). The final answer replaces it the same way.
//
// Re-opening costs the size of the part written. Below liveSmall it is
// re-opened as often as the pace allows (at most once per liveEvery and
// at most a third of the time); beyond it only once it grew by a quarter,
// so all the re-opening of an answer of n bytes costs about 5n at most.
const (
	liveSmall = 32 << 20
	liveEvery = 300 * time.Millisecond
)

// liveFile is the merged array so far, written by the fetch goroutine.
type liveFile struct {
	mu    sync.Mutex
	file  string
	bytes int64 // bytes of the array so far (complete items only)
	items int
}

func (l *liveFile) set(file string, bytes int64, items int) {
	if file == "" {
		return
	}
	l.mu.Lock()
	l.file, l.bytes, l.items = file, bytes, items
	l.mu.Unlock()
}

func (l *liveFile) get() (string, int64, int) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.file, l.bytes, l.items
}

// liveView is the merged array so far as the viewer shows it.
type liveView struct {
	doc          *jsonview.Document // shown in the viewer
	items        int                // items in doc
	pending      *jsonview.Document // a longer one, waiting while a query result is shown
	pendingItems int                // items in pending
	size         int64              // bytes of the newest of them
	opening      bool               // an open is on its way
	nextAt       time.Time          // no open before then
}

// liveMsg is a longer part of the merged array, opened and indexed.
type liveMsg struct {
	gen   int
	doc   *jsonview.Document
	size  int64
	items int
	took  time.Duration
}

// liveShown reports whether the viewer shows the merged array so far.
func (m *Model) liveShown() bool { return m.live != nil && m.live.doc != nil }

// refreshLive opens the part of the merged array written so far when it
// is due (see liveSmall).
func (m *Model) refreshLive() tea.Cmd {
	if m.fetching == nil {
		return nil
	}
	if m.live == nil {
		m.live = &liveView{}
	}
	lv := m.live
	file, size, items := m.fetching.live.get()
	now := m.com.Now()
	if lv.opening || file == "" || items == 0 || size <= lv.size || now.Before(lv.nextAt) ||
		size >= liveSmall && size-lv.size < lv.size/4 {
		return nil
	}
	lv.opening = true
	gen := m.gen
	return func() tea.Msg {
		start := time.Now()
		d, err := jsonview.OpenUnfinished(file, size)
		if err != nil {
			return liveMsg{gen: gen} // the fetch ended and removed its file
		}
		d.Wait()
		return liveMsg{gen: gen, doc: d, size: size, items: items, took: time.Since(start)}
	}
}

// handleLive swaps in a longer part of the merged array.
func (m *Model) handleLive(msg liveMsg) tea.Cmd {
	if msg.gen != m.gen || m.fetching == nil || m.live == nil {
		if msg.doc != nil {
			msg.doc.Close()
		}
		return nil
	}
	lv := m.live
	lv.opening = false
	lv.nextAt = m.com.Now().Add(max(liveEvery, 2*msg.took))
	if msg.doc == nil {
		return nil
	}
	lv.size = msg.size
	if lv.pending != nil {
		lv.pending.Close()
	}
	lv.pending, lv.pendingItems = msg.doc, msg.items
	return m.showPending()
}

// showPending puts the newest part in the viewer, unless a query result
// is shown (then it waits for the next tick).
func (m *Model) showPending() tea.Cmd {
	lv := m.live
	if lv == nil || lv.pending == nil {
		return nil
	}
	if lv.doc == nil {
		m.viewer.SetDocument(lv.pending)
		lv.doc, lv.items, lv.pending = lv.pending, lv.pendingItems, nil
		return m.viewer.Init()
	}
	ok, cmd := m.viewer.Grow(lv.pending)
	if ok {
		lv.doc.Close()
		lv.doc, lv.items, lv.pending = lv.pending, lv.pendingItems, nil
	}
	return cmd
}

// liveKey handles a key while the merged array so far is shown: the keys
// of the answer (next page, open item, headers, copy, send again) wait for
// the end; the rest move around the items that have arrived.
func (m *Model) liveKey(msg tea.KeyPressMsg) tea.Cmd {
	k := m.com.Keys
	if key.Matches(msg, k.AllPages, k.Resend, k.OpenItem, k.Headers, k.NextPage, k.PrevPage, k.CopyCommand, k.CopyCurl) {
		m.problem = "Still fetching: that key works once every page is here (esc stops and keeps the items so far)."
		return nil
	}
	m.problem = ""
	var cmd tea.Cmd
	m.viewer, cmd = m.viewer.Update(msg)
	return cmd
}

// keepPartial makes the items so far the answer when the fetch stopped
// before the last page (why: cancelled or the error), marked partial.
func (m *Model) keepPartial(why string) bool {
	if !m.liveShown() {
		m.dropLive()
		return false
	}
	lv := m.live
	m.showPending()
	pages, _ := m.FetchProgress()
	m.partialOf = 0
	if m.fetching != nil {
		m.partialOf = int(m.fetching.total.Load())
	}
	if m.doc != nil && m.doc != lv.doc {
		m.doc.Close()
	}
	m.doc = lv.doc
	if lv.pending != nil { // a query result is shown: keep what it points into
		lv.pending.Close()
	}
	m.live = nil
	m.resp = &common.Response{Status: 200, Size: int64(len(m.doc.Bytes())), URL: m.allReq.Path,
		Pages: max(1, pages), Items: lv.items, Partial: true}
	m.req = m.allReq
	m.problem = why + " · A fetches every page again"
	return true
}

// finishLive shows the final answer in place of the part so far, keeping
// the position; it reports false when nothing was shown live.
func (m *Model) finishLive(doc *jsonview.Document) (bool, tea.Cmd) {
	if !m.liveShown() || doc == nil {
		m.dropLive()
		return false, nil
	}
	lv := m.live
	if lv.pending != nil {
		lv.pending.Close()
		lv.pending = nil
	}
	ok, cmd := m.viewer.Grow(doc)
	if !ok {
		m.viewer.SetDocument(doc)
		cmd = m.viewer.Init()
	}
	lv.doc.Close()
	m.live = nil
	return true, cmd
}

// dropLive closes the parts of the merged array the pane holds.
func (m *Model) dropLive() {
	if m.live == nil {
		return
	}
	if m.live.pending != nil {
		m.live.pending.Close()
	}
	if m.live.doc != nil && m.live.doc != m.doc {
		m.viewer.SetDocument(m.doc) // back to the answer before the fetch
		m.live.doc.Close()
	}
	m.live = nil
}

// liveLines are the rows above the viewer while it shows the items so
// far: the progress, and what the fetch waits for.
func (m *Model) liveLines(w int) []string {
	s := m.com.Styles
	status, note, noteStyle := m.fetchStatus()
	if note == "" {
		note = fmt.Sprintf("Fetching every page; the first %s items are shown · esc stops, keeps them", Thousands(m.live.items))
	}
	return []string{" " + m.spinner.View() + " " + s.Value.Render(ansi.Truncate(status, max(1, w-3), "…")),
		" " + noteStyle.Render(ansi.Truncate(note, max(1, w-1), "…"))}
}

// partialSummary is the summary line of an answer whose fetch stopped.
func (m *Model) partialSummary() string {
	r := m.resp
	of := ""
	if m.partialOf > r.Items {
		of = " of " + Thousands(m.partialOf)
	}
	return fmt.Sprintf("partial · the first %s%s items · %s", Thousands(r.Items), of, common.FormatSize(r.Size))
}

// stopPartial keeps the items so far when the fetch failed or was
// cancelled after some had arrived.
func (m *Model) stopPartial(msg sentMsg) tea.Cmd {
	if msg.doc != nil {
		msg.doc.Close()
	}
	err, resp := msg.msg.Err, msg.msg.Resp
	why := "Stopped"
	switch {
	case errors.Is(err, context.Canceled):
	case err != nil:
		why = "The fetch failed (" + clean(err.Error()) + ")"
	case resp != nil && resp.Err != nil:
		why = fmt.Sprintf("Dinero answered %d %s", resp.Status, clean(resp.Err.Message))
	}
	m.keepPartial(why)
	m.stop()
	if errors.Is(err, common.ErrLoginRequired) {
		return common.Cmd(common.LoginRequiredMsg{Reason: "The session has ended. Log in again, then fetch every page again."})
	}
	return nil
}
