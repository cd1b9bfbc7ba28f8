package provider

import "testing"

func TestAccMonitoredCarrier_basic(t *testing.T)          { testAccMembershipBasic(t, monitoredCase) }
func TestAccMonitoredCarrier_dotOnly(t *testing.T)        { testAccMembershipDOTOnly(t, monitoredCase) }
func TestAccMonitoredCarrier_intrastate(t *testing.T)     { testAccMembershipIntrastate(t, monitoredCase) }
func TestAccMonitoredCarrier_replace(t *testing.T)        { testAccMembershipReplace(t, monitoredCase) }
func TestAccMonitoredCarrier_drift(t *testing.T)          { testAccMembershipDrift(t, monitoredCase) }
func TestAccMonitoredCarrier_validation(t *testing.T)     { testAccMembershipValidation(t, monitoredCase) }
func TestAccMonitoredCarrier_unknownCarrier(t *testing.T) { testAccMembershipUnknownCarrier(t, monitoredCase) }
func TestAccMonitoredCarrier_importErrors(t *testing.T)   { testAccMembershipImportErrors(t, monitoredCase) }
