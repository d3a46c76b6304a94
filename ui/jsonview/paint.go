package jsonview

import (
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/mattn/go-runewidth"
	"github.com/rivo/uniseg"
)

// sliceCols returns the part of segs between display columns from and to.
// It cuts between grapheme clusters, so a flag or an emoji with a variation
// selector is never split.
func sliceCols(segs []seg, from, to int) []seg {
	var out []seg
	col := 0
	for _, s := range segs {
		if col >= to {
			break
		}
		w := runewidth.StringWidth(s.text)
		if col >= from && col+w <= to {
			out = append(out, s)
			col += w
			continue
		}
		var sb strings.Builder
		for rest, state := s.text, -1; rest != ""; {
			var cluster string
			cluster, rest, _, state = uniseg.FirstGraphemeClusterInString(rest, state)
			cw := runewidth.StringWidth(cluster)
			if col >= from && col+cw <= to {
				sb.WriteString(cluster)
			}
			col += cw
		}
		if sb.Len() > 0 {
			out = append(out, seg{sb.String(), s.kind})
		}
	}
	return out
}

// wrapCols splits segs into rows of width columns, at most maxRows.
func wrapCols(segs []seg, width, maxRows int) [][]seg {
	total := 0
	for _, s := range segs {
		total += runewidth.StringWidth(s.text)
	}
	n := min(max((total+width-1)/width, 1), maxRows)
	rows := make([][]seg, n)
	for k := range rows {
		rows[k] = sliceCols(segs, k*width, (k+1)*width)
	}
	return rows
}

func (s *Styles) of(k segKind) lipgloss.Style {
	switch k {
	case segKey:
		return s.Key
	case segString:
		return s.String
	case segNumber:
		return s.Number
	case segBool:
		return s.Bool
	case segNull:
		return s.Null
	case segBracket:
		return s.Bracket
	case segText:
		return s.Text
	case segFolded:
		return s.Folded
	}
	return lipgloss.NewStyle()
}

// paint styles a row; search matches are highlighted and the cursor row is
// marked across the full width.
func (m Model) paint(segs []seg, cursor bool, width int) string {
	matches := m.matchRanges(segs)
	var sb strings.Builder
	pos, cols := 0, 0
	for _, s := range segs {
		st := m.styles.of(s.kind)
		if cursor {
			st = st.Inherit(m.styles.Cursor)
		}
		text := s.text
		for len(text) > 0 {
			n, hit := len(text), false
			for _, r := range matches {
				switch {
				case pos >= r[0] && pos < r[1]:
					n, hit = min(n, r[1]-pos), true
				case r[0] > pos && r[0] < pos+n:
					n = r[0] - pos
				}
			}
			part := text[:n]
			if hit {
				sb.WriteString(st.Inherit(m.styles.Match).Render(part))
			} else {
				sb.WriteString(st.Render(part))
			}
			cols += runewidth.StringWidth(part)
			text, pos = text[n:], pos+n
		}
	}
	if cursor && cols < width {
		sb.WriteString(m.styles.Cursor.Render(strings.Repeat(" ", width-cols)))
	}
	return sb.String()
}

// matchRanges returns the byte ranges of the search term in the row text.
func (m Model) matchRanges(segs []seg) [][2]int {
	if m.term == "" {
		return nil
	}
	var sb strings.Builder
	for _, s := range segs {
		sb.WriteString(s.text)
	}
	text, term := sb.String(), m.term
	if fold := foldCase(term); fold {
		text, term = asciiLower(text), asciiLower(term)
	}
	var out [][2]int
	for p := 0; ; {
		k := strings.Index(text[p:], term)
		if k < 0 {
			return out
		}
		out = append(out, [2]int{p + k, p + k + len(term)})
		p += k + len(term)
	}
}

// foldCase reports whether a search ignores case: when the term has no
// upper-case letter ("smart case").
func foldCase(term string) bool { return asciiLower(term) == term }

func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 32
		}
	}
	return string(b)
}
