// Package copymenu is the explorer's "copy as…" menu: every language of
// internal/codegen, with a preview of the selected one; enter puts that
// code on the clipboard (OSC 52). No form holds the token: the api
// command uses the stored session, the others read DINERO_TOKEN.
package copymenu

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/dinero-tui/dinero-tui/internal/codegen"
	"github.com/dinero-tui/dinero-tui/internal/sanitize"
	"github.com/dinero-tui/dinero-tui/ui/common"
	"github.com/dinero-tui/dinero-tui/ui/shellcmd"
)

// Model is the menu.
type Model struct {
	com    common.Common
	req    common.Request
	opts   codegen.Options
	list   common.ScrollList
	width  int
	height int
}

// New returns the menu.
func New(com common.Common) *Model {
	return &Model{com: com, list: common.ScrollList{Len: len(codegen.Languages)}}
}

// Set chooses the request to copy; paginate asks the api form for every
// page (the others fetch one).
func (m *Model) Set(req common.Request, paginate bool) {
	m.req = req
	m.opts = codegen.Options{BaseURL: m.com.Profile.APIURL, Profile: m.com.Profile.Name, Paginate: paginate}
}

// Title implements common.Component.
func (m *Model) Title() string { return "copy as" }

// Capturing implements common.Component.
func (m *Model) Capturing() bool { return false }

// SetSize implements common.Component.
func (m *Model) SetSize(w, h int) {
	m.width, m.height = w, h
	m.list.Height = len(codegen.Languages)
	m.list.Clamp()
}

// Update implements common.Component.
func (m *Model) Update(msg tea.Msg) (common.Component, tea.Cmd) {
	k := m.com.Keys
	if msg, ok := msg.(tea.KeyPressMsg); ok {
		switch {
		case key.Matches(msg, k.Back):
			return m, common.Cmd(common.BackMsg{})
		case key.Matches(msg, k.Choose):
			return m, m.copy()
		default:
			m.list.MoveKey(msg, k)
		}
	}
	return m, nil
}

// Language is the language under the cursor.
func (m *Model) Language() codegen.Language { return codegen.Languages[m.list.Cursor] }

func (m *Model) copy() tea.Cmd {
	l := m.Language()
	code, err := l.Render(shellcmd.Request(m.req), m.opts)
	if err != nil {
		return common.Cmd(common.ErrorMsg{Err: err})
	}
	note := "copied as " + l.Title
	if l.Name != "api" {
		note += " (it reads $DINERO_TOKEN)"
	}
	return tea.Batch(common.Cmd(common.BackMsg{}), tea.SetClipboard(code), common.Info(note))
}

// View implements common.Component.
func (m *Model) View() string {
	s := m.com.Styles
	sp := common.NewSplit(m.width, m.height, 30, func() int { return max(4, m.height-len(codegen.Languages)-2) })
	var rows []string
	for i, l := range codegen.Languages {
		if i == m.list.Cursor {
			rows = append(rows, " > "+s.List.Cursor.Render(l.Title))
		} else {
			rows = append(rows, "   "+l.Title)
		}
	}
	list := common.Box(s, "Copy as", strings.Join(rows, "\n"), sp.ListWidth, sp.ListHeight, true)
	dw, dh := sp.DetailSize()
	return sp.Join(list, common.Box(s, "Preview", m.preview(dw-2, dh-2), dw, dh, false))
}

func (m *Model) preview(w, h int) string {
	code, err := m.Language().Render(shellcmd.Request(m.req), m.opts)
	if err != nil {
		return m.com.Styles.Error.Render(sanitize.Line(err.Error()))
	}
	lines := strings.Split(sanitize.Text(code), "\n")
	if len(lines) > h {
		lines = append(lines[:max(0, h-1)], "…")
	}
	for i := range lines {
		lines[i] = ansi.Truncate(strings.ReplaceAll(lines[i], "\t", "    "), max(1, w), "…")
	}
	return strings.Join(lines, "\n")
}

// ShortHelp implements help.KeyMap.
func (m *Model) ShortHelp() []key.Binding {
	k := m.com.Keys
	return []key.Binding{k.Up, k.Down, copyKey, k.Back}
}

// FullHelp implements help.KeyMap.
func (m *Model) FullHelp() [][]key.Binding {
	return [][]key.Binding{m.ShortHelp()}
}

var copyKey = key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "copy"))
