package ui

import (
	"context"
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/dinero-tui/dinero-tui/ui/common"
	"github.com/dinero-tui/dinero-tui/ui/history"
	"github.com/dinero-tui/dinero-tui/ui/internal/keytest"
	"github.com/dinero-tui/dinero-tui/ui/login"
)

func TestLoginThenOrganizations(t *testing.T) {
	h := newHarness(t, false, 80, 24)
	if h.m.screen != screenLogin {
		t.Fatalf("not logged in: screen %d, want login", h.m.screen)
	}
	h.contains("Log in with Visma Connect", "isv_acme_explorer", "not logged in", "this machine listens")
	h.key("enter")
	if len(h.be.Opened) != 1 {
		t.Fatalf("browser opened %d times, want 1", len(h.be.Opened))
	}
	if h.m.screen != screenOrgs {
		t.Fatalf("after approval: screen %d, want organizations", h.m.screen)
	}
	h.contains("Nordlys Regnskab ApS", "PRO", "paying", "session ok · expires in 1h00m")
}

// TestLoginRedirectPortZero: port 0 reads as "a free port" until a login
// runs, then the real redirect URI shows; the hint fits at 80 columns.
func TestLoginRedirectPortZero(t *testing.T) {
	h := newHarness(t, false, 80, 24)
	h.m.com.Profile.RedirectURI = "http://127.0.0.1:0/callback"
	h.m.login = login.New(h.m.com)
	h.m.setSize(80, 24)
	h.contains("http://127.0.0.1:<free port>/callback", "(this machine listens while you log in)")
	if strings.Contains(h.plain(), ":0/") {
		t.Fatal("port 0 shown as is")
	}
	h.be.Approve = make(chan error)
	h.key("enter")
	h.contains("http://127.0.0.1:53999/callback")
	h.checkSize()
}

func TestLoginShowsLinkWithoutState(t *testing.T) {
	h := newHarness(t, false, 120, 40)
	h.be.Approve = make(chan error) // never approves
	h.key("enter")
	h.contains("Waiting for you to accept in the browser", "(3:00 left)", "https://connect.example/connect/authorize?…")
	if strings.Contains(h.plain(), "S3CR3TSTATE") {
		t.Fatal("the OAuth state is on the screen")
	}
	h.key("l")
	h.contains("S3CR3TSTATE") // shown only on request
	h.key("esc")
	h.contains("Login cancelled. Press enter to try again.")
	if h.m.login.Busy() {
		t.Fatal("login still busy after esc")
	}
}

func TestLoginCancelledInTheBrowser(t *testing.T) {
	h := newHarness(t, false, 80, 24)
	h.be.Approve = make(chan error, 1)
	h.be.Approve <- fmt.Errorf("wait: %w", common.ErrLoginCancelled)
	h.key("enter")
	h.contains("Cancel was pressed in the browser")
	if h.m.login.Busy() || h.m.screen != screenLogin {
		t.Fatal("a cancelled login did not return to the login screen")
	}
}

func TestLoginCopyLinkUsesOSC52(t *testing.T) {
	h := newHarness(t, false, 80, 24)
	h.be.Approve = make(chan error)
	h.key("enter")
	_, cmd := h.m.Update(keytest.Press("c"))
	if cmd == nil {
		t.Fatal("c returned no command")
	}
	if got := typeName(cmd()); !strings.Contains(got, "setClipboardMsg") {
		t.Fatalf("c produced %s, want a clipboard (OSC 52) message", got)
	}
	h.contains("Link copied")
}

func TestLoginTimeoutMessage(t *testing.T) {
	h := newHarness(t, false, 80, 24)
	h.be.Approve = make(chan error, 1)
	h.be.Approve <- context.DeadlineExceeded
	h.key("enter")
	h.contains("Timed out after 3m0s waiting for the browser")
	if h.m.screen != screenLogin {
		t.Fatal("left the login screen after a timeout")
	}
}

