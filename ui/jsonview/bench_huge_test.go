package jsonview

import (
	"bufio"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/dinero-tui/dinero-tui/bench/invoicegen"
)

// BenchmarkHugeFile opens a 5 GB invoice list (offsets past 4 GiB): first
// screen, the end read ahead, the whole index, then page up and G at the
// end. It writes 5 GB to a temporary directory and removes it afterwards,
// so it only runs with JSONVIEW_HUGE=1:
//
//	JSONVIEW_HUGE=1 go test -run XXX -bench HugeFile -benchtime 1x ./ui/jsonview
func BenchmarkHugeFile(b *testing.B) {
	if os.Getenv("JSONVIEW_HUGE") != "1" {
		b.Skip("set JSONVIEW_HUGE=1 to write and open a 5 GB file")
	}
	path := filepath.Join(b.TempDir(), "inv-5g.json")
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	w := bufio.NewWriterSize(f, 1<<20)
	if _, err := invoicegen.Write(w, 5<<30, 5); err != nil {
		b.Fatal(err)
	}
	if err := w.Flush(); err != nil {
		b.Fatal(err)
	}
	if err := f.Close(); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		start := time.Now()
		d, err := OpenLazy(path)
		if err != nil {
			b.Fatal(err)
		}
		m := New(d)
		m.SetSize(120, 40)
		_ = m.View()
		b.ReportMetric(float64(time.Since(start).Milliseconds()), "ms-first-screen")
		m, _ = m.Update(keyMsg("G"))
		if m.tail == nil {
			b.Fatal("no preview of the end")
		}
		_ = m.View()
		b.ReportMetric(float64(time.Since(start).Milliseconds()), "ms-end-shown")
		d.Wait()
		b.ReportMetric(float64(time.Since(start).Milliseconds()), "ms-indexed")
		m, _ = m.Update(indexTickMsg{m.tickSeq})
		if d.Err() != nil || m.tail != nil || m.cursor != d.Lines()-1 || d.line(m.cursor).off < 1<<32 {
			b.Fatalf("at the end: err %v, cursor %d of %d at byte %d", d.Err(), m.cursor, d.Lines(), d.line(m.cursor).off)
		}
		for _, k := range []string{"pgup", "pgup", "G"} {
			m, _ = m.Update(keyMsg(k))
			_ = m.View()
		}
		if m.CurrentPath() != "@this" {
			b.Fatalf("G once indexed: %q", m.CurrentPath())
		}
		b.ReportMetric(float64(d.Lines()), "lines")
		b.StopTimer()
		d.Close()
		b.StartTimer()
	}
}
