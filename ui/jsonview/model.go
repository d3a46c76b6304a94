package jsonview

import (
	"charm.land/bubbles/v2/textinput"
)

// inputMode says which prompt, if any, has the keyboard.
type inputMode uint8

const (
	modeNone inputMode = iota
	modeSearch
	modeQuery
	modeSave
	modeCopy // waiting for the second key of a copy: v, k or p
)

// Model is the viewer. Its zero value is not usable; call New.
type Model struct {
	doc    *Document // what is shown: the document or a query result
	base   *Document // the whole document while a query result (or tail) is shown
	tail   *tailDoc  // the preview of the end shown while indexing (see showTail)
	saved  viewState // where the whole document was left for a query result
	keys   KeyMap
	styles Styles

	width, height int
	cursor, top   int      // line indices; both always visible
	folded        []uint64 // bit per line: opening lines that are folded
	xoff          int
	wrap          bool
	lineNumbers   bool

	mode  inputMode
	input textinput.Model

	term      string // the search term, "" when no search is active
	queryText string // the query whose result is shown, "" for none
	querySeq  int    // identifies the latest query run
	status    string // a one-line message in the footer
	replace   string // a save name the user was told exists: enter on it again replaces the file

	foldLevel  int         // fold level of the last fold-all (0: none)
	foldedUpTo int         // lines the fold level was applied to
	pending    pendingKind // a key waiting for the indexer
	pendingAt  int         // byte offset of a pending search hit
	tickSeq    int         // identifies the current chain of index ticks
}

// viewState is the position and folding in a document.
type viewState struct {
	cursor, top, xoff     int
	folded                []uint64
	foldLevel, foldedUpTo int
}

// Option configures a Model.
type Option func(*Model)

// WithStyles sets the styles.
func WithStyles(s Styles) Option { return func(m *Model) { m.styles = s } }

// WithKeyMap sets the key bindings.
func WithKeyMap(k KeyMap) Option { return func(m *Model) { m.keys = k } }

// New returns a viewer on doc (which may be nil: an empty viewer).
func New(doc *Document, opts ...Option) Model {
	m := Model{keys: DefaultKeyMap(), styles: DefaultStyles(true), lineNumbers: true, width: 80, height: 24}
	for _, o := range opts {
		o(&m)
	}
	m.input = textinput.New()
	m.input.Prompt = ""
	m.SetDocument(doc)
	return m
}

// SetSize sets the size of the whole component, chrome included.
func (m *Model) SetSize(width, height int) {
	m.width, m.height = max(width, 1), max(height, 1)
	m.input.SetWidth(max(m.width-12, 1))
	m.ensureVisible()
}

// SetDocument shows doc from the top, with everything unfolded, and forgets
// any query or search.
func (m *Model) SetDocument(doc *Document) {
	m.base, m.tail = nil, nil
	m.queryText = ""
	m.term = ""
	m.status = ""
	m.mode = modeNone
	m.input.Blur()
	m.show(doc)
}

// show displays doc (the document or a query result) from the top.
func (m *Model) show(doc *Document) {
	m.doc = doc
	m.cursor, m.top, m.xoff = 0, 0, 0
	m.folded = nil
	m.foldLevel, m.foldedUpTo, m.pending = 0, 0, pendNone
	m.growFolded(doc.Lines())
	m.tickSeq++
}

// Document returns the document being viewed (not a query result).
func (m Model) Document() *Document {
	if m.base != nil {
		return m.base
	}
	return m.doc
}

// Capturing reports whether an input (search, query, save path) or a copy
// chord has the keyboard: the parent must then route every key here.
func (m Model) Capturing() bool { return m.mode != modeNone }

// WantsEsc reports whether esc means something to the viewer even though
// no input has focus: it leaves a query result or clears a search.
func (m Model) WantsEsc() bool { return m.queryText != "" || m.term != "" }

// CurrentPath returns the gjson path of the current node ("@this" for the
// root, "" when there is no JSON or while the end is shown before it is
// indexed). Inside a query result it is relative to that result.
func (m Model) CurrentPath() string {
	if !m.doc.IsJSON() || m.tail != nil {
		return "" // the preview of the end has no paths yet
	}
	return m.doc.Path(m.cursor)
}

// Query returns the gjson query whose result is shown, or "".
func (m Model) Query() string { return m.queryText }

func (m Model) isFolded(i int) bool {
	return i>>6 < len(m.folded) && m.folded[i>>6]&(1<<(i&63)) != 0
}

// growFolded makes room for the fold bits of n lines.
func (m *Model) growFolded(n int) {
	if words := (n + 63) / 64; words > len(m.folded) {
		m.folded = append(m.folded, make([]uint64, words-len(m.folded))...)
	}
}

func (m *Model) setFolded(i int, on bool) {
	m.growFolded(i + 1)
	if on {
		m.folded[i>>6] |= 1 << (i & 63)
	} else {
		m.folded[i>>6] &^= 1 << (i & 63)
	}
}

// SetStyles replaces the styles, for example after the terminal reported
// its background colour.
func (m *Model) SetStyles(s Styles) { m.styles = s }
