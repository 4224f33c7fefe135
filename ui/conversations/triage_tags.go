package conversations

import (
	"cmp"
	"context"
	"slices"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"

	tea "charm.land/bubbletea/v2"

	"github.com/intercom-tui/intercom-tui/api"
	"github.com/intercom-tui/intercom-tui/models"
	"github.com/intercom-tui/intercom-tui/sanitize"
	"github.com/intercom-tui/intercom-tui/ui/components/confirm"
	"github.com/intercom-tui/intercom-tui/ui/components/picker"
	"github.com/intercom-tui/intercom-tui/ui/shared"
	"github.com/intercom-tui/intercom-tui/workspace"
)

// tagsTimeout bounds GET /tags and POST /tags.
const tagsTimeout = 30 * time.Second

// tagsLoadedMsg answers GET /tags, asked for the tags picker of ConvID.
type tagsLoadedMsg struct {
	shared.Loaded[[]models.Tag]
	ConvID string
}

// tagsRetryMsg is the failed load's retry: Update asks again, with a new request number.
type tagsRetryMsg struct{ convID string }

// tagCreatedMsg answers POST /tags for a new tag, to attach to ConvID.
type tagCreatedMsg struct {
	shared.Loaded[*models.Tag]
	ConvID string
	Name   string
}

// Triage and the bulk layer share the workspace's tags: loaded once by whichever asks
// first (GET /tags), kept in p.triage.tags sanitized and sorted, and joined by the tags
// either creates (POST /tags). Each wraps the answers in a message of its own.

// loadTagsCmd fetches the workspace's tags for request req; answer makes the message.
func loadTagsCmd(ws *workspace.Workspace, req uint64, answer func(shared.Loaded[[]models.Tag]) tea.Msg) tea.Cmd {
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(context.Background(), tagsTimeout)
		defer cancel()
		tags, err := ws.API.Tags(ctx)
		return answer(shared.Loaded[[]models.Tag]{Req: req, Value: tags, Err: err})
	}
}

// createTagCmd creates the tag name (POST /tags, sent once) for request req; answer
// makes the message.
func createTagCmd(ws *workspace.Workspace, req uint64, name string, answer func(shared.Loaded[*models.Tag]) tea.Msg) tea.Cmd {
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(context.Background(), tagsTimeout)
		defer cancel()
		tag, err := ws.API.CreateTag(ctx, name)
		return answer(shared.Loaded[*models.Tag]{Req: req, Value: tag, Err: err})
	}
}

// workspaceTags are GET /tags's tags as they are kept: names sanitized, sorted by name.
func workspaceTags(loaded []models.Tag) []models.Tag {
	tags := make([]models.Tag, 0, len(loaded))
	for _, t := range loaded {
		t.Name = sanitize.Line(t.Name)
		tags = append(tags, t)
	}
	return sortedTags(tags)
}

// keepCreatedTag reads POST /tags's answer for a new tag called name: the tag, its name
// sanitized, which joins the kept tags when they are loaded (ok); or, when there is
// none, the toast that says why.
func (p *Pane) keepCreatedTag(ans shared.Loaded[*models.Tag], name string) (tag models.Tag, toast tea.Cmd, ok bool) {
	if ans.Err != nil || ans.Value == nil {
		reason := "the answer held no tag"
		if ans.Err != nil {
			reason = api.Short(ans.Err)
		}
		return models.Tag{}, shared.ErrorToast("Couldn't create tag “"+sanitize.Line(name)+"”: "+reason, nil), false
	}
	tag = *ans.Value
	tag.Name = sanitize.Line(tag.Name)
	if p.triage.tags != nil && !slices.ContainsFunc(p.triage.tags, func(t models.Tag) bool { return t.ID == tag.ID }) {
		p.triage.tags = sortedTags(append(slices.Clip(p.triage.tags), tag))
	}
	return tag, nil, true
}

// sortedTags sorts tags by name, case ignored, as the picker lists them.
func sortedTags(tags []models.Tag) []models.Tag {
	slices.SortStableFunc(tags, func(a, b models.Tag) int {
		return cmp.Compare(strings.ToLower(a.Name), strings.ToLower(b.Name))
	})
	return tags
}

// openTags opens the tags picker for the conversation, after loading the workspace's
// tags the first time (once: they are kept, and a tag created here joins them).
func (p Pane) openTags(convID string) (Pane, tea.Cmd) {
	conv, ok := p.conversation(convID)
	if !ok {
		return p, nil
	}
	if p.triage.tags != nil {
		return p, shared.Push(tagsPicker(&p, triageID(kindTags, convID), p.triage.tags, &conv))
	}
	if p.triage.tagsReq != 0 {
		p.triage.tagsFor = convID // the load in flight will open this one's picker
		return p, nil
	}
	p.triage.tagsReq, p.triage.tagsFor = p.seq.Next(), convID
	return p, loadTagsCmd(p.ctx.WS, p.triage.tagsReq, func(ans shared.Loaded[[]models.Tag]) tea.Msg {
		return tagsLoadedMsg{Loaded: ans, ConvID: convID}
	})
}

