package request

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/dinero-tui/dinero-tui/internal/sanitize"
	"github.com/dinero-tui/dinero-tui/ui/common"
)

// bodyHeight is the height of the body area (0 when the op has none).
func (m *Model) bodyHeight() int {
	if !m.hasBody() {
		return 0
	}
	more := 0
	if len(m.fields) > m.formRows() {
		more = 1
	}
	return max(3, m.height-m.reserved()-m.formRows()-more-2)
}

// reserved is the rows that are not form or body: the URL, the blank line
// under it and the note or problem (with its blank line).
func (m *Model) reserved() int {
	n := len(m.urlLines()) + 1 + 2
	if m.fileField() != nil {
		n += 3 // the chosen file's line(s)
	}
	return n
}

// formRows is how many field rows are shown.
func (m *Model) formRows() int {
	avail := m.height - m.reserved() - 1
	if m.hasBody() {
		avail = (m.height-m.reserved())/2 - 1
	}
	return max(1, min(len(m.fields), avail))
}

// urlLines is the method and the URL preview, wrapped at ? and & so no
// parameter is split when it fits on a line.
func (m *Model) urlLines() []string {
	s := m.com.Styles
	badge := s.MethodBadge(m.op.Method)
	bw := ansi.StringWidth(badge)
	w := max(10, m.width-2)
	parts := common.WrapURL(m.PreviewURL(), w-bw, w-bw)
	// a long value must not push the form off the screen
	if most := max(1, m.height/4); len(parts) > most {
		parts = parts[:most]
		parts[most-1] = ansi.Truncate(parts[most-1], w-bw-1, "") + "…"
	}
	out := make([]string, len(parts))
	for i, p := range parts {
		lead := strings.Repeat(" ", bw)
		if i == 0 {
			lead = badge
		}
		out[i] = " " + lead + s.Value.Render(p)
	}
	return out
}

// View implements common.Component.
func (m *Model) View() string {
	if m.picking {
		return m.pickerView()
	}
	s := m.com.Styles
	w := m.width - 2
	lines := append(m.urlLines(), "")
	lines = append(lines, m.formLines(w)...)
	if m.fileField() != nil {
		lines = append(lines, "")
		lines = append(lines, m.fileLines(w)...)
	}
	if m.hasBody() {
		lines = append(lines, "", " "+s.Label.Render("Body (JSON)")+"  "+s.Muted.Render("ctrl+e edits it"+editorName(m.com.Getenv)))
		if m.editing {
			lines = append(lines, strings.Split(m.body.View(), "\n")...)
		} else {
			lines = append(lines, m.bodyPreview(w, m.bodyHeight())...)
		}
	}
	switch {
	case m.problem != "":
		lines = append(lines, "", " "+s.Error.Render(ansi.Truncate(m.problem, w, "…")))
	case m.note != "":
		lines = append(lines, "", " "+s.Info.Render(ansi.Truncate(m.note, w, "…")))
	case m.locked():
		lines = append(lines, "", " "+s.Error.Render(ansi.Truncate("LOCKED · read-only mode: this "+m.op.Method+" changes data and cannot be sent", w, "…")))
	}
	view := common.FitBlock(strings.Join(lines, "\n"), m.width, m.height)
	if m.confirming {
		return m.overlayDialog(view)
	}
	return view
}

// labelWidth fits the longest parameter name, between 10 and 18 cells.
func (m *Model) labelWidth() int {
	n := 10
	for _, f := range m.fields {
		n = max(n, ansi.StringWidth(f.param.Name))
	}
	return min(18, n)
}

func (m *Model) formLines(w int) []string {
	s := m.com.Styles
	if len(m.fields) == 0 {
		return []string{" " + s.Muted.Render("This endpoint takes no parameters. Press enter to send it.")}
	}
	rows := m.formRows()
	start := max(0, min(m.focus-rows/2, len(m.fields)-rows))
	lw := m.labelWidth()
	var out []string
	for i := start; i < start+rows && i < len(m.fields); i++ {
		f := m.fields[i]
		name := common.Fit(f.param.Name, lw)
		label, cursor := s.Input.Label.Render(name), "  "
		if i == m.focus && !m.editing {
			label, cursor = s.Input.LabelFocused.Render(name), s.List.Cursor.Render("> ")
		}
		value := f.input.View()
		if f.kind == inAccept {
			value = m.acceptView(f, i == m.focus && !m.editing, m.inputWidth())
		}
		line := cursor + label + " " + common.Fit(value, m.inputWidth()+1) + " " + s.Input.Hint.Render(hintFor(f))
		out = append(out, ansi.Truncate(line, w+1, "…"))
	}
	if len(m.fields) > rows {
		out = append(out, s.Muted.Render(fmt.Sprintf("  … %d fields, tab moves through them", len(m.fields))))
	}
	return out
}

