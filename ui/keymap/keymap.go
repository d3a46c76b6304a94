// Package keymap is the explorer's key bindings, in one place, so the help
// overlay and the key hints always match what the keys do.
package keymap

import "charm.land/bubbles/v2/key"

// KeyMap holds every binding of the explorer. Panes pick the ones they use
// for their ShortHelp and FullHelp.
type KeyMap struct {
	// global
	Quit, ForceQuit, Help, Back, History key.Binding
	// HelpAnywhere opens the help even while a text field has focus.
	HelpAnywhere key.Binding
	// Profile opens the profile picker (switch profile without restarting).
	Profile key.Binding
	// lists and navigation
	Up, Down, PageUp, PageDown, Top, Bottom, Choose, Filter, ClearFilter, SwitchPane, Reload key.Binding
	// login
	Login, CopyLink, RevealLink key.Binding
	// DemoApprove approves the login as the demo user (demo only).
	DemoApprove key.Binding
	// request editor
	Send, NextField, PrevField, EditBody, Confirm, Deny key.Binding
	// request editor: a file field's picker, a choice field's values
	// (the Accept field)
	PickFile, NextChoice, PrevChoice key.Binding
	// response
	NextPage, PrevPage, Headers, OpenItem, Resend, AllPages key.Binding
	// response: a file answer (PDF, image…) saved, or opened in the
	// system's viewer
	SaveFile, OpenFile key.Binding
	// response and history: copy the request as a command line
	CopyCommand, CopyCurl key.Binding
	// response and history: the "copy as…" menu (every codegen language)
	CopyAs key.Binding
	// comparing answers: mark one in the history, compare another with
	// it; in the response, send again and compare with the answer shown
	Mark, Compare, ResendCompare key.Binding
	// history
	Edit, ExportPostman key.Binding
	// cancel whatever is in progress
	Cancel key.Binding
}

// DefaultKeyMap returns the bindings described in ARCHITECTURE.md.
func DefaultKeyMap() *KeyMap {
	b := key.NewBinding
	k, h := key.WithKeys, key.WithHelp
	return &KeyMap{
		Quit:          b(k("q"), h("q", "quit")),
		ForceQuit:     b(k("ctrl+c"), h("ctrl+c", "quit")),
		Help:          b(k("?"), h("?", "help")),
		HelpAnywhere:  b(k("f1"), h("f1", "help")),
		Back:          b(k("esc"), h("esc", "back")),
		History:       b(k("ctrl+r"), h("ctrl+r", "history")),
		Profile:       b(k("ctrl+p"), h("ctrl+p", "switch profile")),
		Up:            b(k("up", "k"), h("↑/k", "up")),
		Down:          b(k("down", "j"), h("↓/j", "down")),
		PageUp:        b(k("pgup", "ctrl+u"), h("pgup", "page up")),
		PageDown:      b(k("pgdown", "ctrl+d"), h("pgdn", "page down")),
		Top:           b(k("home", "g"), h("g", "top")),
		Bottom:        b(k("end", "G"), h("G", "bottom")),
		Choose:        b(k("enter"), h("enter", "choose")),
		Filter:        b(k("/"), h("/", "filter")),
		ClearFilter:   b(k("esc"), h("esc", "clear filter")),
		SwitchPane:    b(k("tab"), h("tab", "switch pane")),
		Reload:        b(k("r"), h("r", "reload")),
		Login:         b(k("enter"), h("enter", "log in")),
		CopyLink:      b(k("c"), h("c", "copy link")),
		RevealLink:    b(k("l"), h("l", "show full link")),
		DemoApprove:   b(k("a"), h("a", "approve as demo user")),
		Send:          b(k("ctrl+s", "enter"), h("enter/ctrl+s", "send")),
		NextField:     b(k("tab", "down"), h("tab", "next field")),
		PrevField:     b(k("shift+tab", "up"), h("shift+tab", "previous field")),
		EditBody:      b(k("ctrl+e"), h("ctrl+e", "edit body")),
		Confirm:       b(k("y"), h("y", "send it")),
		PickFile:      b(k("ctrl+o"), h("ctrl+o", "pick a file")),
		NextChoice:    b(k("right"), h("←/→", "change choice")),
		PrevChoice:    b(k("left"), h("←", "previous choice")),
		Deny:          b(k("n", "esc"), h("n/esc", "don't send")),
		NextPage:      b(k("]"), h("]", "next page")),
		PrevPage:      b(k("["), h("[", "previous page")),
		Headers:       b(k("i"), h("i", "headers")),
		OpenItem:      b(k("o"), h("o", "open item")),
		Resend:        b(k("R"), h("R", "send again")),
		AllPages:      b(k("A"), h("A", "get all pages")),
		SaveFile:      b(k("s"), h("s", "save file")),
		OpenFile:      b(k("O"), h("O", "open in viewer")),
		CopyCommand:   b(k("a"), h("a", "copy api cmd")),
		CopyCurl:      b(k("x"), h("x", "copy curl cmd")),
		Edit:          b(k("e"), h("e", "edit")),
		ExportPostman: b(k("P"), h("P", "export to Postman")),
		CopyAs:        b(k("c"), h("c", "copy as code")),
		Mark:          b(k("m"), h("m", "mark to diff")),
		Compare:       b(k("d"), h("d", "diff with mark")),
		ResendCompare: b(k("D"), h("D", "resend & diff")),
		Cancel:        b(k("esc"), h("esc", "cancel")),
	}
}

// ListKeys are the bindings that move a list's cursor, for a FullHelp.
func (k *KeyMap) ListKeys() []key.Binding {
	return []key.Binding{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom}
}
