package ui

import (
	"net/url"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/dinero-tui/dinero-tui/ui/common"
	"github.com/dinero-tui/dinero-tui/ui/history"
	"github.com/dinero-tui/dinero-tui/ui/shellcmd"
)

// Answers kept in memory for comparing: the last few of this session.
// The history on disk holds requests only, never answers.
const (
	keptAnswers    = 50
	keptAnswerSize = 64 << 20
)

// answerMemory keeps this session's answers by history entry time.
type answerMemory struct {
	bodies map[int64][]byte
	order  []int64
	size   int
}

// keep remembers the body answered to the entry sent at t. Answers
// streamed to a file (larger than the memory limit) are not kept.
func (a *answerMemory) keep(t time.Time, resp *common.Response) {
	if resp == nil || resp.Body == nil {
		return
	}
	if a.bodies == nil {
		a.bodies = map[int64][]byte{}
	}
	k := t.UnixNano()
	a.bodies[k] = resp.Body
	a.order = append(a.order, k)
	a.size += len(resp.Body)
	for len(a.order) > keptAnswers || a.size > keptAnswerSize && len(a.order) > 1 {
		a.size -= len(a.bodies[a.order[0]])
		delete(a.bodies, a.order[0])
		a.order = a.order[1:]
	}
}

func (a *answerMemory) get(t time.Time) ([]byte, bool) {
	b, ok := a.bodies[t.UnixNano()]
	return b, ok
}

// pendingCompare is a re-send whose answer is compared with the one
// shown before it.
type pendingCompare struct {
	before []byte
	title  string
}

// handleCompareKey handles the keys of copying as code and comparing
// answers on the response and history screens.
func (m *Model) handleCompareKey(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	k := m.com.Keys
	switch {
	case m.screen == screenResponse && key.Matches(msg, k.CopyAs) && !m.response.Busy() && m.response.Request().Path != "":
		m.copyMenu.Set(m.response.Request(), false)
		m.goTo(screenCopy)
	case m.screen == screenHistory && key.Matches(msg, k.CopyAs):
		if e, ok := m.history.Selected(); ok {
			m.copyMenu.Set(entryRequest(e), false)
			m.goTo(screenCopy)
		}
	case m.screen == screenHistory && key.Matches(msg, k.Mark):
		return m.markEntry(), true
	case m.screen == screenHistory && key.Matches(msg, k.Compare):
		return m.compareEntries(), true
	case m.screen == screenResponse && key.Matches(msg, k.ResendCompare) && !m.response.Busy():
		return m.resendAndCompare(), true
	default:
		return nil, false
	}
	return nil, true
}

func entryRequest(e history.Entry) common.Request {
	return common.Request{OperationID: e.OperationID, Method: e.Method, Path: e.Path, PathParams: e.PathParams,
		Query: url.Values(e.Query), Body: []byte(e.Body)}
}

func (m *Model) markEntry() tea.Cmd {
	e, ok := m.history.Selected()
	if !ok {
		return nil
	}
	if e.Time.Equal(m.marked.Time) {
		m.marked = history.Entry{}
		m.history.SetMarked(time.Time{})
		return common.Info("mark cleared")
	}
	m.marked = e
	m.history.SetMarked(e.Time)
	return common.Info("marked; choose another answer and press d to compare")
}

// compareEntries compares the marked entry's answer with the selected
// one's, the older as "before".
func (m *Model) compareEntries() tea.Cmd {
	e, ok := m.history.Selected()
	switch {
	case !ok:
		return nil
	case m.marked.Time.IsZero():
		return common.Info("mark an answer with m first, then press d on another")
	case e.Time.Equal(m.marked.Time):
		return common.Info("choose another answer than the marked one")
	}
	a, b := m.marked, e
	if b.Time.Before(a.Time) {
		a, b = b, a
	}
	before, okA := m.answers.get(a.Time)
	after, okB := m.answers.get(b.Time)
	if !okA || !okB {
		return common.Cmd(common.ErrorMsg{Err: errNoAnswer})
	}
	title := a.Method + " " + shellcmd.ExpandPath(a.Path, a.PathParams) + " " + a.Time.Local().Format("15:04:05") +
		" → " + b.Method + " " + shellcmd.ExpandPath(b.Path, b.PathParams) + " " + b.Time.Local().Format("15:04:05")
	m.goTo(screenDiff)
	return m.diff.Compare(title, before, after)
}

// resendAndCompare sends the shown GET again; its answer is compared
// with the one shown now.
func (m *Model) resendAndCompare() tea.Cmd {
	resp, req := m.response.Response(), m.response.Request()
	switch {
	case resp == nil || req.Path == "":
		return nil
	case req.Method != "" && req.Method != "GET":
		return common.Info("send again and compare works for GET requests; a write would change data again")
	case resp.Body == nil:
		return common.Cmd(common.ErrorMsg{Err: errTooLarge})
	}
	m.pending = &pendingCompare{before: resp.Body, title: "GET " + shellcmd.ExpandPath(req.Path, req.PathParams) + ": the answer shown → sent again " + m.com.Now().Local().Format("15:04:05")}
	return common.Cmd(common.SendRequestMsg{Op: m.response.Operation(), Req: req})
}

// compareAnswered finishes a send-again-and-compare when its answer comes.
func (m *Model) compareAnswered(msg common.ResponseMsg) tea.Cmd {
	p := m.pending
	if p == nil {
		return nil
	}
	m.pending = nil
	if msg.Resp == nil || msg.Resp.Body == nil {
		if msg.Err != nil {
			return nil // the response pane shows the failure
		}
		return common.Cmd(common.ErrorMsg{Err: errTooLarge})
	}
	m.goTo(screenDiff)
	return m.diff.Compare(p.title, p.before, msg.Resp.Body)
}

type compareError string

func (e compareError) Error() string { return string(e) }

const (
	errNoAnswer = compareError("only answers received in this session can be compared: send it again (enter), then compare")
	errTooLarge = compareError("the answer is too large to compare here: save both with s and use 'dinero-tui diff A B'")
)

// compareHelp lists the copy-as and compare keys of the current screen
// for the help overlay.
func (m *Model) compareHelp() [][]key.Binding {
	k := m.com.Keys
	switch m.screen {
	case screenResponse:
		return [][]key.Binding{{k.CopyAs, k.ResendCompare}}
	case screenHistory:
		return [][]key.Binding{{k.CopyAs, k.Mark, k.Compare}}
	}
	return nil
}
