package provider

import "testing"

// The tests are shared with mcp_monitored_carriers
// (monitored_carriers_data_source_test.go).

func TestAccBlockedCarriersDataSource_basic(t *testing.T) {
	testAccCarrierListDSBasic(t, blockedListDS)
}
func TestAccBlockedCarriersDataSource_empty(t *testing.T) {
	testAccCarrierListDSEmpty(t, blockedListDS)
}
func TestAccBlockedCarriersDataSource_shared(t *testing.T) {
	testAccCarrierListDSShared(t, blockedListDS)
}
func TestAccBlockedCarriersDataSource_failure(t *testing.T) {
	testAccCarrierListDSFailure(t, blockedListDS)
}
