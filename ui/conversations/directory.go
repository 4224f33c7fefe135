package conversations

import (
	"reflect"

	tea "charm.land/bubbletea/v2"

	"github.com/intercom-tui/intercom-tui/workspace"
)

// redirect takes a directory that changed after the views were built: the network's
// answer replacing the one saved by the last run (teams added or left, an admin
// renamed), or a refresh. The views are built again from it; a view whose search is
// the same keeps its rows, cursor and loading state, a new one loads when shown, and
// the agent stays on the view they were on (Open when it is gone).
func (p Pane) redirect(dir *workspace.Directory) (Pane, tea.Cmd) {
	old := make(map[string]*inboxView, len(p.views))
	for _, v := range p.views {
		old[v.def.key] = v
	}
	activeKey := ""
	if v := p.activeView(); v != nil {
		activeKey = v.def.key
	}
	views := make([]*inboxView, 0, len(p.views))
	for _, def := range buildViews(dir) {
		if v, ok := old[def.key]; ok && reflect.DeepEqual(v.def.query, def.query) {
			v.def = def // the name may have changed (a renamed team)
			views = append(views, v)
			continue
		}
		views = append(views, &inboxView{def: def})
	}
	p.dir, p.views = dir, views
	p.active = defaultView(p.views, activeKey)
	p.barGen++
	v := p.views[p.active]
	if v.loaded || v.pending || v.stored {
		return p, nil
	}
	cmd := p.firstLoad(v)
	return p, cmd
}
