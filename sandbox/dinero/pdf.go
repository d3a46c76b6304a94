package dinero

import (
	"bytes"
	"fmt"
	"net/http"
	"strings"

	"github.com/dinero-tui/dinero-tui/sandbox/demodata"
)

// wantsPDF reports whether the request asks for the PDF form of a
// document (Accept: application/octet-stream).
func wantsPDF(c *call) bool {
	return strings.Contains(c.r.Header.Get("Accept"), "application/octet-stream")
}

// pdf sends a rendered PDF.
func (c *call) pdf(body []byte) error {
	c.w.Header().Set("Content-Type", "application/pdf")
	c.w.WriteHeader(http.StatusOK)
	_, _ = c.w.Write(body)
	return nil
}

// documentPDF renders a one-page summary of a sales document; title names
// its kind in Danish ("Tilbud", "Kreditnota").
func documentPDF(o *demodata.Organization, title string, doc *demodata.Invoice) []byte {
	head := title
	if doc.Number != 0 {
		head = fmt.Sprintf("%s nr. %d", title, doc.Number)
	}
	lines := []string{o.Name, head, "Dato: " + doc.Date, "Kunde: " + doc.ContactName, ""}
	for _, l := range doc.Lines {
		lines = append(lines, fmt.Sprintf("%s  %.2f x %.2f %s", l.Description, l.Quantity, l.BaseAmountValue, doc.Currency))
	}
	lines = append(lines, "", fmt.Sprintf("Total inkl. moms: %.2f %s", doc.TotalInclVat, doc.Currency))
	return renderPDF(lines)
}

// renderPDF lays lines out as a minimal one-page PDF in Helvetica.
func renderPDF(lines []string) []byte {
	var content bytes.Buffer
	content.WriteString("BT /F1 11 Tf 50 790 Td 16 TL\n")
	for _, l := range lines {
		content.WriteString("(" + pdfText(l) + ") Tj T*\n")
	}
	content.WriteString("ET\n")
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
		fmt.Sprintf("<< /Length %d >>\nstream\n%sendstream", content.Len(), content.String()),
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
	}
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n")
	offsets := make([]int, len(objs))
	for i, obj := range objs {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, obj)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, xref)
	return b.Bytes()
}
