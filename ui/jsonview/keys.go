package jsonview

import "charm.land/bubbles/v2/key"

// KeyMap holds the viewer's key bindings.
type KeyMap struct {
	Up, Down                 key.Binding
	PageUp, PageDown         key.Binding
	HalfPageUp, HalfPageDown key.Binding
	Top, Bottom              key.Binding
	NextSibling, PrevSibling key.Binding
	Parent                   key.Binding
	Fold, Unfold, Toggle     key.Binding
	FoldAll, UnfoldAll       key.Binding
	FoldToLevel              key.Binding // 1-9: fold everything nested deeper
	ScrollLeft, ScrollRight  key.Binding
	Wrap, LineNumbers        key.Binding
	Search                   key.Binding
	NextMatch, PrevMatch     key.Binding
	Query                    key.Binding
	Copy                     key.Binding // starts a copy: then v value, k key, p path
	Save                     key.Binding
	Back                     key.Binding // leaves a query result or clears the search
	Submit, Cancel           key.Binding // inside the search, query and save inputs
}

// DefaultKeyMap returns the default bindings.
func DefaultKeyMap() KeyMap {
	b := func(keys []string, help, desc string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, desc))
	}
	return KeyMap{
		Up:           b([]string{"up", "k"}, "↑/k", "up"),
		Down:         b([]string{"down", "j"}, "↓/j", "down"),
		PageUp:       b([]string{"pgup", "ctrl+b"}, "pgup", "page up"),
		PageDown:     b([]string{"pgdown", "ctrl+f", "space"}, "pgdn", "page down"),
		HalfPageUp:   b([]string{"ctrl+u"}, "ctrl+u", "half page up"),
		HalfPageDown: b([]string{"ctrl+d"}, "ctrl+d", "half page down"),
		Top:          b([]string{"g", "home"}, "g", "top"),
		Bottom:       b([]string{"G", "end"}, "G", "bottom"),
		NextSibling:  b([]string{"J", "shift+down"}, "J", "next sibling"),
		PrevSibling:  b([]string{"K", "shift+up"}, "K", "previous sibling"),
		Parent:       b([]string{"H", "p"}, "H/p", "parent"),
		Fold:         b([]string{"left", "h"}, "←/h", "fold"),
		Unfold:       b([]string{"right", "l"}, "→/l", "unfold"),
		Toggle:       b([]string{"enter"}, "enter", "toggle fold"),
		FoldAll:      b([]string{"C"}, "C", "fold all"),
		UnfoldAll:    b([]string{"E"}, "E", "unfold all"),
		FoldToLevel:  b([]string{"1", "2", "3", "4", "5", "6", "7", "8", "9"}, "1-9", "fold to level"),
		ScrollLeft:   b([]string{"<", "shift+left"}, "<", "scroll left"),
		ScrollRight:  b([]string{">", "shift+right"}, ">", "scroll right"),
		Wrap:         b([]string{"w"}, "w", "wrap"),
		LineNumbers:  b([]string{"#"}, "#", "line numbers"),
		Search:       b([]string{"/"}, "/", "search"),
		NextMatch:    b([]string{"n"}, "n", "next match"),
		PrevMatch:    b([]string{"N"}, "N", "previous match"),
		Query:        b([]string{":"}, ":", "gjson query"),
		Copy:         b([]string{"y"}, "y v/k/p", "copy value/key/path"),
		Save:         b([]string{"s"}, "s", "save"),
		Back:         b([]string{"esc"}, "esc", "leave the query"),
		Submit:       b([]string{"enter"}, "enter", "apply"),
		Cancel:       b([]string{"esc"}, "esc", "cancel"),
	}
}

// ShortHelp returns the bindings shown in the one-line help.
func (m Model) ShortHelp() []key.Binding {
	k := m.keys
	return []key.Binding{k.Up, k.Fold, k.Unfold, k.Search, k.Query, k.Copy, k.Save}
}

// FullHelp returns every binding, grouped in columns.
func (m Model) FullHelp() [][]key.Binding {
	k := m.keys
	find := []key.Binding{k.Search, k.NextMatch, k.PrevMatch, k.Query, k.Copy, k.Save}
	if m.base != nil { // esc only does something while a query result is shown
		find = append(find, k.Back)
	}
	return [][]key.Binding{
		{k.Up, k.Down, k.PageUp, k.PageDown, k.HalfPageUp, k.HalfPageDown, k.Top, k.Bottom},
		{k.NextSibling, k.PrevSibling, k.Parent, k.Fold, k.Unfold, k.Toggle, k.FoldAll, k.UnfoldAll, k.FoldToLevel},
		{k.ScrollLeft, k.ScrollRight, k.Wrap, k.LineNumbers},
		find,
	}
}
