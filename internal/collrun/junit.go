package collrun

import (
	"encoding/xml"
	"fmt"
	"strconv"

	"github.com/dinero-tui/dinero-tui/internal/atomicfile"
	"github.com/dinero-tui/dinero-tui/internal/sanitize"
)

type junitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Skipped  int          `xml:"skipped,attr"`
	Time     string       `xml:"time,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name      string      `xml:"name,attr"`
	Tests     int         `xml:"tests,attr"`
	Failures  int         `xml:"failures,attr"`
	Skipped   int         `xml:"skipped,attr"`
	Time      string      `xml:"time,attr"`
	Timestamp string      `xml:"timestamp,attr"`
	Cases     []junitCase `xml:"testcase"`
}

type junitCase struct {
	Name      string        `xml:"name,attr"`
	Classname string        `xml:"classname,attr"`
	Time      string        `xml:"time,attr"`
	Failure   *junitMessage `xml:"failure,omitempty"`
	Skipped   *junitMessage `xml:"skipped,omitempty"`
}

type junitMessage struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr,omitempty"`
	Text    string `xml:",chardata"`
}

// JUnit renders the report as JUnit XML: a test suite per folder, a test
// case per request, failures with the HTTP status and Dinero's message.
func JUnit(rep *Report, collection string) ([]byte, error) {
	out := junitSuites{Name: sanitize.Line(collection), Time: seconds(rep.Duration.Seconds())}
	index := map[string]int{}
	var total float64
	for _, r := range rep.Results {
		i, ok := index[r.Folder]
		if !ok {
			i = len(out.Suites)
			index[r.Folder] = i
			out.Suites = append(out.Suites, junitSuite{Name: sanitize.Line(r.Folder), Timestamp: rep.Started.UTC().Format("2006-01-02T15:04:05")})
		}
		s := &out.Suites[i]
		c := junitCase{Name: sanitize.Line(r.Method + " " + r.Name), Classname: sanitize.Line(r.Folder), Time: seconds(r.Duration.Seconds())}
		switch {
		case r.Skipped != "":
			c.Skipped = &junitMessage{Message: sanitize.Line(r.Skipped)}
			s.Skipped++
			out.Skipped++
		case r.Failed():
			typ := "no answer"
			if r.Status != 0 {
				typ = "HTTP " + strconv.Itoa(r.Status)
			}
			c.Failure = &junitMessage{Message: sanitize.Line(r.Err), Type: typ, Text: sanitize.Line(r.Method + " " + r.Path)}
			s.Failures++
			out.Failures++
		}
		s.Tests++
		out.Tests++
		total += r.Duration.Seconds()
		s.Cases = append(s.Cases, c)
	}
	for i := range out.Suites {
		var t float64
		for _, c := range out.Suites[i].Cases {
			f, _ := strconv.ParseFloat(c.Time, 64)
			t += f
		}
		out.Suites[i].Time = seconds(t)
	}
	b, err := xml.MarshalIndent(out, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("building the JUnit report: %w", err)
	}
	return append([]byte(xml.Header), append(b, '\n')...), nil
}

// WriteJUnit writes the JUnit report to path atomically: a reader never
// sees half a file.
func WriteJUnit(path string, rep *Report, collection string) error {
	b, err := JUnit(rep, collection)
	if err != nil {
		return err
	}
	if err := atomicfile.WriteFile(path, b, 0o644); err != nil {
		return fmt.Errorf("writing the JUnit report %s: %w", path, err)
	}
	return nil
}

func seconds(s float64) string { return strconv.FormatFloat(s, 'f', 3, 64) }
