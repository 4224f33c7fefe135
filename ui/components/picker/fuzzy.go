package picker

import "unicode"

// Scores of a fuzzy match. A matched rune earns scoreMatch; more when it starts a word
// (the label's start, or after a space or punctuation, or a lower-to-upper case change)
// and when it follows the previous matched rune directly. Each jump over unmatched runes
// costs scoreGap, and runes skipped before the first match cost scoreLead each (up to
// leadMax), so "bil" ranks "Billing" above "Mobile billing".
const (
	scoreMatch       = 16
	scoreWordStart   = 10
	scoreConsecutive = 12
	scoreGap         = 3
	scoreLead        = 1
	leadMax          = 8
)

// Match reports whether every rune of pattern appears in text in order (a subsequence,
// ignoring case), with a score (higher is better) and the rune indexes of text that the
// best alignment matched, for highlighting. An empty pattern matches everything with
// score 0. Spaces in the pattern are ignored, so "vip cus" finds "VIP customer".
func Match(pattern, text string) (score int, positions []int, ok bool) {
	var pat []rune
	for _, r := range pattern {
		if !unicode.IsSpace(r) {
			pat = append(pat, unicode.ToLower(r))
		}
	}
	if len(pat) == 0 {
		return 0, nil, true
	}
	raw := []rune(text)
	low := make([]rune, len(raw))
	for i, r := range raw {
		low[i] = unicode.ToLower(r)
	}
	if !subsequence(pat, low) {
		return 0, nil, false
	}
	m, n := len(pat), len(low)
	const none = -1 << 30
	// best[i][j]: the best score with pat[i] matched at text rune j (none if impossible);
	// from[i][j]: where pat[i-1] was matched on that alignment.
	best := make([][]int, m)
	from := make([][]int, m)
	for i := range best {
		best[i] = make([]int, n)
		from[i] = make([]int, n)
	}
	for i := range m {
		// run is the best score of pat[i-1] matched anywhere before j-1, and where.
		run, runAt := none, -1
		for j := range n {
			best[i][j] = none
			if i > 0 && j >= 2 && best[i-1][j-2] > run {
				run, runAt = best[i-1][j-2], j-2
			}
			if low[j] != pat[i] {
				continue
			}
			gain := scoreMatch + wordStart(raw, j)
			switch {
			case i == 0:
				best[i][j], from[i][j] = gain-min(j, leadMax)*scoreLead, -1
			default:
				if j >= 1 && best[i-1][j-1] != none {
					best[i][j], from[i][j] = best[i-1][j-1]+gain+scoreConsecutive, j-1
				}
				if run != none && run+gain-scoreGap > best[i][j] {
					best[i][j], from[i][j] = run+gain-scoreGap, runAt
				}
			}
		}
	}
	end := -1
	for j := range n {
		if best[m-1][j] != none && (end < 0 || best[m-1][j] > best[m-1][end]) {
			end = j
		}
	}
	positions = make([]int, m)
	for i, j := m-1, end; i >= 0; i-- {
		positions[i] = j
		j = from[i][j]
	}
	return best[m-1][end], positions, true
}

// subsequence is the quick check before scoring.
func subsequence(pat, text []rune) bool {
	i := 0
	for _, r := range text {
		if i < len(pat) && r == pat[i] {
			i++
		}
	}
	return i == len(pat)
}

// wordStart is the bonus for a match at rune j of text.
func wordStart(text []rune, j int) int {
	if j == 0 {
		return scoreWordStart
	}
	prev, cur := text[j-1], text[j]
	switch {
	case unicode.IsSpace(prev) || (unicode.IsPunct(prev) && !unicode.IsPunct(cur)) || unicode.IsSymbol(prev):
		return scoreWordStart
	case unicode.IsLower(prev) && unicode.IsUpper(cur):
		return scoreWordStart
	case unicode.IsLetter(prev) != unicode.IsLetter(cur) && unicode.IsDigit(cur):
		return scoreWordStart / 2
	}
	return 0
}
