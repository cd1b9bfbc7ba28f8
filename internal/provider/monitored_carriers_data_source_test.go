package provider

import "testing"

func TestAccMonitoredCarriersDataSource_basic(t *testing.T) {
	testAccCarrierListDSBasic(t, monitoredListDS)
}

func TestAccMonitoredCarriersDataSource_empty(t *testing.T) {
	testAccCarrierListDSEmpty(t, monitoredListDS)
}

func TestAccMonitoredCarriersDataSource_shared(t *testing.T) {
	testAccCarrierListDSShared(t, monitoredListDS)
}

func TestAccMonitoredCarriersDataSource_failure(t *testing.T) {
	testAccCarrierListDSFailure(t, monitoredListDS)
}
