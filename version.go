package main

import (
	"fmt"
	"runtime"
	"runtime/debug"
	"strings"

	"github.com/intercom-tui/intercom-tui/api"
)

// version is the module version and VCS revision the binary was built from.
func version() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "dev"
	}
	v := info.Main.Version
	if v == "" || v == "(devel)" {
		v = "dev"
	}
	if s := vcs(info); s != "" {
		v += " (" + s + ")"
	}
	return v
}

// vcs is the commit, its time and whether the tree had changes, as the Go toolchain
// stamped them (go build in a clone; go install …@version stamps the module version
// instead, and -buildvcs=false stamps nothing).
func vcs(info *debug.BuildInfo) string {
	var rev, at string
	dirty := false
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.time":
			at = s.Value
		case "vcs.modified":
			dirty = s.Value == "true"
		}
	}
	if rev == "" {
		return ""
	}
	parts := []string{"commit " + rev[:min(12, len(rev))]}
	if at != "" {
		parts = append(parts, at)
	}
	if dirty {
		parts = append(parts, "modified")
	}
	return strings.Join(parts, ", ")
}

// versionText is what --version prints: the build, the toolchain and platform, and the
// API version spoken, which is what a bug report needs.
func versionText() string {
	goVersion := runtime.Version()
	if info, ok := debug.ReadBuildInfo(); ok && info.GoVersion != "" {
		goVersion = info.GoVersion
	}
	return fmt.Sprintf("intercom-tui %s\nbuilt with %s for %s/%s\nIntercom REST API %s (ticket search %s)\n",
		version(), goVersion, runtime.GOOS, runtime.GOARCH, api.Version, api.TicketSearchVersion)
}
