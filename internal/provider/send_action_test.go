package provider

import (
	"strings"
	"testing"
)

func TestDescribeAnswer(t *testing.T) {
	t.Parallel()
	for raw, want := range map[string]string{
		`{"$id":"1"}`:                      "",
		`{}`:                               "",
		`{"$id":"1","InvitationID":42}`:    `{"InvitationID":42}`,
		`"VIN verification request sent."`: `"VIN verification request sent."`,
		"plain text\n":                     "plain text",
		`{"Message":"` + strings.Repeat("é", 150) + `"}`: `{"Message":"` + strings.Repeat("é", 94) + "…",
	} {
		if got := describeAnswer([]byte(raw)); got != want {
			t.Errorf("describeAnswer(%s) = %q, want %q", raw, got, want)
		}
	}
}

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
