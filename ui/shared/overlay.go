package shared

import tea "charm.land/bubbletea/v2"

// Overlay is a modal on top of the panes: a composer, a picker, a confirmation, a
// progress report. The root keeps a stack of them; the top one gets every key (but
// ctrl+c) and is drawn centred over the active pane. An overlay finishes by returning
// tea.Sequence(Pop, result): closed first, so that an overlay its result opens (a
// confirmation) is not the one popped.
type Overlay interface {
	Update(msg tea.Msg) (Overlay, tea.Cmd)
	// View draws the overlay's box for an area of width x height; the root centres it.
	View(width, height int) string
}

// PushOverlay opens an overlay on top of the stack.
type PushOverlay struct{ Overlay Overlay }

// PopOverlay closes the top overlay.
type PopOverlay struct{}

// Push returns the command that opens o.
func Push(o Overlay) tea.Cmd { return func() tea.Msg { return PushOverlay{o} } }

// Pop is the command that closes the top overlay.
func Pop() tea.Msg { return PopOverlay{} }

// BoxClick is a left click inside the top overlay's box, sent to that overlay alone. X
// and Y count from the box's top-left corner (its border); Width and Height are the
// area the box was drawn for (View's arguments), so the overlay can lay itself out
// again and find what it drew under the click.
type BoxClick struct{ X, Y, Width, Height int }
