package membership

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/carrierstate/terraform-provider-mcp/internal/carrierid"
	"github.com/carrierstate/terraform-provider-mcp/internal/mcp"
)

// MCP may answer a CancelMonitoring that failed with 200 and no monitoring
// ID. Counted as done, the carrier would stay monitored after a destroy;
// the list is read instead, and the failure reported.
func TestCancelWithoutMonitoringIDIsConfirmedByTheList(t *testing.T) {
	t.Parallel()
	mux := http.NewServeMux()
	mux.HandleFunc("/token", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"access_token":"t","token_type":"bearer","expires_in":1799}`))
	})
	mux.HandleFunc("/api/v1/Carrier/CancelMonitoring", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"$id":"1","MonitoringID":0,"CancelDate":"2026-12-04T10:00:00"}`))
	})
	mux.HandleFunc("/api/v1/Carrier/MonitoredCarriers", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`[{"$id":"1","DOTNumber":5,"DocketNumber":"MC5"}]`))
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	client, err := mcp.NewClient(srv.URL, "user", "pass")
	if err != nil {
		t.Fatal(err)
	}
	err = Monitored(client).Remove(context.Background(), carrierid.Key{DOT: 5})
	if err == nil || !strings.Contains(err.Error(), "MCP did not take DOT 5 off the monitored list") {
		t.Errorf("Remove = %v; want the failure the list shows", err)
	}
}
