package request

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/dinero-tui/dinero-tui/ui/common"
)

// bodyHeight is the height of the body area (0 when the op has none).
func (m *Model) bodyHeight() int {
	if !m.hasBody() {
		return 0
	}
	return max(3, m.height-m.formRows()-6)
}

// formRows is how many field rows are shown.
func (m *Model) formRows() int {
	avail := m.height - 5
	if m.hasBody() {
		avail = m.height/2 - 3
	}
	return max(1, min(len(m.fields), avail))
}

// View implements common.Component.
func (m *Model) View() string {
	s := m.com.Styles
	w := m.width - 2
	var lines []string
	head := s.MethodBadge(m.op.Method) + s.Value.Render(m.PreviewURL())
	for _, l := range strings.Split(ansi.Hardwrap(head, w, false), "\n") {
		lines = append(lines, " "+l)
	}
	lines = append(lines, "")
	lines = append(lines, m.formLines(w)...)
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
		lines = append(lines, "", " "+s.Error.Render(m.problem))
	case m.note != "":
		lines = append(lines, "", " "+s.Info.Render(m.note))
	}
	view := common.FitBlock(strings.Join(lines, "\n"), m.width, m.height)
	if m.confirming {
		return m.overlayDialog(view)
	}
	return view
}

func (m *Model) formLines(w int) []string {
	s := m.com.Styles
	if len(m.fields) == 0 {
		return []string{" " + s.Muted.Render("This endpoint takes no parameters. Press enter to send it.")}
	}
	rows := m.formRows()
	start := max(0, min(m.focus-rows/2, len(m.fields)-rows))
	var out []string
	for i := start; i < start+rows && i < len(m.fields); i++ {
		f := m.fields[i]
		label := s.Input.Label.Render(fmt.Sprintf("%-18s", ansi.Truncate(f.param.Name, 18, "…")))
		cursor := "  "
		if i == m.focus && !m.editing {
			label = s.Input.LabelFocused.Render(fmt.Sprintf("%-18s", ansi.Truncate(f.param.Name, 18, "…")))
			cursor = s.List.Cursor.Render("> ")
		}
		hint := hintFor(f)
		line := cursor + label + " " + common.Fit(f.input.View(), m.inputWidth()+1) + " " + s.Input.Hint.Render(hint)
		out = append(out, ansi.Truncate(line, w+1, "…"))
	}
	if len(m.fields) > rows {
		out = append(out, s.Muted.Render(fmt.Sprintf("  … %d fields, tab moves through them", len(m.fields))))
	}
	return out
}

func hintFor(f field) string {
	var parts []string
	if f.source != "" && f.source != "default" {
		parts = append(parts, "("+f.source+")")
	}
	if len(f.param.Enum) > 0 {
		parts = append(parts, strings.Join(f.param.Enum, "|"))
	} else if f.param.Type != "" && f.param.Type != "string" {
		parts = append(parts, f.param.Type)
	}
	if f.param.Required {
		parts = append(parts, "required")
	}
	return strings.Join(parts, " ")
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
	text := fmt.Sprintf("%s %s will change data in %s (%d).", m.op.Method, m.PreviewURL(), m.org.Name, m.org.ID)
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
	b := []key.Binding{k.Send, k.NextField}
	if m.hasBody() {
		b = append(b, k.EditBody)
	}
	return append(b, k.Back)
}

// FullHelp implements help.KeyMap.
func (m *Model) FullHelp() [][]key.Binding {
	k := m.com.Keys
	return [][]key.Binding{{k.Send, k.NextField, k.PrevField, k.EditBody}, {k.Confirm, k.Deny, k.Back, k.ForceQuit}}
}
