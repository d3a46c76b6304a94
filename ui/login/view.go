package login

import (
	"fmt"
	"net/url"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	"github.com/charmbracelet/x/ansi"

	"github.com/dinero-tui/dinero-tui/internal/sanitize"
	"github.com/dinero-tui/dinero-tui/ui/common"
)

// View implements common.Component. What the login needs now (what is
// happening, the countdown, the link, the keys) always shows; on a small
// terminal the profile's details make room for it, last ones first.
func (m *Model) View() string {
	s := m.com.Styles
	inner := max(10, m.width-4)
	cut := func(l string) string { return " " + ansi.Truncate(l, inner, "…") }
	wrap := func(l string) []string {
		var out []string
		for _, w := range strings.Split(ansi.Wrap(l, inner, " "), "\n") {
			out = append(out, " "+w)
		}
		return out
	}
	var details []string
	field := func(label, value string) {
		details = append(details, cut(s.Label.Render(fmt.Sprintf("%-13s", label))+" "+s.Value.Render(value)))
	}
	p := m.com.Profile
	field("Profile", p.Name)
	field("Application", orDash(p.ClientID))
	field("Scopes", orDash(p.Scopes))
	redirect, hint := m.redirect(), redirectHint(p.RedirectURI)
	if 14+ansi.StringWidth(redirect)+2+ansi.StringWidth(hint) <= inner {
		field("Redirect", redirect+"  "+s.Muted.Render(hint))
	} else {
		field("Redirect", redirect)
		if hint != "" {
			details = append(details, cut(strings.Repeat(" ", 14)+s.Muted.Render(hint)))
		}
	}
	field("Connect", orDash(p.ConnectURL))
	var status []string
	for _, l := range m.statusLines(inner) {
		status = append(status, wrap(l)...)
	}
	keys := wrap(m.keysLine())
	title := cut(s.Pane.Title.Render("Log in with Visma Connect"))
	rows := max(1, m.height-2)
	compose := func(gap bool) []string {
		out := []string{title}
		sep := func() {
			if gap {
				out = append(out, "")
			}
		}
		sep()
		out = append(out, details...)
		sep()
		out = append(out, keys...)
		if len(status) > 0 {
			sep()
		}
		return append(out, status...)
	}
	gap := true
	lines := compose(gap)
	// the footer lists the keys too, so they go after the details
	for len(lines) > rows && (gap || len(details) > 0 || len(keys) > 0) {
		switch {
		case gap:
			gap = false
		case len(details) > 0:
			details = details[:len(details)-1]
		default:
			keys = nil
		}
		lines = compose(gap)
	}
	return common.Box(s, "dinero-tui", strings.Join(lines, "\n"), m.width, m.height, true)
}

func (m *Model) keysLine() string {
	s := m.com.Styles
	k := func(keyName, desc string) string { return s.Key.Render(keyName) + " " + s.Muted.Render(desc) }
	switch {
	case m.pasting():
		return k("enter", "submit") + "   " + k("esc", "cancel")
	case m.canApprove():
		return k("a", "approve as demo user") + "   " + k("c", "copy the link") + "   " + k("esc", "cancel")
	case m.state != 0:
		return k("c", "copy the link") + "   " + k("l", "show the link") + "   " + k("esc", "cancel")
	}
	return k("enter", "open the browser") + "   " + k("q", "quit")
}

func (m *Model) statusLines(width int) []string {
	s := m.com.Styles
	var out []string
	switch m.state {
	case stateStarting:
		out = append(out, m.spinner.View()+" Preparing the login… "+m.left())
	case stateWaiting:
		if m.pasting() {
			out = append(out, "Accept in the browser, then paste the address it ends on: "+m.left(), m.input.View())
		} else {
			out = append(out, m.spinner.View()+" Waiting for you to accept in the browser… "+m.left())
		}
	case stateSubmitting:
		out = append(out, m.spinner.View()+" Checking the code with Visma Connect…")
	}
	if m.login != nil {
		link := redactURL(m.login.URL())
		hint := "(c copies it in full, l shows it)"
		if width < 40 {
			hint = "(c copies, l shows)"
		}
		if m.reveal {
			link, hint = sanitize.Line(m.login.URL()), "(l hides it)"
		}
		out = append(out, s.Label.Render("Link")+" "+s.Muted.Render(hint))
		for _, l := range common.WrapURL(link, width, width) {
			out = append(out, s.Link.Render(l))
		}
	}
	if m.note != "" {
		out = append(out, s.Info.Render(ansi.Wordwrap(m.note, width, " ")))
	}
	if m.problem != "" {
		out = append(out, s.Error.Render(ansi.Wordwrap(m.problem, width, " ")))
	}
	return out
}

// left is the countdown to the login timeout.
func (m *Model) left() string {
	d := max(0, m.deadline.Sub(m.com.Now())).Round(time.Second)
	return m.com.Styles.Muted.Render(fmt.Sprintf("(%d:%02d left)", int(d.Minutes()), int(d.Seconds())%60))
}

// redirect is the redirect URI as the browser will use it: the one of
// the login in progress, or the configured one with port 0 (a free port
// picked when the login starts) spelled out.
func (m *Model) redirect() string {
	if m.login != nil {
		if u, err := url.Parse(m.login.URL()); err == nil {
			if r := u.Query().Get("redirect_uri"); r != "" {
				return sanitize.Line(r)
			}
		}
	}
	return displayRedirect(m.com.Profile.RedirectURI)
}

// displayRedirect shows port 0 of a loopback redirect URI as "<free port>".
func displayRedirect(redirect string) string {
	u, err := url.Parse(redirect)
	if err != nil || u.Port() != "0" {
		return orDash(redirect)
	}
	host := u.Hostname()
	if strings.Contains(host, ":") {
		host = "[" + host + "]"
	}
	out := u.Scheme + "://" + host + ":" + portPlaceholder + u.EscapedPath()
	if u.RawQuery != "" {
		out += "?" + u.RawQuery
	}
	return sanitize.Line(out)
}

// portPlaceholder stands for the port chosen at login.
const portPlaceholder = "<free port>"

func redirectHint(redirect string) string {
	u, err := url.Parse(redirect)
	if err != nil || redirect == "" {
		return ""
	}
	host := u.Hostname()
	if u.Scheme == "http" && (host == "127.0.0.1" || host == "localhost" || host == "::1") {
		return "(this machine listens while you log in)"
	}
	return "(paste mode: you paste the address the browser ends on)"
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return sanitize.Line(s)
}

// ShortHelp implements help.KeyMap.
func (m *Model) ShortHelp() []key.Binding {
	k := m.com.Keys
	switch {
	case m.pasting():
		// c and l type into the field here
		return []key.Binding{key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "submit")), k.Cancel, k.HelpAnywhere}
	case m.canApprove():
		return []key.Binding{k.DemoApprove, k.CopyLink, k.RevealLink, k.Cancel}
	case m.state != stateIdle:
		return []key.Binding{k.CopyLink, k.RevealLink, k.Cancel}
	}
	return []key.Binding{k.Login, k.Help, k.Quit}
}

// FullHelp implements help.KeyMap.
func (m *Model) FullHelp() [][]key.Binding {
	k := m.com.Keys
	return [][]key.Binding{{k.Login, k.CopyLink, k.RevealLink}, {k.Cancel, k.Help, k.Quit}}
}
