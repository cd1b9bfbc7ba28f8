package provider

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/carrierstate/terraform-provider-mcp/internal/acctest"
	"github.com/carrierstate/terraform-provider-mcp/internal/emulator"
)

// badInput is one wrong configuration and the diagnostic it must get: one
// text that names the attribute (or argument, or parameter) at fault, one
// that says what is expected instead. Both must appear, in either order.
type badInput struct {
	what    string    // what is wrong
	config  badConfig // where
	names   string    // names the attribute
	expects string    // says what is expected
}

// badConfig is a configuration under test. Placeholders {url}, {user} and
// {pass} are the emulator's; {untracked} is a DOT number project44 knows no
// tracking for.
type badConfig struct {
	hcl          string // after the emulator's provider block, unless provider is set
	provider     bool   // hcl is the provider block's body; a data source makes the CLI configure it
	importType   string // import importID into a resource of this type instead of planning
	importID     string
	needsFuncs18 bool // provider functions: Terraform 1.8+ and OpenTofu 1.7+
	project44    bool // the provider block configures project44 (the emulator's)
}

func badResource(typ, body string) badConfig {
	return badConfig{hcl: fmt.Sprintf("resource %q \"bad\" {\n%s\n}\n", typ, body)}
}

func badDataSource(typ, body string) badConfig {
	return badConfig{hcl: fmt.Sprintf("data %q \"bad\" {\n%s\n}\n", typ, body)}
}

func badProvider(body string) badConfig { return badConfig{hcl: body, provider: true} }

func badImport(typ, id, body string) badConfig {
	c := badResource(typ, body)
	c.importType, c.importID = typ, id
	return c
}

// badTracking is an mcp_tracking_invitation with the provider's project44
// block set.
func badTracking(body string) badConfig {
	c := badResource("mcp_tracking_invitation", body)
	c.project44 = true
	return c
}

func badTrackingImport(id string) badConfig {
	c := badImport("mcp_tracking_invitation", id, `identifiers = { DOT_NUMBER = "1234567" }`)
	c.project44 = true
	return c
}

func badFunction(call string) badConfig {
	return badConfig{hcl: fmt.Sprintf("output \"bad\" {\n  value = %s\n}\n", call), needsFuncs18: true}
}

const (
	badInputCredentials = "  base_url = \"{url}\"\n  username = \"{user}\"\n  password = \"{pass}\"\n"
	badInputGUID        = "ea72823e-1506-4b72-a3b0-a488e1ba2f1e"
)

