package catalog

import (
	"crypto/rand"
	"fmt"
	"math/big"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// postmanVar matches one {{name}} reference of a Postman template.
var postmanVar = regexp.MustCompile(`\{\{\s*([^{}]+?)\s*\}\}`)

// Dynamic variables Postman generates anew for every request.
var dynamicVars = map[string]func(now time.Time) string{
	"$guid":         func(time.Time) string { return newGUID() },
	"$timestamp":    func(now time.Time) string { return strconv.FormatInt(now.Unix(), 10) },
	"$isoTimestamp": func(now time.Time) string { return now.UTC().Format("2006-01-02T15:04:05.000Z") },
	"$randomInt":    func(time.Time) string { return strconv.FormatInt(randomInt(1001), 10) },
}

// IsDynamic reports whether name is a Postman dynamic variable this app
// generates ($guid, $timestamp, $isoTimestamp, $randomInt).
func IsDynamic(name string) bool { _, ok := dynamicVars[name]; return ok }

// References lists the {{names}} s refers to, in order, without repeats.
func References(s string) []string {
	var out []string
	seen := map[string]bool{}
	for _, m := range postmanVar.FindAllStringSubmatch(s, -1) {
		if !seen[m[1]] {
			seen[m[1]] = true
			out = append(out, m[1])
		}
	}
	return out
}

// Expand replaces each {{name}} of s that vars defines, resolving
// variables that refer to other variables (up to 10 levels, as Postman
// does). Dynamic and undefined references are left as written.
func Expand(s string, vars map[string]string) string {
	for range 10 {
		changed := false
		s = postmanVar.ReplaceAllStringFunc(s, func(m string) string {
			name := strings.TrimSpace(m[2 : len(m)-2])
			if v, ok := vars[name]; ok {
				changed = true
				return v
			}
			return m
		})
		if !changed || !strings.Contains(s, "{{") {
			break
		}
	}
	return s
}

// fill replaces every {{name}}: values first, then dynamic variables (a
// fresh value each time, like Postman). It returns the names nothing
// defines, which the caller must refuse to send.
func fill(s string, values map[string]string, now time.Time) (string, []string) {
	var missing []string
	s = Expand(s, values)
	s = postmanVar.ReplaceAllStringFunc(s, func(m string) string {
		name := strings.TrimSpace(m[2 : len(m)-2])
		if gen, ok := dynamicVars[name]; ok {
			return gen(now)
		}
		missing = append(missing, name)
		return m
	})
	return s, missing
}

// newGUID returns a random (version 4) UUID, as Postman's {{$guid}}.
func newGUID() string {
	var b [16]byte
	rand.Read(b[:]) // never fails
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}

func randomInt(n int64) int64 {
	v, err := rand.Int(rand.Reader, big.NewInt(n))
	if err != nil {
		return 0
	}
	return v.Int64()
}
