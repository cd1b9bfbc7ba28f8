package membership

import (
	"context"

	"github.com/carrierstate/terraform-provider-mcp/internal/carrierid"
	"github.com/carrierstate/terraform-provider-mcp/internal/mcp"
)

// Monitored is the Assure Advantage monitored list of the client's account.
func Monitored(c *mcp.Client) *List {
	return New("monitored list", monitoredBackend{c.Monitoring})
}

// Blocked is the blocked-carrier list of the client's account.
func Blocked(c *mcp.Client) *List {
	return New("blocked list", blockedBackend{c.Blocking})
}

type monitoredBackend struct{ s *mcp.MonitoringService }

func (b monitoredBackend) ListAll(ctx context.Context) ([]Entry, error) {
	list, err := b.s.ListAll(ctx)
	if err != nil {
		return nil, err
	}
	return entries(list), nil
}

func (b monitoredBackend) Add(ctx context.Context, k carrierid.Key) error {
	_, err := b.s.Request(ctx, ref(k))
	return err
}

// Remove counts an answer without a monitoring ID as MCP's "no": MCP
// answers a carrier that is not monitored that way, and may answer a
// failure so, with status 200. Only the list can say which it was.
func (b monitoredBackend) Remove(ctx context.Context, k carrierid.Key) error {
	out, err := b.s.Cancel(ctx, ref(k))
	if err == nil && out.MonitoringID == 0 {
		return &mcp.OperationError{Operation: "CancelMonitoring", Message: "MCP answered without a monitoring ID"}
	}
	return err
}

type blockedBackend struct{ s *mcp.BlockingService }

func (b blockedBackend) ListAll(ctx context.Context) ([]Entry, error) {
	list, err := b.s.ListAll(ctx)
	if err != nil {
		return nil, err
	}
	// MCP's two list entries have the same fields.
	monitoredShape := make([]mcp.MonitoredCarrier, len(list))
	for i, c := range list {
		monitoredShape[i] = mcp.MonitoredCarrier(c)
	}
	return entries(monitoredShape), nil
}

func (b blockedBackend) Add(ctx context.Context, k carrierid.Key) error {
	_, err := b.s.Block(ctx, ref(k))
	return err
}

func (b blockedBackend) Remove(ctx context.Context, k carrierid.Key) error {
	_, err := b.s.Unblock(ctx, ref(k))
	return err
}

func ref(k carrierid.Key) mcp.CarrierRef {
	return mcp.CarrierRef{DOTNumber: k.DOT, DocketNumber: k.Docket, IntrastateNumber: k.Intrastate}
}

func entries(list []mcp.MonitoredCarrier) []Entry {
	out := make([]Entry, len(list))
	for i, c := range list {
		out[i] = Entry{
			Key:            carrierid.Key{DOT: c.DOTNumber, Docket: c.DocketNumber, Intrastate: c.IntrastateNumber},
			CreatedAt:      c.CreatedDate.Time,
			CreatedBy:      c.CreatedBy,
			LastModifiedAt: c.LastModifiedDate.Time,
			LastModifiedBy: c.LastModifiedBy,
		}
	}
	return out
}
