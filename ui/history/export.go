package history

import (
	"net/url"

	"github.com/dinero-tui/dinero-tui/api/catalog"
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
