package emulator

import (
	"slices"
	"time"

	"github.com/carrierstate/terraform-provider-mcp/internal/emulator/universe"
	"github.com/carrierstate/terraform-provider-mcp/internal/mcp"
)

// The monitored and blocked lists: the four membership writes, the two
// header-paged lists, and the monitored-carrier bulk reads.

func (s *Server) requestMonitoring(c *call) (reply, error) {
	i, err := s.resolve(c.p, true)
	if err != nil {
		return reply{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	m, added := s.st.monitor(i, c.now, c.user)
	if !added && c.vs.has(vRepeatWrite400) {
		return reply{}, repeatError(s.blockLabel(i) + " is already in your monitored carrier list.")
	}
	return ok(mcp.RequestMonitoringOutput{MonitoringID: m.monitoringID, RequestDate: mcp.Time{Time: m.requested}}), nil
}

// cancelMonitoring of a carrier that is not monitored answers MonitoringID 0.
func (s *Server) cancelMonitoring(c *call) (reply, error) {
	i, err := s.resolve(c.p, true)
	if err != nil {
		return reply{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	out := mcp.CancelMonitoringOutput{CancelDate: mcp.Time{Time: c.now}}
	m, removed := s.st.unmonitor(i)
	switch {
	case removed:
		out.MonitoringID = m.monitoringID
	case c.vs.has(vRepeatWrite400):
		return reply{}, repeatError(s.blockLabel(i) + " is not in your monitored carrier list.")
	}
	return ok(out), nil
}

func (s *Server) monitoredCarriers(c *call) (reply, error) {
	rp, items, err := s.headerList(c, false)
	rp.body = items
	return rp, err
}

// monitoredPage returns one page of the monitored carriers as views, for the
// body-paged bulk reads (which always page: page 1 of the default size
// when no paging parameter is sent).
func (s *Server) monitoredPage(c *call, rule pageRule) (page, int, []*universe.Carrier, error) {
	pg, err := readPage(c.p, rule)
	if err != nil {
		return page{}, 0, nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	all := members(s.st.monitored, s.st.nMonitored)
	start, end, _ := pg.bounds(len(all))
	views := make([]*universe.Carrier, 0, end-start)
	for _, i := range all[start:end] {
		views = append(views, s.view(i, c.now))
	}
	return pg, len(all), views, nil
}

func (s *Server) monitoredCarrierData(c *call) (reply, error) {
	pg, total, views, err := s.monitoredPage(c, envelopePaging)
	if err != nil {
		return reply{}, err
	}
	data := make([]mcp.CarrierDetails, len(views))
	for k, v := range views {
		data[k] = *v.Details()
	}
	return ok(envelope(pg, total, data)), nil
}

func (s *Server) getMonitoredCarrierContactsData(c *call) (reply, error) {
	pg, total, views, err := s.monitoredPage(c, envelopePaging)
	if err != nil {
		return reply{}, err
	}
	data := make([]mcp.MonitoredCarrierContacts, len(views))
	for k, v := range views {
		contacts := v.Contacts()
		mc := make([]mcp.MonitoredCarrierContact, len(contacts))
		for j, ct := range contacts {
			mc[j] = mcp.MonitoredCarrierContact(ct)
		}
		data[k] = mcp.MonitoredCarrierContacts{
			DOTNumber: v.DOT(), DocketNumber: v.Docket(), LegalName: v.LegalName(), DBAName: v.DBAName(),
			CarriersContacts: mc, Success: true, Messages: []string{},
		}
	}
	return ok(envelope(pg, total, data)), nil
}

func (s *Server) getMonitoredCarriersRiskAssessment(c *call) (reply, error) {
	pg, total, views, err := s.monitoredPage(c, riskPaging)
	if err != nil {
		return reply{}, err
	}
	data := make([]mcp.CarrierRiskAssessment, len(views))
	for k, v := range views {
		data[k] = v.RiskAssessment()
	}
	return ok(envelope(pg, total, data)), nil
}

// changedCarrier is a monitored carrier's changes within a window.
type changedCarrier struct {
	v          *universe.Carrier
	latest     time.Time
	categories []string
}

// carriersChanges reports the carriers that are monitored now and changed
// within [fromDate, toDate], one entry per carrier (latest change time,
// union of categories), in DOT order. The counters describe the carriers of
// the answered page, and totalCount counts carriers.
func (s *Server) carriersChanges(c *call) (reply, error) {
	from, to, err := c.p.window()
	if err != nil {
		return reply{}, err
	}
	pg, err := readPage(c.p, changesPaging)
	if err != nil {
		return reply{}, err
	}
	s.mu.Lock()
	byCarrier := map[int32]*changedCarrier{}
	for _, ev := range s.st.changes {
		if ev.at.Before(from) || ev.at.After(to) || s.st.monitored[ev.i] == nil {
			continue
		}
		cc := byCarrier[ev.i]
		if cc == nil {
			cc = &changedCarrier{}
			byCarrier[ev.i] = cc
		}
		if ev.at.After(cc.latest) {
			cc.latest = ev.at
		}
		cc.categories = append(cc.categories, ev.categories...)
	}
	keys := make([]int32, 0, len(byCarrier))
	for i := range byCarrier {
		keys = append(keys, i)
	}
	slices.Sort(keys)
	keys = sliceFor(pg, keys)
	for _, i := range keys {
		byCarrier[i].v = s.view(i, c.now)
	}
	s.mu.Unlock()

	out := mcp.CarrierChanges{
		FromDate: mcp.Time{Time: from}, ToDate: mcp.Time{Time: to}, RequestDateTimeUtc: mcp.Time{Time: c.now},
		CarrierList: []mcp.ChangedCarrier{},
	}
	for _, i := range keys {
		cc := byCarrier[i]
		var cats []string
		for _, cat := range categoryOrder {
			if slices.Contains(cc.categories, cat) {
				cats = append(cats, cat)
			}
		}
		out.CarrierList = append(out.CarrierList, mcp.ChangedCarrier{
			ChangeDateTime: mcp.Time{Time: cc.latest}, ChangeCategories: cats, CarrierDetails: cc.v.Details(), ResponseDO: cc.v.ResponseDO(),
		})
		for _, cat := range cats {
			switch cat {
			case categoryInsurance:
				out.InsuranceChangeCount++
			case categoryAuthority:
				out.FMCSAChangeCount++
			case categoryRisk:
				out.RiskAssessmentChangeCount++
			}
		}
	}
	out.CarrierCount = len(out.CarrierList)
	rp := ok(out)
	rp.header = pg.header(len(byCarrier))
	return rp, nil
}
