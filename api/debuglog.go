package api

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
)

// The --debug FILE log: every attempt (method, path with query, status, duration,
// attempt number, the X-RateLimit-* headers of the answer), written by logAttempt in
// transport.go. The token cannot reach it: request headers are never logged, and every
// message and string attribute passes redactHandler on the way out anyway.

// WithDebugLog is WithLogger for the user's own debug file: attempts are logged with
// their query strings (e-mail addresses of searches, page cursors), which a shared log
// must not hold but a 0600 file the user asked for may.
func WithDebugLog(l *slog.Logger) Option {
	return func(s *settings) error {
		if l == nil {
			return errors.New("intercom: nil debug logger")
		}
		s.logger, s.logQuery = l, true
		return nil
	}
}

// OpenDebugLog creates (or appends to) path with mode 0600 and returns a logger at debug
// level: JSON lines when path ends in .json, else slog's key=value text.
func OpenDebugLog(path string) (*slog.Logger, io.Closer, error) {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0o600)
	if err != nil {
		return nil, nil, fmt.Errorf("--debug: %w", err)
	}
	// An existing file keeps its mode on open; the log holds paths and queries, so it is
	// made private either way.
	if err := f.Chmod(0o600); err != nil {
		f.Close()
		return nil, nil, fmt.Errorf("--debug: %w", err)
	}
	opts := &slog.HandlerOptions{Level: slog.LevelDebug}
	var h slog.Handler = slog.NewTextHandler(f, opts)
	if strings.EqualFold(filepath.Ext(path), ".json") {
		h = slog.NewJSONHandler(f, opts)
	}
	return slog.New(h), f, nil
}

// logPath is the path as logged: with its query only in the user's debug log.
func (c *Client) logPath(r request) string {
	if c.logQuery && len(r.query) > 0 {
		return r.path + "?" + r.query.Encode()
	}
	return r.path
}

// redactHandler scrubs the token, and any "Bearer <credential>", from every message and
// string attribute before the wrapped handler sees it.
type redactHandler struct {
	next  slog.Handler
	token string
}

func newRedactHandler(next slog.Handler, token string) slog.Handler {
	return &redactHandler{next: next, token: token}
}

func (h *redactHandler) Enabled(ctx context.Context, l slog.Level) bool {
	return h.next.Enabled(ctx, l)
}

func (h *redactHandler) Handle(ctx context.Context, r slog.Record) error {
	out := slog.NewRecord(r.Time, r.Level, h.scrub(r.Message), r.PC)
	r.Attrs(func(a slog.Attr) bool {
		out.AddAttrs(h.attr(a))
		return true
	})
	return h.next.Handle(ctx, out)
}

func (h *redactHandler) WithAttrs(as []slog.Attr) slog.Handler {
	clean := make([]slog.Attr, len(as))
	for i, a := range as {
		clean[i] = h.attr(a)
	}
	return &redactHandler{next: h.next.WithAttrs(clean), token: h.token}
}

func (h *redactHandler) WithGroup(name string) slog.Handler {
	return &redactHandler{next: h.next.WithGroup(name), token: h.token}
}

func (h *redactHandler) attr(a slog.Attr) slog.Attr {
	v := a.Value.Resolve()
	switch v.Kind() {
	case slog.KindString:
		return slog.String(a.Key, h.scrub(v.String()))
	case slog.KindGroup:
		g := v.Group()
		clean := make([]any, len(g))
		for i, ga := range g {
			clean[i] = h.attr(ga)
		}
		return slog.Group(a.Key, clean...)
	case slog.KindAny:
		// Errors and other values are printed by the handler with %v: print them here,
		// scrubbed, instead.
		return slog.String(a.Key, h.scrub(fmt.Sprint(v.Any())))
	}
	return slog.Attr{Key: a.Key, Value: v}
}

// scrub is redact without leaving the word "Bearer" behind, so a grep of the log for it
// finds nothing at all.
func (h *redactHandler) scrub(s string) string {
	return strings.ReplaceAll(redact(s, h.token), "Bearer "+redactedMark, redactedMark)
}
