package response

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/dinero-tui/dinero-tui/internal/download"
	"github.com/dinero-tui/dinero-tui/internal/sanitize"
	"github.com/dinero-tui/dinero-tui/ui/common"
)

func truncate(s string, w int) string { return ansi.Truncate(s, max(1, w), "…") }

// savePrompt asks where to save a file answer, then, when that file is
// there already, whether to replace it.
type savePrompt struct {
	input     textinput.Model
	overwrite string // the existing path the user is asked about
}

// savedMsg is the end of a save.
type savedMsg struct {
	gen    int
	path   string
	size   int64
	exists bool // not saved: the file is there and overwriting was not asked
	err    error
}

// openedMsg is the end of starting the viewer.
type openedMsg struct {
	name string
	err  error
}

// startSave opens the prompt, prefilled with the answer's name (in the
// current directory).
func (m *Model) startSave() tea.Cmd {
	in := common.NewInput(m.com)
	in.Prompt = ""
	in.CharLimit = 1024
	in.SetValue(m.file.Name)
	in.CursorEnd()
	in.SetWidth(max(10, m.width-24))
	m.save, m.problem, m.note = &savePrompt{input: in}, "", ""
	return m.save.input.Focus()
}

// handleSaveKey takes the keys while the save prompt shows.
func (m *Model) handleSaveKey(msg tea.KeyPressMsg) tea.Cmd {
	k := m.com.Keys
	if m.save.overwrite != "" {
		switch {
		case key.Matches(msg, k.Confirm):
			path := m.save.overwrite
			m.save = nil
			return m.saveTo(path, true)
		case key.Matches(msg, k.Deny), msg.String() == "enter":
			m.save.overwrite = "" // back to the name, to choose another
		}
		return nil
	}
	switch msg.String() {
	case "esc":
		m.save, m.note = nil, "Not saved."
		return nil
	case "enter":
		path := common.ExpandHome(strings.TrimSpace(m.save.input.Value()))
		if path == "" {
			return nil
		}
		return m.saveTo(path, false)
	}
	var cmd tea.Cmd
	m.save.input, cmd = m.save.input.Update(msg)
	return cmd
}

// saveTo writes the answer to path (relative to the current directory)
// in a command; an existing file is kept unless overwrite.
func (m *Model) saveTo(path string, overwrite bool) tea.Cmd {
	f, gen := m.file, m.gen
	return func() tea.Msg {
		if abs, err := filepath.Abs(path); err == nil {
			path = abs
		}
		src, err := f.open()
		if err != nil {
			return savedMsg{gen: gen, path: path, err: fmt.Errorf("the answer is gone (%w); send it again", err)}
		}
		defer src.Close()
		err = download.Save(path, src, overwrite)
		return savedMsg{gen: gen, path: path, size: f.Size, exists: errors.Is(err, download.ErrExists), err: err}
	}
}

func (m *Model) handleSaved(msg savedMsg) {
	if msg.gen != m.gen {
		return
	}
	switch {
	case msg.exists:
		if m.save == nil {
			m.startSave()
		}
		m.save.overwrite = msg.path
	case msg.err != nil:
		m.problem = "Not saved: " + sanitize.Line(msg.err.Error())
	default:
		m.save = nil
		m.note = fmt.Sprintf("Saved %s to %s", common.FormatSize(msg.size), sanitize.Line(msg.path))
	}
}

// openFile puts a copy of the answer under the cache directory and starts
// the system's viewer on it, in a command.
func (m *Model) openFile() tea.Cmd {
	f, dir, open := m.file, m.com.CacheDir, m.opener
	if dir == "" {
		dir = os.TempDir()
	}
	m.note, m.problem = "Opening "+sanitize.Line(f.Name)+"…", ""
	return func() tea.Msg {
		path, err := download.Copy(dir, f.Name, func(path string) error {
			src, err := f.open()
			if err != nil {
				return fmt.Errorf("the answer is gone (%w); send it again", err)
			}
			defer src.Close()
			return download.Save(path, src, false)
		})
		if err == nil {
			err = open(path, f.Type)
		}
		return openedMsg{name: f.Name, err: err}
	}
}

func (m *Model) handleOpened(msg openedMsg) {
	if msg.err != nil {
		m.note, m.problem = "", "Could not open it: "+sanitize.Line(msg.err.Error())+". Save it with s instead."
		return
	}
	m.note = "Opened " + sanitize.Line(msg.name) + " in the system's viewer."
}

// fileView is the pane's body for a file answer: what it is and what the
// keys do with it, and the save prompt when it shows.
func (m *Model) fileView(h int) string {
	s := m.com.Styles
	f := m.file
	w := max(10, m.width-14)
	row := func(label, value string) string {
		return " " + s.Label.Render(fmt.Sprintf("%-6s", label)) + " " + s.Value.Render(truncate(value, w))
	}
	lines := []string{"", row("File", sanitize.Line(f.Name)), row("Type", f.Type), row("Size", fmt.Sprintf("%s (%d bytes)", common.FormatSize(f.Size), f.Size)),
		"", " " + s.Muted.Render("Not shown: the answer is a file, not JSON.")}
	switch {
	case m.save != nil && m.save.overwrite != "":
		lines = append(lines, "", common.Wrap(sanitize.Line(m.save.overwrite)+" exists. Replace it?", m.width-1, " ", s.Warning.Render),
			" "+s.Key.Render("y")+s.Muted.Render(" replaces it · n keeps it and asks for another name"))
	case m.save != nil:
		lines = append(lines, "", " "+s.Label.Render("Save as")+" "+m.save.input.View(),
			" "+s.Muted.Render("in the current folder unless you give a path · enter saves · esc cancels"))
	default:
		lines = append(lines, "", " "+s.Key.Render("s")+s.Muted.Render(" save it · ")+s.Key.Render("O")+s.Muted.Render(" open it in the system's viewer"))
	}
	return common.FitBlock(strings.Join(lines, "\n"), m.width, h)
}
