package request

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"charm.land/bubbles/v2/filepicker"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/dinero-tui/dinero-tui/api/catalog"
	"github.com/dinero-tui/dinero-tui/internal/sanitize"
	"github.com/dinero-tui/dinero-tui/ui/common"
)

// fileFieldName is the part Dinero reads the file from.
const fileFieldName = "file"

// uploadState is what the form knows about the file field's path.
type uploadState struct {
	path    string // the path checked (as typed)
	file    catalog.UploadFile
	err     error
	checked bool
	sending bool // send once the check is back
}

// fileCheckedMsg is catalog.CheckUpload's answer for a typed path.
type fileCheckedMsg struct {
	path string
	file catalog.UploadFile
	err  error
	send bool
}

// completionsMsg lists what the file field's path can go on with.
type completionsMsg struct {
	dir   string // the typed directory part the entries belong to
	names []string
}

// multipart reports whether op's body is a multipart form the editor
// fills with one file field (a Postman request lists its own fields).
func multipart(op catalog.Operation) bool {
	return op.BodyType == "multipart/form-data" && len(op.Form) == 0
}

// addFileField adds the file field, with the path previous sent (from
// the history).
func (m *Model) addFileField(op catalog.Operation, previous *common.Request) tea.Cmd {
	if !multipart(op) {
		return nil
	}
	v, src := "", ""
	if previous != nil {
		for _, p := range previous.Parts {
			if p.File {
				v, src = p.Value, "from the history"
			}
		}
	}
	m.addField(catalog.Param{Name: fileFieldName, Type: "file", Required: true}, inFile, v, src)
	f := &m.fields[len(m.fields)-1]
	f.input.Placeholder = "path of the file (tab completes, ctrl+o picks)"
	f.input.ShowSuggestions = true
	return m.fileChanged()
}

// fileField returns the file field, if the form has one.
func (m *Model) fileField() *field {
	for i := range m.fields {
		if m.fields[i].kind == inFile {
			return &m.fields[i]
		}
	}
	return nil
}

// fileChanged starts the checks of a new path: its completions and
// whether it can be uploaded.
func (m *Model) fileChanged() tea.Cmd {
	f := m.fileField()
	if f == nil {
		return nil
	}
	path := strings.TrimSpace(f.input.Value())
	if path == m.upload.path && m.upload.checked {
		return nil
	}
	m.upload = uploadState{path: path}
	return tea.Batch(listCompletions(path), checkFile(path, false))
}

func checkFile(path string, send bool) tea.Cmd {
	if path == "" {
		return nil
	}
	return func() tea.Msg {
		f, err := catalog.CheckUpload(common.ExpandHome(path))
		return fileCheckedMsg{path: path, file: f, err: err, send: send}
	}
}

// listCompletions reads the directory a typed path is in, for the
// entries that can complete it (directories end in /; hidden ones only
// once a dot is typed).
func listCompletions(typed string) tea.Cmd {
	dir := typed[:strings.LastIndex(typed, "/")+1]
	hidden := strings.HasPrefix(typed[len(dir):], ".")
	return func() tea.Msg {
		read := common.ExpandHome(dir)
		if read == "" {
			read = "."
		}
		entries, err := os.ReadDir(read)
		if err != nil {
			return completionsMsg{dir: dir}
		}
		names := make([]string, 0, len(entries))
		for _, e := range entries {
			n := e.Name()
			if strings.HasPrefix(n, ".") && !hidden {
				continue
			}
			if isDir(filepath.Join(read, n), e) {
				n += "/"
			}
			names = append(names, dir+n)
		}
		sort.Strings(names)
		return completionsMsg{dir: dir, names: names}
	}
}

func isDir(path string, e os.DirEntry) bool {
	if e.IsDir() {
		return true
	}
	st, err := os.Stat(path) // a link to a directory
	return err == nil && st.IsDir()
}

