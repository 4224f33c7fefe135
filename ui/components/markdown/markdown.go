// Package markdown turns Intercom HTML bodies into terminal lines: the one sanitizer,
// HTML → markdown (html-to-markdown v2), markdown → ANSI (glamour v2 with a fixed
// "dark" or "light" style, never terminal detection), then a filter that lets nothing
// but text and SGR colour sequences through.
//
// A Renderer is shared by every pane and is safe for concurrent use: commands render
// off the UI goroutine. It keeps one glamour TermRenderer per (width, style), since
// building one parses a whole style sheet, and a bounded LRU of rendered bodies keyed by
// (id, updated_at, width, style).
package markdown

import (
	"context"
	"errors"
	"fmt"
	"hash/maphash"
	"strings"
	"sync"

	"charm.land/glamour/v2"
	"charm.land/glamour/v2/ansi"
	"github.com/JohannesKaufmann/html-to-markdown/v2/converter"

	xansi "github.com/charmbracelet/x/ansi"

	"github.com/intercom-tui/intercom-tui/sanitize"
)

// Defaults of the cache and of the glamour renderer pool.
const (
	DefaultMaxEntries = 4096
	DefaultMaxBytes   = 48 << 20
	maxTermRenderers  = 8 // a handful of widths (split/full pane, notes) per style
	minWidth          = 10
)

// Key names a body for the cache: the part (or source, or article) id and when it last
// changed. The zero Key is never cached.
type Key struct {
	ID        string
	UpdatedAt int64
}

// Option configures a Renderer.
type Option func(*Renderer)

// WithCacheLimits bounds the rendered-body cache by entries and by bytes.
func WithCacheLimits(maxEntries, maxBytes int) Option {
	return func(r *Renderer) {
		r.cache = newLRU(max(1, maxEntries), max(1, maxBytes))
	}
}

// Renderer renders HTML bodies. The zero value is not usable; call New.
type Renderer struct {
	conv *converter.Converter
	seed maphash.Seed

	mu    sync.Mutex // guards cache, terms and tick
	cache *lru
	terms map[termKey]*term
	tick  uint64
}

type termKey struct {
	width int
	style string
}

// term is one glamour renderer. A TermRenderer keeps per-render state (its block
// stack), so each is used by one goroutine at a time.
type term struct {
	mu   sync.Mutex
	tr   *glamour.TermRenderer
	used uint64
}

// New returns a Renderer with an empty cache.
func New(opts ...Option) *Renderer {
	r := &Renderer{
		conv:  newConverter(),
		seed:  maphash.MakeSeed(),
		cache: newLRU(DefaultMaxEntries, DefaultMaxBytes),
		terms: map[termKey]*term{},
	}
	for _, o := range opts {
		o(r)
	}
	return r
}

// ErrUnknownStyle is returned for a style glamour does not ship.
var ErrUnknownStyle = errors.New("markdown: unknown style")

// Render returns body (HTML) as terminal lines at most width cells wide (wider only
// where glamour cannot break, e.g. a long URL in a table), without glamour's margin or
// blank lines around it. style is a glamour standard style ("dark", "light") or "mono"
// (dark without a colour, for NO_COLOR), optionally followed by "|" and the icon to
// mark images with (theme.Styles.GlamourStyle builds it).
//
// The result is cached under (k, width, style) unless k is the zero Key; the returned
// slice is shared with the cache and must not be modified. On an error the lines are
// still usable: the body's text, sanitized and wrapped.
func (r *Renderer) Render(k Key, body string, width int, style string) ([]string, error) {
	width = max(width, minWidth)
	ck := cacheKey{key: k, width: width, style: style}
	if k != (Key{}) {
		ck.content = maphash.String(r.seed, body)
		r.mu.Lock()
		lines, ok := r.cache.get(ck)
		r.mu.Unlock()
		if ok {
			return lines, nil
		}
	}
	lines, err := r.render(body, width, style)
	if err == nil && k != (Key{}) {
		r.mu.Lock()
		r.cache.put(ck, lines)
		r.mu.Unlock()
	}
	return lines, err
}

// Markdown converts body (HTML) to markdown, sanitized, with unsafe links reduced to
// their text and images to link lines behind the plain image icon.
func (r *Renderer) Markdown(body string) (string, error) {
	return r.markdown(body, "")
}

func (r *Renderer) markdown(body, imageMark string) (string, error) {
	ctx := context.WithValue(context.Background(), imageMarkKey{}, imageMark)
	md, err := r.conv.ConvertString(sanitize.String(body), converter.WithContext(ctx))
	if err != nil {
		return "", fmt.Errorf("markdown: converting HTML: %w", err)
	}
	// The converter decodes entities: an &#x1b; in the HTML is a raw ESC by now.
	return dropControlRefs(sanitize.String(md)), nil
}

// Cached is the number of bodies in the cache.
func (r *Renderer) Cached() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.cache.len()
}

func (r *Renderer) render(body string, width int, style string) ([]string, error) {
	style, imageMark, _ := strings.Cut(style, "|")
	md, err := r.markdown(body, imageMark)
	if err != nil {
		return fallback(sanitize.String(body), width), err
	}
	if strings.TrimSpace(md) == "" {
		return nil, nil
	}
	t, err := r.term(width, style)
	if err != nil {
		return fallback(md, width), err
	}
	t.mu.Lock()
	out, err := t.tr.Render(md)
	t.mu.Unlock()
	if err != nil {
		return fallback(md, width), fmt.Errorf("markdown: rendering: %w", err)
	}
	return tidy(SafeANSI(out)), nil
}

// fallback is plain wrapped text, for when glamour fails.
func fallback(text string, width int) []string {
	return tidy(SafeANSI(xansi.Wrap(text, width, "")))
}

// term returns the glamour renderer for (width, style), building it on first use and
// dropping the least recently used one beyond maxTermRenderers.
func (r *Renderer) term(width int, style string) (*term, error) {
	k := termKey{width, style}
	r.mu.Lock()
	defer r.mu.Unlock()
	r.tick++
	if t, ok := r.terms[k]; ok {
		t.used = r.tick
		return t, nil
	}
	cfg, ok := styleConfig(style)
	if !ok {
		return nil, fmt.Errorf("%w %q", ErrUnknownStyle, style)
	}
	tr, err := glamour.NewTermRenderer(
		glamour.WithStyles(cfg),
		glamour.WithWordWrap(width),
		glamour.WithPreservedNewLines(), // <br> arrives as a newline; glamour would join it
		glamour.WithInlineTableLinks(true),
	)
	if err != nil {
		return nil, fmt.Errorf("markdown: glamour: %w", err)
	}
	if len(r.terms) >= maxTermRenderers {
		var oldest termKey
		first := true
		for tk, t := range r.terms {
			if first || t.used < r.terms[oldest].used {
				oldest, first = tk, false
			}
		}
		delete(r.terms, oldest) // a render in progress keeps its *term alive
	}
	t := &term{tr: tr, used: r.tick}
	r.terms[k] = t
	return t, nil
}

// flatten adapts a standard style: no document margin (a thread indents bodies itself)
// and no syntax highlighting. Code in a support message has no language to highlight,
// chroma's guess for "" costs more than the rest of a render, and glamour registers
// its chroma theme once, globally, for whichever style comes first.
func flatten(cfg ansi.StyleConfig) ansi.StyleConfig {
	zero := uint(0)
	cfg.Document.Margin = &zero
	cfg.Document.BlockPrefix = ""
	cfg.Document.BlockSuffix = ""
	cfg.CodeBlock.Chroma = nil
	cfg.CodeBlock.Theme = ""
	return cfg
}
