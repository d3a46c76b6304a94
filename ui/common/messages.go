package common

import "github.com/dinero-tui/dinero-tui/api/catalog"

// LoggedInMsg says the session now holds a token.
type LoggedInMsg struct{}

// LoginRequiredMsg asks the root to show the login screen again.
type LoginRequiredMsg struct{ Reason string }

// OrgChosenMsg says the user picked an organization.
type OrgChosenMsg struct{ Org Org }

// OperationChosenMsg says the user picked an endpoint.
type OperationChosenMsg struct{ Op catalog.Operation }

// SendRequestMsg asks the root to send a request. A write that is not
// Confirmed is not sent: the root opens it in the request editor with the
// confirmation naming the company, so every path that sends a write (R,
// the history, the editor) asks first.
type SendRequestMsg struct {
	Op        catalog.Operation
	Req       Request
	Confirmed bool
}

// IsWrite reports whether sending req for op changes data: the catalogue
// says so, or the method is not a read.
func IsWrite(op catalog.Operation, req Request) bool {
	method := req.Method
	if method == "" {
		method = op.Method
	}
	return op.Write || (method != "GET" && method != "HEAD" && method != "")
}

// ResponseMsg carries the answer (or failure) of a sent request.
type ResponseMsg struct {
	Op   catalog.Operation
	Req  Request
	Resp *Response
	Err  error
}

// OpenItemMsg asks to open one item of a listed collection: the root looks
// up the catalogue's "get one" operation under the list's path.
type OpenItemMsg struct {
	From     catalog.Operation
	Guid     string
	Resource string // the list's resource, e.g. "contacts"
}

// EditRequestMsg opens the request editor with a request filled in (from
// the history).
type EditRequestMsg struct {
	Op  catalog.Operation
	Req Request
}

// BackMsg asks the root to go back one screen (sent by panes that take
// every key, like the request editor).
type BackMsg struct{}