// handleFileMsg takes the answers of the file field's commands.
func (m *Model) handleFileMsg(msg tea.Msg) (tea.Cmd, bool) {
	switch msg := msg.(type) {
	case completionsMsg:
		if f := m.fileField(); f != nil && strings.HasPrefix(f.input.Value(), msg.dir) {
			f.input.SetSuggestions(msg.names)
		}
		return nil, true
	case pickerDirMsg:
		if m.fileField() == nil {
			return nil, true // the form changed since
		}
		return m.showPicker(msg.dir), true
	case fileCheckedMsg:
		f := m.fileField()
		if f == nil || strings.TrimSpace(f.input.Value()) != msg.path {
			return nil, true // the path changed since
		}
		m.upload = uploadState{path: msg.path, file: msg.file, err: msg.err, checked: true}
		if msg.send {
			return m.send(), true
		}
		return nil, true
	}
	if m.picking {
		return m.updatePicker(msg), true
	}
	return nil, false
}

// completes reports whether tab should complete the focused file field
// rather than move on: a suggestion longer than what is typed is there.
func (m *Model) completes() bool {
	if m.focus >= len(m.fields) || m.fields[m.focus].kind != inFile {
		return false
	}
	in := &m.fields[m.focus].input
	s := in.CurrentSuggestion()
	return len(in.MatchedSuggestions()) > 0 && len(s) > len(in.Value())
}

// uploadProblem says why the file field cannot be sent, "" when it can
// (or its check is not back yet).
func (m *Model) uploadProblem() string {
	if m.fileField() == nil || !m.upload.checked || m.upload.err == nil {
		return ""
	}
	if errors.Is(m.upload.err, fs.ErrNotExist) {
		return "Not sent: there is no file " + sanitize.Line(m.upload.path) + "."
	}
	return "Not sent: the file cannot be uploaded (see File above)."
}

// uploadSummary names the file a confirmed upload sends, "" without one.
func (m *Model) uploadSummary() string {
	if m.fileField() == nil || !m.upload.checked || m.upload.err != nil {
		return ""
	}
	return fmt.Sprintf(" It uploads %s (%s, %s).", sanitize.Line(m.upload.file.Name), common.FormatSize(m.upload.file.Size), m.upload.file.Type)
}

// fileLines are the "File" line under the form, wrapped to two lines
// of width w at most.
func (m *Model) fileLines(w int) []string {
	s := m.com.Styles
	lead := " " + s.Label.Render("File") + "  "
	if m.upload.checked && m.upload.err != nil && !errors.Is(m.upload.err, fs.ErrNotExist) {
		wrapped := strings.Split(ansi.Wordwrap(sanitize.Line(m.upload.err.Error()), max(10, w-7), " "), "\n")
		out := []string{lead + s.Error.Render(wrapped[0])}
		if len(wrapped) > 1 {
			out = append(out, "       "+s.Error.Render(ansi.Truncate(strings.Join(wrapped[1:], " "), max(10, w-7), "…")))
		}
		return out
	}
	return []string{lead + ansi.Truncate(m.fileLine(), max(1, w-6), "…")}
}

// fileLine describes the chosen file under the form: name, size and the
// type it goes with, or why it cannot go.
func (m *Model) fileLine() string {
	s := m.com.Styles
	switch {
	case m.upload.path == "":
		return s.Muted.Render("No file chosen: type its path (tab completes) or press ctrl+o to pick it.")
	case !m.upload.checked:
		return s.Muted.Render("Checking " + sanitize.Line(m.upload.path) + "…")
	case errors.Is(m.upload.err, fs.ErrNotExist):
		return s.Warning.Render("No file " + sanitize.Line(m.upload.path) + " here yet: tab completes, ctrl+o picks.")
	case m.upload.err != nil:
		return s.Error.Render(sanitize.Line(m.upload.err.Error()))
	}
	u := m.upload.file
	return s.Value.Render(sanitize.Line(u.Name)) + s.Muted.Render(fmt.Sprintf(" · %s · %s · limit 6 MB", common.FormatSize(u.Size), u.Type))
}

