package cli

import (
	"encoding/json"
	"fmt"
	"runtime"
	"runtime/debug"
	"strings"

	"github.com/spf13/cobra"
)

func init() { register(newVersionCommand) }

// BuildStamp is what a release build sets at link time, e.g.
// go build -ldflags "-X main.version=v1.2.0 -X main.commit=$(git rev-parse HEAD) -X main.date=$(date -u +%FT%TZ)".
// Empty fields fall back to the Go build info.
type BuildStamp struct {
	Version, Commit, Date string
}

// versionInfo is what `version --json` prints.
type versionInfo struct {
	Version string `json:"version"`
	Commit  string `json:"commit,omitempty"`
	// Modified: built from a work tree with uncommitted changes.
	Modified   bool   `json:"modified,omitempty"`
	CommitDate string `json:"commitDate,omitempty"`
	// BuildDate is known only when set at link time: Go records no build time.
	BuildDate string `json:"buildDate,omitempty"`
	GoVersion string `json:"goVersion"`
	Platform  string `json:"platform"`
}

// readBuildInfo is debug.ReadBuildInfo; tests replace it.
var readBuildInfo = debug.ReadBuildInfo

// readVersion combines the Go build info (module version, VCS revision and
// time, Go version) with the link-time stamp, which wins.
func readVersion(stamp BuildStamp) versionInfo {
	v := versionInfo{Version: "(devel)", GoVersion: runtime.Version(), Platform: runtime.GOOS + "/" + runtime.GOARCH}
	if bi, ok := readBuildInfo(); ok {
		if bi.Main.Version != "" {
			v.Version = bi.Main.Version
		}
		if bi.GoVersion != "" {
			v.GoVersion = bi.GoVersion
		}
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				v.Commit = s.Value
			case "vcs.time":
				v.CommitDate = s.Value
			case "vcs.modified":
				v.Modified = s.Value == "true"
			}
		}
	}
	if stamp.Version != "" {
		v.Version = stamp.Version
	}
	if stamp.Commit != "" && stamp.Commit != v.Commit {
		v.Commit, v.Modified, v.CommitDate = stamp.Commit, false, ""
	}
	v.BuildDate = stamp.Date
	return v
}

// versionText is the human form, printed by --version and `version`.
func versionText(v versionInfo) string {
	var b strings.Builder
	fmt.Fprintf(&b, "dinero-tui %s\n", v.Version)
	if v.Commit != "" {
		modified := ""
		if v.Modified {
			modified = " (modified)"
		}
		fmt.Fprintf(&b, "commit:      %s%s\n", v.Commit, modified)
	}
	if v.CommitDate != "" {
		fmt.Fprintf(&b, "commit date: %s\n", v.CommitDate)
	}
	if v.BuildDate != "" {
		fmt.Fprintf(&b, "build date:  %s\n", v.BuildDate)
	}
	fmt.Fprintf(&b, "go:          %s %s\n", v.GoVersion, v.Platform)
	return b.String()
}

func newVersionCommand(env *Env) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "version [--json]",
		Short: "print the version, commit, dates and Go version of this build",
		Long: "Print the module version, the commit and its date, the build date (when set at link time) and\n" +
			"the Go version, from the Go build info and link-time settings (-X main.version, main.commit, main.date).",
		ValidArgsFunction: cobra.NoFileCompletions,
	}
	asJSON := cmd.Flags().Bool("json", false, "print a JSON object for scripts")
	return withRun(cmd, func(pos []string) int {
		if len(pos) > 0 {
			fmt.Fprintf(env.Stderr, "dinero-tui version: unexpected argument %q\n", pos[0])
			return 2
		}
		v := readVersion(env.Build)
		if !*asJSON {
			fmt.Fprint(env.Stdout, versionText(v))
			return 0
		}
		enc := json.NewEncoder(env.Stdout)
		if env.StdoutIsTerminal {
			enc.SetIndent("", "  ")
		}
		if err := enc.Encode(v); err != nil {
			fmt.Fprintf(env.Stderr, "dinero-tui version: %v\n", err)
			return 1
		}
		return 0
	})
}
