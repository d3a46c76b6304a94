package jsonview

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

const sample = `{"Collection":[{"Number":1,"ContactName":"Nordlys ApS","Lines":[1,2]},{"Number":2,"ContactName":"Havn I/S","Lines":[]}],"Pagination":{"Page":0,"PageSize":2}}`

func TestViewGolden(t *testing.T) {
	m := plainModel(t, sample, 44, 10)
	want := `@this                                   1/21
 1 {
 2   "Collection": [
 3     {
 4       "Number": 1,
 5       "ContactName": "Nordlys ApS",
 6       "Lines": [
 7         1,
 8         2
`
	if got := screen(m); got != want {
		t.Fatalf("screen:\n%s\nwant:\n%s", got, want)
	}
	m = press(t, m, "down", "down", "down", "C")
	want = `Collection                              2/21
 1 {
 2   "Collection": […] 2 items,
17   "Pagination": {…} 2 keys
21 }




`
	if got := screen(m); got != want {
		t.Fatalf("after fold all:\n%s\nwant:\n%s", got, want)
	}
}

func TestFolding(t *testing.T) {
	m := plainModel(t, sample, 60, 30)
	m = press(t, m, "down", "down") // Collection.0
	if p := m.CurrentPath(); p != "Collection.0" {
		t.Fatalf("path = %q", p)
	}
	m = press(t, m, "left") // fold Collection.0
	if !m.isFolded(2) || !strings.Contains(screen(m), `{…} 3 keys,`) {
		t.Fatalf("Collection.0 not folded:\n%s", screen(m))
	}
	m = press(t, m, "down")
	if p := m.CurrentPath(); p != "Collection.1" {
		t.Fatalf("down over a folded node went to %q", p)
	}
	m = press(t, m, "up", "left") // on a folded node: go to the parent
	if p := m.CurrentPath(); p != "Collection" {
		t.Fatalf("left on folded node went to %q", p)
	}
	m = press(t, m, "enter", "enter", "right", "right")
	if p := m.CurrentPath(); p != "Collection.0" || m.isFolded(2) {
		t.Fatalf("right did not unfold then enter: %q folded=%v", p, m.isFolded(2))
	}
	m = press(t, m, "2") // fold everything at depth >= 2
	if m.isFolded(1) || !m.isFolded(2) || m.isFolded(0) {
		t.Fatalf("fold to level 2 wrong: %v %v %v", m.isFolded(0), m.isFolded(1), m.isFolded(2))
	}
	m = press(t, m, "E")
	for i := range m.doc.Lines() {
		if m.isFolded(i) {
			t.Fatalf("line %d still folded after unfold all", i)
		}
	}
	m = press(t, m, "G", "C")
	if m.cursor != m.doc.Lines()-1 || m.CurrentPath() != "@this" {
		t.Fatalf("fold all at the end: cursor %d path %q", m.cursor, m.CurrentPath())
	}
}

func TestNavigation(t *testing.T) {
	m := plainModel(t, sample, 60, 8)
	m = press(t, m, "G")
	if m.cursor != m.doc.Lines()-1 || !strings.Contains(screen(m), "21 }") {
		t.Fatalf("G: cursor %d\n%s", m.cursor, screen(m))
	}
	m = press(t, m, "g", "down", "J")
	if p := m.CurrentPath(); p != "Pagination" {
		t.Fatalf("J went to %q", p)
	}
	m = press(t, m, "K", "down", "down", "J", "J")
	if p := m.CurrentPath(); p != "Collection.0.Lines" {
		t.Fatalf("J J went to %q", p)
	}
	m = press(t, m, "H", "H")
	if p := m.CurrentPath(); p != "Collection" {
		t.Fatalf("H H went to %q", p)
	}
	m = press(t, m, "pgdown")
	if m.cursor < 6 || m.top == 0 {
		t.Fatalf("pgdown: cursor %d top %d", m.cursor, m.top)
	}
}