func TestLoginPasteMode(t *testing.T) {
	h := newHarness(t, false, 80, 24)
	h.be.Paste = true
	h.m.deps.Profile.RedirectURI = "https://example.com/cb"
	h.key("enter")
	if !h.m.active().Capturing() {
		t.Fatal("paste field does not take the keys")
	}
	// the footer offers no key that types into the field
	if foot := h.plain()[strings.LastIndex(h.plain(), "\n"):]; strings.Contains(foot, "copy link") || !strings.Contains(foot, "enter submit") {
		t.Fatalf("paste-mode footer %q", foot)
	}
	h.typeText("qq nonsense")
	h.key("enter")
	h.contains("That didn't work: no code= in the pasted address")
	if h.m.screen != screenLogin {
		t.Fatal("q in the paste field quit or moved")
	}
	h.send(tea.PasteMsg{Content: "https://example.com/cb?code=abc&state=x"})
	// the field still holds the bad text; clear it first
	h.m.login.SetProblem("")
	h.key("enter")
	h.typeText("https://example.com/cb?code=abc")
	h.key("enter")
	if h.m.screen != screenOrgs {
		t.Fatalf("after pasting: screen %d, want organizations", h.m.screen)
	}
}

func TestSkipsLoginWithValidToken(t *testing.T) {
	h := newHarness(t, true, 80, 24)
	if h.m.screen != screenOrgs {
		t.Fatalf("screen %d, want organizations", h.m.screen)
	}
	h.contains("Your companies (4)", "Nordlys Regnskab ApS")
}

func TestNonProNeedsSecondEnter(t *testing.T) {
	h := newHarness(t, true, 120, 40)
	h.key("G") // Foreningen Åløkken, not Pro
	h.key("enter")
	if h.m.screen != screenOrgs {
		t.Fatal("a non-Pro company opened on the first enter")
	}
	h.contains("Not Pro: Dinero answers every API call for this company", "403 (code 90)", "Press enter again")
	h.key("enter")
	if h.m.screen != screenEndpoints {
		t.Fatal("second enter did not go on")
	}
	if h.be.SavedOrg != 1048214 {
		t.Fatalf("saved org %d", h.be.SavedOrg)
	}
}

func TestOrgFilterAndPreselect(t *testing.T) {
	h := newHarness(t, true, 80, 24)
	h.key("/")
	h.typeText("kaffe")
	h.contains("Your companies (1 of 4)", "Kaffekompagniet I/S")
	if strings.Contains(h.plain(), "Nordlys") {
		t.Fatal("filter did not hide Nordlys")
	}
	h.key("q") // typed into the filter, must not quit
	h.contains("/kaffeq")
	h.key("esc")
	h.contains("Your companies (4)")

	// DINERO_ORG_ID / profile org preselects
	h2 := newHarness(t, false, 80, 24)
	h2.m.orgs = nil
	_ = h2
}

func TestFullFlowListOpenPage(t *testing.T) {
	h := newHarness(t, true, 120, 40)
	h.key("enter") // Nordlys
	h.contains("Endpoints", "List invoices", "Create draft invoice", "write")
	h.key("enter") // List invoices
	if h.m.screen != screenRequest {
		t.Fatalf("screen %d, want request", h.m.screen)
	}
	h.contains("GET   /v1/1048211/invoices?", "pageSize=100", "(from the chosen company)")
	h.key("enter") // send
	if h.m.screen != screenResponse {
		t.Fatalf("screen %d, want response", h.m.screen)
	}
	h.contains("200 OK", "42 ms", "page 1 of 3", "Collection")
	h.key("]")
	h.contains("page 2 of 3")
	if got := h.be.Sent[len(h.be.Sent)-1].Query.Get("page"); got != "1" {
		t.Fatalf("next page sent page=%s", got)
	}
	h.key("[")
	h.contains("page 1 of 3")
	// move onto the first invoice and open it
	h.key("j", "j", "j")
	h.key("o")
	last := h.be.Sent[len(h.be.Sent)-1]
	if last.Path != "/v1/{organizationId}/invoices/{guid}" || last.PathParams["guid"] != "00000000-0000-4000-8000-000000000001" {
		t.Fatalf("open sent %s %v", last.Path, last.PathParams)
	}
	h.contains("Get invoice", "Booked")
	// esc returns to the list answer, then to the request editor
	h.key("esc")
	h.contains("List invoices › 200 OK", "page 1 of 3")
	h.key("esc")
	if h.m.screen != screenRequest {
		t.Fatalf("esc from the list: screen %d", h.m.screen)
	}
	// the request editor of the next endpoint takes the Guid under the cursor
	h.key("esc")
	h.key("down", "down", "enter")
	h.contains("Get invoice", "00000000-0000-4000-8000-000000000001", "(from the last response)")
}

