package jsonview

import (
	"bytes"
	"fmt"
)

// indexText indexes d.data as plain text, one display line per text line.
func (d *Document) indexText() {
	b := d.data
	off := 0
	for {
		if d.lines.add(off, 0, kindText, 0, noLine, 0) != nil {
			return // more lines than the index holds: the rest is not shown
		}
		k := bytes.IndexByte(b[off:], '\n')
		if k < 0 {
			return
		}
		off += k + 1
		if off == len(b) {
			return
		}
	}
}

// textEnd is the end of text line i (excluding the newline).
func (d *Document) textEnd(i int) int {
	end := len(d.data)
	if i+1 < d.Lines() {
		end = int(d.line(i+1).off) - 1
	} else if end > int(d.line(i).off) && d.data[end-1] == '\n' {
		end-- // the newline that ends the last line
	}
	if end > int(d.line(i).off) && d.data[end-1] == '\r' {
		end--
	}
	return end
}

// fallBackToText indexes the document as text and explains why in one line.
func (d *Document) fallBackToText(err error) {
	d.indexText()
	what := "Not JSON"
	if firstNonSpace(d.data) == '<' {
		what = "HTML, not JSON"
	}
	d.setProblem(fmt.Sprintf("%s, shown as text: %v", what, err), err)
}