func TestSearch(t *testing.T) {
	m := plainModel(t, sample, 60, 10)
	m = press(t, m, "C", "/")
	if !m.Capturing() {
		t.Fatal("search prompt does not capture keys")
	}
	m = typeText(t, m, "havn")
	m = press(t, m, "enter")
	if m.Capturing() || m.CurrentPath() != "Collection.1.ContactName" {
		t.Fatalf("search went to %q (capturing %v)", m.CurrentPath(), m.Capturing())
	}
	if !strings.Contains(screen(m), `"Havn I/S"`) {
		t.Fatalf("match not revealed:\n%s", screen(m))
	}
	m = press(t, m, "n")
	if m.status != "search wrapped around" || m.CurrentPath() != "Collection.1.ContactName" {
		t.Fatalf("n: %q at %q", m.status, m.CurrentPath())
	}
	m = press(t, m, "/")
	m = typeText(t, m, "Number")
	m = press(t, m, "enter", "n")
	if m.CurrentPath() != "Collection.1.Number" {
		t.Fatalf("n went to %q", m.CurrentPath())
	}
	m = press(t, m, "N")
	if m.CurrentPath() != "Collection.0.Number" {
		t.Fatalf("N went to %q", m.CurrentPath())
	}
	m = press(t, m, "/")
	m = typeText(t, m, "NUMBER")
	m = press(t, m, "enter")
	if !strings.Contains(m.status, "no match") {
		t.Fatalf("upper-case term should match case: status %q", m.status)
	}
	m = press(t, m, "/", "x", "esc")
	if m.Capturing() || m.term != "NUMBER" {
		t.Fatalf("esc in the prompt: capturing %v term %q", m.Capturing(), m.term)
	}
}

func TestFindHelpers(t *testing.T) {
	b := []byte(`aXb "Pagination" pagination PAGINATION`)
	tests := []struct {
		term       string
		fold       bool
		first, end int
	}{
		{"pagination", true, 5, 28},
		{"Pagination", false, 5, 5},
		{"zz", true, -1, -1},
		{"\"", false, 4, 15},
	}
	for _, tt := range tests {
		if got := find(b, []byte(tt.term), tt.fold); got != tt.first {
			t.Errorf("find(%q) = %d, want %d", tt.term, got, tt.first)
		}
		if got := findLast(b, []byte(tt.term), tt.fold); got != tt.end {
			t.Errorf("findLast(%q) = %d, want %d", tt.term, got, tt.end)
		}
	}
}

// runCmd runs cmd and feeds what it returns back into m, following
// batches and the query delay.
func runCmd(t *testing.T, m Model, cmd tea.Cmd) (Model, []tea.Msg) {
	t.Helper()
	var other []tea.Msg
	queue := []tea.Cmd{cmd}
	for len(queue) > 0 {
		c := queue[0]
		queue = queue[1:]
		if c == nil {
			continue
		}
		switch msg := c().(type) {
		case tea.BatchMsg:
			queue = append(queue, msg...)
		case queryDebounceMsg, queryResultMsg, savedMsg:
			var next tea.Cmd
			m, next = m.Update(msg)
			queue = append(queue, next)
		default:
			other = append(other, msg)
		}
	}
	return m, other
}

