package dinero

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/dinero-tui/dinero-tui/sandbox/demodata"
)

// BenchmarkInvoicePages100k lists 100 pages of 1000 invoices from an
// organization with 100,000 invoices (one op = 100 pages).
func BenchmarkInvoicePages100k(b *testing.B) {
	s := New(Config{Validator: fakeValidator{}, Data: demodata.Generate(1, 100000), RateLimit: -1})
	for b.Loop() {
		for page := 0; page < 100; page++ {
			req := httptest.NewRequest("GET", fmt.Sprintf("/v1/%d/invoices?page=%d&pageSize=1000&fields=Number,Guid,ContactName,TotalInclVat,Status", pro, page), nil)
			req.Header.Set("Authorization", "Bearer "+tokRW)
			rec := httptest.NewRecorder()
			s.ServeHTTP(rec, req)
			if rec.Code != http.StatusOK {
				b.Fatalf("page %d: %d %s", page, rec.Code, rec.Body)
			}
			_, _ = io.Copy(io.Discard, rec.Body)
		}
	}
}

// BenchmarkTradeOfferList100k lists all 400 trade offers of an
// organization with 100,000 invoices (and as many mail-outs).
func BenchmarkTradeOfferList100k(b *testing.B) {
	s := New(Config{Validator: fakeValidator{}, Data: demodata.Generate(1, 100000), RateLimit: -1})
	for b.Loop() {
		req := httptest.NewRequest("GET", fmt.Sprintf("/v1/%d/tradeoffers?pageSize=1000&fields=Guid,ContactName,Status,LatestMailOutType", pro), nil)
		req.Header.Set("Authorization", "Bearer "+tokRW)
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, req)
		if rec.Code != http.StatusOK {
			b.Fatalf("%d %s", rec.Code, rec.Body)
		}
	}
}
