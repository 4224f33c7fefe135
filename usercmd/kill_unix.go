//go:build unix

package usercmd

import (
	"os/exec"
	"syscall"
)

// killGroup starts the command in a process group of its own and, on timeout, kills
// the whole group: killing sh alone would leave what it started (a sleep, a curl)
// running after the toast said it was stopped.
func killGroup(c *exec.Cmd) {
	c.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	c.Cancel = func() error { return syscall.Kill(-c.Process.Pid, syscall.SIGKILL) }
}
