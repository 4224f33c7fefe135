package conversations

import tea "charm.land/bubbletea/v2"

// triageState is the pane's triage state.
type triageState struct{}

func (p Pane) triageMsg(msg tea.Msg) (Pane, tea.Cmd, bool) { return p, nil, false }

func (p Pane) triageKey(msg tea.KeyPressMsg) (Pane, tea.Cmd, bool) { return p, nil, false }
