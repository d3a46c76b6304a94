package response

import (
	"fmt"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/dinero-tui/dinero-tui/api/catalog"
	"github.com/dinero-tui/dinero-tui/ui/common"
	"github.com/dinero-tui/dinero-tui/ui/fakebackend"
)

// liveFetch is a pane fetching every page of 2,500 invoices from a fake
// that writes the merged array to a file page by page (1,000 a page) and
// waits at gate after each page.
type liveFetch struct {
	t    *testing.T
	m    *Model
	now  *time.Time
	gate chan struct{}
	done chan tea.Msg
}

func startLiveFetch(t *testing.T) *liveFetch {
	t.Helper()
	now := time.Date(2030, 1, 1, 12, 0, 0, 0, time.UTC)
	be := fakebackend.New(true)
	be.LiveDir, be.PageETA = t.TempDir(), 40*time.Second
	for i := len(be.Invoices); i < 2500; i++ {
		be.Invoices = append(be.Invoices, map[string]any{"Number": 1000 + i, "ContactName": fmt.Sprintf("Kunde %d A/S", i+1)})
	}
	f := &liveFetch{t: t, now: &now, gate: make(chan struct{}), done: make(chan tea.Msg, 1)}
	be.PageGate = f.gate
	f.m = newTestPane(t, f.now, be)
	f.m.SetSize(80, 20)
	f.m.op = catalog.Operation{ID: "invoices.list", Method: "GET", Path: "/v1/{organizationId}/invoices", Paged: true}
	f.m.req = common.Request{Method: "GET", Path: f.m.op.Path, PathParams: map[string]string{"organizationId": "1"}}
	batch, ok := f.m.fetchAll()().(tea.BatchMsg)
	if !ok {
		t.Fatal("A started no fetch")
	}
	go func() { f.done <- batch[0]() }()
	return f
}

// page waits until n pages have landed, then lets the pane catch up the
// way its progress tick does, running the open of the array so far.
func (f *liveFetch) page(n int) {
	f.t.Helper()
	for deadline := time.Now().Add(5 * time.Second); f.m.fetching.pages.Load() < int64(n); {
		if time.Now().After(deadline) {
			f.t.Fatalf("page %d never landed", n)
		}
		time.Sleep(time.Millisecond)
	}
	*f.now = f.now.Add(time.Second)
	open := f.m.refreshLive() // what the progress tick runs
	if open == nil {
		f.t.Fatal("the array so far was not opened")
	}
	f.m.Update(open())
}

// result is the fetch's answer.
func (f *liveFetch) result() tea.Msg {
	f.t.Helper()
	select {
	case msg := <-f.done:
		return msg
	case <-time.After(10 * time.Second):
		f.t.Fatal("the fetch did not end")
		return nil
	}
}

func (f *liveFetch) key(keys ...string) {
	for _, k := range keys {
		code := map[string]rune{"esc": tea.KeyEscape, "enter": tea.KeyEnter}[k]
		msg := tea.KeyPressMsg{Code: code}
		if code == 0 {
			msg = tea.KeyPressMsg{Code: []rune(k)[0], Text: k}
		}
		f.m.Update(msg)
	}
}

func (f *liveFetch) view(want ...string) string {
	f.t.Helper()
	v := ansi.Strip(f.m.View())
	for _, w := range want {
		if !strings.Contains(v, w) {
			f.t.Fatalf("want %q in:\n%s", w, v)
		}
	}
	return v
}

// The items show in the viewer as the pages land, under the progress;
// the viewer's keys work meanwhile, the answer's keys wait for the end,
// and the final answer takes over where the user was.
func TestFetchAllShowsItemsWhileTheyArrive(t *testing.T) {
	f := startLiveFetch(t)
	f.page(1)
	v := f.view("1 page · 1,000 of 2,500 items · 67.4 KB · about 1m 19s left",
		"Fetching every page; the first 1,000 items are shown · esc stops, keeps them", `"ContactName": "Kunde 1 A/S"`)
	if strings.Contains(v, "truncated") || strings.Contains(v, "breaks off") {
		t.Fatalf("the unfinished array reads as broken:\n%s", v)
	}
	f.key("G")
	f.view(`"Number": 1999`, "4,751/4,751") // the end so far: item 999
	f.key("]")
	f.view("Still fetching: that key works once every page is here")
	f.key("/")
	for _, r := range "Kunde 990 " {
		f.m.Update(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	f.key("enter")
	f.view(`"Kunde 990 A/S"`)
	at := f.m.viewer.CurrentPath()

	f.gate <- struct{}{}
	f.page(2)
	f.view("2 pages · 2,000 of 2,500 items", "the first 2,000 items are shown", "/8,751", `"Kunde 990 A/S"`)
	if got := f.m.viewer.CurrentPath(); got != at {
		t.Fatalf("the cursor moved from %s to %s as items arrived", at, got)
	}
	f.key("esc") // leaves the search first
	if !f.m.FetchingAll() {
		t.Fatal("esc on a search stopped the fetch")
	}

	close(f.gate) // page 3, the last
	f.m.Update(f.result())
	v = f.view("all pages · 2,500 items", `"Kunde 990 A/S"`)
	if f.m.live != nil || f.m.Response().Partial || strings.Contains(v, "Fetching") {
		t.Fatalf("after the end:\n%s", v)
	}
	if got := f.m.viewer.CurrentPath(); got != at {
		t.Fatalf("the final answer moved the cursor from %s to %s", at, got)
	}
	f.key("G")
	f.view("]", "10,752/10,752")
}

// esc while items arrive stops the fetch and keeps them, marked partial
// and still browsable, after the backend removed its file.
func TestStoppedFetchKeepsThePartialAnswer(t *testing.T) {
	f := startLiveFetch(t)
	f.page(1)
	f.gate <- struct{}{}
	f.page(2)
	f.key("esc")
	f.view("partial · the first 2,000 of 2,500 items", "Stopped · A fetches every page again")
	if f.m.FetchingAll() || f.m.Title() != "partial" || !f.m.Response().Partial {
		t.Fatalf("title %q, fetching %v", f.m.Title(), f.m.FetchingAll())
	}
	f.m.Update(f.result()) // the cancelled fetch's answer comes late and is dropped
	f.key("G")
	f.view(`"Number": 2999`)
	f.key("g")
	f.view(`"Kunde 1 A/S"`)
	if f.m.doc == nil || f.m.doc.Problem() != "" {
		t.Fatal("the partial answer reads as broken")
	}
}

// A fetch that fails after items arrived keeps them too, saying why.
func TestFailedFetchKeepsThePartialAnswer(t *testing.T) {
	f := startLiveFetch(t)
	f.page(1)
	f.m.Update(sentMsg{gen: f.m.gen, all: true, msg: common.ResponseMsg{Err: fmt.Errorf("fetch every page: page 1: connection reset")}})
	f.view("partial · the first 1,000 of 2,500 items", "The fetch failed (fetch every page: page 1: connection reset) · A")
	close(f.gate)
	f.result()
}

// Sending another request while items arrive drops them and puts the
// answer from before the fetch back in the viewer (never a closed one).
func TestStopFetchForAnotherRequestDropsTheItems(t *testing.T) {
	f := startLiveFetch(t)
	before := f.m.viewer.Document()
	f.page(1)
	if f.m.viewer.Document() == before || f.m.ItemGuid() != "" {
		t.Fatal("the items so far are not shown, or lend their Guid to the next request")
	}
	f.m.StopFetch()
	if f.m.live != nil || f.m.viewer.Document() != before {
		t.Fatal("the items so far outlived the fetch")
	}
	f.result()
}
