package jsonview

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// keyMsg builds the key press a terminal would send for name.
func keyMsg(name string) tea.KeyPressMsg {
	special := map[string]rune{
		"up": tea.KeyUp, "down": tea.KeyDown, "left": tea.KeyLeft, "right": tea.KeyRight,
		"enter": tea.KeyEnter, "esc": tea.KeyEscape, "pgdown": tea.KeyPgDown, "pgup": tea.KeyPgUp,
		"home": tea.KeyHome, "end": tea.KeyEnd, "backspace": tea.KeyBackspace,
	}
	if code, ok := special[name]; ok {
		return tea.KeyPressMsg{Code: code}
	}
	if strings.HasPrefix(name, "ctrl+") {
		return tea.KeyPressMsg{Code: rune(name[5]), Mod: tea.ModCtrl}
	}
	r := []rune(name)[0]
	return tea.KeyPressMsg{Code: r, Text: name}
}

// press sends keys, running any command that comes back synchronously
// when it produces a viewer message (query results, saves).
func press(t testing.TB, m Model, keys ...string) Model {
	t.Helper()
	for _, k := range keys {
		m, _ = m.Update(keyMsg(k))
	}
	return m
}

// typeText types s into whatever has focus.
func typeText(t testing.TB, m Model, s string) Model {
	t.Helper()
	for _, r := range s {
		m, _ = m.Update(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	return m
}

func mustParse(t testing.TB, s string) *Document {
	t.Helper()
	d, err := Parse([]byte(s))
	if err != nil {
		t.Fatalf("Parse(%q): %v", s, err)
	}
	return d
}

// plainModel is a viewer without colours.
func plainModel(t testing.TB, s string, w, h int) Model {
	t.Helper()
	m := New(mustParse(t, s), WithStyles(NoColorStyles()))
	m.SetSize(w, h)
	return m
}

// screen is the view without escape sequences, trailing spaces trimmed.
func screen(m Model) string {
	lines := strings.Split(ansi.Strip(m.View()), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	return strings.Join(lines, "\n")
}

// bodyText renders every line of the document fully expanded, without line
// numbers or colours.
func bodyText(d *Document) string {
	var sb strings.Builder
	for i := 0; i < d.Lines(); i++ {
		for _, s := range d.rowSegs(i, false, 0) {
			sb.WriteString(s.text)
		}
		sb.WriteByte('\n')
	}
	return sb.String()
}
