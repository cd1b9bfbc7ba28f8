package emulator

import (
	"net/http"
	"strconv"
	"sync"
	"testing"

	"github.com/carrierstate/terraform-provider-mcp/internal/mcp"
)

func TestHundredsOfConcurrentRequests(t *testing.T) {
	t.Parallel()
	inst, _ := startTest(t, Options{Carriers: 5000})
	token := getToken(t, inst)
	cs, _ := inst.Carriers(CarrierFilter{Limit: 300})
	transport := &http.Transport{MaxIdleConnsPerHost: 300}
	defer transport.CloseIdleConnections()
	client := &http.Client{Transport: transport}
	post := func(op, query string) (int, error) {
		req, _ := http.NewRequestWithContext(t.Context(), http.MethodPost, inst.URL+"/api/v1/Carrier/"+op+"?"+query, nil)
		req.Header.Set("Authorization", "bearer "+token)
		resp, err := client.Do(req)
		if err != nil {
			return 0, err
		}
		resp.Body.Close()
		return resp.StatusCode, nil
	}
	var wg sync.WaitGroup
	errs := make(chan string, 3*len(cs))
	for _, c := range cs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, call := range []struct{ op, query string }{
				{"RequestMonitoring", "DOTNumber=" + strconv.Itoa(c.DOTNumber)},
				{"GetCarrierData", "DOTNumber=" + strconv.Itoa(c.DOTNumber)},
				{"MonitoredCarriers", "pageSize=50"},
			} {
				if status, err := post(call.op, call.query); err != nil || status != 200 {
					errs <- call.op + ": " + strconv.Itoa(status) + " " + errString(err)
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
	a := &api{t: t, inst: inst, token: token}
	var list []mcp.MonitoredCarrier
	a.ok("MonitoredCarriers", "").decode(t, &list)
	if len(list) != len(cs) {
		t.Fatalf("%d monitored, want %d", len(list), len(cs))
	}
	ids := map[int64]bool{}
	for _, e := range inst.Snapshot().Monitored {
		ids[e.MonitoringID] = true
	}
	if len(ids) != len(cs) || inst.Stats().Requests["GetCarrierData"] != len(cs) || inst.Writes() != len(cs) {
		t.Errorf("%d distinct MonitoringIDs, stats %+v", len(ids), inst.Stats())
	}
}

func errString(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}
