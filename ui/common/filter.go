package common

import (
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
)

// FilterChange is what a message did to a Filter's text.
type FilterChange int

const (
	// FilterSame means the text is as it was.
	FilterSame FilterChange = iota
	// FilterEdited means the text changed while typing.
	FilterEdited
	// FilterCleared means esc closed the filter and emptied it.
	FilterCleared
)

// Filter is the "/" filter line of a list: a text field that is either
// being typed in (active), kept after enter (shown, not active), or empty
// and hidden. What the text selects is the pane's own rule.
type Filter struct {
	input  textinput.Model
	active bool
}

// NewFilter returns a hidden filter whose empty field shows placeholder.
func NewFilter(com Common, placeholder string) Filter {
	in := NewInput(com)
	in.Prompt = "/"
	in.Placeholder = placeholder
	return Filter{input: in}
}

// Start opens a new, empty filter for typing; the pane applies it after.
func (f *Filter) Start() tea.Cmd {
	f.active = true
	f.input.Reset()
	return f.input.Focus()
}

// Active reports whether the filter is taking keys.
func (f *Filter) Active() bool { return f.active }

// Shown reports whether the filter line is on screen: while typing, or
// while a kept filter has text.
func (f *Filter) Shown() bool { return f.active || f.input.Value() != "" }

// Value is the filter text.
func (f *Filter) Value() string { return f.input.Value() }

// SetValue replaces the filter text without opening the filter.
func (f *Filter) SetValue(s string) { f.input.SetValue(s) }

// Reset empties the filter text.
func (f *Filter) Reset() { f.input.Reset() }

// SetWidth sets the width of the text field.
func (f *Filter) SetWidth(w int) { f.input.SetWidth(w) }

// Captures reports whether msg goes to the filter: a key or a paste
// while it is active.
func (f *Filter) Captures(msg tea.Msg) bool {
	switch msg.(type) {
	case tea.KeyPressMsg, tea.PasteMsg:
		return f.active
	}
	return false
}

// Update handles a key or a paste while the filter is active: esc closes
// and clears it, enter keeps it, up and down ask the pane to move its list
// by move rows, and anything else edits the text.
func (f *Filter) Update(msg tea.Msg) (move int, change FilterChange, cmd tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		switch k.String() {
		case "esc":
			f.close()
			f.input.Reset()
			return 0, FilterCleared, nil
		case "enter":
			f.close()
			return 0, FilterSame, nil
		case "up":
			return -1, FilterSame, nil
		case "down":
			return 1, FilterSame, nil
		}
	}
	before := f.input.Value()
	f.input, cmd = f.input.Update(msg)
	if f.input.Value() != before {
		change = FilterEdited
	}
	return 0, change, cmd
}

// UpdateList is Update for a list whose filter applies the same however
// its text changed: up and down move list, and apply runs after an edit
// or a clear.
func (f *Filter) UpdateList(msg tea.Msg, list *ScrollList, apply func()) tea.Cmd {
	move, change, cmd := f.Update(msg)
	if move != 0 {
		list.Move(move)
	}
	if change != FilterSame {
		apply()
	}
	return cmd
}

func (f *Filter) close() {
	f.active = false
	f.input.Blur()
}

// Lines is what a list starts with: the filter line when it is shown.
func (f *Filter) Lines() []string {
	if !f.Shown() {
		return nil
	}
	return []string{f.input.View()}
}

// ListRows is how many list rows fit in a box of the given outer height
// below the filter line (at least one).
func (f *Filter) ListRows(boxHeight int) int {
	rows := boxHeight - 2
	if f.Shown() {
		rows--
	}
	return max(1, rows)
}

// FitList fits list's window to a box of the given outer height below the
// filter line.
func (f *Filter) FitList(list *ScrollList, boxHeight int) {
	list.Height = f.ListRows(boxHeight)
	list.Clamp()
}

var (
	keepFilter  = key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "keep filter"))
	clearFilter = key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "clear filter"))
)

// ShortHelp is the key help while the filter is active.
func (f *Filter) ShortHelp() []key.Binding { return []key.Binding{keepFilter, clearFilter} }
