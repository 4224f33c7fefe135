package conversations

import tea "charm.land/bubbletea/v2"

// composeState is the pane's compose state.
type composeState struct{}

func (p Pane) composeMsg(msg tea.Msg) (Pane, tea.Cmd, bool) { return p, nil, false }

func (p Pane) composeKey(msg tea.KeyPressMsg) (Pane, tea.Cmd, bool) { return p, nil, false }

func (p Pane) composeWriteDone(msg WriteDoneMsg) (Pane, tea.Cmd) { return p, nil }
