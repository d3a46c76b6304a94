package endpoints

import (
	"context"
	"strings"
	"testing"

	"github.com/dinero-tui/dinero-tui/api/catalog"
	"github.com/dinero-tui/dinero-tui/ui/common"
	"github.com/dinero-tui/dinero-tui/ui/keymap"
	"github.com/dinero-tui/dinero-tui/ui/styles"
)

// listed is the picker's rows as "# Group" and "Name" lines.
func listed(m *Model) []string {
	var out []string
	for _, r := range m.rows {
		if r.op == nil {
			out = append(out, "# "+r.group)
		} else {
			out = append(out, r.op.Name)
		}
	}
	return out
}

func newPicker(t *testing.T, filter string) *Model {
	t.Helper()
	com := common.Common{Ctx: context.Background(), Styles: styles.NoColor(), Keys: keymap.DefaultKeyMap()}
	m := New(com, catalog.Builtin())
	m.SetSize(80, 22)
	m.filter.SetValue(filter)
	m.rebuild()
	return m
}

func TestFilterRanksByMatchQuality(t *testing.T) {
	tests := []struct {
		filter     string
		first      string   // the operation the cursor lands on
		before     []string // pairs: a must be listed before b
		absent     []string // operations that must not be listed
		firstGroup string
		none       bool // nothing matches
	}{
		{filter: "create cont", first: "Create contact", firstGroup: "Contacts",
			before: []string{"Create contact", "Create contact note", "Create contact note", "Create entry account"}},
		{filter: "inv", firstGroup: "Invoices",
			before: []string{"Get invoice", "List contacts (v2)", "Create invoice", "List contacts (v2)"}},
		{filter: "invoices.get", first: "Get invoice", firstGroup: "Invoices"},
		{filter: "accounting years", first: "List accounting years", firstGroup: "Accounting years"},
		{filter: "delete contact", first: "Delete contact",
			before: []string{"Delete contact", "Delete contact note"}},
		{filter: "post credit", absent: []string{"List credit notes"}},
		{filter: "lstinv", first: "List invoices"}, // scattered letters still find it
		{filter: "zzzz", none: true},
	}
	for _, tt := range tests {
		t.Run(tt.filter, func(t *testing.T) {
			m := newPicker(t, tt.filter)
			rows := listed(m)
			op, _ := m.Selected()
			if (tt.first != "" || tt.none) && op.Name != tt.first {
				t.Fatalf("cursor on %q, want %q; rows:\n%s", op.Name, tt.first, strings.Join(rows, "\n"))
			}
			if tt.firstGroup != "" && (len(rows) == 0 || rows[0] != "# "+tt.firstGroup) {
				t.Fatalf("first group %v, want %q", rows[:1], tt.firstGroup)
			}
			for i := 0; i+1 < len(tt.before); i += 2 {
				a, b := index(rows, tt.before[i]), index(rows, tt.before[i+1])
				if a < 0 || b < 0 || a > b {
					t.Errorf("%q (row %d) should come before %q (row %d)", tt.before[i], a, tt.before[i+1], b)
				}
			}
			for _, name := range tt.absent {
				if index(rows, name) >= 0 {
					t.Errorf("%q is listed for %q", name, tt.filter)
				}
			}
			// a group header only above operations
			for i, r := range m.rows {
				if r.op == nil && (i+1 == len(m.rows) || m.rows[i+1].op == nil) {
					t.Errorf("empty group %q listed", r.group)
				}
			}
		})
	}
}

func TestNoFilterKeepsCatalogueOrder(t *testing.T) {
	m := newPicker(t, "")
	rows := listed(m)
	if rows[0] != "# Accounting years" || rows[1] != "List accounting years" || rows[2] != "# Accounts" {
		t.Fatalf("unfiltered list starts %v", rows[:3])
	}
}

func TestTokenScoreGrades(t *testing.T) {
	tests := []struct {
		tok, text string
		want      int
	}{
		{"invoices", "invoices", gradeWhole},
		{"contact", "Create contact", gradeWord - 7/3},
		{"cont", "Create contact", gradeWordPrefix - 7/3},
		{"years", "AccountingYears", gradeWord - 10/3},
		{"tact", "Create contact", gradeSubstring - 10/3},
		{"xyz", "Create contact", 0},
	}
	for _, tt := range tests {
		if got := tokenScore(tt.tok, tt.text); got != tt.want {
			t.Errorf("tokenScore(%q, %q) = %d, want %d", tt.tok, tt.text, got, tt.want)
		}
	}
	if f := tokenScore("cnt", "Create contact"); f <= 0 || f > gradeFuzzyMax {
		t.Errorf("scattered match graded %d, want 1..%d", f, gradeFuzzyMax)
	}
}

func index(rows []string, name string) int {
	for i, r := range rows {
		if r == name {
			return i
		}
	}
	return -1
}
