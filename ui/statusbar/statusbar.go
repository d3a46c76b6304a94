// Package statusbar renders the one line at the top of every screen: where
// you are (breadcrumb), the profile, and how the session stands.
package statusbar

import (
	"fmt"
	"strings"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/dinero-tui/dinero-tui/ui/common"
	"github.com/dinero-tui/dinero-tui/ui/styles"
)

// Session is what the bar knows about the session.
type Session struct {
	Status      common.SessionStatus
	RefreshedAt time.Time // last refresh seen, zero if none
	Now         time.Time
	// ReadOnly shows READ-ONLY: writes are refused.
	ReadOnly bool
	// Service badges the profile: LIVE on the real Dinero, sandbox on
	// this machine, nothing for another server.
	Service common.Service
}

// Countdown is the boundary under which the expiry shows seconds.
const Countdown = 2 * time.Minute

// Render draws the bar in exactly width cells.
func Render(s *styles.Styles, width int, crumbs []string, profile string, sess Session) string {
	sep := s.StatusBar.CrumbSep.Render(" › ")
	parts := make([]string, len(crumbs))
	for i, c := range crumbs {
		parts[i] = s.StatusBar.Crumb.Render(c)
		if i > 0 {
			parts[i] = s.StatusBar.Right.Render(c)
		}
	}
	left := " " + strings.Join(parts, sep)
	label := "profile " + profile
	if width < 100 {
		label = profile
	}
	mode := ""
	if sess.ReadOnly {
		mode = s.StatusBar.Bad.Render("READ-ONLY") + s.StatusBar.CrumbSep.Render(" · ")
	}
	badge := Badge(s, sess.Service)
	if badge != "" {
		badge += " "
	}
	right := mode + badge + s.StatusBar.Right.Render(label) + s.StatusBar.CrumbSep.Render(" · ") + SessionText(s, sess) + " "
	// at least three spaces keep the breadcrumb apart from the profile
	room := width - ansi.StringWidth(right) - 3
	if room < 12 {
		// the LIVE badge stays: it says real books are in reach
		right = mode + liveOnly(badge, sess.Service) + SessionText(s, sess) + " "
		room = width - ansi.StringWidth(right) - 3
	}
	if ansi.StringWidth(left) > room {
		// keep the end of the breadcrumb: where you are matters most
		left = " …" + ansi.TruncateLeft(left, ansi.StringWidth(left)-room+2, "")
	}
	gap := max(1, width-ansi.StringWidth(left)-ansi.StringWidth(right))
	return common.Fit(left+strings.Repeat(" ", gap)+right, width)
}

// Badge is how a profile's service is marked: "LIVE" (the real Dinero),
// "sandbox" (this machine), or nothing.
func Badge(s *styles.Styles, svc common.Service) string {
	switch svc {
	case common.ServiceLive:
		return s.StatusBar.Live.Render("LIVE")
	case common.ServiceSandbox:
		return s.StatusBar.Sandbox.Render("sandbox")
	}
	return ""
}

func liveOnly(badge string, svc common.Service) string {
	if svc == common.ServiceLive {
		return badge
	}
	return ""
}

// SessionText is the session part of the bar: "not logged in",
// "session ok · expires in 54m", "refreshed · expires in 1:23",
// "log in again", "session not saved · ...".
func SessionText(s *styles.Styles, sess Session) string {
	st := sess.Status
	switch {
	case st.NeedsLogin:
		return s.StatusBar.Bad.Render("log in again")
	case !st.LoggedIn:
		return s.StatusBar.Warn.Render("not logged in")
	case st.Unsaved:
		return s.StatusBar.Bad.Render("session not saved · log in again after quitting")
	}
	prefix := "session ok"
	if !sess.RefreshedAt.IsZero() && sess.Now.Sub(sess.RefreshedAt) < 5*time.Minute {
		prefix = "refreshed"
	}
	if st.Expiry.IsZero() {
		return s.StatusBar.OK.Render(prefix)
	}
	left := st.Expiry.Sub(sess.Now)
	switch {
	case left <= 0 && st.HasRefreshToken:
		return s.StatusBar.Warn.Render(prefix + " · refreshes on the next call")
	case left <= 0:
		return s.StatusBar.Bad.Render("expired · log in again")
	case left < Countdown:
		secs := int(left.Round(time.Second) / time.Second)
		return s.StatusBar.Warn.Render(fmt.Sprintf("%s · expires in %d:%02d", prefix, secs/60, secs%60))
	case left < time.Hour:
		return s.StatusBar.OK.Render(fmt.Sprintf("%s · expires in %dm", prefix, int(left/time.Minute)))
	}
	return s.StatusBar.OK.Render(fmt.Sprintf("%s · expires in %dh%02dm", prefix, int(left/time.Hour), int(left%time.Hour/time.Minute)))
}

// NextTick is how long until the session text changes: the next whole
// minute while more than Countdown remains, the next second below it, and
// 0 (no tick needed) when there is nothing to count down.
func NextTick(st common.SessionStatus, now time.Time) time.Duration {
	if !st.LoggedIn || st.NeedsLogin || st.Expiry.IsZero() {
		return 0
	}
	left := st.Expiry.Sub(now)
	switch {
	case left <= 0:
		return 0
	case left <= Countdown:
		if d := left % time.Second; d > 0 {
			return d
		}
		return time.Second
	}
	d := left % time.Minute
	if d == 0 {
		d = time.Minute
	}
	// land just past the boundary where the minute or the countdown changes
	return min(d, left-Countdown) + time.Millisecond
}
