package provider

import (
	"strings"
	"testing"
)

// E-mail VIN verification is refused with MCP's own reason; anything but
// "phone" is refused naming what is expected.
func TestDeliveryOptionValidator(t *testing.T) {
	t.Parallel()
	if err := deliveryOptionValidator.check("phone"); err != nil {
		t.Errorf("phone: %v", err)
	}
	for option, want := range map[string]string{
		"email": "Email VIN Validations are no longer supported",
		"sms":   `"sms" is not a delivery option: expected "phone"`,
		"2":     `"2" is not a delivery option`,
	} {
		if err := deliveryOptionValidator.check(option); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: %v, want an error containing %q", option, err, want)
		}
	}
}
