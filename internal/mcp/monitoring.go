package mcp

import (
	"context"
	"time"
)

// MonitoringService manages the Assure Advantage monitored list.
type MonitoringService struct{ client *Client }

var (
	opRequestMonitoring                  = carrierOp("RequestMonitoring", opIdempotentWrite)
	opCancelMonitoring                   = carrierOp("CancelMonitoring", opIdempotentWrite)
	opMonitoredCarriers                  = carrierOp("MonitoredCarriers", opRead)
	opMonitoredCarrierData               = carrierOp("MonitoredCarrierData", opRead)
	opGetMonitoredCarrierContactsData    = carrierOp("GetMonitoredCarrierContactsData", opRead)
	opGetMonitoredCarriersRiskAssessment = carrierOp("GetMonitoredCarriersRiskAssessment", opRead)
	opCarriersChanges                    = carrierOp("CarriersChanges", opRead)
)

// Request adds a carrier to the monitored list:
// POST /api/v1/Carrier/RequestMonitoring. Repeating it is harmless.
func (s *MonitoringService) Request(ctx context.Context, r CarrierRef) (*RequestMonitoringOutput, error) {
	var out RequestMonitoringOutput
	if _, err := s.client.call(ctx, opRequestMonitoring, r.query(), &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// Cancel removes a carrier from the monitored list:
// POST /api/v1/Carrier/CancelMonitoring.
func (s *MonitoringService) Cancel(ctx context.Context, r CarrierRef) (*CancelMonitoringOutput, error) {
	var out CancelMonitoringOutput
	if _, err := s.client.call(ctx, opCancelMonitoring, r.query(), &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// List returns one page of the monitored list, and its X-Pagination when MCP
// sent one: POST /api/v1/Carrier/MonitoredCarriers. A nil opts asks for the
// whole list in one response.
func (s *MonitoringService) List(ctx context.Context, opts *ListOptions) ([]MonitoredCarrier, *Pagination, error) {
	return headerPage[MonitoredCarrier](ctx, s.client, opMonitoredCarriers, opts)
}

// ListAll returns the whole monitored list, every page, following full pages
// when MCP sends no X-Pagination (see walkUnpaged).
func (s *MonitoringService) ListAll(ctx context.Context) ([]MonitoredCarrier, error) {
	return headerPaged[MonitoredCarrier](ctx, s.client, opMonitoredCarriers, listPageSize)
}

// CarrierData returns one page of the Assure Advantage records of the
// monitored carriers: POST /api/v1/Carrier/MonitoredCarrierData.
func (s *MonitoringService) CarrierData(ctx context.Context, opts *ListOptions) (*Envelope[CarrierDetails], error) {
	return envelopePage[CarrierDetails](ctx, s.client, opMonitoredCarrierData, opts)
}

// CarrierDataAll returns the records of every monitored carrier. MCP calls
// this a heavy operation, for periodic full syncs.
func (s *MonitoringService) CarrierDataAll(ctx context.Context) ([]CarrierDetails, error) {
	return envelopePaged[CarrierDetails](ctx, s.client, opMonitoredCarrierData, envelopePageSize)
}

// ContactsData returns one page of the contacts of the monitored carriers:
// POST /api/v1/Carrier/GetMonitoredCarrierContactsData.
func (s *MonitoringService) ContactsData(ctx context.Context, opts *ListOptions) (*Envelope[MonitoredCarrierContacts], error) {
	return envelopePage[MonitoredCarrierContacts](ctx, s.client, opGetMonitoredCarrierContactsData, opts)
}

// ContactsDataAll returns the contacts of every monitored carrier.
func (s *MonitoringService) ContactsDataAll(ctx context.Context) ([]MonitoredCarrierContacts, error) {
	return envelopePaged[MonitoredCarrierContacts](ctx, s.client, opGetMonitoredCarrierContactsData, envelopePageSize)
}

// RiskAssessments returns one page of the risk assessments of the monitored
// carriers: POST /api/v1/Carrier/GetMonitoredCarriersRiskAssessment.
func (s *MonitoringService) RiskAssessments(ctx context.Context, opts *ListOptions) (*Envelope[CarrierRiskAssessment], error) {
	return envelopePage[CarrierRiskAssessment](ctx, s.client, opGetMonitoredCarriersRiskAssessment, opts)
}

// RiskAssessmentsAll returns the risk assessment of every monitored carrier.
func (s *MonitoringService) RiskAssessmentsAll(ctx context.Context) ([]CarrierRiskAssessment, error) {
	return envelopePaged[CarrierRiskAssessment](ctx, s.client, opGetMonitoredCarriersRiskAssessment, envelopePageSize)
}

// ChangesOptions is a CarriersChanges window, and optionally one page of it.
type ChangesOptions struct {
	From, To time.Time
	ListOptions
}

// Changes returns one page of the monitored carriers whose insurance, FMCSA
// data or risk assessment changed in a window, with its X-Pagination when MCP
// sent one: POST /api/v1/Carrier/CarriersChanges.
func (s *MonitoringService) Changes(ctx context.Context, opts ChangesOptions) (*CarrierChanges, *Pagination, error) {
	var out CarrierChanges
	resp, err := s.client.call(ctx, opCarriersChanges, opts.encode(s.client.windowQuery(opts.From, opts.To)), &out)
	if err != nil {
		return nil, nil, err
	}
	p, err := responsePagination(opCarriersChanges, resp)
	if err != nil {
		return nil, nil, err
	}
	return &out, p, nil
}

// ChangesAll returns every change in a window, all pages merged: the carrier
// lists are concatenated and the counts added up (each page counts its own
// carriers). Without X-Pagination, pages are followed while they come back
// full (see walkUnpaged).
func (s *MonitoringService) ChangesAll(ctx context.Context, from, to time.Time) (*CarrierChanges, error) {
	pages, err := walkPages(ctx, opCarriersChanges, changesPageSize, changedCarriers, func(ctx context.Context, n int) (*CarrierChanges, *Pagination, error) {
		return s.Changes(ctx, ChangesOptions{From: from, To: to, ListOptions: ListOptions{PageNumber: n, PageSize: changesPageSize}})
	})
	if err != nil {
		return nil, err
	}
	merged := *pages[0]
	merged.CarrierList = nil
	merged.InsuranceChangeCount, merged.FMCSAChangeCount, merged.RiskAssessmentChangeCount, merged.CarrierCount = 0, 0, 0, 0
	for _, p := range pages {
		merged.CarrierList = append(merged.CarrierList, p.CarrierList...)
		merged.InsuranceChangeCount += p.InsuranceChangeCount
		merged.FMCSAChangeCount += p.FMCSAChangeCount
		merged.RiskAssessmentChangeCount += p.RiskAssessmentChangeCount
		merged.CarrierCount += p.CarrierCount
	}
	return &merged, nil
}

func changedCarriers(c *CarrierChanges) int { return len(c.CarrierList) }
