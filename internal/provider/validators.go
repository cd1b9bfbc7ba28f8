package provider

import (
	"context"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/carrierstate/terraform-provider-mcp/internal/carrierid"
)

// stringCheck is a plan-time validator built from a check function, so the
// same check serves attribute validation, Configure (for values that come from
// the environment) and import-ID parsing.
type stringCheck struct {
	description string
	check       func(string) error
}

var _ validator.String = stringCheck{}

func (v stringCheck) Description(context.Context) string         { return v.description }
func (v stringCheck) MarkdownDescription(context.Context) string { return v.description }

func (v stringCheck) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if err := v.check(req.ConfigValue.ValueString()); err != nil {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid "+req.Path.String(), err.Error())
	}
}

var baseURLValidator = stringCheck{
	description: "an https:// URL, or http:// to a loopback host",
	check:       checkBaseURL,
}

var (
	dotNumberValidator = stringCheck{
		description: "a USDOT number: 1 to 8 digits without a leading zero",
		check:       func(s string) error { _, err := carrierid.ParseDOT(s); return err },
	}
	docketNumberValidator = stringCheck{
		description: "a docket number: MC, FF or MX followed by digits",
		check:       carrierid.CheckDocket,
	}
	emailValidator = stringCheck{
		description: "a bare e-mail address",
		check:       carrierid.CheckEmail,
	}
	// listValueValidator checks a list resource's carriers value; the
	// DOT number in the key does not change what is valid.
	listValueValidator = stringCheck{
		description: "a docket number, an intrastate number, or \"\" for a carrier named by its DOT number alone",
		check:       func(s string) error { _, err := carrierid.ParseListValue(1, s); return err },
	}
	intrastateNumberValidator = stringCheck{
		description: "an intrastate number: upper-case letters, digits and hyphens",
		check:       carrierid.CheckIntrastate,
	}
)

// VIN verification delivery options, as mcp_request_vin_verification's
// delivery_option names them (MCP's deliveryOption 2 and 1).
const (
	vinDeliveryPhone = "phone"
	vinDeliveryEmail = "email"
)

// deliveryOptionValidator accepts the one VIN verification delivery MCP
// still makes: MCP answers deliveryOption 1 (e-mail) with HTTP 400 "Email
// VIN Validations are no longer supported", so e-mail is refused at plan
// time rather than sent.
var deliveryOptionValidator = stringCheck{
	description: `"` + vinDeliveryPhone + `": MCP texts the request to phone_number`,
	check: func(s string) error {
		switch s {
		case vinDeliveryPhone:
			return nil
		case vinDeliveryEmail:
			return fmt.Errorf("MCP no longer sends VIN verification requests by e-mail (it answers deliveryOption 1 with "+
				"HTTP 400 \"Email VIN Validations are no longer supported\"): use %q and set phone_number", vinDeliveryPhone)
		}
		return fmt.Errorf("%q is not a delivery option: expected %q (a text message to phone_number)", s, vinDeliveryPhone)
	},
}

// timeZoneName accepts an IANA time zone name, such as America/Chicago.
var timeZoneName = stringCheck{
	description: "an IANA time zone name such as America/Chicago, or UTC",
	check: func(s string) error {
		_, err := loadZone(s)
		return err
	},
}

// loadZone reads a time zone name. "" and "Local" are refused: the zone
// must not depend on the machine that runs Terraform.
func loadZone(name string) (*time.Location, error) {
	if name == "" || name == "Local" {
		return nil, fmt.Errorf("%q is not a time zone name; use an IANA name such as America/Chicago, or UTC", name)
	}
	loc, err := time.LoadLocation(name)
	if err != nil {
		return nil, fmt.Errorf("%q is not a time zone name; use an IANA name such as America/Chicago, or UTC", name)
	}
	return loc, nil
}

func durationBetween(lo, hi time.Duration) stringCheck {
	return stringCheck{
		description: "a Go duration between " + lo.String() + " and " + hi.String(),
		check: func(s string) error {
			_, err := parseDurationBetween(s, lo, hi)
			return err
		},
	}
}
