package jsonview

import (
	"fmt"
	"time"

	tea "charm.land/bubbletea/v2"
)

// tickEvery is how often the screen follows a document being indexed.
const tickEvery = 100 * time.Millisecond

// indexTickMsg makes the model catch up with the indexer.
type indexTickMsg struct{ seq int }

// pendingKind is a key that waits for the indexer.
type pendingKind uint8

const (
	pendNone   pendingKind = iota
	pendBottom             // G: go to the end once it is indexed
	pendMatch              // a search hit beyond the indexed lines
)

// Init starts following the document while it is indexed in the
// background (see OpenLazy); it returns nil for a fully indexed one.
func (m Model) Init() tea.Cmd { return m.watchIndex() }

// watchIndex schedules the next catch-up while a document is indexing.
func (m Model) watchIndex() tea.Cmd {
	if !m.doc.Indexing() && !m.Document().Indexing() {
		return nil
	}
	seq := m.tickSeq
	return tea.Tick(tickEvery, func(time.Time) tea.Msg { return indexTickMsg{seq} })
}

// onTick catches up with the indexer and keeps following it.
func (m Model) onTick(msg indexTickMsg) (Model, tea.Cmd) {
	if msg.seq != m.tickSeq {
		return m, nil
	}
	m.catchUp()
	return m, m.watchIndex()
}

// restartWatch starts a new chain of ticks (after the shown document
// changed), ending any older one.
func (m *Model) restartWatch() tea.Cmd {
	m.tickSeq++
	return m.watchIndex()
}

// catchUp extends folding to newly indexed lines, finishes keys that were
// waiting for the index and fills the screen.
func (m *Model) catchUp() {
	if m.Document().Changed() {
		return
	}
	m.foldNew()
	d := m.doc
	switch m.pending {
	case pendBottom:
		switch {
		case m.tail != nil && !m.base.Indexing():
			m.pending = pendNone
			m.status = ""
			m.leaveTail(true)
		case m.tail != nil:
			m.status = m.tailText()
		case !d.Indexing():
			m.pending = pendNone
			m.status = ""
			m.moveTo(m.last())
		default:
			m.status = m.waitText("the end")
		}
	case pendMatch:
		if done, _ := d.Progress(); int64(m.pendingAt) < done || !d.Indexing() {
			m.pending = pendNone
			m.status = ""
			m.goToMatch(d.lineAt(m.pendingAt), m.pendingAt)
		} else {
			m.status = m.waitText("the match")
		}
	}
	m.ensureVisible()
}

// waitText says what is waiting for the indexer and how far it is.
func (m Model) waitText(what string) string {
	return fmt.Sprintf("going to %s when indexing reaches it (%s)", what, m.progressText())
}

// tailText says the end is shown before the indexer has read the rest.
func (m Model) tailText() string {
	done, total := m.base.Progress()
	return fmt.Sprintf("the end, read ahead; indexing %d%% of %s", done*100/max(total, 1), sizeText(int(total)))
}

// progressText is the indexing progress, like "45% of 1.0 GB".
func (m Model) progressText() string {
	done, total := m.doc.Progress()
	pct := 100
	if total > 0 {
		pct = int(done * 100 / total)
	}
	return fmt.Sprintf("%d%% of %s", pct, sizeText(int(total)))
}

// changedNotice is shown instead of the document once its file changed.
const changedNotice = "the file changed on disk after it was opened; quit and open it again"

// guard runs f, turning a fault on the mapped file into a notice.
func (m Model) guard(f func()) bool {
	return m.Document().guardFault(f) == nil
}