// badInputs covers the provider, every resource, every data source and
// every function, and import IDs. Many of these cases also live in the
// per-resource tests; this is the one table that has them all.
var badInputs = []badInput{
	// The provider.
	{"base_url plain http to a remote host", badProvider("  base_url = \"http://api.mycarrierpackets.com\"\n  username = \"{user}\"\n  password = \"{pass}\""),
		"Invalid base_url", "Use https://, or http:// only to localhost, 127.0.0.1 or ::1"},
	{"base_url without a scheme", badProvider("  base_url = \"127.0.0.1:18090\"\n  username = \"{user}\"\n  password = \"{pass}\""),
		"Invalid base_url", `did you mean "http://127.0.0.1:18090"?`},
	{"base_url not a URL", badProvider("  base_url = \"api.mycarrierpackets.com\"\n  username = \"{user}\"\n  password = \"{pass}\""),
		"Invalid base_url", "is not an absolute http(s) URL such as https://api.mycarrierpackets.com"},
	{"username missing", badProvider("  base_url = \"{url}\"\n  password = \"{pass}\""),
		"Missing MCP username", "Set username in the provider block or the MCP_USERNAME environment variable"},
	{"password missing", badProvider("  base_url = \"{url}\"\n  username = \"{user}\""),
		"Missing MCP password", "Set password in the provider block or the MCP_PASSWORD environment variable"},
	{"password wrong", badProvider("  base_url = \"{url}\"\n  username = \"{user}\"\n  password = \"not-the-password\""),
		"MCP rejected the credentials", "did not accept the integration username and password"},
	{"password empty", badProvider("  base_url = \"{url}\"\n  username = \"{user}\"\n  password = \"\""),
		"Missing MCP password", "Set password in the provider block or the MCP_PASSWORD environment variable"},
	{"request_timeout not a duration", badProvider(badInputCredentials + "  request_timeout = \"ten\""),
		"Invalid request_timeout", "use a Go duration such as 30s, 2m or 1m30s"},
	{"max_retries out of range", badProvider(badInputCredentials + "  max_retries = 99"),
		"Attribute max_retries", "value must be between 0 and 20"},
	{"retry waits reversed", badProvider(badInputCredentials + "  retry_wait_min = \"1m\"\n  retry_wait_max = \"1s\""),
		"Invalid retry waits", "retry_wait_min (1m0s) must not be longer than retry_wait_max (1s)"},
	{"list_write_concurrency zero", badProvider(badInputCredentials + "  list_write_concurrency = 0"),
		"Attribute list_write_concurrency", "value must be between 1 and 64"},
	{"time_zone unknown", badProvider(badInputCredentials + "  time_zone = \"Central\""),
		"time_zone", `"Central" is not a time zone name; use an IANA name such as America/Chicago`},

	// mcp_monitored_carrier and mcp_blocked_carrier.
	{"DOT number zero", badResource("mcp_monitored_carrier", `dot_number = "0"`),
		"Invalid dot_number", `"0" is not a USDOT number: expected 1 to 8 digits without a sign or leading zero`},
	{"DOT number negative", badResource("mcp_blocked_carrier", `dot_number = -5`),
		"Invalid dot_number", `"-5" is not a USDOT number: expected 1 to 8 digits`},
	{"DOT number too long", badResource("mcp_monitored_carrier", `dot_number = "123456789"`),
		"Invalid dot_number", `"123456789" is not a USDOT number: expected 1 to 8 digits`},
	{"DOT number not a number", badResource("mcp_blocked_carrier", `dot_number = "12ab"`),
		"Invalid dot_number", `"12ab" is not a USDOT number: expected 1 to 8 digits`},
	{"docket with the wrong prefix", badResource("mcp_monitored_carrier", "dot_number = \"23868\"\ndocket_number = \"XX113843\""),
		"Invalid docket_number", "expected MC, FF or MX followed by 1 to 8 digits"},
	{"docket with a space", badResource("mcp_blocked_carrier", "dot_number = \"23868\"\ndocket_number = \"MC 113843\""),
		"Invalid docket_number", `expected MC, FF or MX followed by 1 to 8 digits, such as MC113843 (did you mean "MC113843"?)`},
	{"docket in lower case", badResource("mcp_monitored_carrier", "dot_number = \"23868\"\ndocket_number = \"mc113843\""),
		"Invalid docket_number", `did you mean "MC113843"?`},
	{"docket and intrastate number together", badResource("mcp_blocked_carrier", "dot_number = \"23868\"\ndocket_number = \"MC113843\"\nintrastate_number = \"TX100042\""),
		`Attribute "intrastate_number" cannot be specified`, `when "docket_number" is specified`},
	{"intrastate number in lower case", badResource("mcp_monitored_carrier", "dot_number = \"23868\"\nintrastate_number = \"tx 100042\""),
		"Invalid intrastate_number", "expected upper-case letters, digits and hyphens only, such as TX123456"},

	// mcp_carrier_invitation.
	{"e-mail malformed", badResource("mcp_carrier_invitation", "dot_number = \"23868\"\ncarrier_email = \"dispatch.carrier.com\""),
		"Invalid carrier_email", "expected a bare address such as dispatch@carrier.com"},
	{"e-mail empty", badResource("mcp_carrier_invitation", "dot_number = \"23868\"\ncarrier_email = \"\""),
		"Invalid carrier_email", `"" is not an e-mail address: expected a bare address`},
	{"e-mail with a display name", badResource("mcp_carrier_invitation", "dot_number = \"23868\"\ncarrier_email = \"Dispatch <d@carrier.com>\""),
		"Invalid carrier_email", "expected a bare address such as dispatch@carrier.com"},
	{"notification e-mail malformed", badResource("mcp_carrier_invitation", "dot_number = \"23868\"\ncarrier_email = \"d@carrier.com\"\nnotification_emails = [\"ops\"]"),
		"Invalid notification_emails[0]", `"ops" is not an e-mail address: expected a bare address`},
	{"invitation DOT number with a leading zero", badResource("mcp_carrier_invitation", "dot_number = \"023868\"\ncarrier_email = \"d@carrier.com\""),
		"Invalid dot_number", "without a sign or leading zero"},
	{"invitation docket without a prefix", badResource("mcp_carrier_invitation", "dot_number = \"23868\"\ndocket_number = \"113843\"\ncarrier_email = \"d@carrier.com\""),
		"Invalid docket_number", "expected MC, FF or MX followed by 1 to 8 digits"},
	{"invitation user name empty", badResource("mcp_carrier_invitation", "dot_number = \"23868\"\ncarrier_email = \"d@carrier.com\"\nuser_name = \"\""),
		"Attribute user_name", "string length must be between 1 and 256"},

	// mcp_block_list and mcp_monitoring_list.
	{"map key not a DOT number", badResource("mcp_block_list", `carriers = { "abc" = "" }`),
		`Invalid carriers["abc"]`, `"abc" is not a USDOT number: expected 1 to 8 digits`},
	{"map key zero", badResource("mcp_monitoring_list", `carriers = { "0" = "" }`),
		`Invalid carriers["0"]`, `"0" is not a USDOT number: expected 1 to 8 digits`},
	{"list docket in lower case", badResource("mcp_monitoring_list", `carriers = { "23868" = "mc113843" }`),
		`Invalid carriers["23868"]`, `did you mean "MC113843"?`},
	{"list docket with a letter", badResource("mcp_block_list", `carriers = { "23868" = "MC11384X" }`),
		`Invalid carriers["23868"]`, `"MC11384X" is not a docket number: expected MC, FF or MX followed by 1 to 8 digits`},
	{"list intrastate number in lower case", badResource("mcp_block_list", `carriers = { "23868" = "tx100042" }`),
		`Invalid carriers["23868"]`, `"tx100042" is not an intrastate number: expected upper-case letters, digits and hyphens only`},
	{"on_destroy unknown", badResource("mcp_block_list", "carriers = {}\non_destroy = \"delete\""),
		"Attribute on_destroy", `value must be one of: ["keep" "clear"]`},
	{"selected carrier key not a DOT number", badResource("mcp_block_list", "carriers = {}\nselected_carriers = { \"abc\" = \"\" }"),
		`Invalid selected_carriers["abc"]`, `"abc" is not a USDOT number: expected 1 to 8 digits`},
	{"reasons key not a DOT number", badResource("mcp_block_list", "carriers = {}\nreasons = { \"x1\" = \"why\" }"),
		`Invalid reasons["x1"]`, `"x1" is not a USDOT number: expected 1 to 8 digits`},
	{"reason for a carrier not listed", badResource("mcp_block_list", "carriers = { \"23868\" = \"\" }\nreasons = { \"1000043\" = \"why\" }"),
		"Reason for a carrier the list does not name", "neither carriers nor selected_carriers names"},
	{"carrier named two ways", badResource("mcp_monitoring_list", "carriers = { \"23868\" = \"MC113843\" }\nselected_carriers = { \"23868\" = \"\" }"),
		"Carrier named two ways", `DOT 23868 is in carriers as "MC113843" and in selected_carriers as ""`},

	// Data sources.
	{"carrier lookup without identifiers", badDataSource("mcp_carrier", ""),
		"[dot_number,docket_number]", "At least one attribute out of"},
	{"carrier DOT number with a leading zero", badDataSource("mcp_carrier", `dot_number = "023868"`),
		"Invalid dot_number", "without a sign or leading zero"},
	{"risk assessment docket with a hyphen", badDataSource("mcp_carrier_risk_assessment", `docket_number = "MC-113843"`),
		"Invalid docket_number", `did you mean "MC113843"?`},
	{"contacts DOT number not a number", badDataSource("mcp_carrier_contacts", `dot_number = "DOT23868"`),
		"Invalid dot_number", "expected 1 to 8 digits"},
	{"incident reports docket without digits", badDataSource("mcp_carrier_incident_reports", `docket_number = "FF"`),
		"Invalid docket_number", "expected MC, FF or MX followed by 1 to 8 digits"},
	{"VIN verifications DOT number negative", badDataSource("mcp_carrier_vin_verifications", `dot_number = "-1"`),
		"Invalid dot_number", "expected 1 to 8 digits without a sign"},
	{"associated carriers e-mail malformed", badDataSource("mcp_associated_carriers", `email = "dispatch@carrier"`),
		"Invalid email", "expected a bare address such as dispatch@carrier.com"},
	{"associated carriers phone too short", badDataSource("mcp_associated_carriers", `phone = "555-0199"`),
		"Invalid phone", "expected ten digits (optionally after the country code 1), such as (555) 010-0199"},
	{"completed packets window malformed", badDataSource("mcp_completed_packets", `from = "2026-11-01"`),
		"Invalid from", "is not an RFC 3339 timestamp: expected a date and time with a time zone, such as 2026-11-01T00:00:00Z"},
	{"carrier changes window reversed", badDataSource("mcp_carrier_changes", "from = \"2026-11-02T00:00:00Z\"\nto = \"2026-11-01T00:00:00Z\""),
		"Invalid time window", "from (2026-11-02T00:00:00Z) is after to (2026-11-01T00:00:00Z): the window must not end before it starts"},
	{"factoring companies window end malformed", badDataSource("mcp_factoring_companies", "from = \"2026-11-01T00:00:00Z\"\nto = \"November 2\""),
		"Invalid to", "is not an RFC 3339 timestamp"},
	{"document name empty", badDataSource("mcp_document", `name = ""`),
		"Invalid name", "use a name that mcp_carrier reports, such as certificate-image/<guid>.pdf"},
	{"monitored carrier details include an unknown read", badDataSource("mcp_monitored_carrier_details", `include = ["carrier_data", "insurance"]`),
		`include[Value("insurance")]`, `value must be one of: ["carrier_data" "risk_assessment" "contacts"]`},
	{"monitored carrier details include empty", badDataSource("mcp_monitored_carrier_details", `include = []`),
		"include", "set must contain at least 1 elements"},
	{"monitored carrier details changes_since a date", badDataSource("mcp_monitored_carrier_details", `changes_since = "2026-11-01"`),
		"Invalid changes_since", "is not an RFC 3339 timestamp: expected a date and time with a time zone"},
	{"monitored carriers given an argument", badDataSource("mcp_monitored_carriers", `dot_number = "23868"`),
		`An argument named "dot_number" is not expected here.`, `Did you mean "dot_numbers"?`},
	{"blocked carriers given a read-only attribute", badDataSource("mcp_blocked_carriers", `carrier_count = 3`),
		"carrier_count = 3", "Cannot set value for this attribute as the provider has marked it as read-only. Remove the configuration line setting the value."},

	{"block list DOT number key with spaces", badResource("mcp_block_list", `carriers = { " 23868" = "MC113843" }`),
		`carriers[" 23868"]`, `did you mean "23868", without the spaces?`},
	{"docket number that is an intrastate number", badResource("mcp_monitored_carrier", "dot_number = \"23868\"\ndocket_number = \"TX100030\""),
		"docket_number", "TX100030 looks like a state-issued intrastate number: give it as intrastate_number"},

	// project44.
	{"tracking identifier of an unknown type", badTracking(`identifiers = { USDOT = "1234567" }`),
		`Invalid identifiers["USDOT"]`, `is not one project44 knows; use VAT, SCAC, DOT_NUMBER, MC_NUMBER, P44_EU`},
	{"tracking MC number with its prefix", badTracking(`identifiers = { MC_NUMBER = "MC123456" }`),
		`Invalid identifiers["MC_NUMBER"]`, `must be digits only: write "123456"`},
	{"tracking contact locale not project44's", badTracking("identifiers = { DOT_NUMBER = \"{untracked}\" }\norganization_name = \"Nash\"\n" +
		"contacts = [{ email = \"d@nash.example\", given_name = \"John\", locale = \"en-GB\" }]"),
		"contacts[0].locale", `value must be one of: ["bg-BG" "cs-CZ" "de-DE" "en-US"`},
	{"tracking contact phone not E.164", badTracking("identifiers = { DOT_NUMBER = \"{untracked}\" }\norganization_name = \"Nash\"\n" +
		"contacts = [{ email = \"d@nash.example\", given_name = \"John\", phone = \"480-555-0100\" }]"),
		"contacts[0].phone", "must be a phone number in E.164 form"},
	{"tracking reinvite on acceptance", badTracking(`identifiers = { DOT_NUMBER = "1234567" }` + "\n" + `reinvite_when = ["ACCEPTED"]`),
		"reinvite_when", `got: "ACCEPTED"`},
	{"tracking without an e-mail for a carrier without a project44 account", badTracking("identifiers = { DOT_NUMBER = \"{untracked}\" }\n" +
		"organization_name = \"Nash\"\ncontacts = [{ given_name = \"John\" }]"),
		"needs a contact with email and given_name to be invited", "has no project44 account to send the invitation to"},
	{"tracking without project44 credentials", badResource("mcp_tracking_invitation", `identifiers = { DOT_NUMBER = "1234567" }`),
		"project44 is not configured", "Set client_id and client_secret in the provider's project44 block, or the PROJECT44_CLIENT_ID and PROJECT44_CLIENT_SECRET environment variables"},
	{"project44 client_id without its secret", badProvider(badInputCredentials + "  project44 {\n    client_id = \"demo\"\n  }"),
		"Missing project44 client_secret", "Set client_secret in the provider's project44 block or the PROJECT44_CLIENT_SECRET environment variable"},
	{"project44 base_url plain http to a remote host", badProvider(badInputCredentials + "  project44 {\n    base_url = \"http://na12.api.project44.com\"\n  }"),
		"Invalid project44.base_url", "so the project44 credentials would cross the network in clear text"},
	{"project44 region unknown", badProvider(badInputCredentials + "  project44 {\n    region = \"apac\"\n  }"),
		"project44.region", `value must be one of: ["na" "eu" "sandbox"]`},
	{"tracking methods of an unknown identifier type", badDataSource("mcp_tracking_methods", "identifier_type = \"USDOT\"\nidentifier_value = \"1234567\""),
		"identifier_type", `value must be one of: ["VAT" "SCAC" "DOT_NUMBER" "MC_NUMBER" "P44_EU"]`},
	{"tracking methods of an MC number with its prefix", badDataSource("mcp_tracking_methods", "identifier_type = \"MC_NUMBER\"\nidentifier_value = \"MC123456\""),
		"Invalid identifier_value", `must be digits only: write "123456"`},
	{"tracking invitations of an unknown status", badDataSource("mcp_tracking_invitations", `statuses = ["DONE"]`),
		"statuses", `got: "DONE"`},

	// Import IDs.
	{"import ID with a lower-case docket", badImport("mcp_monitored_carrier", "23868/mc113843", `dot_number = "23868"`),
		`invalid import ID "23868/mc113843"`, `expected "<dot>" (23868), "<dot>/<docket>" (23868/MC113843) or "<dot>/intrastate/<number>"`},
	{"import ID with an extra part", badImport("mcp_blocked_carrier", "23868/MC113843/x", `dot_number = "23868"`),
		`invalid import ID "23868/MC113843/x"`, "wrong number of parts"},
	{"invitation import ID without an e-mail", badImport("mcp_carrier_invitation", "23868/MC113843", "dot_number = \"23868\"\ncarrier_email = \"d@carrier.com\""),
		`invalid import ID "23868/MC113843"`, `expected "<dot>/<email>" (23868/dispatch@carrier.com) or "<dot>/<docket>/<email>"`},
	{"tracking import ID without the identifier type", badTrackingImport("1234567"),
		"Invalid import ID", "Import a tracking invitation by the carrier's identifiers: TYPE:value, such as DOT_NUMBER:1234567"},
	{"list import ID other than the list's", badImport("mcp_block_list", "blocked", "carriers = {}"),
		"Invalid import ID", `import it with the ID "block_list", not "blocked"`},

	// Functions.
	{"normalize_docket of a DOT number", badFunction(`provider::mcp::normalize_docket("DOT 23868")`),
		`"docket" parameter`, "expected MC, FF or MX followed by 1 to 8 digits"},
	{"carrier_portal_url DOT number zero", badFunction(`provider::mcp::carrier_portal_url("0", "MC113843", false)`),
		`"dot_number" parameter`, "expected 1 to 8 digits without a sign or leading zero"},
	{"carrier_portal_url docket without a prefix", badFunction(`provider::mcp::carrier_portal_url("23868", "113843", false)`),
		`"docket_number" parameter`, "expected MC, FF or MX followed by 1 to 8 digits"},
	{"intellivite_link ID not a GUID", badFunction(`provider::mcp::intellivite_link("not-a-guid")`),
		`"intellivite_id" parameter`, "expected the GUID from MCP's Integration Tools page"},
	{"intellivite_link user name empty", badFunction(`provider::mcp::intellivite_link("` + badInputGUID + `", "", "23868")`),
		"the MCP user name must not be empty", `"path" parameter`},
}

