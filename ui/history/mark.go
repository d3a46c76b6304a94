package history

import "time"

// SetMarked shows which entry is marked for comparing (zero: none).
func (m *Model) SetMarked(t time.Time) { m.marked = t }

// isMarked reports whether e is the entry marked for comparing.
func (m *Model) isMarked(e Entry) bool { return !m.marked.IsZero() && e.Time.Equal(m.marked) }
