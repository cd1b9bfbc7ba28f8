package mcp_test

import (
	"context"
	"fmt"
	"log"
	"net/http"
	"net/http/httptest"

	"github.com/carrierstate/terraform-provider-mcp/internal/mcp"
)

func ExampleMonitoringService_ListAll() {
	// A stand-in for MCP: a token endpoint and one page of monitored carriers.
	mux := http.NewServeMux()
	mux.HandleFunc("POST /token", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `{"access_token":"example-token","token_type":"bearer","expires_in":1209599}`)
	})
	mux.HandleFunc("POST /api/v1/Carrier/MonitoredCarriers", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-Pagination", `{"pageNumber":1,"pageSize":5000,"totalPages":1,"totalCount":2}`)
		fmt.Fprint(w, `[{"$id":"1","DOTNumber":1234567,"DocketNumber":"MC123456","CreatedDate":"2025-07-22T12:18:46.6299792"},
			{"$id":"2","DOTNumber":7654321,"DocketNumber":"MC654321","CreatedDate":"2026-01-15T09:30:00"}]`)
	})
	server := httptest.NewServer(mux)
	defer server.Close()

	client, err := mcp.NewClient(server.URL, "integration-user", "integration-password")
	if err != nil {
		log.Fatal(err)
	}
	carriers, err := client.Monitoring.ListAll(context.Background())
	if err != nil {
		log.Fatal(err)
	}
	for _, c := range carriers {
		fmt.Println(c.DOTNumber, c.DocketNumber, c.CreatedDate)
	}
	// Output:
	// 1234567 MC123456 2025-07-22T12:18:46.6299792
	// 7654321 MC654321 2026-01-15T09:30:00.0000000
}
