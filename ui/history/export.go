package history

import (
	"fmt"
	"net/url"
	"path/filepath"
	"strconv"

	tea "charm.land/bubbletea/v2"

	"github.com/dinero-tui/dinero-tui/api/catalog"
	"github.com/dinero-tui/dinero-tui/internal/atomicfile"
	"github.com/dinero-tui/dinero-tui/ui/common"
)

// Export writes entries as a Postman v2.1 collection, oldest first, in
// folders named after their catalogue group (cat may be nil). What a
// history entry holds is never secret, and o carries no secret either.
func Export(entries []Entry, cat *catalog.Catalog, o catalog.ExportOptions) ([]byte, error) {
	sent := make([]catalog.SentRequest, 0, len(entries))
	for i := len(entries) - 1; i >= 0; i-- {
		sent = append(sent, entries[i].sent(cat))
	}
	return catalog.ExportPostman(sent, o)
}

// sent is the entry as it went out.
func (e Entry) sent(cat *catalog.Catalog) catalog.SentRequest {
	group := ""
	if cat != nil {
		if op, ok := cat.ByID(e.OperationID); ok {
			group = op.Group
		}
	}
	raw := e.RawQuery
	if raw == "" {
		raw = url.Values(e.Query).Encode() // what the API client sent
	}
	return catalog.SentRequest{Name: e.Name, Group: group, Method: e.Method, Path: e.Path, PathParams: e.PathParams,
		RawQuery: raw, Body: e.Body, ContentType: e.ContentType}
}

// ExportFileName is where the history pane writes its export, in the
// current directory.
const ExportFileName = "dinero-tui-history.postman_collection.json"

// ExportFile returns a command that writes entries to ExportFileName
// (atomically) and says where, or what went wrong, in the status line.
func ExportFile(entries []Entry, cat *catalog.Catalog, p common.Profile) tea.Cmd {
	o := catalog.ExportOptions{Name: "dinero-tui " + p.Name, APIURL: p.APIURL, ClientID: p.ClientID, ConnectURL: p.ConnectURL,
		Scopes: p.Scopes, RedirectURI: p.RedirectURI}
	if p.OrgID != 0 {
		o.OrgID = strconv.FormatInt(p.OrgID, 10)
	}
	return func() tea.Msg {
		data, err := Export(entries, cat, o)
		if err == nil {
			err = atomicfile.WriteFile(ExportFileName, data, 0o600)
		}
		if err != nil {
			return common.ErrorMsg{Err: fmt.Errorf("export to Postman: %w", err)}
		}
		where, _ := filepath.Abs(ExportFileName)
		return common.InfoMsg{Text: fmt.Sprintf("exported %d request(s) to %s (Postman: Import)", len(entries), where)}
	}
}
