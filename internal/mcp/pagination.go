package mcp

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"strconv"
	"unicode/utf8"

	"golang.org/x/sync/errgroup"
)

// Pagination is MCP's page description: the X-Pagination header of
// MonitoredCarriers, BlockedCarriers and CarriersChanges, and the paging
// fields of the body envelopes.
type Pagination struct {
	PageNumber int `json:"pageNumber"`
	PageSize   int `json:"pageSize"`
	TotalPages int `json:"totalPages"`
	TotalCount int `json:"totalCount"`
}

// maxPages bounds any walk, so a corrupt header cannot start a runaway loop.
const maxPages = 100_000

// PageFetchConcurrency is how many pages after the first are fetched at once.
const PageFetchConcurrency = 4

// ParsePagination reads an X-Pagination header value, a JSON object such as
// {"pageNumber":1,"pageSize":2500,"totalPages":10,"totalCount":25000}.
func ParsePagination(header string) (Pagination, error) {
	var p Pagination
	// Unmarshal rejects anything after the object; a Decoder's More does
	// not see a stray "}" or "]".
	if err := json.Unmarshal([]byte(header), &p); err != nil {
		return Pagination{}, fmt.Errorf("mcp: X-Pagination %q: %w", truncate(header, 80), err)
	}
	if err := p.validate(); err != nil {
		return Pagination{}, fmt.Errorf("mcp: X-Pagination %q: %w", truncate(header, 80), err)
	}
	return p, nil
}

// validate rejects descriptions that cannot come from a consistent list.
func (p Pagination) validate() error {
	switch {
	case p.PageNumber < 1, p.PageSize < 1:
		return fmt.Errorf("pageNumber and pageSize must be positive")
	case p.TotalPages < 0, p.TotalCount < 0:
		return fmt.Errorf("totalPages and totalCount must not be negative")
	case p.TotalPages > maxPages:
		return fmt.Errorf("totalPages %d exceeds %d", p.TotalPages, maxPages)
	case int64(p.TotalPages)*int64(p.PageSize) < int64(p.TotalCount):
		return fmt.Errorf("%d pages of %d cannot hold %d items", p.TotalPages, p.PageSize, p.TotalCount)
	}
	return nil
}

// truncate shortens s to at most n bytes and an ellipsis, cutting between
// runes.
func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}

// ListOptions asks for one page. Zero values leave the parameter out, and
// MCP applies its default.
type ListOptions struct {
	PageNumber int
	PageSize   int
}

func (o *ListOptions) encode(q url.Values) url.Values {
	if q == nil {
		q = url.Values{}
	}
	if o == nil {
		return q
	}
	if o.PageNumber > 0 {
		q.Set("pageNumber", strconv.Itoa(o.PageNumber))
	}
	if o.PageSize > 0 {
		q.Set("pageSize", strconv.Itoa(o.PageSize))
	}
	return q
}

// fetchPage gets one page, and how the list is paged when the answer says
// (nil when it does not).
type fetchPage[P any] func(ctx context.Context, page int) (P, *Pagination, error)

// maxUnpagedPages bounds a walk through answers without paging information:
// five million carriers at 5,000 a page, half a million changes at 500.
const maxUnpagedPages = 1000