// pickerDirMsg is the folder the file picker opens in.
type pickerDirMsg struct{ dir string }

// openPicker finds, outside Update, the folder the file picker opens in.
func (m *Model) openPicker() tea.Cmd {
	typed := ""
	if f := m.fileField(); f != nil {
		typed = strings.TrimSpace(f.input.Value())
	}
	return func() tea.Msg { return pickerDirMsg{dir: pickerDir(typed)} }
}

// pickerDir is the typed path when it is a folder, else its folder when
// that exists, else the current folder; made absolute.
func pickerDir(typed string) string {
	dir := "."
	typed = common.ExpandHome(typed)
	if st, err := os.Stat(typed); err == nil && st.IsDir() {
		dir = typed
	} else if d := filepath.Dir(typed); typed != "" {
		if st, err := os.Stat(d); err == nil && st.IsDir() {
			dir = d
		}
	}
	if abs, err := filepath.Abs(dir); err == nil {
		dir = abs
	}
	return dir
}

// showPicker shows the file picker over the form, in dir.
func (m *Model) showPicker(dir string) tea.Cmd {
	fp := filepicker.New()
	fp.AutoHeight = false
	fp.ShowPermissions = false
	fp.Styles = m.com.Styles.FilePicker()
	fp.KeyMap.Back = key.NewBinding(key.WithKeys("h", "backspace", "left"), key.WithHelp("←/h", "up a folder"))
	fp.CurrentDirectory = dir
	fp.SetHeight(max(3, m.height-4))
	m.picker, m.picking = fp, true
	m.note, m.problem = "", ""
	return m.picker.Init()
}

// updatePicker passes a message to the picker; a chosen file fills the
// file field, esc closes the picker.
func (m *Model) updatePicker(msg tea.Msg) tea.Cmd {
	if k, ok := msg.(tea.KeyPressMsg); ok && k.String() == "esc" {
		m.picking = false
		return m.focusField()
	}
	var cmd tea.Cmd
	m.picker, cmd = m.picker.Update(msg)
	if ok, path := m.picker.DidSelectFile(msg); ok {
		m.picking = false
		if f := m.fileField(); f != nil {
			f.input.SetValue(path)
			f.input.CursorEnd()
		}
		return tea.Batch(cmd, m.focusField(), m.fileChanged())
	}
	return cmd
}

// pickerView is the picker filling the pane, under a line saying what it is.
func (m *Model) pickerView() string {
	s := m.com.Styles
	head := " " + s.Label.Render("Pick the file to upload") + "  " +
		s.Muted.Render(sanitize.Line(m.picker.CurrentDirectory)+" · enter chooses · ←/h up a folder · esc back to the form")
	return common.FitBlock(head+"\n\n"+m.picker.View(), m.width, m.height)
}

// handleFieldKey takes the keys a field of its own kind handles: the
// picker's keys while it shows, tab completing a file path, ctrl+o for
// the picker, ←/→ on a choice field (which takes no typing).
func (m *Model) handleFieldKey(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	k := m.com.Keys
	if m.picking {
		return m.updatePicker(msg), true
	}
	if m.focus >= len(m.fields) {
		return nil, false
	}
	switch m.fields[m.focus].kind {
	case inFile:
		switch {
		case key.Matches(msg, k.PickFile):
			return m.openPicker(), true
		case msg.String() == "tab" && m.completes():
			return m.forward(msg), true
		}
	case inAccept:
		switch {
		case key.Matches(msg, k.NextChoice):
			m.cycle(1)
			return nil, true
		case key.Matches(msg, k.PrevChoice):
			m.cycle(-1)
			return nil, true
		case msg.String() == "esc", key.Matches(msg, k.Send, k.NextField, k.PrevField, k.EditBody, k.PickFile):
		default:
			return nil, true // chosen, not typed or edited
		}
	}
	return nil, false
}
