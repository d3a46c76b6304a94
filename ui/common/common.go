// Package common holds what every pane of the explorer shares: the
// Component contract, the Common context, the Backend interface and the
// messages panes use to talk to the root model.
package common

import (
	"context"
	"time"

	"charm.land/bubbles/v2/help"
	tea "charm.land/bubbletea/v2"

	"github.com/dinero-tui/dinero-tui/ui/keymap"
	"github.com/dinero-tui/dinero-tui/ui/styles"
)

// Component is a pane: a model with key help that can be resized.
type Component interface {
	help.KeyMap
	Update(msg tea.Msg) (Component, tea.Cmd)
	View() string
	SetSize(width, height int)
	// Capturing reports whether the pane is taking text input, so global
	// keys like q must go to it.
	Capturing() bool
	// Title is the pane's name in the breadcrumb.
	Title() string
}

// Common is the context passed by value to every pane. Styles and Keys are
// pointers so a theme change reaches every pane at once.
type Common struct {
	Ctx     context.Context
	Styles  *styles.Styles
	Keys    *keymap.KeyMap
	Backend Backend
	Profile Profile
	Now     func() time.Time
	// CacheDir is where large bodies and editor files go.
	CacheDir string
	// Getenv reads the environment (EDITOR, VISUAL).
	Getenv func(string) string
	// DemoApprove, set only by `dinero-tui demo`, plays the browser on the
	// demo's own sandbox: it answers the consent page at authorizeURL with
	// Accept. Nil everywhere else.
	DemoApprove func(ctx context.Context, authorizeURL string) error
}

// ErrorMsg reports a failure to show in the status line.
type ErrorMsg struct{ Err error }

// InfoMsg is a short notice for the status line.
type InfoMsg struct{ Text string }

// Info returns a command that shows text as a notice.
func Info(text string) tea.Cmd {
	return func() tea.Msg { return InfoMsg{Text: text} }
}

// Cmd wraps a message in a command.
func Cmd(msg tea.Msg) tea.Cmd {
	return func() tea.Msg { return msg }
}
