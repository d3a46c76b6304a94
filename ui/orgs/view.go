package orgs

import (
	"fmt"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/lipgloss/v2"

	"github.com/dinero-tui/dinero-tui/ui/common"
)

// wide reports whether list and detail sit side by side.
func (m *Model) wide() bool { return common.SplitWide(m.width) }

// minDetailHeight is the least height of the detail box when stacked.
const minDetailHeight = 8

// detailHeight fits the stacked detail box to what it says (a non-Pro
// company's explanation takes more lines), at most half the pane.
func (m *Model) detailHeight() int {
	lines := strings.Count(m.detail(m.width-4), "\n") + 1
	most := m.height / 2
	if o, ok := m.Selected(); ok && !o.IsPro {
		most = m.height - 4 // the reason matters more than the list rows
	}
	return max(min(minDetailHeight, m.height-4), min(lines+2, most))
}

// layout gives the list half of a wide pane.
func (m *Model) layout() common.Split {
	return common.NewSplit(m.width, m.height, m.width/2, m.detailHeight)
}

// View implements common.Component.
func (m *Model) View() string {
	l := m.layout()
	m.filter.FitList(&m.list, l.ListHeight)
	title := "Your companies"
	if m.loaded {
		title = fmt.Sprintf("Your companies (%d)", len(m.all))
		if len(m.shown) != len(m.all) {
			title = fmt.Sprintf("Your companies (%d of %d)", len(m.shown), len(m.all))
		}
	}
	list := common.Box(m.com.Styles, title, m.listContent(l.ListWidth), l.ListWidth, l.ListHeight, !m.focusInfo)
	detailTitle := "Details"
	if o, ok := m.Selected(); ok {
		detailTitle = o.Name
	}
	dw, dh := l.DetailSize()
	detail := strings.Split(m.detail(dw-4), "\n")
	if len(detail) > dh-2 {
		detail = strings.Split(m.shortDetail(dw-4), "\n")
	}
	m.infoTop = min(m.infoTop, max(0, len(detail)-(dh-2)))
	return l.Join(list, common.Box(m.com.Styles, detailTitle, strings.Join(detail[m.infoTop:], "\n"), dw, dh, m.focusInfo))
}

func (m *Model) listContent(width int) string {
	s := m.com.Styles
	lines := m.filter.Lines()
	switch {
	case m.loading:
		return strings.Join(append(lines, " "+m.spinner.View()+" Loading your organizations…  "+s.Muted.Render("esc cancels")), "\n")
	case m.problem != "":
		return strings.Join(append(lines, common.Wrap(m.problem, width-3, " ", s.Error.Render)), "\n")
	case !m.loaded:
		return ""
	case len(m.all) == 0:
		return s.List.Empty.Render(" This login has no organizations in Dinero.")
	case len(m.shown) == 0:
		return strings.Join(append(lines, s.List.Empty.Render(" No company matches the filter; esc clears it.")), "\n")
	}
	w := width - 2
	start, end := m.list.Window()
	for i := start; i < end; i++ {
		lines = append(lines, m.row(m.all[m.shown[i]], i == m.list.Cursor, w))
	}
	return strings.Join(lines, "\n")
}

func (m *Model) row(o common.Org, cursor bool, w int) string {
	s := m.com.Styles
	badges := "           "
	switch {
	case o.IsPayingPro:
		badges = s.Badge.Pro.Render("PRO") + " " + s.Badge.Paying.Render("paying")
	case o.IsPro:
		badges = s.Badge.Pro.Render("PRO") + "       "
	}
	nameW := max(4, w-3-lipgloss.Width(badges)-2) // a space before the border
	name := common.Fit(o.Name, nameW)
	prefix := "  "
	switch {
	case cursor:
		prefix = "> "
		name = s.List.Cursor.Render(name)
	case !o.IsPro:
		name = s.List.Dimmed.Render(name)
	default:
		name = s.List.Item.Render(name)
	}
	return " " + prefix[:1] + " " + name + " " + badges
}

func (m *Model) detail(w int) string {
	s := m.com.Styles
	o, ok := m.Selected()
	if !ok {
		return ""
	}
	field := func(label, value string) string {
		return " " + s.Label.Render(fmt.Sprintf("%-9s", label)) + " " + s.Value.Render(value)
	}
	plan, api := "Not Pro", s.Error.Render("not available (403, code 90)")
	switch {
	case o.IsPayingPro:
		plan, api = "Pro (paying)", s.Success.Render("available")
	case o.IsPro:
		plan, api = "Pro", s.Success.Render("available")
	}
	lines := []string{field("Id", itoa(o.ID))}
	if o.VatNumber != "" {
		lines = append(lines, field("CVR", o.VatNumber))
	}
	lines = append(lines, field("Plan", plan), " "+s.Label.Render(fmt.Sprintf("%-9s", "API"))+" "+api)
	if m.wide() && o.Email != "" {
		lines = append(lines, field("Email", o.Email))
	}
	lines = append(lines, "")
	switch {
	case !o.IsPro && m.warned == o.ID:
		lines = append(lines, common.Wrap(NotProReason+" Press enter again to go on anyway.", w, " ", s.Warning.Render))
	case !o.IsPro:
		lines = append(lines, common.Wrap(NotProReason, w, " ", s.Muted.Render))
	default:
		lines = append(lines, " "+s.Key.Render("enter")+"  "+s.Muted.Render("explore this company's API"))
	}
	return strings.Join(lines, "\n")
}

// shortDetail is the details for a small pane: a non-Pro company's
// reason first and shorter, then its id.
func (m *Model) shortDetail(w int) string {
	s := m.com.Styles
	o, ok := m.Selected()
	if !ok || o.IsPro {
		return m.detail(w)
	}
	text, style := "Not Pro: every API call answers 403 (code 90).", s.Muted
	if m.warned == o.ID {
		text, style = text+" Press enter again to go on anyway.", s.Warning
	}
	return common.Wrap(text, w, " ", style.Render) + "\n " + s.Label.Render(fmt.Sprintf("%-9s", "Id")) + " " +
		s.Value.Render(itoa(o.ID))
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// ShortHelp implements help.KeyMap.
func (m *Model) ShortHelp() []key.Binding {
	k := m.com.Keys
	if m.loading {
		return []key.Binding{k.Cancel, k.Quit}
	}
	if m.filter.Active() {
		return m.filter.ShortHelp()
	}
	return []key.Binding{k.Up, k.Choose, k.Filter, k.Reload, k.History, k.Help, k.Quit}
}

// FullHelp implements help.KeyMap.
func (m *Model) FullHelp() [][]key.Binding {
	k := m.com.Keys
	return [][]key.Binding{k.ListKeys(), {k.Choose, k.Filter, k.ClearFilter, k.Reload, k.SwitchPane}}
}
