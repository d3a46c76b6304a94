package response

import (
	"math"
	"regexp"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/spinner"
	tea "charm.land/bubbletea/v2"
	"github.com/tidwall/gjson"

	"github.com/dinero-tui/dinero-tui/ui/common"
	"github.com/dinero-tui/dinero-tui/ui/sanitize"
)

// Update implements common.Component.
func (m *Model) Update(msg tea.Msg) (common.Component, tea.Cmd) {
	switch msg := msg.(type) {
	case sentMsg:
		return m, m.handleSent(msg)
	case progressTickMsg:
		if msg.gen == m.gen && m.sending {
			return m, m.progressTick()
		}
		return m, nil
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
	if m.viewer.Capturing() {
		var cmd tea.Cmd
		m.viewer, cmd = m.viewer.Update(msg)
		return cmd
	}
	switch {
	case key.Matches(msg, k.Cancel) && m.sending:
		m.stop()
		m.gen++
		m.problem = "Cancelled. Press R to send it again."
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
	case m.sending:
		return nil
	case key.Matches(msg, k.Resend) && m.op.ID != "":
		return common.Cmd(common.SendRequestMsg{Op: m.op, Req: m.req})
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
	req.Query = cloneValues(req.Query)
	req.Query.Set("page", strconv.Itoa(next))
	if req.Query.Get("pageSize") == "" && pg.PageSize > 0 {
		req.Query.Set("pageSize", strconv.Itoa(pg.PageSize))
	}
	return common.Cmd(common.SendRequestMsg{Op: m.op, Req: req})
}

var itemPath = regexp.MustCompile(`^Collection\.(\d+)`)

// ItemGuid returns the Guid of the collection item under the viewer's
// cursor, or of a single entity answer.
func (m *Model) ItemGuid() string {
	if m.doc == nil || !m.doc.IsJSON() || m.viewer.Query() != "" {
		return ""
	}
	base := ""
	if g := itemPath.FindString(m.viewer.CurrentPath()); g != "" {
		base = g + "."
	} else if gjson.GetBytes(m.doc.Bytes(), "Collection").IsArray() {
		return ""
	}
	obj := gjson.GetBytes(m.doc.Bytes(), strings.TrimSuffix(base, ".")+orThis(base))
	guid := ""
	obj.ForEach(func(k, v gjson.Result) bool {
		name := k.String()
		if name == "Guid" || (guid == "" && strings.HasSuffix(name, "Guid") && v.Type == gjson.String) {
			guid = v.String()
		}
		return name != "Guid"
	})
	return sanitize.Line(guid)
}

func orThis(base string) string {
	if base == "" {
		return "@this"
	}
	return ""
}

// Prefill is what the next request can take from this answer.
func (m *Model) Prefill() map[string]string {
	if g := m.ItemGuid(); g != "" {
		return map[string]string{"guid": g}
	}
	return nil
}

func (m *Model) openItem() tea.Cmd {
	guid := m.ItemGuid()
	if guid == "" {
		m.problem = "Move the cursor onto an item of the Collection first (it needs a Guid)."
		return nil
	}
	return common.Cmd(common.OpenItemMsg{From: m.op, Guid: guid})
}
