package jsonview

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/dinero-tui/dinero-tui/internal/atomicfile"
	"github.com/tidwall/gjson"
)

// maxClipboard bounds what is sent through OSC 52; terminals drop or
// truncate larger payloads.
const maxClipboard = 1 << 20

// copyKey finishes a copy chord: v (or y) copies the value, k the key, p
// the path of the current node.
func (m Model) copyKey(msg tea.KeyPressMsg) (Model, tea.Cmd) {
	d := m.doc
	var what, text string
	switch msg.String() {
	case "v", "y":
		raw := d.Value(m.cursor)
		// A string decodes to at least a sixth of its JSON (\u00e6 is 2
		// bytes): refuse what cannot fit before decoding anything.
		if len(raw) > 6*maxClipboard || len(raw) > maxClipboard && (len(raw) == 0 || raw[0] != '"') {
			m.status = fmt.Sprintf("the value is %s; too large for the clipboard, save it with s instead", sizeText(len(raw)))
			return m, nil
		}
		what, text = "value", copyValue(raw)
	case "k":
		what, text = "key", m.currentKey()
		if text == "" {
			m.status = "this node has no key"
			return m, nil
		}
	case "p":
		what, text = "path", m.CurrentPath()
		if text == "" {
			m.status = "a text document has no paths"
			return m, nil
		}
	default:
		return m, nil
	}
	if len(text) > maxClipboard {
		m.status = fmt.Sprintf("the %s is %s; too large for the clipboard, save it with s instead", what, sizeText(len(text)))
		return m, nil
	}
	m.status = fmt.Sprintf("copied %s (%s)", what, sizeText(len(text)))
	if what == "path" && strings.Contains(text, "@"+KeyModifier+":") {
		m.status += "; @key is dinero-tui's own (its queries and api -q read it; other gjson tools do not)"
	}
	return m, tea.SetClipboard(text)
}

// copyValue returns a string value unquoted and anything else as JSON.
func copyValue(raw []byte) string {
	if len(raw) > 0 && raw[0] == '"' {
		return gjson.ParseBytes(raw).String()
	}
	return string(raw)
}

// currentKey is the key of the current node, or its array index.
func (m Model) currentKey() string {
	d := m.doc
	if !d.IsJSON() || d.Lines() == 0 {
		return ""
	}
	i := d.opener(m.cursor)
	l := d.line(i)
	switch {
	case l.flags&flagKey != 0:
		return d.Key(i)
	case d.parent(i) >= 0:
		return fmt.Sprint(d.ord(i))
	}
	return ""
}

// defaultSaveName suggests a file name for the save prompt.
func (m Model) defaultSaveName() string {
	switch {
	case m.queryText != "":
		return "query-result.json"
	case m.doc.IsJSON():
		return "response.json"
	}
	return "response.txt"
}

// savedMsg reports the end of a save.
type savedMsg struct {
	path string
	size int
	err  error
}

// errFileExists stops a save that would replace a file the user did not
// agree to replace.
var errFileExists = errors.New("the file exists")

func (s savedMsg) text() string {
	if s.err != nil {
		return fmt.Sprintf("not saved to %s: %s", s.path, pathlessError(s.err))
	}
	return fmt.Sprintf("saved %s to %s", sizeText(s.size), s.path)
}

// saveCmd writes what is shown (the document or the query result) to path
// atomically: the file is either the old one or complete.
func (m Model) saveCmd(path string, overwrite bool) tea.Cmd {
	data, closers := m.doc.Bytes(), m.doc.closers()
	return func() tea.Msg {
		if closers != nil { // a document still arriving (OpenUnfinished): saved as valid JSON
			data = append(data[:len(data):len(data)], closers...)
		}
		p, err := saveFile(path, data, overwrite)
		return savedMsg{path: p, size: len(data), err: err}
	}
}

// saveFile writes data to path (a leading ~ is the home directory) through
// a temporary file renamed into place, and returns the path used. An
// existing file is replaced only with overwrite.
func saveFile(path string, data []byte, overwrite bool) (string, error) {
	path = strings.TrimSpace(path)
	if path == "" {
		return "", fmt.Errorf("no file name given")
	}
	if path == "~" || strings.HasPrefix(path, "~/") {
		home, err := os.UserHomeDir()
		if err != nil {
			return path, fmt.Errorf("find home directory: %w", err)
		}
		path = filepath.Join(home, path[1:])
	}
	if _, err := os.Stat(path); err == nil && !overwrite {
		return path, errFileExists
	}
	if err := atomicfile.WriteFile(path, data, 0o644); err != nil {
		return path, err
	}
	return path, nil
}

// pathlessError is err's reason without the file path the message already
// names (os errors repeat it).
func pathlessError(err error) string {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// sizeText renders a byte count in decimal units (1 KB = 1000 bytes), as
// the response pane does, so the same bytes read the same everywhere.
func sizeText(n int) string {
	switch {
	case n >= 1e9:
		return fmt.Sprintf("%.2f GB", float64(n)/1e9)
	case n >= 1e6:
		return fmt.Sprintf("%.1f MB", float64(n)/1e6)
	case n >= 1e3:
		return fmt.Sprintf("%.1f KB", float64(n)/1e3)
	}
	return fmt.Sprintf("%d bytes", n)
}
