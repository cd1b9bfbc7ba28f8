package mcp

import (
	"context"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestChangesAll: CarriersChanges pages are merged: carrier lists in order,
// counts added up, the window from the first page.
func TestChangesAll(t *testing.T) {
	t.Parallel()
	client, mux, _ := setup(t)
	handleToken(t, mux)
	const total = 1201 // 500 + 500 + 201
	base := time.Date(2021, 7, 1, 1, 0, 0, 0, time.UTC)
	var log pageLog
	mux.HandleFunc("/api/v1/Carrier/CarriersChanges", func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		if q.Get("fromDate") != "2021-07-01T01:00:00" || q.Get("toDate") != "2021-07-01T14:00:00" {
			t.Errorf("window = %s .. %s", q.Get("fromDate"), q.Get("toDate"))
		}
		page, from, to, totalPages := pageOf(t, r, changesPageSize, total)
		log.add(page)
		var items []string
		for i := from; i < to; i++ {
			items = append(items, fmt.Sprintf(`{"$id":"%d","ChangeDateTime":%q,"ChangeCategories":["Insurance"],"CarrierDetails":{"dotNumber":{"status":null,"Value":"%d"}},"ResponseDO":null}`,
				i+2, base.Add(time.Duration(i)*time.Second).Format("2006-01-02T15:04:05.000"), 2000000+i))
		}
		w.Header().Set("X-Pagination", xPagination(page, changesPageSize, totalPages, total))
		writeJSON(w, http.StatusOK, fmt.Sprintf(`{"$id":"1","FromDate":"2021-07-01T01:00:00","ToDate":"2021-07-01T14:00:00","RequestDateTimeUtc":"2021-07-01T14:00:05.1234567",
			"InsuranceChangeCount":%d,"FMCSAChangeCount":%d,"RiskAssessmentChangeCount":%d,"CarrierCount":%d,"CarrierList":[%s]}`,
			page, 10*page, 100*page, to-from, strings.Join(items, ",")))
	})
	got, err := client.Monitoring.ChangesAll(context.Background(), testFrom, testTo)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.CarrierList) != total {
		t.Fatalf("CarrierList has %d entries, want %d", len(got.CarrierList), total)
	}
	for i, c := range got.CarrierList {
		if !c.ChangeDateTime.Equal(base.Add(time.Duration(i)*time.Second)) || c.CarrierDetails.DotNumber.Value != strconv.Itoa(2000000+i) {
			t.Fatalf("entry %d = %v / %+v: out of order, missing or repeated", i, c.ChangeDateTime, c.CarrierDetails.DotNumber)
		}
	}
	if got.InsuranceChangeCount != 1+2+3 || got.FMCSAChangeCount != 60 || got.RiskAssessmentChangeCount != 600 || got.CarrierCount != total {
		t.Errorf("counts = %d/%d/%d/%d, want 6/60/600/%d", got.InsuranceChangeCount, got.FMCSAChangeCount, got.RiskAssessmentChangeCount, got.CarrierCount, total)
	}
	if !got.FromDate.Equal(testTo.Add(-13*time.Hour)) || got.RequestDateTimeUtc.IsZero() {
		t.Errorf("window = %v .. %v, requested %v", got.FromDate, got.ToDate, got.RequestDateTimeUtc)
	}
	if pages := log.sorted(); !slices.Equal(pages, []int{1, 2, 3}) {
		t.Errorf("pages requested = %v", pages)
	}
}

// TestChangesAll_singleAnswer: without X-Pagination the one answer is the
// result, counts unchanged.
func TestChangesAll_singleAnswer(t *testing.T) {
	t.Parallel()
	client, mux, _ := setup(t)
	handleToken(t, mux)
	mux.HandleFunc("/api/v1/Carrier/CarriersChanges", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, `{"$id":"1","InsuranceChangeCount":2,"FMCSAChangeCount":1,"RiskAssessmentChangeCount":0,"CarrierCount":2,
			"CarrierList":[{"$id":"2","ChangeCategories":["Insurance","FMCSA"]},{"$id":"3","ChangeCategories":null}]}`)
	})
	got, err := client.Monitoring.ChangesAll(context.Background(), testFrom, testTo)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.CarrierList) != 2 || got.InsuranceChangeCount != 2 || got.FMCSAChangeCount != 1 || got.CarrierCount != 2 {
		t.Errorf("ChangesAll = %+v", got)
	}
}
