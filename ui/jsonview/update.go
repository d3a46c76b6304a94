package jsonview

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"errors"
)

// Update handles keys, pastes into the prompts, and the results of the
// commands it started (queries, saves, following the indexer: see Init).
// The parent sizes it with SetSize.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	out, cmd := m, tea.Cmd(nil)
	if !m.guard(func() { out, cmd = m.update(msg) }) {
		m.status = changedNotice
		return m, nil
	}
	return out, cmd
}

func (m Model) update(msg tea.Msg) (Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		if m.mode != modeNone {
			return m.updateInput(msg)
		}
		return m.handleKey(msg)
	case tea.PasteMsg:
		if m.mode == modeSearch || m.mode == modeQuery || m.mode == modeSave {
			return m.updateInput(msg)
		}
	case queryDebounceMsg:
		return m.runQuery(msg)
	case queryResultMsg:
		m = m.applyQuery(msg)
		return m, m.restartWatch()
	case indexTickMsg:
		return m.onTick(msg)
	case savedMsg:
		return m.onSaved(msg)
	}
	return m, nil
}

// handleKey handles a key while no input has focus.
func (m Model) handleKey(msg tea.KeyPressMsg) (Model, tea.Cmd) {
	if m.doc.Lines() == 0 || m.Document().Changed() {
		return m, nil
	}
	k := m.keys
	m.status = ""
	if m.tail != nil && !m.tailKey(msg) {
		m.leaveTail(true)
	}
	if m.tail == nil {
		m.pending = pendNone
	}
	h := m.bodyHeight()
	switch {
	case key.Matches(msg, k.Up):
		m.moveTo(m.step(m.cursor, -1))
	case key.Matches(msg, k.Down):
		m.moveTo(m.step(m.cursor, 1))
	case key.Matches(msg, k.PageUp):
		m.page(-(h - 1))
	case key.Matches(msg, k.PageDown):
		m.page(h - 1)
	case key.Matches(msg, k.HalfPageUp):
		m.page(-h / 2)
	case key.Matches(msg, k.HalfPageDown):
		m.page(h / 2)
	case key.Matches(msg, k.Top):
		m.moveTo(0)
	case key.Matches(msg, k.Bottom):
		m.bottom()
	case key.Matches(msg, k.NextSibling):
		m.sibling(1)
	case key.Matches(msg, k.PrevSibling):
		m.sibling(-1)
	case key.Matches(msg, k.Parent):
		m.parent()
	case key.Matches(msg, k.Fold):
		m.fold()
	case key.Matches(msg, k.Unfold):
		m.unfold()
	case key.Matches(msg, k.Toggle):
		m.toggle()
	case key.Matches(msg, k.FoldAll):
		m.foldFrom(1)
	case key.Matches(msg, k.UnfoldAll):
		m.foldFrom(0)
	case key.Matches(msg, k.FoldToLevel):
		m.foldFrom(int(msg.String()[0] - '0'))
	default:
		return m.handleOtherKey(msg)
	}
	return m, nil
}

// handleOtherKey handles the view options and the keys that open prompts.
func (m Model) handleOtherKey(msg tea.KeyPressMsg) (Model, tea.Cmd) {
	k := m.keys
	switch {
	case key.Matches(msg, k.ScrollLeft):
		m.xoff = max(m.xoff-m.scrollStep(), 0)
	case key.Matches(msg, k.ScrollRight):
		m.xoff += m.scrollStep()
	case key.Matches(msg, k.Wrap):
		m.wrap = !m.wrap
		m.xoff = 0
		m.ensureVisible()
	case key.Matches(msg, k.LineNumbers):
		m.lineNumbers = !m.lineNumbers
		m.ensureVisible()
	case key.Matches(msg, k.Search):
		return m.openInput(modeSearch, "")
	case key.Matches(msg, k.NextMatch):
		m.findNext(1)
	case key.Matches(msg, k.PrevMatch):
		m.findNext(-1)
	case key.Matches(msg, k.Query):
		return m.openQuery()
	case key.Matches(msg, k.Copy):
		m.mode = modeCopy
	case key.Matches(msg, k.Save):
		return m.openInput(modeSave, m.defaultSaveName())
	case key.Matches(msg, k.Back):
		m.back()
	}
	return m, nil
}

// bottom goes to the end, or waits for the indexer to get there.
func (m *Model) bottom() {
	if m.doc.Indexing() {
		m.status = m.waitText("the end")
		if m.showTail() {
			m.status = m.tailText()
		}
		m.pending = pendBottom
		return
	}
	m.moveTo(m.last())
}

// page moves the cursor and the screen by n lines.
func (m *Model) page(n int) {
	m.top = m.step(m.top, n)
	m.cursor = m.step(m.cursor, n)
	m.ensureVisible()
}

func (m Model) scrollStep() int { return max((m.width-m.gutterWidth())/4, 1) }

// back leaves a query result, or else clears the search.
func (m *Model) back() {
	switch {
	case m.queryText != "":
		m.leaveQuery()
	case m.term != "":
		m.term = ""
	}
}

// openInput gives the keyboard to the prompt of mode, prefilled with value.
func (m Model) openInput(mode inputMode, value string) (Model, tea.Cmd) {
	m.mode = mode
	m.input.SetValue(value)
	m.input.CursorEnd()
	return m, m.input.Focus()
}

// updateInput handles a message while a prompt or chord has the keyboard.
func (m Model) updateInput(msg tea.Msg) (Model, tea.Cmd) {
	if m.mode == modeCopy {
		if kp, ok := msg.(tea.KeyPressMsg); ok {
			m.mode = modeNone
			return m.copyKey(kp)
		}
		return m, nil
	}
	if kp, ok := msg.(tea.KeyPressMsg); ok {
		switch {
		case key.Matches(kp, m.keys.Cancel):
			return m.cancelInput(), nil
		case key.Matches(kp, m.keys.Submit):
			return m.submitInput()
		}
	}
	before := m.input.Value()
	var cmd tea.Cmd
	m.input, cmd = m.input.Update(msg)
	if m.mode == modeQuery && m.input.Value() != before {
		return m, tea.Batch(cmd, m.scheduleQuery())
	}
	return m, cmd
}

func (m Model) cancelInput() Model {
	mode := m.mode
	m.mode = modeNone
	m.input.Blur()
	if mode == modeQuery {
		m.querySeq++
		m.leaveQuery()
	}
	return m
}

func (m Model) submitInput() (Model, tea.Cmd) {
	mode, value := m.mode, m.input.Value()
	m.mode = modeNone
	m.input.Blur()
	switch mode {
	case modeSearch:
		m.term = value
		m.findNext(1)
	case modeQuery:
		return m.submitQuery(value)
	case modeSave:
		overwrite := value == m.replace
		m.replace = ""
		return m, m.saveCmd(value, overwrite)
	}
	return m, nil
}

// onSaved reports a save; one stopped by an existing file opens the prompt
// again, where enter on the same name replaces it.
func (m Model) onSaved(msg savedMsg) (Model, tea.Cmd) {
	if errors.Is(msg.err, errFileExists) {
		value := m.input.Value()
		m.replace = value
		m.status = msg.path + " exists: enter replaces it, or type another name (esc cancels)"
		return m.openInput(modeSave, value)
	}
	m.status = msg.text()
	return m, nil
}
