package provider

import "testing"

func TestAccBlockList_basic(t *testing.T)          { testAccListBasic(t, blockListCase) }
func TestAccBlockList_update(t *testing.T)         { testAccListUpdate(t, blockListCase) }
func TestAccBlockList_onDestroyClear(t *testing.T) { testAccListOnDestroyClear(t, blockListCase) }
func TestAccBlockList_partialFailure(t *testing.T) { testAccListPartialFailure(t, blockListCase) }
func TestAccBlockList_validation(t *testing.T)     { testAccListValidation(t, blockListCase) }
func TestAccBlockList_failedCreate(t *testing.T)   { testAccListFailedCreate(t, blockListCase) }
func TestAccBlockList_checkedAtPlan(t *testing.T)  { testAccListCheckedAtPlan(t, blockListCase) }
func TestAccBlockList_unmanagedRemove(t *testing.T) {
	testAccListUnmanaged(t, blockListCase, unmanagedRemove)
}
func TestAccBlockList_unmanagedKeep(t *testing.T) {
	testAccListUnmanaged(t, blockListCase, unmanagedKeep)
}
func TestAccBlockList_unmanagedFail(t *testing.T) {
	testAccListUnmanaged(t, blockListCase, unmanagedFail)
}
func TestAccBlockList_createOverUnmanaged(t *testing.T) {
	testAccListCreateOverUnmanaged(t, blockListCase)
}
func TestAccBlockList_withoutDOT(t *testing.T) {
	testAccListWithoutDOT(t, blockListCase, unmanagedFail)
}
func TestAccBlockList_selectedRemove(t *testing.T) {
	testAccListSelected(t, blockListCase, unmanagedRemove)
}
func TestAccBlockList_selectedKeep(t *testing.T) {
	testAccListSelected(t, blockListCase, unmanagedKeep)
}
func TestAccBlockList_selectedFail(t *testing.T) {
	testAccListSelected(t, blockListCase, unmanagedFail)
}
