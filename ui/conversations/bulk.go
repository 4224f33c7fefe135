package conversations

import tea "charm.land/bubbletea/v2"

// bulkState is the pane's bulk state.
type bulkState struct{}

func (p Pane) bulkMsg(msg tea.Msg) (Pane, tea.Cmd, bool) { return p, nil, false }

func (p Pane) bulkKey(msg tea.KeyPressMsg) (Pane, tea.Cmd, bool) { return p, nil, false }

func (p Pane) bulkWriteDone(msg WriteDoneMsg) (Pane, tea.Cmd) { return p, nil }
