package provider

import "testing"

func TestAccMonitoringList_basic(t *testing.T)  { testAccListBasic(t, monitoringListCase) }
func TestAccMonitoringList_update(t *testing.T) { testAccListUpdate(t, monitoringListCase) }
func TestAccMonitoringList_drift(t *testing.T)  { testAccListDrift(t, monitoringListCase) }
func TestAccMonitoringList_authoritative(t *testing.T) {
	testAccListCreateIsAuthoritative(t, monitoringListCase)
}
func TestAccMonitoringList_onDestroyClear(t *testing.T) {
	testAccListOnDestroyClear(t, monitoringListCase)
}
func TestAccMonitoringList_partialFailure(t *testing.T) {
	testAccListPartialFailure(t, monitoringListCase)
}
func TestAccMonitoringList_validation(t *testing.T)   { testAccListValidation(t, monitoringListCase) }
func TestAccMonitoringList_failedCreate(t *testing.T) { testAccListFailedCreate(t, monitoringListCase) }
func TestAccMonitoringList_checkedAtPlan(t *testing.T) {
	testAccListCheckedAtPlan(t, monitoringListCase)
}
