package api

import (
	"context"
	"errors"
	"fmt"
	"iter"
)

// Page is one page of a cursor-paged list, independent of the envelope it came in
// (conversation.list, list, …); resource files fill it from models' envelopes.
type Page[T any] struct {
	Items      []T
	TotalCount int
	// Next is pages.next.starting_after: the cursor of the following page, "" on the last.
	Next string
}

// ErrRepeatedCursor is returned when a server hands back a cursor it already gave,
// which would otherwise page forever.
var ErrRepeatedCursor = errors.New("intercom: pagination cursor repeated")

// Iterate walks every page from the first (cursor "") and yields each item. It stops
// after the page without a Next; on an error (including ctx ending) it yields the error
// once, with a zero item, and stops.
//
//	for c, err := range api.Iterate(ctx, fetch) {
//		if err != nil { … }
//	}
func Iterate[T any](ctx context.Context, fetch func(ctx context.Context, cursor string) (Page[T], error)) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		var zero T
		seen := map[string]bool{"": true}
		cursor := ""
		for {
			if err := ctx.Err(); err != nil {
				yield(zero, err)
				return
			}
			p, err := fetch(ctx, cursor)
			if err != nil {
				yield(zero, err)
				return
			}
			for _, it := range p.Items {
				if !yield(it, nil) {
					return
				}
			}
			if p.Next == "" {
				return
			}
			if seen[p.Next] {
				yield(zero, fmt.Errorf("%w: %q", ErrRepeatedCursor, cleanText(p.Next, 80)))
				return
			}
			seen[p.Next] = true
			cursor = p.Next
		}
	}
}

// All collects every item of Iterate. On error it returns the items gathered so far
// together with the error, so a caller may still show a partial list.
func All[T any](ctx context.Context, fetch func(ctx context.Context, cursor string) (Page[T], error)) ([]T, error) {
	var out []T
	for it, err := range Iterate(ctx, fetch) {
		if err != nil {
			return out, err
		}
		out = append(out, it)
	}
	return out, nil
}
