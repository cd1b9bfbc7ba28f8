package provider

import "testing"

func TestAccBlockList_basic(t *testing.T)          { testAccListBasic(t, blockListCase) }
func TestAccBlockList_update(t *testing.T)         { testAccListUpdate(t, blockListCase) }
func TestAccBlockList_drift(t *testing.T)          { testAccListDrift(t, blockListCase) }
func TestAccBlockList_authoritative(t *testing.T)  { testAccListCreateIsAuthoritative(t, blockListCase) }
func TestAccBlockList_onDestroyClear(t *testing.T) { testAccListOnDestroyClear(t, blockListCase) }
func TestAccBlockList_partialFailure(t *testing.T) { testAccListPartialFailure(t, blockListCase) }
func TestAccBlockList_validation(t *testing.T)     { testAccListValidation(t, blockListCase) }
func TestAccBlockList_failedCreate(t *testing.T)   { testAccListFailedCreate(t, blockListCase) }
func TestAccBlockList_checkedAtPlan(t *testing.T)  { testAccListCheckedAtPlan(t, blockListCase) }
