//go:build !unix

package usercmd

import "os/exec"

// killGroup leaves the default: the context kills the shell only.
func killGroup(*exec.Cmd) {}
