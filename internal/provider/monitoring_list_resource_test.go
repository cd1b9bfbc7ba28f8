package provider

import "testing"

func TestAccMonitoringList_basic(t *testing.T)  { testAccListBasic(t, monitoringListCase) }
func TestAccMonitoringList_update(t *testing.T) { testAccListUpdate(t, monitoringListCase) }
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
func TestAccMonitoringList_unmanagedRemove(t *testing.T) {
	testAccListUnmanaged(t, monitoringListCase, unmanagedRemove)
}
func TestAccMonitoringList_unmanagedKeep(t *testing.T) {
	testAccListUnmanaged(t, monitoringListCase, unmanagedKeep)
}
func TestAccMonitoringList_unmanagedFail(t *testing.T) {
	testAccListUnmanaged(t, monitoringListCase, unmanagedFail)
}
func TestAccMonitoringList_createOverUnmanaged(t *testing.T) {
	testAccListCreateOverUnmanaged(t, monitoringListCase)
}
func TestAccMonitoringList_withoutDOT(t *testing.T) {
	testAccListWithoutDOT(t, monitoringListCase, unmanagedRemove)
}
