// Package weblink builds the address of an item in Intercom's web app and opens or
// copies it: o opens the browser (in a command), y copies with OSC 52.
package weblink

import (
	"errors"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"runtime"
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/intercom-tui/intercom-tui/ui/shared"
	"github.com/intercom-tui/intercom-tui/workspace"
)

// Kind is what an address points at.
type Kind int

const (
	Conversation Kind = iota
	Contact
	Ticket
)

// ErrNoApp is returned while the workspace's app id (from /me) is unknown.
var ErrNoApp = errors.New("the workspace's app id is not known yet (/me has not answered)")

// webHosts are the web app's hosts per data-hosting region.
var webHosts = map[string]string{
	"us": "https://app.intercom.com",
	"eu": "https://app.eu.intercom.com",
	"au": "https://app.au.intercom.com",
}

// URL is the web-app address of item id of kind k in app (its id_code) hosted in
// region (us, eu, au; "" is us). These paths are the web app's, not the API's; they
// follow the addresses the web app shows and are unverified against Intercom's docs,
// which were not reachable when this was written.
func URL(region, app string, k Kind, id string) (string, error) {
	if strings.TrimSpace(app) == "" {
		return "", ErrNoApp
	}
	if strings.TrimSpace(id) == "" {
		return "", errors.New("nothing selected")
	}
	r := strings.ToLower(strings.TrimSpace(region))
	if r == "" {
		r = "us"
	}
	host, ok := webHosts[r]
	if !ok {
		return "", fmt.Errorf("unknown region %q (us, eu or au)", region)
	}
	a, i := url.PathEscape(app), url.PathEscape(id)
	switch k {
	case Conversation:
		return host + "/a/inbox/" + a + "/inbox/conversation/" + i, nil
	case Contact:
		return host + "/a/apps/" + a + "/users/" + i + "/all-conversations", nil
	case Ticket:
		return host + "/a/apps/" + a + "/tickets/" + i, nil
	}
	return "", fmt.Errorf("unknown kind %d", k)
}

// For is URL with the app and region of the context: the app's own region (from /me)
// when it names one, else the region the workspace was configured with.
func For(ctx *shared.Context, k Kind, id string) (string, error) {
	var dir *workspace.Directory
	var region string
	if ctx != nil {
		dir = ctx.Dir
		if ctx.WS != nil {
			region = ctx.WS.Region
		}
	}
	return forDir(dir, region, k, id)
}

func forDir(dir *workspace.Directory, region string, k Kind, id string) (string, error) {
	if dir == nil || dir.Me.App == nil {
		return "", ErrNoApp
	}
	if r := dir.Me.App.Region; r != "" {
		if _, ok := webHosts[strings.ToLower(r)]; ok {
			region = r
		}
	}
	return URL(region, dir.Me.App.IDCode, k, id)
}

// Opener opens a web address in the agent's browser. It runs in a command.
type Opener func(url string) error

// SystemOpener opens url with $BROWSER when set, else the OS opener (xdg-open, open,
// or the Windows URL handler). The address is one argument, never seen by a shell; the
// browser is left running.
func SystemOpener(url string) error {
	var name string
	var args []string
	if b := strings.TrimSpace(os.Getenv("BROWSER")); b != "" {
		// $BROWSER may list several programs separated by ':'; the first is used.
		name = strings.Split(b, ":")[0]
	} else {
		switch runtime.GOOS {
		case "darwin":
			name = "open"
		case "windows":
			name, args = "rundll32", []string{"url.dll,FileProtocolHandler"}
		default:
			name = "xdg-open"
		}
	}
	if name == "" {
		return errors.New("no browser configured")
	}
	cmd := exec.Command(name, append(args, url)...)
	if err := cmd.Start(); err != nil {
		return err
	}
	go func() { _ = cmd.Wait() }() // reap it whenever it exits
	return nil
}

// Open opens the address of (k, id) with open, in a command; its outcome comes back
// as a toast. A missing app id is said at once.
func Open(ctx *shared.Context, open Opener, k Kind, id string) tea.Cmd {
	u, err := For(ctx, k, id)
	if err != nil {
		return shared.ErrorToast("No web address: "+err.Error(), nil)
	}
	if open == nil {
		open = SystemOpener
	}
	return func() tea.Msg {
		if err := open(u); err != nil {
			return shared.ToastMsg{Text: "Opening the browser: " + err.Error(), Error: true}
		}
		return shared.ToastMsg{Text: "Opened in the browser"}
	}
}

// CopiedText is the toast after a copy. Whether the terminal honoured the OSC 52
// write cannot be detected, so the toast says so rather than promise.
const CopiedText = "Link copied (if your terminal allows OSC 52 clipboard writes)"

// Copy copies the address of (k, id) to the terminal's clipboard with OSC 52, so it
// works over ssh too.
func Copy(ctx *shared.Context, k Kind, id string) tea.Cmd {
	u, err := For(ctx, k, id)
	if err != nil {
		return shared.ErrorToast("No web address: "+err.Error(), nil)
	}
	return tea.Batch(tea.SetClipboard(u), shared.Toast(CopiedText))
}
