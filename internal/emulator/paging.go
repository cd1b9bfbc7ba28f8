package emulator

import (
	"encoding/json"
	"net/http"

	"github.com/carrierstate/terraform-provider-mcp/internal/mcp"
)

// pageRule is one endpoint's paging contract (api/mcp-api.md §2.7).
type pageRule struct {
	defaultSize, maxSize int
	// resetOutOfRange: a pageSize above the maximum or below 1 becomes the
	// default (GetMonitoredCarriersRiskAssessment). Otherwise sizes above
	// the maximum are clamped to it and sizes below 1 become the default.
	resetOutOfRange bool
}

var (
	listPaging     = pageRule{defaultSize: 2500, maxSize: 5000}
	changesPaging  = pageRule{defaultSize: 250, maxSize: 500}
	envelopePaging = pageRule{defaultSize: 250, maxSize: 500}
	riskPaging     = pageRule{defaultSize: 250, maxSize: 500, resetOutOfRange: true}
)

// page is the page a request asked for.
type page struct {
	number, size int
	requested    bool // pageNumber or pageSize was sent
}

// readPage binds pageNumber and pageSize under a rule. A pageNumber below 1
// is 1.
func readPage(p params, rule pageRule) (page, error) {
	number, hasNumber, err := p.integer("pageNumber")
	if err != nil {
		return page{}, err
	}
	size, hasSize, err := p.integer("pageSize")
	if err != nil {
		return page{}, err
	}
	pg := page{number: max(number, 1), size: size, requested: hasNumber || hasSize}
	switch {
	case !hasSize || size < 1:
		pg.size = rule.defaultSize
	case size > rule.maxSize && rule.resetOutOfRange:
		pg.size = rule.defaultSize
	case size > rule.maxSize:
		pg.size = rule.maxSize
	}
	return pg, nil
}

// bounds returns the slice [start, end) of a total-item list that the page
// covers (empty past the end) and the page count.
func (pg page) bounds(total int) (start, end, totalPages int) {
	totalPages = (total + pg.size - 1) / pg.size
	start64 := int64(pg.number-1) * int64(pg.size)
	if start64 >= int64(total) {
		return total, total, totalPages
	}
	start = int(start64)
	return start, min(start+pg.size, total), totalPages
}

// header returns the X-Pagination header for a header-paged list, nil when
// no paging parameter was sent (the whole list is answered then).
func (pg page) header(total int) http.Header {
	if !pg.requested {
		return nil
	}
	_, _, pages := pg.bounds(total)
	v, _ := json.Marshal(mcp.Pagination{PageNumber: pg.number, PageSize: pg.size, TotalPages: pages, TotalCount: total})
	return http.Header{"X-Pagination": {string(v)}}
}

// slice applies a header-paged request to a list: the whole list when no
// paging parameter was sent, else the page.
func sliceFor[T any](pg page, items []T) []T {
	if !pg.requested {
		return items
	}
	start, end, _ := pg.bounds(len(items))
	return items[start:end]
}

// envelope builds a body-paged answer from the page's items.
func envelope[T any](pg page, total int, data []T) mcp.Envelope[T] {
	_, _, pages := pg.bounds(total)
	if data == nil {
		data = []T{}
	}
	return mcp.Envelope[T]{PageNumber: pg.number, PageSize: pg.size, TotalPages: pages, TotalCount: total, Succeeded: true, Data: data}
}
