package mcp

import (
	"context"
	"net/http"
	"testing"
	"time"
)

// With MCP's zone given, offset-less times read as the instants MCP meant,
// …Utc fields stay UTC, and window bounds are written in MCP's zone.
func TestWithTimeZone(t *testing.T) {
	t.Parallel()
	central, err := time.LoadLocation("America/Chicago")
	if err != nil {
		t.Fatal(err)
	}
	client, mux, _ := setup(t, WithTimeZone(central))
	handleToken(t, mux)
	mux.HandleFunc("/api/v1/Carrier/CompletedPackets", func(w http.ResponseWriter, r *http.Request) {
		if got := r.URL.Query().Get("fromDate"); got != "2026-12-04T06:00:00" {
			t.Errorf("fromDate = %q, want noon UTC written in US Central time", got)
		}
		writeJSON(w, http.StatusOK, `[{"$id":"1","DOTNumber":1,"CompletedDate":"2026-12-04T08:00:00"}]`)
	})
	noon := time.Date(2026, 12, 4, 12, 0, 0, 0, time.UTC)
	packets, err := client.Invitations.CompletedPackets(context.Background(), noon, noon.Add(time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	if want := time.Date(2026, 12, 4, 14, 0, 0, 0, time.UTC); len(packets) != 1 || !packets[0].CompletedDate.Equal(want) {
		t.Errorf("CompletedPackets = %+v; want 08:00 Central, 14:00 UTC", packets)
	}

	changes := CarrierChanges{RequestDateTimeUtc: Time{Time: noon}}
	client.inZone(&changes)
	if !changes.RequestDateTimeUtc.Equal(noon) {
		t.Errorf("a …Utc field moved to %v", changes.RequestDateTimeUtc)
	}
}
