package request

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"unicode/utf8"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/dinero-tui/dinero-tui/internal/sanitize"
	"github.com/dinero-tui/dinero-tui/ui/common"
)

// bodyEditedMsg carries the body back from $EDITOR.
type bodyEditedMsg struct {
	body string
	err  error
}

// bodyFileMsg says the body was written to path for the editor to open.
type bodyFileMsg struct {
	editor  []string
	path    string
	err     error
	missing bool // the editor is not installed: edit in place
}

// Update implements common.Component.
func (m *Model) Update(msg tea.Msg) (common.Component, tea.Cmd) {
	if cmd, ok := m.handleFileMsg(msg); ok {
		return m, cmd
	}
	switch msg := msg.(type) {
	case bodyFileMsg:
		return m, m.runEditor(msg)
	case bodyEditedMsg:
		return m, m.bodyEdited(msg)
	case tea.KeyPressMsg:
		return m, m.handleKey(msg)
	case tea.PasteMsg:
		return m, m.forward(msg)
	}
	return m, nil
}

func (m *Model) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	k := m.com.Keys
	if m.confirming {
		return m.handleConfirmKey(msg)
	}
	if m.editing {
		if msg.String() == "esc" {
			m.editing = false
			m.body.Blur()
			m.note, m.problem = "", bodyProblem(m.body.Value())
			return m.focusField()
		}
		return m.forward(msg)
	}
	if cmd, ok := m.handleFieldKey(msg); ok {
		return cmd
	}
	switch {
	case msg.String() == "esc":
		return common.Cmd(common.BackMsg{})
	case key.Matches(msg, k.Send):
		return m.send()
	case key.Matches(msg, k.NextField):
		return m.moveFocus(1)
	case key.Matches(msg, k.PrevField):
		return m.moveFocus(-1)
	case key.Matches(msg, k.EditBody):
		return m.editBody()
	}
	return m.forward(msg)
}

func (m *Model) handleConfirmKey(msg tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(msg, m.com.Keys.Confirm):
		m.confirming = false
		return common.Cmd(common.SendRequestMsg{Op: m.op, Req: m.Request(), Confirmed: true})
	case key.Matches(msg, m.com.Keys.Deny), msg.String() == "enter":
		m.confirming = false
		m.note = "Not sent."
	}
	return nil
}

func (m *Model) forward(msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	if m.editing {
		m.body, cmd = m.body.Update(msg)
		return cmd
	}
	if m.focus < len(m.fields) && m.fields[m.focus].kind != inAccept { // a choice takes no typing or paste
		f := &m.fields[m.focus]
		before := f.input.Value()
		f.input, cmd = f.input.Update(msg)
		m.note, m.problem = "", ""
		if cut(before, f.input.Value(), f.input.CharLimit, msg) {
			m.problem = fmt.Sprintf("%s holds at most %s characters; the rest was not taken.", f.param.Name,
				thousands(f.input.CharLimit))
		}
		if f.kind == inFile && f.input.Value() != before {
			cmd = tea.Batch(cmd, m.fileChanged())
		}
	}
	return cmd
}

// cut reports whether msg tried to put more into a field than its limit
// lets it hold: a paste that did not fit, or a character typed into a
// full field.
func cut(before, after string, limit int, msg tea.Msg) bool {
	n := utf8.RuneCountInString(after)
	if limit <= 0 || n < limit {
		return false
	}
	switch msg := msg.(type) {
	case tea.PasteMsg:
		return utf8.RuneCountInString(before)+utf8.RuneCountInString(msg.Content) > limit
	case tea.KeyPressMsg:
		return msg.Text != "" && before == after
	}
	return false
}

func thousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

func (m *Model) moveFocus(d int) tea.Cmd {
	if len(m.fields) == 0 {
		return nil
	}
	m.focus = (m.focus + d + len(m.fields)) % len(m.fields)
	return m.focusField()
}

