package jsonview

// next returns the visible line after i, or -1.
func (m Model) next(i int) int {
	d := m.doc
	if l := d.line(i); isOpen(l.kind) && m.isFolded(i) {
		if i = d.pair(i); i < 0 {
			return -1 // folded up to what is not indexed yet
		}
	}
	if i+1 >= d.Lines() {
		return -1
	}
	return i + 1
}

// prev returns the visible line before i, or -1.
func (m Model) prev(i int) int {
	if i <= 0 {
		return -1
	}
	j := i - 1
	if l := m.doc.line(j); isClose(l.kind) {
		if o := m.doc.pair(j); m.isFolded(o) {
			j = o
		}
	}
	return j
}

// step moves n visible lines from i (backwards when n < 0), stopping at the
// ends, and returns the line reached.
func (m Model) step(i, n int) int {
	for ; n > 0; n-- {
		j := m.next(i)
		if j < 0 {
			break
		}
		i = j
	}
	for ; n < 0; n++ {
		j := m.prev(i)
		if j < 0 {
			break
		}
		i = j
	}
	return i
}

// last returns the last visible line.
func (m Model) last() int {
	n := m.doc.Lines() - 1
	if n < 0 {
		return 0
	}
	return m.visible(n)
}

// visible returns the line that shows i: i itself, or the outermost folded
// container hiding it.
func (m Model) visible(i int) int {
	d := m.doc
	if l := d.line(i); isClose(l.kind) {
		if o := d.pair(i); m.isFolded(o) {
			i = o
		}
	}
	shown := i
	for p := d.parent(d.opener(i)); p >= 0; p = d.parent(p) {
		if m.isFolded(p) {
			shown = p
		}
	}
	return shown
}

// reveal unfolds every container around line i so that it is visible.
func (m *Model) reveal(i int) {
	d := m.doc
	for p := d.parent(d.opener(i)); p >= 0; p = d.parent(p) {
		m.setFolded(p, false)
	}
}

// moveTo puts the cursor on line i (made visible) and scrolls to it.
func (m *Model) moveTo(i int) {
	if m.doc.Lines() == 0 {
		return
	}
	m.cursor = m.visible(i)
	m.ensureVisible()
}

// fold folds the container at the cursor; on anything else it moves to
// the parent.
func (m *Model) fold() {
	d := m.doc
	if d.Lines() == 0 || !d.IsJSON() {
		return
	}
	i := d.opener(m.cursor)
	l := d.line(i)
	if isOpen(l.kind) && !m.isFolded(i) {
		m.setFolded(i, true)
		m.moveTo(i)
		return
	}
	if p := d.parent(i); p >= 0 {
		m.moveTo(p)
	}
}

// unfold unfolds the container at the cursor, or enters it when it is open.
func (m *Model) unfold() {
	d := m.doc
	if d.Lines() == 0 || !isOpen(d.line(m.cursor).kind) {
		return
	}
	if m.isFolded(m.cursor) {
		m.setFolded(m.cursor, false)
	} else {
		m.cursor++
	}
	m.ensureVisible()
}

// toggle folds or unfolds the container at the cursor.
func (m *Model) toggle() {
	d := m.doc
	if d.Lines() == 0 {
		return
	}
	i := d.opener(m.cursor)
	if isOpen(d.line(i).kind) {
		m.setFolded(i, !m.isFolded(i))
		m.moveTo(i)
	}
}

// foldFrom folds every container at depth >= level (1 folds the root's
// children); level 0 unfolds everything. Lines indexed later are folded
// the same way as they arrive (see foldNew).
func (m *Model) foldFrom(level int) {
	clear(m.folded)
	m.foldLevel, m.foldedUpTo = level, 0
	m.foldNew()
	m.moveTo(m.cursor)
	m.top = m.visible(m.top)
	m.ensureVisible()
}

// foldNew applies the fold level to the lines indexed since the last call.
func (m *Model) foldNew() {
	d := m.doc
	n := d.Lines()
	m.growFolded(n)
	if m.foldLevel > 0 && d.IsJSON() {
		for i := m.foldedUpTo; i < n; i++ {
			if l := d.line(i); isOpen(l.kind) && int(l.depth) >= m.foldLevel {
				m.setFolded(i, true)
			}
		}
	}
	m.foldedUpTo = n
}

// sibling moves to the next (dir 1) or previous (dir -1) sibling.
func (m *Model) sibling(dir int) {
	d := m.doc
	if d.Lines() == 0 {
		return
	}
	i := d.opener(m.cursor)
	l := d.line(i)
	if dir > 0 {
		j := i
		if isOpen(l.kind) {
			if j = d.pair(i); j < 0 {
				m.status = m.waitText("the end of this node")
				return
			}
		}
		if j+1 < d.Lines() && !isClose(d.line(j+1).kind) && (d.parent(i) >= 0 || d.seq.Load()) {
			m.moveTo(j + 1)
		}
		return
	}
	parent := d.parent(i)
	if i == 0 || i-1 == parent {
		return
	}
	j := d.opener(i - 1)
	if parent < 0 && d.parent(j) >= 0 {
		return
	}
	m.moveTo(j)
}

// parent moves to the enclosing container.
func (m *Model) parent() {
	d := m.doc
	if d.Lines() == 0 || !d.IsJSON() {
		return
	}
	i := d.opener(m.cursor)
	if p := d.parent(i); p >= 0 {
		m.moveTo(p)
	}
}