// tagsLoaded keeps the workspace's tags and opens the picker that waited for them.
func (p Pane) tagsLoaded(msg tagsLoadedMsg) (Pane, tea.Cmd) {
	if msg.Req != p.triage.tagsReq {
		return p, nil // superseded
	}
	p.triage.tagsReq = 0
	convID := p.triage.tagsFor
	if msg.Err != nil {
		retry := func() tea.Msg { return tagsRetryMsg{convID: convID} }
		return p, shared.ErrorToast("Couldn't load the workspace's tags: "+api.Short(msg.Err), retry)
	}
	tags := workspaceTags(msg.Value)
	p.triage.tags = tags
	conv, ok := p.conversation(convID)
	if !ok {
		return p, nil
	}
	return p, shared.Push(tagsPicker(&p, triageID(kindTags, convID), tags, &conv))
}

// tagsPicker is the tags overlay under the opaque id: every tag of the workspace (and
// any of cur's that the list lacks), cur's checked. Typing a name that no tag has offers
// to create it. Its answer is a picker.Result; tagChanges reads it. The bulk layer may
// pass cur nil (nothing checked).
func tagsPicker(p *Pane, id string, all []models.Tag, cur *models.Conversation) shared.Overlay {
	on := map[models.ID]bool{}
	title := "Tags"
	var extra []models.Tag
	if cur != nil {
		title = convTitle("Tags", cur)
		if cur.Tags != nil {
			for _, t := range cur.Tags.Tags {
				on[t.ID] = true
				if !slices.ContainsFunc(all, func(w models.Tag) bool { return w.ID == t.ID }) {
					extra = append(extra, t)
				}
			}
		}
	}
	items := make([]picker.Item, 0, len(all)+len(extra))
	for _, t := range append(slices.Clip(all), extra...) {
		items = append(items, picker.Item{ID: string(t.ID), Label: t.Name, Checked: on[t.ID]})
	}
	return picker.New(picker.Options{
		ID: id, Title: title, Items: items, Multi: true,
		Create:      func(name string) string { return "Create tag “" + name + "”" },
		Placeholder: "type to filter, or a new tag's name", Empty: "No tag matches",
		Styles: p.ctx.Styles, Keys: p.ctx.Keys, CharLimit: 100,
	})
}

// tagChanges reads a tags picker's answer: the tags to attach and to detach (as the
// workspace's tags), and the name of a tag to create ("" for none).
func tagChanges(res picker.Result, all []models.Tag) (attach, detach []models.Tag, create string) {
	byID := map[string]models.Tag{}
	for _, t := range all {
		byID[string(t.ID)] = t
	}
	tag := func(it picker.Item) models.Tag {
		if t, ok := byID[it.ID]; ok {
			return t
		}
		return models.Tag{Type: "tag", ID: models.ID(it.ID), Name: it.Label}
	}
	for _, it := range res.Added {
		attach = append(attach, tag(it))
	}
	for _, it := range res.Removed {
		detach = append(detach, tag(it))
	}
	return attach, detach, strings.TrimSpace(res.Create)
}

// tagsChosen makes one write per tag attached or detached and, for a new name, asks
// before creating the tag.
func (p Pane) tagsChosen(convID string, res picker.Result) (Pane, tea.Cmd) {
	attach, detach, create := tagChanges(res, p.triage.tags)
	var cmds []tea.Cmd
	for _, t := range attach {
		cmds = append(cmds, p.do(convID, Action{Kind: ActTag, Tag: t}, 0))
	}
	for _, t := range detach {
		cmds = append(cmds, p.do(convID, Action{Kind: ActUntag, Tag: t}, 0))
	}
	if create != "" {
		p.triage.newTag = create
		cmds = append(cmds, shared.Push(confirm.New(confirm.Options{
			ID: triageID(kindNewTag, convID), Question: "Create tag “" + create + "”?",
			Styles: p.ctx.Styles, Keys: p.ctx.Keys,
			Yes: []key.Binding{p.ctx.Keys.Yes, p.ctx.Keys.Confirm}, No: []key.Binding{p.ctx.Keys.No, p.ctx.Keys.Cancel},
		})))
	}
	return p, tea.Batch(cmds...)
}

// confirmNewTag creates the tag the confirmation asked about (POST /tags, sent once),
// or forgets it.
func (p Pane) confirmNewTag(convID string, yes bool) (Pane, tea.Cmd) {
	name := p.triage.newTag
	p.triage.newTag = ""
	if !yes || name == "" {
		return p, nil
	}
	req := p.seq.Next()
	return p, createTagCmd(p.ctx.WS, req, name, func(ans shared.Loaded[*models.Tag]) tea.Msg {
		return tagCreatedMsg{Loaded: ans, ConvID: convID, Name: name}
	})
}

// tagCreated keeps the new tag and attaches it.
func (p Pane) tagCreated(msg tagCreatedMsg) (Pane, tea.Cmd) {
	tag, toast, ok := p.keepCreatedTag(msg.Loaded, msg.Name)
	if !ok {
		return p, toast
	}
	return p, p.do(msg.ConvID, Action{Kind: ActTag, Tag: tag}, 0)
}