// TestPrefillTakesOnlyRelatedFields: after viewing an invoice, a contact
// note's {contactGuid} is the invoice's ContactGuid, never its Guid.
func TestPrefillTakesOnlyRelatedFields(t *testing.T) {
	h := newHarness(t, true, 120, 40)
	h.key("enter", "enter", "enter") // Nordlys, List invoices, send
	h.key("j", "j", "j", "esc", "esc")
	h.key("/")
	h.typeText("get invoice")
	h.key("enter", "enter")
	h.contains("00000000-0000-4000-8000-000000000001", "(from the last response)")
	h.key("enter") // send: the answer is one invoice
	h.contains("Get invoice › 200 OK", "ContactGuid")
	h.key("esc", "esc", "/")
	h.typeText("create contact note")
	h.key("enter", "enter")
	h.contains("Create contact note", "c0000000-0000-4000-8000-000000000001", "(from the last response)")
	if f := h.m.request.Request().PathParams["contactGuid"]; f != "c0000000-0000-4000-8000-000000000001" {
		t.Fatalf("contactGuid = %q, want the invoice's ContactGuid", f)
	}
}

func TestWriteNeedsConfirmation(t *testing.T) {
	h := newHarness(t, true, 80, 24)
	h.key("enter", "down", "enter") // Nordlys, Create draft invoice
	h.contains("Create draft invoice", "Body (JSON)", "ContactGuid")
	h.key("enter")
	h.contains("POST /v1/1048211/invoices will change data in Nordlys", "Regnskab ApS (1048211).", "Send it?")
	sent := len(h.be.Sent)
	h.key("n")
	h.contains("Not sent.")
	if len(h.be.Sent) != sent {
		t.Fatal("a write was sent after n")
	}
	h.key("enter", "y")
	if len(h.be.Sent) != sent+1 || h.be.Sent[sent].Method != "POST" {
		t.Fatal("y did not send the write")
	}
	h.contains("201 Created")
}

func TestDineroErrorShownAsMessage(t *testing.T) {
	h := newHarness(t, true, 80, 24)
	h.key("G", "enter", "enter") // non-Pro: warn, go on
	h.key("enter", "enter")      // list invoices, send
	h.contains("403 Forbidden", "Dinero says: The organization does not have an active Pro subscription (code", "90)")
}

func TestEscapeSequencesRenderInert(t *testing.T) {
	h := newHarness(t, false, 80, 24)
	h.be.Orgs[0].Name = "Evil\x1b]52;c;Y3VybCBldmlsLnNo\x07 Corp\x1b[2J"
	h.be.Invoices[0]["ContactName"] = "\x1b]0;pwned\x07Mallory\x1b[2J"
	h.key("enter") // log in
	h.contains("Evil Corp")
	h.key("enter", "enter", "enter")
	for _, screen := range []string{h.m.Render()} {
		if strings.ContainsAny(screen, "\x07") || strings.Contains(screen, "\x1b]") || strings.Contains(screen, "\x1b[2J") {
			t.Fatalf("escape sequence reached the screen: %q", screen)
		}
	}
	h.contains("Mallory")
}

func TestHistoryPersistsAndResends(t *testing.T) {
	h := newHarness(t, true, 80, 24)
	h.key("enter", "enter", "enter")
	h.key("ctrl+r")
	if h.m.screen != screenHistory {
		t.Fatalf("screen %d, want history", h.m.screen)
	}
	h.contains("History (1)", "/v1/1048211/invoices?")
	sent := len(h.be.Sent)
	h.key("enter")
	if len(h.be.Sent) != sent+1 {
		t.Fatal("history enter did not send again")
	}
	s, err := history.Open(history.Path(h.m.deps.StateDir, "default"))
	if err != nil {
		t.Fatal(err)
	}
	if n := len(s.Entries()); n != 2 {
		t.Fatalf("history file holds %d entries, want 2", n)
	}
}

