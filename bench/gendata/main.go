// Command gendata writes a Dinero-shaped invoice list of a given size, for
// the viewer benchmarks: go run ./bench/gendata -size 100MB -o /tmp/inv.json
package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/dinero-tui/dinero-tui/bench/invoicegen"
)

func main() {
	size := flag.String("size", "100MB", "approximate size (KB, MB or GB suffix)")
	out := flag.String("o", "", "output file (required)")
	seed := flag.Uint64("seed", 1, "random seed")
	escaped := flag.Bool("escaped", false, "write one string of escapes and Danish text instead")
	flag.Parse()
	n, err := parseSize(*size)
	if err != nil || *out == "" {
		fmt.Fprintln(os.Stderr, "usage: gendata -size 100MB -o FILE")
		os.Exit(2)
	}
	f, err := os.Create(*out)
	if err != nil {
		fmt.Fprintln(os.Stderr, "gendata:", err)
		os.Exit(1)
	}
	var count int
	if *escaped {
		err = writeEscaped(f, n)
	} else {
		count, err = invoicegen.Write(f, n, *seed)
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "gendata:", err)
		os.Exit(1)
	}
	if *escaped {
		fmt.Fprintf(os.Stderr, "wrote one escaped string to %s\n", *out)
	} else {
		fmt.Fprintf(os.Stderr, "wrote %d invoices to %s\n", count, *out)
	}
}

// writeEscaped writes {"html":"..."} holding one string of about n bytes
// full of escapes and multi-byte characters, the worst case of issue 17.
func writeEscaped(w io.Writer, n int64) error {
	// No escaped quote: the old scanner looked for the next '"' after each
	// escape, so a string without one inside was its worst case.
	unit := []byte(`<p>Æbler og \u00e6bletræer på Ærø</p>\n\t`)
	bw := bufio.NewWriterSize(w, 1<<20)
	bw.WriteString(`{"html":"`)
	for written := int64(0); written < n; written += int64(len(unit)) {
		bw.Write(unit)
	}
	bw.WriteString("\"}\n")
	return bw.Flush()
}

func parseSize(s string) (int64, error) {
	mult := int64(1)
	for suffix, m := range map[string]int64{"KB": 1 << 10, "MB": 1 << 20, "GB": 1 << 30} {
		if strings.HasSuffix(strings.ToUpper(s), suffix) {
			s, mult = s[:len(s)-2], m
		}
	}
	v, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	if err != nil || v <= 0 {
		return 0, fmt.Errorf("bad size %q", s)
	}
	return int64(v * float64(mult)), nil
}
