package response

import (
	"math"
	"regexp"
	"strconv"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/spinner"
	tea "charm.land/bubbletea/v2"
	"github.com/tidwall/gjson"

	"github.com/dinero-tui/dinero-tui/internal/sanitize"
	"github.com/dinero-tui/dinero-tui/ui/common"
)

// Update implements common.Component.
func (m *Model) Update(msg tea.Msg) (common.Component, tea.Cmd) {
	switch msg := msg.(type) {
	case sentMsg:
		return m, m.handleSent(msg)
	case savedMsg:
		m.handleSaved(msg)
		return m, nil
	case openedMsg:
		m.handleOpened(msg)
		return m, nil
	case progressTickMsg:
		if msg.gen == m.gen && m.sending {
			return m, tea.Batch(m.progressTick(), m.refreshLive(), m.showPending())
		}
		return m, nil
	case liveMsg:
		return m, m.handleLive(msg)
	case spinner.TickMsg:
		if m.sending {
			var cmd tea.Cmd
			m.spinner, cmd = m.spinner.Update(msg)
			return m, cmd
		}
		return m, nil
	case tea.MouseWheelMsg:
		return m, m.wheel(msg)
	case tea.KeyPressMsg:
		return m, m.handleKey(msg)
	}
	var cmd tea.Cmd
	m.viewer, cmd = m.viewer.Update(msg)
	return m, cmd
}

func (m *Model) wheel(msg tea.MouseWheelMsg) tea.Cmd {
	code := map[tea.MouseButton]rune{tea.MouseWheelUp: tea.KeyUp, tea.MouseWheelDown: tea.KeyDown}[msg.Button]
	if code == 0 {
		return nil
	}
	if m.showHeaders {
		m.headerTop = max(0, m.headerTop+map[rune]int{tea.KeyUp: -1, tea.KeyDown: 1}[code])
		return nil
	}
	var cmds []tea.Cmd
	for range 3 {
		var cmd tea.Cmd
		m.viewer, cmd = m.viewer.Update(tea.KeyPressMsg{Code: code})
		cmds = append(cmds, cmd)
	}
	return tea.Batch(cmds...)
}

func (m *Model) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	k := m.com.Keys
	if m.save != nil {
		return m.handleSaveKey(msg)
	}
	if m.viewer.Capturing() {
		var cmd tea.Cmd
		m.viewer, cmd = m.viewer.Update(msg)
		return cmd
	}
	switch {
	case key.Matches(msg, k.Cancel) && m.liveShown() && m.viewer.WantsEsc():
		// esc leaves the viewer's search or query result first
	case key.Matches(msg, k.Cancel) && m.sending:
		m.problem = "Cancelled. Press R to send it again."
		if m.fetching != nil && !m.keepPartial("Stopped") {
			m.problem = "Cancelled. Press A to fetch every page again."
		}
		m.stop()
		m.gen++
		return nil
	case key.Matches(msg, k.Cancel) && m.showHeaders:
		m.showHeaders = false
		return nil
	case key.Matches(msg, k.Cancel) && m.viewer.WantsEsc():
		// the viewer leaves its query result or search
	case key.Matches(msg, k.Back) && m.pop():
		return nil
	case key.Matches(msg, k.Back):
		return common.Cmd(common.BackMsg{})
	case m.sending && m.liveShown():
		return m.liveKey(msg)
	case m.sending:
		return nil
	case key.Matches(msg, k.AllPages), key.Matches(msg, k.Resend) && m.merged():
		return m.fetchAll()
	case key.Matches(msg, k.Resend) && m.op.ID != "":
		return common.Cmd(common.SendRequestMsg{Op: m.op, Req: m.req})
	case m.file != nil && key.Matches(msg, k.SaveFile):
		return m.startSave()
	case m.file != nil && key.Matches(msg, k.OpenFile):
		return m.openFile()
	case len(m.req.Parts) > 0 && (key.Matches(msg, k.CopyCommand) || key.Matches(msg, k.CopyCurl)):
		// the code generators write JSON bodies only: a copy would not upload
		m.problem = "An upload is not copied as code yet; use: dinero-tui api " + m.op.ID + " -F file=@PATH"
		return nil
	case key.Matches(msg, k.CopyCommand):
		return m.copyAPI()
	case key.Matches(msg, k.CopyCurl):
		return m.copyCurl()
	case key.Matches(msg, k.Headers) && m.resp != nil:
		m.showHeaders, m.headerTop = !m.showHeaders, 0
		m.SetSize(m.width, m.height)
		return nil
	case key.Matches(msg, k.NextPage):
		return m.turnPage(1)
	case key.Matches(msg, k.PrevPage):
		return m.turnPage(-1)
	case key.Matches(msg, k.OpenItem):
		return m.openItem()
	case m.showHeaders && key.Matches(msg, k.Up):
		m.headerTop = max(0, m.headerTop-1)
		return nil
	case m.showHeaders && key.Matches(msg, k.Down):
		m.headerTop++
		return nil
	}
	var cmd tea.Cmd
	m.viewer, cmd = m.viewer.Update(msg)
	return cmd
}

