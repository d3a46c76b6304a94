package response

import (
	"fmt"
	"maps"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	"github.com/charmbracelet/x/ansi"

	"github.com/dinero-tui/dinero-tui/internal/sanitize"
	"github.com/dinero-tui/dinero-tui/ui/common"
)

// chromeHeight is the rows above the viewer: summary line, error lines.
func (m *Model) chromeHeight() int {
	return len(m.chromeLines())
}

func (m *Model) chromeLines() []string {
	s := m.com.Styles
	w := m.width - 1
	var lines []string
	// while another request is on its way the last answer's status is
	// not shown (it would read as the new one's)
	if m.liveShown() {
		lines = m.liveLines(w)
	} else if m.resp != nil && (!m.sending || m.fetching != nil) {
		lines = append(lines, m.summary(w))
		lines = append(lines, m.errorLines(w)...)
	}
	if m.problem != "" {
		lines = append(lines, " "+s.Warning.Render(ansi.Truncate(m.problem, w-1, "…")))
	} else if m.note != "" && !m.sending {
		lines = append(lines, " "+s.Info.Render(ansi.Truncate(m.note, w-1, "…")))
	}
	return lines
}

func (m *Model) summary(w int) string {
	s := m.com.Styles
	r := m.resp
	st := s.Success
	switch {
	case r.Status >= 400:
		st = s.Error
	case r.Status >= 300:
		st = s.Warning
	}
	left := " " + st.Render(fmt.Sprintf("%d %s", r.Status, statusText(r.Status))) +
		s.Muted.Render(" · "+formatDuration(r.Duration)+" · "+common.FormatSize(r.Size))
	if m.merged() {
		left = " " + st.Render(m.mergedSummary())
	}
	right := ""
	if pg, ok := m.Paging(); ok {
		right = pageHint(pg) + " "
	}
	gap := w - ansi.StringWidth(left) - ansi.StringWidth(right)
	if gap < 1 {
		return ansi.Truncate(left, w, "…")
	}
	return left + strings.Repeat(" ", gap) + s.Muted.Render(right)
}

// pageHint is where a paged answer stands, with only the page keys that
// lead somewhere.
func pageHint(pg Page) string {
	out := fmt.Sprintf("page %d of %d", pg.Page+1, max(1, pg.Pages))
	if pg.Page+1 < pg.Pages {
		out += " · ] next"
	}
	if pg.Page > 0 {
		out += " · [ previous"
	}
	return out
}

func (m *Model) errorLines(w int) []string {
	if m.resp == nil || m.resp.Err == nil {
		return nil
	}
	s := m.com.Styles
	e := m.resp.Err
	msg := sanitize.Line(e.Message)
	if msg == "" {
		msg = statusText(e.Status)
	}
	head := "Dinero says: " + msg
	if e.Code != 0 {
		head += fmt.Sprintf(" (code %d)", e.Code)
	}
	lines := strings.Split(common.Wrap(head, w, " ", s.Error.Render), "\n")
	keys := slices.Sorted(maps.Keys(e.ValidationErrors))
	for i, k := range keys {
		if i == 3 {
			lines = append(lines, " "+s.Muted.Render(fmt.Sprintf("  … %d more validation errors in the body below", len(keys)-3)))
			break
		}
		lines = append(lines, " "+s.Warning.Render(ansi.Truncate("  "+sanitize.Line(k)+": "+sanitize.Line(e.ValidationErrors[k]), w-1, "…")))
	}
	if e.Code == 90 {
		lines = append(lines, " "+s.Muted.Render(ansi.Truncate("  This company has no Pro subscription; the API is closed to it.", w-1, "…")))
	}
	return lines
}

// View implements common.Component.
func (m *Model) View() string {
	chrome := m.chromeLines()
	bodyH := max(1, m.height-len(chrome))
	var body string
	switch {
	case m.liveShown():
		m.viewer.SetSize(m.width, bodyH)
		body = m.viewer.View()
	case m.sending && m.fetching != nil:
		body = m.fetchingView(bodyH)
	case m.sending:
		body = m.sendingView(bodyH)
	case m.resp == nil && m.problem == "":
		body = " " + m.com.Styles.Muted.Render("Nothing sent yet.")
	case m.resp == nil:
		body = ""
	case m.showHeaders:
		body = m.headersView(bodyH)
	case m.file != nil:
		body = m.fileView(bodyH)
	case m.doc == nil:
		body = " " + m.com.Styles.Muted.Render("(empty body)")
	default:
		m.viewer.SetSize(m.width, bodyH)
		body = m.viewer.View()
	}
	return common.FitBlock(strings.Join(append(chrome, body), "\n"), m.width, m.height)
}