// walkPages fetches page 1, learns the page count from it, then the remaining
// pages a few at a time, and returns every page in order. When page 1 does
// not say how the list is paged, see walkUnpaged; items counts a page's items.
func walkPages[P any](ctx context.Context, op operation, pageSize int, items func(P) int, fetch fetchPage[P]) ([]P, error) {
	first, p, err := fetch(ctx, 1)
	if err != nil {
		return nil, err
	}
	if p == nil {
		return walkUnpaged(ctx, op, pageSize, items, fetch, first)
	}
	if p.TotalPages <= 1 {
		return []P{first}, nil
	}
	pages := make([]P, p.TotalPages)
	pages[0] = first
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(PageFetchConcurrency)
	for n := 2; n <= p.TotalPages; n++ {
		g.Go(func() error {
			page, _, err := fetch(gctx, n)
			if err != nil {
				return err
			}
			pages[n-1] = page
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}
	return pages, nil
}

// walkUnpaged goes on from page 1 of a list whose answers say nothing of
// paging: MCP may leave X-Pagination out although paging was asked for, so a
// full page (exactly pageSize items) may have more after it. Pages are
// requested one by one until a short or empty one; a page larger than asked
// for means MCP ignored the paging, and is the whole list. Running past
// maxUnpagedPages is an error, not a silent stop: the list would be cut short.
func walkUnpaged[P any](ctx context.Context, op operation, pageSize int, items func(P) int, fetch fetchPage[P], first P) ([]P, error) {
	pages := []P{first}
	for n := 2; items(pages[n-2]) == pageSize; n++ {
		if n > maxUnpagedPages {
			return nil, fmt.Errorf("MCP %s: still full pages of %d after %d pages without paging information; stopped", op.name, pageSize, maxUnpagedPages)
		}
		page, _, err := fetch(ctx, n)
		if err != nil {
			return nil, err
		}
		pages = append(pages, page)
	}
	return pages, nil
}

// headerPaged fetches every page of a list paged through X-Pagination.
func headerPaged[T any](ctx context.Context, c *Client, op operation, pageSize int) ([]T, error) {
	pages, err := walkPages(ctx, op, pageSize, itemCount[T], func(ctx context.Context, n int) ([]T, *Pagination, error) {
		return headerPage[T](ctx, c, op, &ListOptions{PageNumber: n, PageSize: pageSize})
	})
	if err != nil {
		return nil, err
	}
	return concat(pages), nil
}

// envelopePaged fetches every page of a list paged in the body envelope,
// failing when MCP reports succeeded=false on any page. An envelope without
// a page count (totalPages absent or 0) is walked as walkUnpaged does.
func envelopePaged[T any](ctx context.Context, c *Client, op operation, pageSize int) ([]T, error) {
	pages, err := walkPages(ctx, op, pageSize, itemCount[T], func(ctx context.Context, n int) ([]T, *Pagination, error) {
		env, err := envelopePage[T](ctx, c, op, &ListOptions{PageNumber: n, PageSize: pageSize})
		if err != nil {
			return nil, nil, err
		}
		if env.TotalPages == 0 {
			return env.Data, nil, nil
		}
		return env.Data, &Pagination{PageNumber: env.PageNumber, PageSize: env.PageSize, TotalPages: env.TotalPages, TotalCount: env.TotalCount}, nil
	})
	if err != nil {
		return nil, err
	}
	return concat(pages), nil
}

func itemCount[T any](items []T) int { return len(items) }

// envelopePage fetches one page of a body-paged list.
func envelopePage[T any](ctx context.Context, c *Client, op operation, opts *ListOptions) (*Envelope[T], error) {
	var env Envelope[T]
	if _, err := c.call(ctx, op, opts.encode(nil), &env); err != nil {
		return nil, err
	}
	if !env.Succeeded {
		return nil, &OperationError{Operation: op.name, Message: env.Message}
	}
	if env.TotalPages > maxPages || env.TotalPages < 0 {
		return nil, fmt.Errorf("MCP %s: totalPages %d is out of range", op.name, env.TotalPages)
	}
	return &env, nil
}

func concat[T any](pages [][]T) []T {
	n := 0
	for _, p := range pages {
		n += len(p)
	}
	all := make([]T, 0, n)
	for _, p := range pages {
		all = append(all, p...)
	}
	return all
}

// Page sizes used when walking whole lists: each endpoint's maximum, so a
// 50,000-carrier list takes ten requests.
const (
	listPageSize     = 5000
	changesPageSize  = 500
	envelopePageSize = 500
)

// headerPage fetches one page of a header-paged list.
func headerPage[T any](ctx context.Context, c *Client, op operation, opts *ListOptions) ([]T, *Pagination, error) {
	var items []T
	resp, err := c.call(ctx, op, opts.encode(nil), &items)
	if err != nil {
		return nil, nil, err
	}
	p, err := responsePagination(op, resp)
	if err != nil {
		return nil, nil, err
	}
	return items, p, nil
}

// responsePagination parses X-Pagination, nil when MCP sent none.
func responsePagination(op operation, resp *response) (*Pagination, error) {
	h := resp.Header.Get("X-Pagination")
	if h == "" {
		return nil, nil
	}
	p, err := ParsePagination(h)
	if err != nil {
		return nil, fmt.Errorf("MCP %s: %w", op.name, err)
	}
	return &p, nil
}