func TestSessionEventsAndLoginRequired(t *testing.T) {
	h := newHarness(t, true, 80, 24)
	st := h.be.Status()
	h.send(sessionEventMsg{ev: common.SessionEvent{Kind: common.SessionRefreshed, Status: st}, gen: h.m.profileGen})
	h.contains("refreshed · expires in 1h00m")
	h.send(sessionEventMsg{ev: common.SessionEvent{Kind: common.SessionLoginRequired, Status: common.SessionStatus{}}, gen: h.m.profileGen})
	h.contains("log in again")
	h.send(common.LoginRequiredMsg{Reason: "The refresh token was refused."})
	if h.m.screen != screenLogin {
		t.Fatal("login required did not show the login screen")
	}
	h.contains("The refresh token was refused.")
}

func TestHelpOverlayAndQuit(t *testing.T) {
	h := newHarness(t, true, 80, 24)
	h.key("?")
	h.contains("Keys · organizations", "any key closes the help")
	h.key("x")
	if h.m.showHelp {
		t.Fatal("help still open")
	}
	_, cmd := h.m.Update(keytest.Press("q"))
	if cmd == nil {
		t.Fatal("q gave no command")
	}
	if _, ok := cmd().(tea.QuitMsg); !ok {
		t.Fatal("q did not quit")
	}
}

// TestHelpFromATextField: on the request form a field always has focus, so
// ? is typed into it and f1 opens the help instead.
func TestHelpFromATextField(t *testing.T) {
	h := newHarness(t, true, 80, 24)
	h.key("enter", "enter") // a company, then the first endpoint: the request form
	h.contains("f1 help")
	h.key("?")
	if h.m.showHelp {
		t.Fatal("? opened the help although a field has focus")
	}
	h.key("f1")
	h.contains("any key closes the help")
}

// TestResizeReflows resizes the terminal on every pane and checks the
// screen still fills it exactly, with nothing wrapped or left over.
func TestResizeReflows(t *testing.T) {
	panes := []struct {
		name     string
		loggedIn bool
		keys     []string
	}{
		{"login", false, nil},
		{"orgs not pro", true, []string{"G", "enter"}},
		{"endpoints filtered", true, []string{"enter", "/", "i", "n", "v"}},
		{"request", true, []string{"enter", "enter"}},
		{"confirm", true, []string{"enter", "down", "enter", "enter"}},
		{"response", true, []string{"enter", "enter", "enter"}},
		{"headers", true, []string{"enter", "enter", "enter", "i"}},
		{"help", true, []string{"enter", "enter", "enter", "?"}},
		{"history", true, []string{"enter", "enter", "enter", "ctrl+r"}},
	}
	for _, p := range panes {
		t.Run(p.name, func(t *testing.T) {
			h := newHarness(t, p.loggedIn, 120, 40)
			h.key(p.keys...)
			h.checkSize()
			for _, sz := range [][2]int{{80, 24}, {60, 20}, {200, 50}, {80, 24}, {120, 40}} {
				h.send(tea.WindowSizeMsg{Width: sz[0], Height: sz[1]})
				h.checkSize()
			}
		})
	}
}

// TestLoginWaitingFits80: the link, hint and countdown of a login in
// progress fit an 80x24 terminal.
func TestLoginWaitingFits80(t *testing.T) {
	h := newHarness(t, false, 80, 24)
	h.be.Approve = make(chan error)
	h.key("enter")
	h.contains("Waiting for you to accept in the browser", "(3:00 left)", "Link")
	h.checkSize()
	h.contains("(c copies it in full, l shows it)")
	h.key("l")
	h.contains("(l hides it)", "&state=S3CR3TSTATE")
	h.checkSize()
}

func TestMouseWheelMovesList(t *testing.T) {
	h := newHarness(t, true, 80, 24)
	h.send(tea.MouseWheelMsg{Button: tea.MouseWheelDown})
	if o, _ := h.m.orgs.Selected(); o.ID != 1048212 {
		t.Fatalf("wheel down: selected %d", o.ID)
	}
}
