package api

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"
)

func TestExpandPathRefusesDotSegmentsAndBadOrganizations(t *testing.T) {
	const tmpl = "/v1/{organizationId}/contacts/{guid}"
	tests := []struct {
		org, guid string
		want      string // "" = accepted
	}{
		{"7311", "a1b2", ""},
		{"7311", "a/b", ""}, // escaped: one segment
		{"7311", "...", ""},
		{"7311", ".", "cannot be"},
		{"7311", "..", "cannot be"},
		{"7311", "", "needs a value"},
		{"..", "a1b2", "cannot be"},
		{"7311/x", "a1b2", "organization id"},
		{"..", "a1b2", "cannot be"},
		{"0", "a1b2", "organization id"},
		{"+7311", "a1b2", "organization id"},
		{"07311", "a1b2", "organization id"},
		{" 7311", "a1b2", "organization id"},
		{"99999999999999999999", "a1b2", "organization id"},
	}
	for _, tt := range tests {
		got, err := ExpandPath(tmpl, map[string]string{"organizationId": tt.org, "guid": tt.guid})
		switch {
		case tt.want == "" && err != nil:
			t.Errorf("org %q guid %q: %v", tt.org, tt.guid, err)
		case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
			t.Errorf("org %q guid %q: %q, %v; want an error with %q", tt.org, tt.guid, got, err, tt.want)
		}
	}
}

// FuzzExpandPath: whatever the values, an expanded path has exactly the
// template's segments, none of them "." or "..", each placeholder's value
// comes back from its one segment, and organizationId is a number.
func FuzzExpandPath(f *testing.F) {
	for _, s := range [][2]string{{"7311", "x"}, {"..", "."}, {"1", ".."}, {"1", "%2e%2e"}, {"1", "a/../b"}, {"1", "?a#b"}, {"١", "x"}} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, org, guid string) {
		got, err := ExpandPath("/v1/{organizationId}/contacts/{guid}", map[string]string{"organizationId": org, "guid": guid})
		if err != nil {
			return
		}
		segs := strings.Split(got, "/")
		if len(segs) != 5 {
			t.Fatalf("%q has %d segments", got, len(segs))
		}
		for _, s := range segs[1:] {
			if s == "." || s == ".." || s == "" {
				t.Fatalf("%q holds segment %q", got, s)
			}
		}
		if back, err := url.PathUnescape(segs[4]); err != nil || back != guid {
			t.Fatalf("guid %q came back as %q", guid, back)
		}
		if segs[2] != org || strings.Trim(org, "0123456789") != "" {
			t.Fatalf("organizationId %q accepted as %q", org, segs[2])
		}
	})
}

// TestDotPathValuesNeverReachTheServer: over real HTTP, a refused value
// sends nothing.
func TestDotPathValuesNeverReachTheServer(t *testing.T) {
	var calls atomic.Int32
	c, _ := setup(t, func(w http.ResponseWriter, r *http.Request) { calls.Add(1) })
	for _, p := range []map[string]string{{"organizationId": "7311", "guid": ".."}, {"organizationId": "..", "guid": "x"}} {
		_, err := c.Do(context.Background(), Request{Method: http.MethodDelete, Path: "/v1/{organizationId}/contacts/{guid}", PathParams: p})
		if err == nil {
			t.Errorf("%v: sent", p)
		}
	}
	if calls.Load() != 0 {
		t.Errorf("the server got %d requests", calls.Load())
	}
}
