// Command gendata writes a Dinero-shaped invoice list of a given size, for
// the viewer benchmarks: go run ./bench/gendata -size 100MB -o /tmp/inv.json
package main

import (
	"flag"
	"fmt"
	"os"
	"strconv"
	"strings"

	"github.com/dinero-tui/dinero-tui/bench/invoicegen"
)

func main() {
	size := flag.String("size", "100MB", "approximate size (KB, MB or GB suffix)")
	out := flag.String("o", "", "output file (required)")
	seed := flag.Uint64("seed", 1, "random seed")
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
	count, err := invoicegen.Write(f, n, *seed)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "gendata:", err)
		os.Exit(1)
	}
	fmt.Fprintf(os.Stderr, "wrote %d invoices to %s\n", count, *out)
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