// Page is where a paged answer stands.
type Page struct {
	Page, PageSize, Total, Pages int
}

// Paging returns the Pagination block of a paged answer.
func (m *Model) Paging() (Page, bool) {
	if m.doc == nil || !m.doc.IsJSON() || m.resp == nil || m.resp.Err != nil {
		return Page{}, false
	}
	p := gjson.GetBytes(m.doc.Bytes(), "Pagination")
	if !p.IsObject() {
		return Page{}, false
	}
	pg := Page{Page: int(p.Get("Page").Int()), PageSize: int(p.Get("PageSize").Int()), Total: int(p.Get("ResultWithoutFilter").Int())}
	if pg.PageSize > 0 {
		pg.Pages = int(math.Ceil(float64(pg.Total) / float64(pg.PageSize)))
	}
	return pg, true
}

func (m *Model) turnPage(d int) tea.Cmd {
	pg, ok := m.Paging()
	if !ok {
		m.problem = "This answer is not a paged collection."
		return nil
	}
	next := pg.Page + d
	if next < 0 || (pg.Pages > 0 && next >= pg.Pages) {
		m.problem = "No more pages that way."
		return nil
	}
	req := m.req
	req.Query, req.RawQuery = cloneValues(req.Query), "" // Query lists a Postman raw query; now it is the query
	req.Query.Set("page", strconv.Itoa(next))
	if req.Query.Get("pageSize") == "" && pg.PageSize > 0 {
		req.Query.Set("pageSize", strconv.Itoa(pg.PageSize))
	}
	return common.Cmd(common.SendRequestMsg{Op: m.op, Req: req})
}

// itemPath finds the collection item a viewer path is in: Collection.3 of
// a paged answer, or 3 of an answer that is a bare array.
var itemPath = regexp.MustCompile(`^(Collection\.\d+|\d+)(\.|$)`)

// item returns the object the user is on: the collection item under the
// viewer's cursor, or the answer itself when it is a single object.
func (m *Model) item() gjson.Result {
	if m.doc == nil || !m.doc.IsJSON() || m.viewer.Query() != "" || m.resp == nil || m.resp.Err != nil || m.liveShown() {
		return gjson.Result{}
	}
	body := m.doc.Bytes()
	if g := itemPath.FindStringSubmatch(m.viewer.CurrentPath()); g != nil {
		if it := gjson.GetBytes(body, g[1]); it.IsObject() {
			return it
		}
		return gjson.Result{}
	}
	if root := gjson.ParseBytes(body); root.IsObject() && !root.Get("Collection").Exists() {
		return root
	}
	return gjson.Result{}
}

// Prefill is what the next request can take from this answer: the
// scalar fields of the item the user is on.
func (m *Model) Prefill() common.Prefill {
	it := m.item()
	if !it.IsObject() {
		return common.Prefill{}
	}
	fields := map[string]string{}
	it.ForEach(func(k, v gjson.Result) bool {
		switch v.Type {
		case gjson.String, gjson.Number:
			fields[sanitize.Line(k.String())] = sanitize.Line(v.String())
		}
		return true
	})
	return common.Prefill{Item: fields, Resource: common.LastSegment(m.req.Path)}
}

// ItemGuid returns the Guid of the item under the viewer's cursor (or of
// a single object answer), "" if there is none.
func (m *Model) ItemGuid() string {
	v, _ := m.Prefill().ID()
	return v
}

func (m *Model) openItem() tea.Cmd {
	guid := m.ItemGuid()
	if guid == "" {
		m.problem = "Move the cursor onto an item of the Collection first (it needs a Guid)."
		return nil
	}
	return common.Cmd(common.OpenItemMsg{From: m.op, Guid: guid, Resource: common.LastSegment(m.req.Path)})
}