// TestAccBadInput plans every configuration of badInputs (or imports its
// ID) and expects its diagnostic. Every case is refused before any write:
// the emulator must have processed none after each step, and none at the
// end. Function cases need Terraform 1.8 (or OpenTofu 1.7) and run in
// their own test case, skipped on Terraform 1.5.
func TestAccBadInput(t *testing.T) {
	for _, env := range []string{"MCP_BASE_URL", "MCP_USERNAME", "MCP_PASSWORD", "MCP_REQUEST_TIMEOUT", "MCP_MAX_RETRIES",
		"MCP_RETRY_WAIT_MIN", "MCP_RETRY_WAIT_MAX", "MCP_LIST_WRITE_CONCURRENCY",
		"PROJECT44_CLIENT_ID", "PROJECT44_CLIENT_SECRET", "PROJECT44_BASE_URL", "PROJECT44_REGION"} {
		t.Setenv(env, "")
	}
	if len(badInputs) < 30 {
		t.Fatalf("the table has %d cases, want at least 30", len(badInputs))
	}
	for _, funcs := range []bool{false, true} {
		name := "provider resources data sources and imports"
		if funcs {
			name = "functions"
		}
		t.Run(name, func(t *testing.T) {
			if funcs {
				acctest.SkipWithout(t, acctest.Functions)
			}
			em := acctest.Emulator(t)
			var steps []resource.TestStep
			previous := "the start"
			for _, bad := range badInputs {
				if bad.config.needsFuncs18 == funcs {
					steps = append(steps, badInputStep(t, em, bad, previous))
					previous = fmt.Sprintf("%q", bad.what)
				}
			}
			resource.Test(t, resource.TestCase{
				PreCheck:                 func() { acctest.PreCheck(t) },
				ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
				CheckDestroy:             func(*terraform.State) error { return acctest.ExpectNoWrites(em)() },
				Steps:                    steps,
			})
		})
	}
}

