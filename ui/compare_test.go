package ui

import (
	tea "charm.land/bubbletea/v2"
	"github.com/dinero-tui/dinero-tui/ui/common"
	"strings"
	"testing"
	"time"
)

// advancingClock makes each history entry a second younger than the next,
// as real sends are.
func (h *harness) advancingClock() {
	t := fixedNow
	h.m.com.Now = func() time.Time { t = t.Add(time.Second); return t }
}

func TestCopyAsMenuOffersEveryLanguage(t *testing.T) {
	h := newHarness(t, true, 100, 30)
	h.key("enter", "enter", "enter") // Nordlys, List invoices, send
	h.key("c")
	if h.m.screen != screenCopy {
		t.Fatalf("c did not open the menu (screen %d)", h.m.screen)
	}
	h.contains("Copy as", "dinero-tui api", "curl", "HTTPie", "Go (net/http + x/oauth2)", "Python (requests)",
		"JavaScript (fetch)", "C# (HttpClient)", "Preview", "dinero-tui api /v1/1048211/invoices")
	h.key("down", "down", "down", "down") // Python
	h.contains(`os.environ["DINERO_TOKEN"]`)
	got := h.copyKey("enter")
	for _, want := range []string{"import requests", `"https://api.dinero.dk/v1/1048211/invoices"`, `("pageSize", "100")`, `os.environ["DINERO_TOKEN"]`} {
		if !strings.Contains(got, want) {
			t.Errorf("copied Python lacks %q:\n%s", want, got)
		}
	}
	if h.m.screen != screenResponse {
		t.Errorf("after copying the screen is %d, want the response", h.m.screen)
	}
	h.contains("copied as Python (requests) (it reads $DINERO_TOKEN)")
	h.checkSize()

	// from the history, esc leaves the menu without copying
	h.key("ctrl+r", "c")
	h.contains("Copy as")
	h.key("esc")
	if h.m.screen != screenHistory {
		t.Errorf("esc from the menu: screen %d", h.m.screen)
	}
}

func TestSendAgainAndCompare(t *testing.T) {
	h := newHarness(t, true, 120, 30)
	h.advancingClock()
	h.key("enter", "enter", "enter")
	h.be.Invoices[0]["TotalInclVat"] = 99.5
	h.key("D")
	if h.m.screen != screenDiff {
		t.Fatalf("D did not open the comparison (screen %d):\n%s", h.m.screen, h.plain())
	}
	h.contains("Changes", "1 changed, 0 added, 0 removed", "Collection.0.TotalInclVat", "→ 99.5", "before", "after")
	h.checkSize()
	for _, size := range [][2]int{{80, 24}, {60, 16}} {
		h.send(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
		h.contains("Collection.0.TotalInclVat", "before")
		h.checkSize()
	}
	h.send(tea.WindowSizeMsg{Width: 120, Height: 30})
	h.key("esc")
	if h.m.screen != screenResponse {
		t.Errorf("esc from the comparison: screen %d", h.m.screen)
	}

	// the same two answers from the history: mark one, compare the other
	h.key("ctrl+r")
	h.contains("History (2)")
	h.key("d")
	h.contains("mark an answer with m first")
	h.key("m")
	h.contains("marked; choose another", " >*")
	h.key("down", "d")
	if h.m.screen != screenDiff {
		t.Fatalf("d did not compare (screen %d):\n%s", h.m.screen, h.plain())
	}
	h.contains("Collection.0.TotalInclVat", "1 changed")
}

func TestCompareNeedsAnswersOfThisSession(t *testing.T) {
	h := newHarness(t, true, 100, 30)
	h.advancingClock()
	h.key("enter", "enter", "enter")
	h.m.answers = answerMemory{} // as after a restart: the history has requests only
	h.key("ctrl+r", "m", "esc")
	h.key("R")           // send again; its answer is kept, the first one's is not
	h.key("ctrl+r", "d") // the new answer (on top) against the marked one
	h.contains("only answers received in this session can be compared")
}

func TestAnswerMemoryIsBounded(t *testing.T) {
	var a answerMemory
	for i := range keptAnswers + 5 {
		a.keep(fixedNow.Add(time.Duration(i)), &common.Response{Body: []byte("{}")})
	}
	if len(a.order) != keptAnswers || len(a.bodies) != keptAnswers {
		t.Fatalf("kept %d/%d", len(a.order), len(a.bodies))
	}
	if _, ok := a.get(fixedNow); ok {
		t.Error("the oldest answer is still kept")
	}
	a.keep(fixedNow.Add(time.Hour), &common.Response{Body: make([]byte, keptAnswerSize)})
	if len(a.order) != 1 || a.size != keptAnswerSize {
		t.Errorf("a huge answer keeps %d answers, %d bytes", len(a.order), a.size)
	}
}
