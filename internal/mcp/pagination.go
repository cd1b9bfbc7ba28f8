package mcp

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"strconv"

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

// pageFetchConcurrency is how many pages after the first are fetched at once.
const pageFetchConcurrency = 4

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

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
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

// fetchPage gets one page and says how the list is paged.
type fetchPage[P any] func(ctx context.Context, page int) (P, Pagination, error)

// walkPages fetches page 1, learns the page count from it, then the remaining
// pages a few at a time, and returns every page in order. A response without
// paging information is the whole list.
func walkPages[P any](ctx context.Context, fetch fetchPage[P]) ([]P, error) {
	first, p, err := fetch(ctx, 1)
	if err != nil {
		return nil, err
	}
	if p.TotalPages <= 1 {
		return []P{first}, nil
	}
	pages := make([]P, p.TotalPages)
	pages[0] = first
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(pageFetchConcurrency)
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

// headerPaged fetches every page of a list paged through X-Pagination.
// Should MCP leave the header out although paging was asked for, pages keep
// being requested while they come back full, so a list is never cut short.
func headerPaged[T any](ctx context.Context, c *Client, op operation, pageSize int) ([]T, error) {
	unpaged := false
	pages, err := walkPages(ctx, func(ctx context.Context, n int) ([]T, Pagination, error) {
		items, p, err := headerPage[T](ctx, c, op, &ListOptions{PageNumber: n, PageSize: pageSize})
		if err != nil || p == nil {
			unpaged = n == 1
			return items, Pagination{}, err
		}
		return items, *p, nil
	})
	if err != nil {
		return nil, err
	}
	for n := 2; unpaged && len(pages[len(pages)-1]) >= pageSize && n <= maxPages; n++ {
		items, _, err := headerPage[T](ctx, c, op, &ListOptions{PageNumber: n, PageSize: pageSize})
		if err != nil {
			return nil, err
		}
		pages = append(pages, items)
	}
	return concat(pages), nil
}

// envelopePaged fetches every page of a list paged in the body envelope,
// failing when MCP reports succeeded=false on any page.
func envelopePaged[T any](ctx context.Context, c *Client, op operation, pageSize int) ([]T, error) {
	pages, err := walkPages(ctx, func(ctx context.Context, n int) ([]T, Pagination, error) {
		env, err := envelopePage[T](ctx, c, op, &ListOptions{PageNumber: n, PageSize: pageSize})
		if err != nil {
			return nil, Pagination{}, err
		}
		return env.Data, Pagination{PageNumber: env.PageNumber, PageSize: env.PageSize, TotalPages: env.TotalPages, TotalCount: env.TotalCount}, nil
	})
	if err != nil {
		return nil, err
	}
	return concat(pages), nil
}

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
