package emulator

import (
	"net/http"

	"github.com/carrierstate/terraform-provider-mcp/internal/mcp"
)

// repeatError is repeat-write-400's answer to a write that changes nothing.
func repeatError(message string) *apiError {
	e := errorf(http.StatusBadRequest, "%s", message)
	e.repeat = true
	return e
}

// listEntry is the shape MonitoredCarrierDTO and CustomerBlockedCarrierDTO
// share; entries are never modified after creation, so LastModified* equal
// Created*. Under list-unpadded-docket a padded docket loses its leading
// zeros; under list-no-dot-intrastate an intrastate-only carrier's entry
// has DOTNumber 0. (list-null-docket nulls DocketNumber when encoding.)
func (s *Server) listEntry(i int32, m *membership, vs variantSet) mcp.MonitoredCarrier {
	at := mcp.Time{Time: m.requested}
	e := mcp.MonitoredCarrier{
		DOTNumber: s.u.DOT(i), DocketNumber: s.u.Docket(i), IntrastateNumber: s.u.Intrastate(i),
		CreatedDate: at, CreatedBy: m.by, LastModifiedDate: at, LastModifiedBy: m.by,
	}
	if vs.has(vListUnpaddedDocket) {
		e.DocketNumber = s.u.ListDocket(i)
	}
	if vs.has(vListNoDOTIntrastate) && e.IntrastateNumber != "" {
		e.DOTNumber = 0
	}
	return e
}

// headerList answers a header-paged list in DOT order: everything without
// paging parameters, else one page and X-Pagination.
func (s *Server) headerList(c *call, blocked bool) (reply, []mcp.MonitoredCarrier, error) {
	pg, err := readPage(c.p, listPaging)
	if err != nil {
		return reply{}, nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	list, n := s.st.monitored, s.st.nMonitored
	if blocked {
		list, n = s.st.blocked, s.st.nBlocked
	}
	all := members(list, n)
	items := sliceFor(pg, all)
	out := make([]mcp.MonitoredCarrier, len(items))
	for k, i := range items {
		out[k] = s.listEntry(i, list[i], c.vs)
	}
	return reply{status: 200, header: pg.header(len(all))}, out, nil
}
