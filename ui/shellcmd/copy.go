package shellcmd

import (
	tea "charm.land/bubbletea/v2"

	"github.com/dinero-tui/dinero-tui/ui/common"
)

// Notices shown after a copy.
const (
	CopiedAPI  = "copied as dinero-tui api command"
	CopiedCurl = "copied as curl command (it reads $DINERO_TOKEN)"
)

// CopyAPI puts the api command line of r on the clipboard (OSC 52) and
// says so in the status line.
func CopyAPI(r common.Request, o Options) tea.Cmd {
	return tea.Batch(tea.SetClipboard(API(r, o)), common.Info(CopiedAPI))
}

// CopyCurl puts the curl command line of r on the clipboard (OSC 52) and
// says so in the status line.
func CopyCurl(r common.Request, baseURL string) tea.Cmd {
	return tea.Batch(tea.SetClipboard(Curl(r, baseURL)), common.Info(CopiedCurl))
}
