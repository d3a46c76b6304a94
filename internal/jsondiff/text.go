package jsondiff

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"unicode/utf8"

	"github.com/dinero-tui/dinero-tui/internal/sanitize"
)

// Marks put before each change in the text form.
const (
	markAdded   = "+"
	markRemoved = "-"
	markChanged = "~"
)

// TextOptions shape the text form.
type TextOptions struct {
	// MaxValue cuts each shown value to this many characters (0: 120).
	MaxValue int
	// Color adds ANSI colours (green added, red removed, yellow changed).
	Color bool
}

// WriteText writes one line per change: a mark (+ added, - removed,
// ~ changed), the path, and the values side by side (old → new), each on
// one line and cut to MaxValue; then a summary line. Keys and values are
// network data and are sanitized.
func WriteText(w io.Writer, r *Result, o TextOptions) error {
	if o.MaxValue <= 0 {
		o.MaxValue = 120
	}
	bw := bufio.NewWriter(w)
	for _, c := range r.Changes {
		mark, color := markChanged, "33"
		switch c.Kind {
		case Added:
			mark, color = markAdded, "32"
		case Removed:
			mark, color = markRemoved, "31"
		}
		line := mark + " " + sanitize.Line(c.PathString()) + "  "
		switch c.Kind {
		case Added:
			line += Short(c.New, o.MaxValue)
		case Removed:
			line += Short(c.Old, o.MaxValue)
		default:
			line += Short(c.Old, o.MaxValue) + " → " + Short(c.New, o.MaxValue)
		}
		if o.Color {
			line = "\x1b[" + color + "m" + line + "\x1b[0m"
		}
		bw.WriteString(line + "\n")
	}
	bw.WriteString(Summary(r) + "\n")
	return bw.Flush()
}

// Summary is one line counting the changes and the folded equal values.
func Summary(r *Result) string {
	if r.Equal() {
		return fmt.Sprintf("equal (%d values)", r.Unchanged)
	}
	return fmt.Sprintf("%d changed, %d added, %d removed; %d values unchanged",
		r.Count(Changed), r.Count(Added), r.Count(Removed), r.Unchanged)
}

// Short renders a raw JSON value on one line, sanitized, cut to max
// characters with "…" when longer.
func Short(raw []byte, max int) string {
	cut := len(raw) > 4*max+64
	if cut {
		raw = raw[:4*max+64] // enough to fill max after compacting most values
	}
	s := sanitize.Line(string(Compact(raw)))
	if !cut && utf8.RuneCountInString(s) <= max {
		return s
	}
	rs := []rune(s)
	return string(rs[:min(len(rs), max-1)]) + "…"
}

// jsonChange is one change in the --json form.
type jsonChange struct {
	Path     string          `json:"path"`
	Segments []any           `json:"segments"`
	Kind     string          `json:"kind"`
	Old      json.RawMessage `json:"old,omitempty"`
	New      json.RawMessage `json:"new,omitempty"`
}

// WriteJSON writes the result as one JSON object: equal, counts and the
// changes, each with its gjson path, its segments (keys as strings,
// indexes as numbers), kind and the old and new values.
func WriteJSON(w io.Writer, r *Result) error {
	out := struct {
		Equal     bool         `json:"equal"`
		Changed   int          `json:"changed"`
		Added     int          `json:"added"`
		Removed   int          `json:"removed"`
		Unchanged int          `json:"unchanged"`
		Changes   []jsonChange `json:"changes"`
	}{r.Equal(), r.Count(Changed), r.Count(Added), r.Count(Removed), r.Unchanged, make([]jsonChange, 0, len(r.Changes))}
	for _, c := range r.Changes {
		segs := make([]any, len(c.Path))
		for i, s := range c.Path {
			if s.Index >= 0 {
				segs[i] = s.Index
			} else {
				segs[i] = s.Key
			}
		}
		out.Changes = append(out.Changes, jsonChange{c.PathString(), segs, c.Kind.String(), c.Old, c.New})
	}
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(out); err != nil {
		return fmt.Errorf("writing the diff as JSON: %w", err)
	}
	return bw.Flush()
}