// hintFor is the note after a field: where its value came from, whether
// an empty field means the server's default, the allowed values, and
// "required" while it is empty.
func hintFor(f field) string {
	switch f.kind {
	case inAccept:
		return "←/→ changes it"
	case inFile:
		if strings.TrimSpace(f.input.Value()) == "" {
			return "tab completes · ctrl+o picks · required"
		}
		return "tab completes · ctrl+o picks"
	}
	var parts []string
	empty := strings.TrimSpace(f.input.Value()) == ""
	if f.source != "" && f.source != "default" && !empty && f.input.Value() == f.start {
		parts = append(parts, "("+f.source+")")
	}
	switch {
	case empty && f.off:
		parts = append(parts, "off in the collection: sent once filled")
	case empty && f.param.Default != "":
		parts = append(parts, "default")
	}
	if len(f.param.Enum) > 0 {
		parts = append(parts, strings.Join(f.param.Enum, "|"))
	} else if placeholder(f.param) == "" && f.param.Type != "" && f.param.Type != "string" {
		parts = append(parts, f.param.Type)
	}
	if f.param.Required && empty {
		parts = append(parts, "required")
	}
	return strings.Join(parts, " · ")
}

func (m *Model) bodyPreview(w, h int) []string {
	s := m.com.Styles
	body := m.body.Value()
	if strings.TrimSpace(body) == "" {
		return []string{" " + s.Muted.Render("(empty)")}
	}
	lines := strings.Split(body, "\n")
	var out []string
	for i, l := range lines {
		if i == h-1 && len(lines) > h {
			out = append(out, " "+s.Muted.Render(fmt.Sprintf("… %d more lines", len(lines)-i)))
			break
		}
		out = append(out, " "+s.Value.Render(ansi.Truncate(strings.ReplaceAll(l, "\t", "  "), w, "…")))
	}
	return out
}

func editorName(getenv func(string) string) string {
	for _, v := range []string{"VISUAL", "EDITOR"} {
		if e := strings.Fields(getenv(v)); len(e) > 0 {
			return " in " + e[0]
		}
	}
	return " here"
}

// overlayDialog draws the write confirmation centred over the form.
func (m *Model) overlayDialog(base string) string {
	s := m.com.Styles
	w := min(m.width-4, 64)
	org := m.Org()
	company := fmt.Sprintf("%s (%d)", sanitize.Line(org.Name), org.ID)
	if org.Name == "" {
		company = fmt.Sprintf("organization %d", org.ID)
	}
	text := fmt.Sprintf("%s %s will change data in %s.", m.op.Method, m.PreviewURL(), company) + m.uploadSummary()
	body := ansi.Wordwrap(text, w-6, " /") + "\n\n" + s.Key.Render("Send it?") + " " + s.Muted.Render("y sends · n or esc cancels")
	dialog := s.Dialog.Width(w).Render(body)
	return lipgloss.Place(m.width, m.height, lipgloss.Center, lipgloss.Center, dialog,
		lipgloss.WithWhitespaceChars(" "))
}

// ShortHelp implements help.KeyMap.
func (m *Model) ShortHelp() []key.Binding {
	k := m.com.Keys
	switch {
	case m.confirming:
		return []key.Binding{k.Confirm, k.Deny}
	case m.editing:
		return []key.Binding{key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back to the form"))}
	}
	if m.picking {
		return []key.Binding{k.Choose, k.Back}
	}
	b := []key.Binding{k.Send, k.NextField}
	if m.focus < len(m.fields) {
		switch m.fields[m.focus].kind {
		case inFile:
			b = append(b, k.PickFile)
		case inAccept:
			b = append(b, k.NextChoice)
		}
	}
	if m.hasBody() {
		b = append(b, k.EditBody)
	}
	return append(b, k.Back, k.HelpAnywhere)
}

// FullHelp implements help.KeyMap.
func (m *Model) FullHelp() [][]key.Binding {
	k := m.com.Keys
	first := []key.Binding{k.Send, k.NextField, k.PrevField, k.EditBody}
	for _, f := range m.fields {
		switch f.kind {
		case inFile:
			first = append(first, k.PickFile)
		case inAccept:
			first = append(first, k.NextChoice)
		}
	}
	return [][]key.Binding{first, {k.Confirm, k.Deny, k.Back, k.ForceQuit}}
}
