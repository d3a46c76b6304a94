package request

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/dinero-tui/dinero-tui/api/catalog"
	"github.com/dinero-tui/dinero-tui/ui/common"
	"github.com/dinero-tui/dinero-tui/ui/internal/keytest"
)

var createContact = catalog.Operation{ID: "contacts.create", Method: "POST", Path: "/v1/{organizationId}/contacts",
	Write: true, Body: `{"Name":""}`, Query: []catalog.Param{{Name: "note", Type: "string"}}}

func newEditor(t *testing.T, env map[string]string, h int) *Model {
	t.Helper()
	com := testCommon()
	com.CacheDir = t.TempDir()
	com.Getenv = func(k string) string { return env[k] }
	m := New(com)
	m.SetSize(80, h)
	m.Set(createContact, common.Org{ID: 42, Name: "Nordlys"}, common.Prefill{}, nil)
	return m
}

func view(m *Model) string { return ansi.Strip(m.View()) }

// A field says when it cannot take more (2,000 characters).
func TestFieldSaysWhenItIsFull(t *testing.T) {
	m := newEditor(t, nil, 24)
	m.Update(tea.PasteMsg{Content: strings.Repeat("x", 2500)})
	if got := len(m.fields[0].input.Value()); got != 2000 {
		t.Fatalf("field holds %d", got)
	}
	if v := view(m); !strings.Contains(v, "note holds at most 2,000 characters; the rest was not taken.") {
		t.Fatalf("a cut paste is silent:\n%s", v)
	}
	m.Update(keytest.Press("backspace"))
	if strings.Contains(view(m), "at most") {
		t.Fatal("the notice stays after a key that fits")
	}
	m.Update(tea.KeyPressMsg{Code: 'y', Text: "y"}) // fills it again: fine
	if strings.Contains(view(m), "at most") {
		t.Fatal("the last character that fits was flagged")
	}
	m.Update(tea.KeyPressMsg{Code: 'z', Text: "z"})
	if !strings.Contains(view(m), "at most 2,000 characters") {
		t.Fatal("a character typed into a full field is silent")
	}
}

// $EDITOR naming a program that is not installed: the body is edited in
// place and the form says why.
func TestMissingEditorFallsBackToEditingInPlace(t *testing.T) {
	m := newEditor(t, map[string]string{"EDITOR": "/nonexistent/editor-xyz"}, 24)
	_, cmd := m.Update(keytest.Press("ctrl+e"))
	msg := cmd()
	if _, cmd = m.Update(msg); !m.editing {
		t.Fatalf("not editing in place after %#v", msg)
	}
	if v := view(m); !strings.Contains(v, `The editor "/nonexistent/editor-xyz" was not found, so the body is`) {
		t.Fatalf("no reason given:\n%s", v)
	}
	m.Update(keytest.Press("esc"))
	if v := view(m); strings.Contains(v, "edited here") || strings.Contains(v, "Editing the body here") {
		t.Fatalf("the editing hint stays after esc:\n%s", v)
	}
}

func TestEditorResultSaysWhatChanged(t *testing.T) {
	m := newEditor(t, nil, 24)
	m.Update(bodyEditedMsg{body: `{"Name":""}`})
	if v := view(m); !strings.Contains(v, "Body unchanged.") || strings.Contains(v, "Body updated") {
		t.Fatalf("unchanged body:\n%s", v)
	}
	m.Update(bodyEditedMsg{body: "{\n  \"Name\": \"Nørre\",\n}"})
	if v := view(m); !strings.Contains(v, "The body is not valid JSON (line 3, column 1:") {
		t.Fatalf("an invalid body is not flagged at once:\n%s", v)
	}
	// in place too: leaving the text area flags it
	m.Update(bodyEditedMsg{body: `{"Name":"ok"}`})
	m.editHere("")
	m.body.InsertString(",")
	m.Update(keytest.Press("esc"))
	if v := view(m); !strings.Contains(v, "The body is not valid JSON") {
		t.Fatalf("leaving the text area with a broken body:\n%s", v)
	}
}

// Growing the window shows the body's first lines again.
func TestBodyEditorShowsTopAfterResize(t *testing.T) {
	m := newEditor(t, nil, 16)
	var lines []string
	for i := 1; i <= 30; i++ {
		lines = append(lines, fmt.Sprintf(`"line%02d": %d,`, i, i))
	}
	m.body.SetValue("{\n" + strings.Join(lines, "\n") + "\n\"end\": 0}")
	m.editHere("")
	m.body.MoveToBegin()
	for range 20 {
		m.Update(keytest.Press("down"))
	}
	if strings.Contains(view(m), "line01") {
		t.Fatal("setup: the small editor should have scrolled")
	}
	m.SetSize(80, 60)
	if v := view(m); !strings.Contains(v, "line01") || !strings.Contains(v, "line20") {
		t.Fatalf("after growing:\n%s", v)
	}
}
