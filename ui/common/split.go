package common

import "charm.land/lipgloss/v2"

// SplitWide reports whether a pane this wide shows its list and detail
// boxes side by side rather than stacked.
func SplitWide(width int) bool { return width >= 100 }

// Split is the geometry of a pane made of a list box and a detail box:
// side by side when the pane is wide, else the detail under the list.
type Split struct {
	Width, Height         int
	ListWidth, ListHeight int
}

// NewSplit lays out a width x height pane. Side by side the list takes
// wideListWidth columns; stacked it takes the full width and what
// stackedDetail (called only then) leaves of the height, at least 4 rows.
func NewSplit(width, height, wideListWidth int, stackedDetail func() int) Split {
	s := Split{Width: width, Height: height, ListWidth: width, ListHeight: height}
	if SplitWide(width) {
		s.ListWidth = wideListWidth
	} else {
		s.ListHeight = max(4, height-stackedDetail())
	}
	return s
}

// Wide reports whether the boxes sit side by side.
func (s Split) Wide() bool { return SplitWide(s.Width) }

// DetailSize is the outer size of the detail box.
func (s Split) DetailSize() (width, height int) {
	if s.Wide() {
		return s.Width - s.ListWidth, s.Height
	}
	return s.Width, s.Height - s.ListHeight
}

// Join places the rendered detail box beside or under the list box.
func (s Split) Join(list, detail string) string {
	if s.Wide() {
		return lipgloss.JoinHorizontal(lipgloss.Top, list, detail)
	}
	return list + "\n" + detail
}
