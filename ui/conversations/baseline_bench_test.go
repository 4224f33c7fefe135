package conversations

import (
	"strings"
	"testing"

	"charm.land/bubbles/v2/list"
	"charm.land/bubbles/v2/paginator"
	tea "charm.land/bubbletea/v2"

	"github.com/intercom-tui/intercom-tui/ui/components/textfmt"
)

// The baseline of the keypress budget: charm.land/bubbles/v2/list holding the same 100k
// conversations, with its default delegate and its own (fuzzy) filtering, at 120×36.
// BenchmarkBubblesList100k is the list as it comes (the baseline);
// BenchmarkBubblesList100kNumbered numbers its pages instead of drawing a dot per page.
// The keys are the ones BenchmarkKeypress100k sends: j (down), pgdown (its next page),
// and a character typed into its filter, whose matching it runs in a command: the op is
// the key's Update, that command, the Update with its matches, and the View.

// baselineItem is one of our rows as a list item: the title is who and the subject, the
// description the other columns, and the filter sees the text ours matches.
type baselineItem struct{ title, desc, filter string }

func (i baselineItem) Title() string       { return i.title }
func (i baselineItem) Description() string { return i.desc }
func (i baselineItem) FilterValue() string { return i.filter }

func baselineList(b *testing.B, numbered bool) list.Model {
	b.Helper()
	convs, w := benchSummaries(budgetRows)
	dir := testContext(w, testNow, 50).Dir
	now := inboxNow.Unix()
	items := make([]list.Item, len(convs))
	for i := range convs {
		r := newConvRow(&convs[i], dir)
		items[i] = baselineItem{
			title:  r.who + "  " + r.subject,
			desc:   strings.Join([]string{r.assignee, r.channel, r.tags, textfmt.Age(r.since, now)}, " · "),
			filter: strings.Join([]string{r.who, r.subject, r.tags, r.assignee}, " "),
		}
	}
	l := list.New(items, list.NewDefaultDelegate(), budgetWidth, budgetHeight)
	l.Title = "Conversations"
	if numbered {
		// The default pager draws a dot per page (11k pages here) by repeated string
		// concatenation: over a gigabyte copied a frame. Page numbers cost nothing.
		l.Paginator.Type = paginator.Arabic
	}
	// A blinking cursor's command waits for its tick; the benchmark runs commands inline.
	st := l.FilterInput.Styles()
	st.Cursor.Blink = false
	l.FilterInput.SetStyles(st)
	_ = l.View()
	return l
}

// runCmd runs cmd and the commands it batches, returning their messages.
func runCmd(cmd tea.Cmd) []tea.Msg {
	if cmd == nil {
		return nil
	}
	msg := cmd()
	batch, ok := msg.(tea.BatchMsg)
	if !ok {
		return []tea.Msg{msg}
	}
	var out []tea.Msg
	for _, c := range batch {
		out = append(out, runCmd(c)...)
	}
	return out
}

// baselineUpdate is the list's Update for msg with the filter matches its commands
// answer applied, as the program's loop would before the next frame.
func baselineUpdate(l list.Model, msg tea.Msg) list.Model {
	l, cmd := l.Update(msg)
	for _, m := range runCmd(cmd) {
		if fm, ok := m.(list.FilterMatchesMsg); ok {
			l, _ = l.Update(fm)
		}
	}
	return l
}

func BenchmarkBubblesList100k(b *testing.B)         { benchBaseline(b, false) }
func BenchmarkBubblesList100kNumbered(b *testing.B) { benchBaseline(b, true) }

func benchBaseline(b *testing.B, numbered bool) {
	b.Run("j", func(b *testing.B) { benchBaselineMove(b, numbered, "j") })
	b.Run("pgdown", func(b *testing.B) { benchBaselineMove(b, numbered, "pgdown") })
	b.Run("filter-first", func(b *testing.B) { benchBaselineFilter(b, numbered, "", "e") })
	b.Run("filter-narrow", func(b *testing.B) { benchBaselineFilter(b, numbered, "e", "r") })
}

func benchBaselineMove(b *testing.B, numbered bool, key string) {
	l := baselineList(b, numbered)
	k := inboxKey(key)
	lat := make(latencies, 0, 1024)
	b.ReportAllocs()
	for b.Loop() {
		if l.Index() >= len(l.Items())-1 || l.Paginator.OnLastPage() {
			l.Select(0)
		}
		lat.time(func() {
			l, _ = l.Update(k)
			_ = l.View()
		})
	}
	b.StopTimer()
	if l.Index() == 0 && b.N > 1 {
		b.Fatalf("%s did not move the list", key)
	}
	lat.report(b)
}

func benchBaselineFilter(b *testing.B, numbered bool, typed, key string) {
	l := baselineUpdate(baselineList(b, numbered), inboxKey("/"))
	for _, r := range typed {
		l = baselineUpdate(l, inboxKey(string(r)))
	}
	base := l // a value: each op starts from it again
	k := inboxKey(key)
	lat := make(latencies, 0, 1024)
	b.ReportAllocs()
	for b.Loop() {
		lat.time(func() {
			l = baselineUpdate(base, k)
			_ = l.View()
		})
	}
	b.StopTimer()
	if got, n := l.FilterValue(), len(l.VisibleItems()); got != typed+key || n == 0 || n == budgetRows {
		b.Fatalf("filter %q shows %d of %d items", got, n, budgetRows)
	}
	lat.report(b)
}
