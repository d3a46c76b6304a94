package request

import (
	"slices"
	"strings"

	"github.com/dinero-tui/dinero-tui/api/catalog"
	"github.com/dinero-tui/dinero-tui/ui/common"
)

// acceptParam is the Accept field of an operation that answers in more
// than one media type (the catalogue's Accepts), or false.
func acceptParam(op catalog.Operation) (catalog.Param, bool) {
	if len(op.Accepts) < 2 {
		return catalog.Param{}, false
	}
	return catalog.Param{Name: "Accept", Type: "accept", Enum: op.Accepts}, true
}

// addAcceptField adds the Accept field, on the media type previous asked
// for (from the history) or the catalogue's first.
func (m *Model) addAcceptField(op catalog.Operation, previous *common.Request) {
	p, ok := acceptParam(op)
	if !ok {
		return
	}
	v, src := p.Enum[0], ""
	if previous != nil {
		if a := previous.Header.Get("Accept"); slices.Contains(p.Enum, a) {
			v, src = a, "from the history"
		}
	}
	m.addField(p, inAccept, v, src)
}

// cycle moves the focused choice field d values on.
func (m *Model) cycle(d int) {
	f := &m.fields[m.focus]
	vals := f.param.Enum
	i := slices.Index(vals, f.input.Value())
	f.input.SetValue(vals[(i+d+len(vals))%len(vals)])
	m.note, m.problem = "", ""
}

// AcceptLabel is how a media type is offered in the Accept field:
// application/octet-stream reads "PDF" where the operation says its
// answer is then a PDF (every such operation of the catalogue does).
func AcceptLabel(op catalog.Operation, mediaType string) string {
	switch {
	case mediaType == "application/json":
		return "JSON"
	case mediaType == "application/octet-stream" && mentionsPDF(op):
		return "PDF"
	}
	return mediaType
}

func mentionsPDF(op catalog.Operation) bool {
	return strings.Contains(strings.ToLower(op.Name+" "+op.Description), "pdf")
}

// acceptView is the Accept field's value: its label and, when it fits
// in w cells, its media type, between arrows that say ←/→ change it.
func (m *Model) acceptView(f field, focused bool, w int) string {
	s := m.com.Styles
	v := f.input.Value()
	label := AcceptLabel(m.op, v)
	text := s.Value.Render(label)
	if label != v && len(label)+len(v)+3+4 <= w {
		text += " " + s.Muted.Render("("+v+")")
	}
	if focused {
		return s.Key.Render("‹ ") + text + s.Key.Render(" ›")
	}
	return "  " + text
}
