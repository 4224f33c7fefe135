package conversations

import (
	"strconv"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/intercom-tui/intercom-tui/keymap"
	"github.com/intercom-tui/intercom-tui/sanitize"
	"github.com/intercom-tui/intercom-tui/snooze"
	"github.com/intercom-tui/intercom-tui/ui/components/picker"
	"github.com/intercom-tui/intercom-tui/ui/components/textfmt"
	"github.com/intercom-tui/intercom-tui/ui/shared"
	"github.com/intercom-tui/intercom-tui/ui/theme"
)

// tomorrow is the snooze picker's "Tomorrow 9:00" preset, which z chooses without it.
var tomorrow = picker.Result{Chosen: []picker.Item{{ID: "tomorrow"}}}

// snoozeTomorrow is z: the snooze picker's "tomorrow" answer given at once, through the
// same path (the selection's bulk run when rows are selected in the list, else the
// target conversation), so the moment is resolved in a command from the clock and the
// workspace's zone.
func (p Pane) snoozeTomorrow() (Pane, tea.Cmd) {
	if p.dir == nil {
		return p, shared.ErrorToast(notSignedIn, nil)
	}
	if v := p.activeView(); v != nil && !p.threadFocused {
		if p.bulk.anchor != "" && p.bulk.anchorIn == v.def.key {
			p.commitRange(v)
		}
		if p.hasSelection(v) {
			if p.bulk.run != nil {
				return p, shared.Toast("A bulk action is still running")
			}
			pick := &bulkPick{view: v.def.key, kind: kindSnooze}
			pick.id = bulkPrefix + kindSnooze + ":" + strconv.FormatUint(p.seq.Next(), 10)
			p.bulk.pending = pick
			res := tomorrow
			res.ID = pick.id
			return p.bulkPickerResult(res)
		}
	}
	conv, ok := p.target()
	if !ok {
		return p, nil // nothing listed: nothing to snooze
	}
	return p, snoozeChosenCmd(&p, string(conv.ID), tomorrow, 0)
}

// snoozePickerCmd opens the snooze overlay under the opaque id. The presets and the
// reading of typed text depend on the clock and on the workspace's time zone (loading
// it reads the zone database), so a command reads both and returns the PushOverlay.
func snoozePickerCmd(p *Pane, id, title string) tea.Cmd {
	dir, clock, styles, keys := p.dir, p.clock(), p.ctx.Styles, p.ctx.Keys
	return func() tea.Msg {
		return shared.PushOverlay{Overlay: snoozePicker(id, title, clock(), textfmt.Zone(dir.Timezone()), styles, keys)}
	}
}

// snoozePicker lists the presets with the moment each means now, and reads typed text
// with snooze.Parse: a preview as it is typed, the reason inline when enter cannot use it.
func snoozePicker(id, title string, now time.Time, loc *time.Location, styles *theme.Styles, keys *keymap.KeyMap) shared.Overlay {
	var items []picker.Item
	for _, pr := range snooze.Presets(now, loc) {
		items = append(items, picker.Item{ID: pr.Spec, Label: pr.Label, Detail: snooze.Describe(pr.Until, now, loc)})
	}
	parse := func(text string) (string, error) {
		t, err := snooze.Parse(text, now, loc)
		if err != nil {
			return "", err
		}
		return "enter snoozes until " + snooze.Describe(t, now, loc), nil
	}
	return picker.New(picker.Options{
		ID: id, Title: title, Items: items, AcceptText: true, FreeText: parse, CharLimit: 60,
		Placeholder: "or type: 30m, 2h, 3d, monday 14:00, 2026-12-01",
		Empty:       "No preset matches: enter reads what you typed",
		Styles:      styles, Keys: keys,
	})
}

// snoozeSpec is what a snooze picker's answer asks for, as snooze.Parse reads it: a
// preset's spec ("tomorrow") or the typed text ("3d").
func snoozeSpec(res picker.Result) string {
	if len(res.Chosen) == 1 {
		return res.Chosen[0].ID
	}
	return res.Text
}

// resolveSnooze is the moment a snooze picker's answer means at now in loc. A preset is
// resolved again at the time of the choice: "1 hour" is an hour from the enter key.
func resolveSnooze(res picker.Result, now time.Time, loc *time.Location) (time.Time, error) {
	return snooze.Parse(snoozeSpec(res), now, loc)
}

// snoozeChosenCmd snoozes the conversation as the picker answered. A command reads the
// clock and the zone, resolves the answer and asks the executor for the write (a DoMsg,
// batch 0 for a single action), or says why it cannot.
func snoozeChosenCmd(p *Pane, convID string, res picker.Result, batch uint64) tea.Cmd {
	dir, clock := p.dir, p.clock()
	return func() tea.Msg {
		now := clock()
		until, err := resolveSnooze(res, now, textfmt.Zone(dir.Timezone()))
		if err != nil {
			return shared.ToastMsg{Text: "Couldn't snooze #" + sanitize.Line(convID) + ": " + err.Error(), Error: true}
		}
		return DoMsg{ConvID: convID, Action: Action{Kind: ActSnooze, Until: until}, Batch: batch, Now: now}
	}
}
