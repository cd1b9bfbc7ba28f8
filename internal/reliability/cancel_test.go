package reliability

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/carrierstate/terraform-provider-mcp/internal/carrierid"
	"github.com/carrierstate/terraform-provider-mcp/internal/emulator"
	"github.com/carrierstate/terraform-provider-mcp/internal/mcp"
	"github.com/carrierstate/terraform-provider-mcp/internal/membership"
)

// An interrupted Terraform run cancels the provider's contexts while
// requests are in flight. These tests stage the worst moment
// deterministically, without a CLI: MCP has acted on a write, and the
// caller's context is cancelled before the answer arrives. (A real MCP
// carries on with a request whose client went away, so this moment is not
// rare there.) Whatever MCP did must be known and recorded, and nothing
// may be sent after the cancellation.

// cancelAfterActing serves the emulator; for the named operations it lets
// the emulator act, then cancels the caller's context, and only answers
// once the client had time to notice.
func cancelAfterActing(t *testing.T, srv *emulator.Server, cancel context.CancelFunc, ops ...string) (string, *atomic.Int32) {
	t.Helper()
	var staged atomic.Int32
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		for _, op := range ops {
			if strings.HasSuffix(r.URL.Path, "/"+op) {
				rec := httptest.NewRecorder()
				srv.ServeHTTP(rec, r) // MCP acts
				staged.Add(1)
				cancel()
				select { // the client notices, if it is going to
				case <-r.Context().Done():
				case <-time.After(100 * time.Millisecond):
				}
				for k, v := range rec.Header() {
					w.Header()[k] = v
				}
				w.WriteHeader(rec.Code)
				_, _ = w.Write(rec.Body.Bytes())
				return
			}
		}
		srv.ServeHTTP(w, r)
	}))
	t.Cleanup(ts.Close)
	return ts.URL, &staged
}

func cancelTestClient(t *testing.T, srv *emulator.Server, url string) *mcp.Client {
	t.Helper()
	user, pass := srv.Credentials()
	c, err := mcp.NewClient(url, user, pass, mcp.WithRetry(mcp.RetryPolicy{MaxRetries: 2, WaitMin: time.Millisecond, WaitMax: time.Millisecond}))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func someCarriers(t *testing.T, srv *emulator.Server, n int) []emulator.CarrierInfo {
	t.Helper()
	cs, err := srv.Carriers(emulator.CarrierFilter{Kind: emulator.KindMC, Limit: n + 1})
	if err != nil {
		t.Fatal(err)
	}
	var out []emulator.CarrierInfo
	for _, c := range cs {
		if c.DOTNumber != emulator.SampleDOTNumber && len(out) < n {
			out = append(out, c)
		}
	}
	return out
}

// A list resource's Sync interrupted right after MCP blocked a carrier
// records that carrier: its state then says exactly what MCP holds.
func TestCancelledSyncRecordsWhatMCPHolds(t *testing.T) {
	t.Parallel()
	srv := emulator.New(emulator.Options{Carriers: 200})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	url, staged := cancelAfterActing(t, srv, cancel, "BlockCarrier")
	list := membership.Blocked(cancelTestClient(t, srv, url))
	desired := map[int]carrierid.Key{}
	for _, c := range someCarriers(t, srv, 10) {
		desired[c.DOTNumber] = carrierid.Key{DOT: c.DOTNumber, Docket: c.DocketNumber}
	}
	res, err := list.Sync(ctx, desired, nil, 1, nil)
	if err == nil || !errors.Is(err, context.Canceled) {
		t.Fatalf("Sync = %v, want the interruption reported", err)
	}
	blocked := srv.Snapshot().Blocked
	if staged.Load() != 1 || len(blocked) != 1 {
		t.Fatalf("MCP blocked %d carriers in %d staged writes; want 1 and no write after the cancellation", len(blocked), staged.Load())
	}
	if _, ok := res.Entries[blocked[0].DOTNumber]; !ok || len(res.Entries) != 1 {
		t.Errorf("Sync reports %v, MCP holds DOT %d: a write MCP made is missing from what the state records", res.Entries, blocked[0].DOTNumber)
	}
}

// A per-carrier resource's addition interrupted right after MCP made it is
// recorded (unconfirmed), not lost.
func TestCancelledAddIsRecorded(t *testing.T) {
	t.Parallel()
	srv := emulator.New(emulator.Options{Carriers: 200})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	url, _ := cancelAfterActing(t, srv, cancel, "RequestMonitoring")
	c := someCarriers(t, srv, 1)[0]
	_, err := membership.Monitored(cancelTestClient(t, srv, url)).Add(ctx, carrierid.Key{DOT: c.DOTNumber, Docket: c.DocketNumber})
	var unconfirmed *membership.UnconfirmedError
	if !errors.As(err, &unconfirmed) {
		t.Errorf("Add = %v; MCP monitors the carrier, so the resource must be recorded (an UnconfirmedError)", err)
	}
	if n := len(srv.Snapshot().Monitored); n != 1 {
		t.Errorf("MCP monitors %d carriers, want 1", n)
	}
}

// An invitation interrupted right after MCP sent it comes back as sent, so
// the resource is recorded and the next apply does not send it again.
func TestCancelledInvitationIsKnownSent(t *testing.T) {
	t.Parallel()
	srv := emulator.New(emulator.Options{Carriers: 200})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	url, _ := cancelAfterActing(t, srv, cancel, "EmailPacketInvitation")
	client := cancelTestClient(t, srv, url)
	c := someCarriers(t, srv, 1)[0]
	if _, err := client.Invitations.EmailPacket(ctx, mcp.PacketInvitation{CarrierEmail: c.Email, DOTNumber: c.DOTNumber, DocketNumber: c.DocketNumber}); err != nil {
		t.Errorf("EmailPacket = %v; MCP sent it, and the provider must know so", err)
	}
	// Once cancelled, nothing more is sent.
	if _, err := client.Invitations.EmailPacket(ctx, mcp.PacketInvitation{CarrierEmail: c.Email, DOTNumber: c.DOTNumber}); !errors.Is(err, context.Canceled) || mcp.IsUncertain(err) {
		t.Errorf("EmailPacket after the cancellation = %v, want context.Canceled", err)
	}
	if n := len(srv.Snapshot().Invitations); n != 1 {
		t.Errorf("MCP received %d invitations, want 1", n)
	}
}