func TestQuery(t *testing.T) {
	m := plainModel(t, sample, 60, 10)
	m = press(t, m, "down", "left")
	m = press(t, m, ":")
	var cmd tea.Cmd
	for _, r := range "Collection.#.Number" {
		m, cmd = m.Update(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	m, _ = runCmd(t, m, cmd)
	if m.Query() != "Collection.#.Number" || !m.Capturing() {
		t.Fatalf("live query not shown: %q", m.Query())
	}
	if got := string(m.doc.Bytes()); got != "[1,2]" {
		t.Fatalf("query result = %s", got)
	}
	m, cmd = m.Update(keyMsg("enter"))
	m, _ = runCmd(t, m, cmd)
	if m.Capturing() || !strings.Contains(screen(m), "query Collection.#.Number") {
		t.Fatalf("after enter:\n%s", screen(m))
	}
	if !m.WantsEsc() {
		t.Fatal("WantsEsc false while a query result is shown")
	}
	m = press(t, m, "esc")
	if m.Query() != "" || m.CurrentPath() != "Collection" || !m.isFolded(1) {
		t.Fatalf("esc did not restore the document: %q at %q", m.Query(), m.CurrentPath())
	}
	m = press(t, m, ":")
	m = typeText(t, m, "Nope.Nothing")
	m, cmd = m.Update(keyMsg("enter"))
	m, _ = runCmd(t, m, cmd)
	if !strings.Contains(m.status, "no match") || m.Query() != "" {
		t.Fatalf("missing path: status %q query %q", m.status, m.Query())
	}
	m = press(t, m, ":")
	m = typeText(t, m, `Collection.#(Number>1)#.ContactName`)
	m, cmd = m.Update(keyMsg("enter"))
	m, _ = runCmd(t, m, cmd)
	if got := string(m.doc.Bytes()); got != `["Havn I/S"]` {
		t.Fatalf("filter query result = %s", got)
	}
}

func TestCopy(t *testing.T) {
	m := plainModel(t, sample, 60, 10)
	m = press(t, m, "down", "down", "down", "down") // Collection.0.ContactName
	tests := []struct{ keys, want string }{
		{"v", "Nordlys ApS"},
		{"k", "ContactName"},
		{"p", "Collection.0.ContactName"},
	}
	for _, tt := range tests {
		n := press(t, m, "y")
		if !n.Capturing() {
			t.Fatal("copy chord does not capture the next key")
		}
		n, cmd := n.Update(keyMsg(tt.keys))
		if cmd == nil {
			t.Fatalf("y%s: no command (status %q)", tt.keys, n.status)
		}
		if got := fmt.Sprint(cmd()); got != tt.want {
			t.Errorf("y%s copied %q, want %q", tt.keys, got, tt.want)
		}
	}
	m = press(t, m, "up", "up") // Collection.0
	_, cmd := press(t, m, "y").Update(keyMsg("v"))
	if got := fmt.Sprint(cmd()); got != `{"Number":1,"ContactName":"Nordlys ApS","Lines":[1,2]}` {
		t.Errorf("copied object %q", got)
	}
	m = press(t, m, "down")
	_, cmd = press(t, m, "y").Update(keyMsg("k"))
	if got := fmt.Sprint(cmd()); got != "Number" {
		t.Errorf("copied key %q", got)
	}
}

func TestSave(t *testing.T) {
	dir := t.TempDir()
	m := plainModel(t, sample, 60, 10)
	m = press(t, m, "s")
	if !m.Capturing() || m.input.Value() != "response.json" {
		t.Fatalf("save prompt: capturing %v value %q", m.Capturing(), m.input.Value())
	}
	path := filepath.Join(dir, "out.json")
	m.input.SetValue(path)
	m, cmd := m.Update(keyMsg("enter"))
	m, _ = runCmd(t, m, cmd)
	if got, err := os.ReadFile(path); err != nil || string(got) != sample {
		t.Fatalf("saved %q, %v", got, err)
	}
	if !strings.Contains(m.status, "saved") {
		t.Fatalf("status %q", m.status)
	}
	// A query result saves the result.
	m = press(t, m, ":")
	m = typeText(t, m, "Pagination")
	m, cmd = m.Update(keyMsg("enter"))
	m, _ = runCmd(t, m, cmd)
	m = press(t, m, "s")
	if m.input.Value() != "query-result.json" {
		t.Fatalf("default name %q", m.input.Value())
	}
	m.input.SetValue(path)
	m, cmd = m.Update(keyMsg("enter"))
	m, _ = runCmd(t, m, cmd)
	// The file exists: nothing is replaced until enter is pressed again.
	if got, _ := os.ReadFile(path); string(got) != sample || !m.Capturing() || !strings.Contains(m.status, "exists") {
		t.Fatalf("existing file replaced without asking (status %q, prompt open %v)", m.status, m.Capturing())
	}
	m, cmd = m.Update(keyMsg("enter"))
	m, _ = runCmd(t, m, cmd)
	if got, _ := os.ReadFile(path); string(got) != `{"Page":0,"PageSize":2}` {
		t.Fatalf("saved query result %q", got)
	}
	// A failed save says so and leaves nothing behind.
	bad := filepath.Join(dir, "missing", "x.json")
	m = press(t, m, "s")
	m.input.SetValue(bad)
	m, cmd = m.Update(keyMsg("enter"))
	m, _ = runCmd(t, m, cmd)
	if !strings.Contains(m.status, "not saved to "+bad+": ") || strings.Count(m.status, bad) != 1 {
		t.Fatalf("status %q: want the path once and the reason", m.status)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Fatalf("directory has %d entries, want only out.json", len(entries))
	}
}

func TestHorizontalScrollAndWrap(t *testing.T) {
	long := `{"k":"` + strings.Repeat("abcdefghij", 20) + `"}`
	m := plainModel(t, long, 30, 8)
	m.lineNumbers = false
	m = press(t, m, "down", ">")
	if got := strings.Split(screen(m), "\n")[2]; !strings.HasPrefix(got, `"abcdefghij`) {
		t.Fatalf("scrolled row %q", got)
	}
	m = press(t, m, "w")
	rows := strings.Split(screen(m), "\n")
	if !strings.HasPrefix(rows[1], `  "k": "abcdef`) || !strings.HasPrefix(rows[2], "cdefghij") {
		t.Fatalf("wrapped rows:\n%s", screen(m))
	}
}

func TestEmptyAndNilDocuments(t *testing.T) {
	m := New(nil)
	m.SetSize(20, 5)
	for _, k := range []string{"down", "G", "C", "/", "a", "enter", "y", "v", "left", "J", ":"} {
		m, _ = m.Update(keyMsg(k))
	}
	_ = m.View()
	d := mustParse(t, `[]`)
	m = New(d)
	m = press(t, m, "down", "G", "left", "right", "J", "K", "H", "C", "E", "enter")
	if !strings.Contains(screen(m), "[]") {
		t.Fatalf("empty array view:\n%s", screen(m))
	}
}

// TestSearchWhatTheScreenShows: a term typed as the viewer draws it (with
// ": " between key and value) finds the compact bytes an API answers with.
func TestSearchWhatTheScreenShows(t *testing.T) {
	doc := `{"Collection":[{"Number":1,"Date":"2026-10-03"},{"Number":2,"Date":"2026-11-05","Tags":["a","b"]}]}`
	for _, tc := range []struct{ term, want string }{
		{`"Date": "2026-1`, "Collection.0.Date"},
		{`"Date": "2026-11`, "Collection.1.Date"},
		{`"Date":"2026-11`, "Collection.1.Date"},
		{`"a", "b"`, "Collection.1.Tags.0"},
	} {
		m := plainModel(t, doc, 60, 10)
		m = press(t, m, "/")
		m = typeText(t, m, tc.term)
		m = press(t, m, "enter")
		if got := m.CurrentPath(); got != tc.want {
			t.Errorf("search %q went to %q (status %q), want %q", tc.term, got, m.status, tc.want)
		}
	}
}

func TestQuerySyntaxIsNamed(t *testing.T) {
	for q, want := range map[string]string{
		`Collection.#(Number==1`:   `'(' is not closed`,
		`Collection.#(Name=="a)`:   "a quoted value is not closed",
		`Collection.0.`:            "ends in a separator",
		`Collection)`:              "closes nothing",
		`Collection.#(Number==1)#`: "",
		`Collection.0.Name`:        "",
	} {
		if got := querySyntax(q); !strings.Contains(got, want) || (want == "" && got != "") {
			t.Errorf("querySyntax(%q) = %q, want %q", q, got, want)
		}
	}
	if got := sizeText(48_200); got != "48.2 KB" {
		t.Errorf("sizeText = %q, want decimal KB like the response pane", got)
	}
}

// TestHelpListsEscOnlyForAQuery: esc does something in the viewer only
// while a query result is shown, so only then does the help list it.
func TestHelpListsEscOnlyForAQuery(t *testing.T) {
	hasEsc := func(m Model) bool {
		for _, g := range m.FullHelp() {
			for _, b := range g {
				if b.Help().Key == "esc" {
					return true
				}
			}
		}
		return false
	}
	m := plainModel(t, sample, 60, 10)
	if hasEsc(m) {
		t.Fatal("help lists esc with no query shown")
	}
	m = press(t, m, ":")
	m = typeText(t, m, "Pagination")
	m, cmd := m.Update(keyMsg("enter"))
	m, _ = runCmd(t, m, cmd)
	if !hasEsc(m) {
		t.Fatal("help lacks esc while a query result is shown")
	}
}

// TestCutLinesEndInEllipsis: a value cut at the right edge ends in "…";
// one that fits does not.
func TestCutLinesEndInEllipsis(t *testing.T) {
	m := plainModel(t, `{"short":"ok","long":"`+strings.Repeat("abcdefghij", 10)+`"}`, 30, 8)
	var long, short string
	for _, l := range strings.Split(screen(m), "\n") {
		switch {
		case strings.Contains(l, `"long"`):
			long = strings.TrimRight(l, " ")
		case strings.Contains(l, `"short"`):
			short = strings.TrimRight(l, " ")
		}
	}
	if !strings.HasSuffix(long, "…") || strings.HasSuffix(short, "…") {
		t.Fatalf("long %q, short %q", long, short)
	}
}
