package common

import "testing"

func TestSplit(t *testing.T) {
	tests := []struct {
		name                     string
		width, height            int
		wideList, detail         int
		wide                     bool
		listW, listH, detW, detH int
	}{
		{name: "wide", width: 120, height: 40, wideList: 60, detail: 9, wide: true, listW: 60, listH: 40, detW: 60, detH: 40},
		{name: "wide from 100", width: 100, height: 30, wideList: 55, detail: 9, wide: true, listW: 55, listH: 30, detW: 45, detH: 30},
		{name: "stacked", width: 99, height: 30, wideList: 49, detail: 9, listW: 99, listH: 21, detW: 99, detH: 9},
		{name: "stacked keeps 4 list rows", width: 80, height: 10, wideList: 40, detail: 9, listW: 80, listH: 4, detW: 80, detH: 6},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			asked := false
			s := NewSplit(tt.width, tt.height, tt.wideList, func() int { asked = true; return tt.detail })
			if s.Wide() != tt.wide || asked == tt.wide {
				t.Fatalf("wide %v (detail height asked: %v), want %v", s.Wide(), asked, tt.wide)
			}
			dw, dh := s.DetailSize()
			if s.ListWidth != tt.listW || s.ListHeight != tt.listH || dw != tt.detW || dh != tt.detH {
				t.Fatalf("list %dx%d detail %dx%d, want %dx%d %dx%d", s.ListWidth, s.ListHeight, dw, dh, tt.listW, tt.listH, tt.detW, tt.detH)
			}
			joined := s.Join("L\nL", "D\nD")
			want := "L\nL\nD\nD"
			if tt.wide {
				want = "LD\nLD"
			}
			if joined != want {
				t.Fatalf("Join = %q, want %q", joined, want)
			}
		})
	}
}
