package provider

import "testing"

func TestAccBlockedCarrier_basic(t *testing.T)      { testAccMembershipBasic(t, blockedCase) }
func TestAccBlockedCarrier_dotOnly(t *testing.T)    { testAccMembershipDOTOnly(t, blockedCase) }
func TestAccBlockedCarrier_intrastate(t *testing.T) { testAccMembershipIntrastate(t, blockedCase) }
func TestAccBlockedCarrier_replace(t *testing.T)    { testAccMembershipReplace(t, blockedCase) }
func TestAccBlockedCarrier_drift(t *testing.T)      { testAccMembershipDrift(t, blockedCase) }
func TestAccBlockedCarrier_validation(t *testing.T) { testAccMembershipValidation(t, blockedCase) }
func TestAccBlockedCarrier_unknownCarrier(t *testing.T) {
	testAccMembershipUnknownCarrier(t, blockedCase)
}
func TestAccBlockedCarrier_importErrors(t *testing.T) { testAccMembershipImportErrors(t, blockedCase) }
func TestAccBlockedCarrier_identity(t *testing.T)     { testAccMembershipIdentity(t, blockedCase) }
func TestAccBlockedCarrier_identityIntrastate(t *testing.T) {
	testAccMembershipIdentityIntrastate(t, blockedCase)
}
func TestAccBlockedCarrier_identityErrors(t *testing.T) {
	testAccMembershipIdentityErrors(t, blockedCase)
}
