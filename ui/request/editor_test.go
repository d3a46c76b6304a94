package request

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/dinero-tui/dinero-tui/api/catalog"
	"github.com/dinero-tui/dinero-tui/ui/common"
	"github.com/dinero-tui/dinero-tui/ui/internal/keytest"
)

// TestEditBodyInEditor: ctrl+e writes the body to a private file in a
// command (not in Update), hands it to $EDITOR, and takes the edited text.
func TestEditBodyInEditor(t *testing.T) {
	com := testCommon()
	com.CacheDir = t.TempDir()
	editorPath := fakeEditor(t)
	com.Getenv = func(k string) string { return map[string]string{"EDITOR": editorPath + " --wait"}[k] }
	m := New(com)
	m.SetSize(80, 22)
	m.Set(catalog.Operation{ID: "contacts.create", Method: "POST", Path: "/v1/{organizationId}/contacts", Write: true,
		Body: `{"Name":""}`}, common.Org{ID: 42, Name: "Nordlys"}, common.Prefill{}, nil)

	_, cmd := m.Update(keytest.Press("ctrl+e"))
	if cmd == nil {
		t.Fatal("ctrl+e gave no command")
	}
	if left, _ := filepath.Glob(filepath.Join(com.CacheDir, "*")); len(left) != 0 {
		t.Fatalf("Update wrote %v itself", left)
	}
	msg, ok := cmd().(bodyFileMsg)
	if !ok || msg.err != nil {
		t.Fatalf("command gave %#v", msg)
	}
	if got, _ := os.ReadFile(msg.path); string(got) != `{"Name":""}` || filepath.Dir(msg.path) != com.CacheDir {
		t.Fatalf("body file %s holds %q", msg.path, got)
	}
	if msg.editor[0] != editorPath || msg.editor[1] != "--wait" {
		t.Fatalf("editor %q", msg.editor)
	}
	if _, cmd := m.Update(msg); cmd == nil {
		t.Fatal("no command to run the editor")
	}
	m.Update(bodyEditedMsg{body: `{"Name":"Nørre"}`})
	if got := string(m.Request().Body); got != `{"Name":"Nørre"}` {
		t.Fatalf("body after editing %q", got)
	}
}

// fakeEditor is an installed program standing for $EDITOR (it is never
// run here).
func fakeEditor(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "my-editor")
	if err := os.WriteFile(path, []byte("#!/bin/sh\nexit 0\n"), 0o700); err != nil {
		t.Fatal(err)
	}
	return path
}