// badInputStep plans (or imports) one bad input, after checking that the
// steps before it, the previous one last, wrote nothing.
func badInputStep(t *testing.T, em *emulator.Instance, bad badInput, previous string) resource.TestStep {
	user, pass := em.Credentials()
	expand := strings.NewReplacer("{url}", em.URL, "{user}", user, "{pass}", pass, "{untracked}", acctest.UntrackedDOT(em)).Replace
	config := acctest.ProviderBlock(em) + expand(bad.config.hcl)
	if bad.config.project44 {
		config = acctest.ProviderBlockWith(em, acctest.Project44Block(em)) + expand(bad.config.hcl)
	}
	if bad.config.provider {
		config = fmt.Sprintf("provider \"mcp\" {\n%s\n}\n\ndata \"mcp_monitored_carriers\" \"all\" {}\n", expand(bad.config.hcl))
	}
	step := resource.TestStep{
		PreConfig: func() {
			if err := acctest.ExpectNoWrites(em)(); err != nil {
				t.Errorf("after %s: %v", previous, err)
			}
		},
		Config:      config,
		ExpectError: matchingBoth(bad.names, bad.expects),
	}
	if bad.config.importType != "" {
		step.ResourceName, step.ImportState, step.ImportStateId = bad.config.importType+".bad", true, bad.config.importID
	} else {
		step.PlanOnly = true
	}
	return step
}

// matchingBoth matches a diagnostic that holds both texts, in either
// order; the CLI wraps lines, so spaces also match line breaks.
func matchingBoth(a, b string) *regexp.Regexp {
	pa := strings.TrimPrefix(acctest.ErrorMatching(a).String(), "(?s)")
	pb := strings.TrimPrefix(acctest.ErrorMatching(b).String(), "(?s)")
	return regexp.MustCompile(`(?s)(` + pa + `.*` + pb + `|` + pb + `.*` + pa + `)`)
}
