package conversations

import (
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/intercom-tui/intercom-tui/api/fake/faults"
	"github.com/intercom-tui/intercom-tui/models"
	"github.com/intercom-tui/intercom-tui/ui/components/progress"
	"github.com/intercom-tui/intercom-tui/ui/theme"
)

// What the bulk tests read of a harness: the progress report on top, the selection, the
// marks, the writes. The harness counts the bulk writes in flight (inflight,
// maxInflight, issued, answers); its queue runs first in first out, so a run's first
// writes are all issued before any of them is sent.

// report is the progress report on top, if it is.
func (h *harness) report() (progress.Report, bool) {
	r, ok := h.top().(progress.Report)
	return r, ok
}

func (h *harness) mustReport() progress.Report {
	h.t.Helper()
	r, ok := h.report()
	if !ok {
		h.t.Fatalf("no progress report on top (overlays: %d)", len(h.stack))
	}
	return r
}

// selected is the active view's selected conversations that it lists, in list order.
func (h *harness) selected() []string {
	v := h.p.activeView()
	var out []string
	for i := range v.list.rows {
		if _, ok := h.p.bulk.sel[v.def.key][v.list.rows[i].id]; ok {
			out = append(out, v.list.rows[i].id)
		}
	}
	return out
}

// markedRows are the ids of the rows the pane's View marks with the bulk mark.
func (h *harness) markedRows() []string {
	h.t.Helper()
	v := h.p.activeView()
	lines := strings.Split(ansi.Strip(h.p.View()), "\n")[1:] // under the view bar
	var out []string
	for i, line := range lines {
		row := v.list.offset + i
		if row >= v.list.len() {
			break
		}
		if []rune(line)[3] == []rune(theme.PlainIcons.Marked)[0] {
			out = append(out, v.list.at(row).id)
		}
	}
	return out
}

// parts is how many POST /conversations/{id}/parts reached the fake.
func (h *harness) parts() int { return h.ws.Count("POST", "/conversations/{id}/parts") }

// conv is the conversation as the fake has it.
func (h *harness) conv(id string) *models.Conversation {
	h.t.Helper()
	c := h.server(id)
	return &c
}

// failOnce makes the next write of each conversation answer status.
func (h *harness) failOnce(status int, ids ...string) {
	h.t.Helper()
	for _, id := range ids {
		rule := faults.Rule{Kind: faults.Status, Code: status, Method: "POST", Pattern: "/conversations/" + id + "/parts", Count: 1}
		if err := h.faults.Add(rule); err != nil {
			h.t.Fatal(err)
		}
	}
}

// ansiView is the report drawn in a 100 × 40 area, without colours.
func ansiView(r progress.Report) string { return ansi.Strip(r.View(100, 40)) }
