package api

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/url"
	"runtime"
	"testing"
)

// BenchmarkPaginate merges 10,000 sandbox invoices (all fields the list
// offers) with --paginate's AllPages, reporting time and the peak live heap
// sampled during the run. Compare the page sizes: into a discarding writer
// the peak stays flat whether there are 10 or 100 pages; into a buffer it is
// the merged output plus about one page. above-idle-MB is the peak minus
// the heap before the run (which holds the in-process sandbox's data).
func BenchmarkPaginate(b *testing.B) {
	c := startSandbox(b, sandboxOpts{invoices: 10000, rateLimit: -1}, WithRateLimit(0, 0))
	fields := "Number,Guid,ExternalReference,ContactName,ContactGuid,Date,PaymentDate,Description,Currency,Status,MailOutStatus,LatestMailOutType,TotalExclVatInDkk,TotalInclVatInDkk,TotalExclVat,TotalInclVat,CreatedAt,UpdatedAt,DeletedAt"
	for _, pageSize := range []int{1000, 100} {
		for _, sink := range []string{"discard", "buffer"} {
			b.Run(fmt.Sprintf("pageSize=%d/%s", pageSize, sink), func(b *testing.B) {
				var peak, base uint64
				var outBytes int64
				for i := 0; i < b.N; i++ {
					var w io.Writer
					var buf bytes.Buffer
					hs := &heapSampler{every: 2000}
					if sink == "buffer" {
						w = io.MultiWriter(&buf, hs)
					} else {
						w = hs
					}
					runtime.GC()
					var ms runtime.MemStats
					runtime.ReadMemStats(&ms)
					base = max(base, ms.HeapAlloc)
					q := url.Values{"pageSize": {fmt.Sprint(pageSize)}, "fields": {fields}}
					if err := c.AllPages(context.Background(), Request{Path: "/v1/" + org + "/invoices", Query: q}, w); err != nil {
						b.Fatal(err)
					}
					peak = max(peak, hs.peak)
					outBytes = hs.n
				}
				b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
				b.ReportMetric(float64(peak-min(peak, base))/(1<<20), "above-idle-MB")
				b.ReportMetric(float64(outBytes)/(1<<20), "output-MB")
			})
		}
	}
}
