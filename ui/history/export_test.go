package history

import (
	"os"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/dinero-tui/dinero-tui/api/catalog"
	"github.com/dinero-tui/dinero-tui/ui/common"
	"github.com/dinero-tui/dinero-tui/ui/keymap"
	"github.com/dinero-tui/dinero-tui/ui/styles"
)

func TestExportKeyExportsTheListedEntries(t *testing.T) {
	m := New(common.Common{Styles: styles.NoColor(), Keys: keymap.DefaultKeyMap()})
	m.SetEntries([]Entry{
		{Name: "b", Method: "POST", Path: "/v1/{organizationId}/contacts", Body: `{"Name":"x"}`},
		{Name: "a", Method: "GET", Path: "/v1/organizations", Query: map[string][]string{"fields": {"Name"}}},
	})
	_, cmd := m.Update(tea.KeyPressMsg{Code: 'P', Text: "P"})
	if cmd == nil {
		t.Fatal("P does nothing")
	}
	msg, ok := cmd().(ExportMsg)
	if !ok || len(msg.Entries) != 2 || msg.Entries[0].Name != "b" {
		t.Fatalf("P gave %#v", msg)
	}
	t.Chdir(t.TempDir())
	res := ExportFile(msg.Entries, catalog.Builtin(), common.Profile{Name: "default", APIURL: "https://api.dinero.dk", ClientID: "isv_x", OrgID: 7})()
	info, ok := res.(common.InfoMsg)
	if !ok || !strings.Contains(info.Text, "exported 2 request(s)") {
		t.Fatalf("export gave %#v", res)
	}
	data, err := os.ReadFile(ExportFileName)
	if err != nil {
		t.Fatal(err)
	}
	c, _, err := catalog.Parse(data)
	if err != nil || c.Len() != 2 || c.All()[0].Name != "a" { // oldest first
		t.Fatalf("the export does not import: %v", err)
	}
	if c.Postman.OAuth2["clientSecret"] != "{{clientSecret}}" || c.Postman.Variables["organizationId"] != "7" {
		t.Errorf("export settings = %v %v", c.Postman.OAuth2, c.Postman.Variables)
	}
}