func (m *Model) sendingView(h int) string {
	s := m.com.Styles
	target := m.req.Method + " " + ExpandPath(m.req)
	bar := " " + m.progressBar(min(40, m.width-24))
	if up := m.uploadBar(min(40, m.width-24)); up != "" {
		bar = " " + up
	}
	if d, why := m.progress.wait.left(m.com.Now()); d > 0 && m.progress.done.Load() == 0 {
		bar = common.Wrap(waitLine(d, why), m.width-1, " ", s.Warning.Render)
	}
	lines := []string{"", " " + m.spinner.View() + " Sending " + s.Value.Render(ansi.Truncate(target, max(1, m.width-14), "…")),
		"", bar, "", " " + s.Muted.Render("esc cancels")}
	return common.FitBlock(strings.Join(lines, "\n"), m.width, h)
}

func (m *Model) progressBar(w int) string {
	s := m.com.Styles
	done, total := m.progress.done.Load(), m.progress.total.Load()
	if total <= 0 {
		return s.Muted.Render("received " + common.FormatSize(done))
	}
	frac := min(1, float64(done)/float64(total))
	n := int(frac * float64(w))
	return s.Progress.Done.Render(strings.Repeat("█", n)) + s.Progress.Rest.Render(strings.Repeat("░", w-n)) +
		fmt.Sprintf(" %3.0f%% %s of %s", frac*100, common.FormatSize(done), common.FormatSize(total))
}

func (m *Model) headersView(h int) string {
	s := m.com.Styles
	lines := []string{" " + s.Label.Render("URL") + " " + sanitize.Line(m.resp.URL)}
	for _, k := range slices.Sorted(maps.Keys(m.resp.Header)) {
		for _, v := range m.resp.Header[k] {
			lines = append(lines, " "+s.Label.Render(sanitize.Line(k)+":")+" "+s.Value.Render(sanitize.Line(v)))
		}
	}
	m.headerTop = min(m.headerTop, max(0, len(lines)-h))
	return common.FitBlock(strings.Join(lines[m.headerTop:], "\n"), m.width, h)
}

// ExpandPath is the request's path with parameters substituted and its
// query, for reading (commas unescaped).
func ExpandPath(r common.Request) string {
	return common.DisplayURL(r.Path, r.PathParams, r.Query, nil)
}

func formatDuration(d time.Duration) string {
	if d < time.Millisecond {
		return "<1 ms"
	}
	if d < time.Second {
		return fmt.Sprintf("%d ms", d.Milliseconds())
	}
	return fmt.Sprintf("%.2f s", d.Seconds())
}

func statusText(code int) string {
	if t := http.StatusText(code); t != "" {
		return t
	}
	if code == 480 {
		return "Brownout"
	}
	return "Status"
}

func cloneValues(v url.Values) url.Values {
	out := url.Values{}
	for k, vs := range v {
		out[k] = append([]string(nil), vs...)
	}
	return out
}

func clean(s string) string { return sanitize.Line(s) }

// ShortHelp implements help.KeyMap.
func (m *Model) ShortHelp() []key.Binding {
	k := m.com.Keys
	if m.sending {
		return []key.Binding{k.Cancel}
	}
	if m.viewer.Capturing() {
		return m.viewer.ShortHelp()
	}
	if m.save != nil {
		return []key.Binding{k.Choose, k.Cancel}
	}
	if m.file != nil {
		return []key.Binding{k.SaveFile, k.OpenFile, k.Headers, k.Resend, k.Back}
	}
	b := []key.Binding{k.Up}
	// ] and [ are on the summary line next to the page number
	if _, ok := m.Paging(); ok || m.merged() {
		b = append(b, k.OpenItem)
		if m.op.Paged {
			b = append(b, k.AllPages)
		}
	}
	vh := m.viewer.ShortHelp()
	if len(vh) > 3 {
		vh = vh[3:5]
	}
	return append(append(b, vh...), k.Headers, k.Resend, k.Back)
}

// FullHelp implements help.KeyMap.
func (m *Model) FullHelp() [][]key.Binding {
	k := m.com.Keys
	if m.file != nil {
		return [][]key.Binding{{k.SaveFile, k.OpenFile, k.Headers, k.Resend, k.CopyCommand, k.CopyCurl, k.Back}}
	}
	return append([][]key.Binding{{k.NextPage, k.PrevPage, k.AllPages, k.OpenItem, k.Headers, k.Resend,
		k.CopyCommand, k.CopyCurl, k.Back}}, m.viewer.FullHelp()...)
}
