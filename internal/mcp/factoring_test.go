package mcp

import (
	"context"
	"net/http"
	"net/url"
	"testing"
	"time"
)

// TestFactoring_updated: the window goes in the query string, to left out
// when zero (MCP's own default end), and the answer decodes whole.
func TestFactoring_updated(t *testing.T) {
	t.Parallel()
	from := time.Date(2026, 11, 1, 6, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		name  string
		to    time.Time
		query url.Values
	}{
		{"open", time.Time{}, url.Values{"fromDate": {QueryTime(from)}}},
		{"closed", from.Add(24 * time.Hour), url.Values{"fromDate": {QueryTime(from)}, "toDate": {QueryTime(from.Add(24 * time.Hour))}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			client, mux, _ := setup(t)
			handleToken(t, mux)
			calls := serveOnce(t, mux, "GetUpdatedFactoringCompanies", tc.query, http.StatusOK, jsonType,
				`{"$id":"1","FromDate":"2026-11-01T06:00:00","ToDate":"2026-11-02T06:00:00","RequestDateTimeUtc":"2026-11-02T06:00:00.1234567",`+
					`"FactoringCompaniesCount":1,"FactoringCompanies":[{"$id":"2","FactoringCompanyID":7,"FactoringCompanyName":"RTS Financial"}]}`)
			got, err := client.Factoring.Updated(context.Background(), from, tc.to)
			if err != nil {
				t.Fatal(err)
			}
			if calls.Load() != 1 || got.FactoringCompaniesCount != 1 || len(got.FactoringCompanies) != 1 ||
				got.FactoringCompanies[0].FactoringCompanyName != "RTS Financial" || !got.FromDate.Equal(from) {
				t.Errorf("Updated = %+v after %d calls", got, calls.Load())
			}
		})
	}
}