func (m *Model) send() tea.Cmd {
	if p := m.check(); p != "" {
		m.problem = p
		return nil
	}
	m.problem = ""
	if m.locked() {
		m.problem = common.ReadOnlyRefusal(m.op.Method)
		return nil
	}
	if f := m.fileField(); f != nil && !m.upload.checked {
		// the file's check is not back yet: send when it is
		return checkFile(strings.TrimSpace(f.input.Value()), true)
	}
	if m.isWrite() {
		m.confirming = true
		return nil
	}
	return common.Cmd(common.SendRequestMsg{Op: m.op, Req: m.Request()})
}

// editBody opens $VISUAL or $EDITOR on the body, or the text area when
// neither is set.
func (m *Model) editBody() tea.Cmd {
	if !m.hasBody() {
		m.note = m.op.Method + " " + m.op.Name + " takes no body."
		return nil
	}
	editor := strings.Fields(firstNonEmpty(m.com.Getenv("VISUAL"), m.com.Getenv("EDITOR")))
	if len(editor) == 0 {
		return m.editHere("Editing the body here (set $EDITOR to use your editor); esc returns to the form.")
	}
	dir, body := m.com.CacheDir, m.body.Value()
	return func() tea.Msg {
		if _, err := exec.LookPath(editor[0]); err != nil {
			return bodyFileMsg{editor: editor, missing: true}
		}
		path, err := writeBodyFile(dir, body)
		return bodyFileMsg{editor: editor, path: path, err: err}
	}
}

// editHere gives the body text area the keyboard, saying why in note.
func (m *Model) editHere(note string) tea.Cmd {
	m.editing = true
	m.focusField()
	m.note, m.problem = note, ""
	m.body.SetHeight(max(3, m.bodyHeight()))
	return m.body.Focus()
}

// bodyEdited takes the body back from the editor: it says when nothing
// changed, and flags a body that is no longer valid JSON at once.
func (m *Model) bodyEdited(msg bodyEditedMsg) tea.Cmd {
	if msg.err != nil {
		m.problem = "The editor failed: " + sanitize.Line(msg.err.Error()) + ". The body is as it was."
		return nil
	}
	if msg.body == m.body.Value() {
		m.note, m.problem = "Body unchanged.", ""
		return nil
	}
	m.body.SetValue(msg.body)
	m.note, m.problem = "Body updated from the editor.", bodyProblem(msg.body)
	return nil
}

// runEditor hands the terminal to the editor on the written body file.
func (m *Model) runEditor(msg bodyFileMsg) tea.Cmd {
	if msg.missing {
		return m.editHere(fmt.Sprintf("The editor %q was not found, so the body is edited here; esc returns to the form.",
			sanitize.Line(msg.editor[0])))
	}
	if msg.err != nil {
		m.problem = msg.err.Error()
		return nil
	}
	editor, path := msg.editor, msg.path
	c := exec.Command(editor[0], append(editor[1:], path)...)
	return tea.ExecProcess(c, func(err error) tea.Msg {
		defer os.Remove(path)
		if err != nil {
			return bodyEditedMsg{err: fmt.Errorf("%s: %w", editor[0], err)}
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return bodyEditedMsg{err: fmt.Errorf("read the edited body: %w", err)}
		}
		return bodyEditedMsg{body: string(b)}
	})
}

// writeBodyFile puts body in a private temporary file under dir.
func writeBodyFile(dir, body string) (string, error) {
	if dir == "" {
		dir = os.TempDir()
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", fmt.Errorf("create %s for the body: %w", dir, err)
	}
	f, err := os.CreateTemp(dir, "body-*.json")
	if err != nil {
		return "", fmt.Errorf("create the body file: %w", err)
	}
	_, werr := f.WriteString(body)
	if cerr := f.Close(); werr == nil {
		werr = cerr
	}
	if werr != nil {
		os.Remove(f.Name())
		return "", fmt.Errorf("write the body file: %w", errors.Join(werr))
	}
	return filepath.Clean(f.Name()), nil
}

func firstNonEmpty(vs ...string) string {
	for _, v := range vs {
		if v != "" {
			return v
		}
	}
	return ""
}
