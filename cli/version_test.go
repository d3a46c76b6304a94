package cli

import (
	"encoding/json"
	"runtime/debug"
	"strings"
	"testing"
)

func TestReadVersion(t *testing.T) {
	vcs := &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "v0.3.1"}, Settings: []debug.BuildSetting{
		{Key: "vcs.revision", Value: "9f6cff2"}, {Key: "vcs.time", Value: "2026-12-03T19:00:00Z"}, {Key: "vcs.modified", Value: "true"}}}
	tests := []struct {
		name  string
		info  *debug.BuildInfo
		stamp BuildStamp
		want  versionInfo
	}{
		{"go install @version", &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "v0.3.1"}}, BuildStamp{},
			versionInfo{Version: "v0.3.1", GoVersion: "go1.26.8"}},
		{"go build in a checkout", vcs, BuildStamp{},
			versionInfo{Version: "v0.3.1", Commit: "9f6cff2", Modified: true, CommitDate: "2026-12-03T19:00:00Z", GoVersion: "go1.26.8"}},
		{"release build", vcs, BuildStamp{Version: "v1.0.0", Commit: "abc1234", Date: "2026-12-04T08:00:00Z"},
			versionInfo{Version: "v1.0.0", Commit: "abc1234", BuildDate: "2026-12-04T08:00:00Z", GoVersion: "go1.26.8"}},
		{"stamp of the same commit keeps its details", vcs, BuildStamp{Commit: "9f6cff2"},
			versionInfo{Version: "v0.3.1", Commit: "9f6cff2", Modified: true, CommitDate: "2026-12-03T19:00:00Z", GoVersion: "go1.26.8"}},
		{"go run", &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "(devel)"}}, BuildStamp{},
			versionInfo{Version: "(devel)", GoVersion: "go1.26.8"}},
		{"no build info", nil, BuildStamp{}, versionInfo{Version: "(devel)"}},
	}
	old := readBuildInfo
	t.Cleanup(func() { readBuildInfo = old })
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			readBuildInfo = func() (*debug.BuildInfo, bool) { return tt.info, tt.info != nil }
			got := readVersion(tt.stamp)
			got.Platform = ""
			if tt.info == nil {
				got.GoVersion = ""
			}
			if got != tt.want {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
		})
	}
}

func TestVersionCommandAndFlagAgree(t *testing.T) {
	plain := runCmd(t, "", "", false, nil, "version")
	flag := runCmd(t, "", "", false, nil, "--version")
	if plain.code != 0 || flag.code != 0 || plain.stdout != flag.stdout || !strings.HasPrefix(plain.stdout, "dinero-tui ") {
		t.Fatalf("version %q / --version %q", plain.stdout, flag.stdout)
	}
	r := runCmd(t, "", "", false, nil, "version", "--json")
	var v map[string]any
	if r.code != 0 || json.Unmarshal([]byte(r.stdout), &v) != nil || v["version"] == nil || v["goVersion"] == nil || v["platform"] == nil {
		t.Fatalf("version --json: %d %q", r.code, r.stdout)
	}
}
