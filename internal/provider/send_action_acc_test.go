package provider

import (
	"fmt"
	"strings"
	"testing"

	"github.com/carrierstate/terraform-provider-mcp/internal/acctest"
	"github.com/carrierstate/terraform-provider-mcp/internal/emulator"
	"github.com/carrierstate/terraform-provider-mcp/internal/tfcli"
)

// The actions' acceptance tests run the CLI under test themselves, through
// tfcli and a build of the provider: terraform-plugin-testing v1.16 cannot
// run apply -invoke. They need Terraform 1.14 or later, and are skipped on
// older CLIs and on OpenTofu, which have no actions.

// actionSpec is one action as its tests see it.
type actionSpec struct {
	typeName string // mcp_send_packet_invitation
	op       string // the MCP operation it sends
	// config is the config block's body for a good request about the
	// sample carrier, %[1]s standing for its DOT number.
	config  string
	subject string // how its progress messages name what is sent
	answer  string // what follows "MCP accepted the <subject>." in its progress message
	// received counts what MCP processed, from the emulator's state.
	received func(emulator.Snapshot) int
	// verify is part of what an uncertain send says to check.
	verify string
	// bad are wrong configurations, each with the texts its diagnostic
	// holds, in order.
	bad []badAction
}

type badAction struct {
	body string
	want []string
}

var packetInvitationSpec = actionSpec{
	typeName: "mcp_send_packet_invitation",
	op:       "EmailPacketInvitation",
	config: `
    dot_number          = %[1]s
    docket_number       = "MC113843"
    carrier_email       = "dispatch@sampletrucking.com"
    user_name           = "brenda"
    notification_emails = ["ops@broker.example"]`,
	subject:  "packet invitation to dispatch@sampletrucking.com for carrier DOT 23868 / MC113843",
	received: func(s emulator.Snapshot) int { return len(s.Invitations) },
	verify:   "the `status` and `status_date` of the `mcp_carrier` data source",
	bad: []badAction{
		{`carrier_email = "dispatch"` + "\n" + `dot_number = "23868"`, []string{"Error: Invalid carrier_email", `"dispatch" is not an e-mail address`}},
		{`carrier_email = "d@c.com"` + "\n" + `dot_number = "0"`, []string{"Error: Invalid dot_number", `"0" is not a USDOT number`}},
		{`carrier_email = "d@c.com"` + "\n" + `docket_number = "113843"`, []string{"Error: Invalid docket_number", "expected MC, FF or MX"}},
		{`carrier_email = "d@c.com"` + "\n" + `dot_number = "23868"` + "\n" + `notification_emails = ["ops"]`, []string{"Error: Invalid notification_emails[0]", `"ops" is not an e-mail address`}},
		{`carrier_email = "d@c.com"`, []string{"Error: Missing Attribute Configuration", "At least one of these attributes must be configured: [dot_number,docket_number]"}},
	},
}

var userVerificationSpec = actionSpec{
	typeName: "mcp_request_user_verification",
	op:       "RequestUserVerification",
	config: `
    dot_number = %[1]s
    email      = "dispatch@sampletrucking.com"
    user_name  = "brenda"`,
	subject:  "user verification request to dispatch@sampletrucking.com for carrier DOT 23868",
	received: func(s emulator.Snapshot) int { return len(s.UserVerifications) },
	verify:   "`verification_status` in the `mcp_carrier_contacts` data source",
	bad: []badAction{
		{`email = "nope"` + "\n" + `dot_number = "23868"`, []string{"Error: Invalid email", `"nope" is not an e-mail address`}},
		{`email = "d@c.com"` + "\n" + `dot_number = "023868"`, []string{"Error: Invalid dot_number", `"023868" is not a USDOT number`}},
		{`email = "d@c.com"` + "\n" + `dot_number = "23868"` + "\n" + `user_name = ""`, []string{"Error: Invalid Attribute Value Length", "Attribute user_name string length must be between 1 and 256"}},
		{`email = "d@c.com"`, []string{"Error: Missing Attribute Configuration", "At least one of these attributes must be configured: [dot_number,docket_number]"}},
	},
}

var vinVerificationSpec = actionSpec{
	typeName: "mcp_request_vin_verification",
	op:       "RequestVINVerification",
	config: `
    dot_number   = %[1]s
    phone_number = "555.010.0199"`,
	subject:  "VIN verification request to 555.010.0199 for carrier DOT 23868",
	answer:   " It answered: VIN verification request sent to (555) 010-0199. (VIN verification request ID",
	received: func(s emulator.Snapshot) int { return len(s.VINVerifications) },
	verify:   "`mcp_carrier_vin_verifications` data source",
	bad: []badAction{
		{`dot_number = "23868"` + "\n" + `delivery_option = "email"` + "\n" + `phone_number = "5550100199"`,
			[]string{"Error: Invalid delivery_option", "no longer sends VIN verification requests by e-mail", "Email VIN Validations are no longer supported", `use "phone"`}},
		{`dot_number = "23868"` + "\n" + `delivery_option = "sms"` + "\n" + `phone_number = "5550100199"`,
			[]string{"Error: Invalid delivery_option", `"sms" is not a delivery option: expected "phone"`}},
		{`dot_number = "23868"`, []string{"Error: Missing phone_number", "set phone_number"}},
		{`dot_number = "23868"` + "\n" + `phone_number = "555-0199"`, []string{"Error: Invalid phone_number", `"555-0199" is not a phone number`}},
		{`dot_number = "23868"` + "\n" + `phone_number = "5550100199"` + "\n" + `email = "x"`, []string{"Error: Invalid email", `"x" is not an e-mail address`}},
	},
}

// cliDir is a working directory running the provider build with the CLI
// under test.
type cliDir struct {
	*tfcli.Workdir
	t *testing.T
}

// newCLIDir writes config, provider block included, after the
// required_providers block.
func newCLIDir(t *testing.T, config string) *cliDir {
	t.Helper()
	cli := acctest.CLIInfo(t)
	w, err := tfcli.New(t.TempDir(), cli.Path, acctest.ProviderBuild(t),
		"MCP_BASE_URL=", "MCP_USERNAME=", "MCP_PASSWORD=", "TF_LOG=", "TF_LOG_PATH=", "TF_INPUT=0")
	if err != nil {
		t.Fatal(err)
	}
	d := &cliDir{Workdir: w, t: t}
	d.write(config)
	return d
}

// write replaces the configuration; config holds the provider block.
func (d *cliDir) write(config string) {
	d.t.Helper()
	if err := d.WriteConfig(tfcli.RequiredProviders + config); err != nil {
		d.t.Fatal(err)
	}
}

// actionDir is a cliDir against the test's emulator, for one action.
type actionDir struct {
	*cliDir
	spec actionSpec
}

// newActionDir writes config after the provider block.
func newActionDir(t *testing.T, em *emulator.Instance, spec actionSpec, config string) *actionDir {
	t.Helper()
	return &actionDir{cliDir: newCLIDir(t, acctest.ProviderBlock(em)+config), spec: spec}
}

// sampleCarrier is the config of a good request about the sample carrier,
// with its DOT number given by dot.
func (s actionSpec) sampleCarrier(dot string) string { return fmt.Sprintf(s.config, dot) }

// actionBlock is an action block of the spec's type.
func (s actionSpec) actionBlock(name, body string) string {
	return fmt.Sprintf("\naction %q %q {\n  config {\n%s\n  }\n}\n", s.typeName, name, body)
}

// run runs a command with -no-color and fails the test unless it exits
// with want; it returns the output.
func (d *cliDir) run(want int, args ...string) string {
	d.t.Helper()
	res, err := d.Must(d.t.Context(), want, append(args, "-no-color")...)
	if err != nil {
		d.t.Fatal(err)
	}
	return string(res.Output)
}

// expect fails unless MCP was sent the operation n times, and processed it
// processed times.
func (d *actionDir) expect(em *emulator.Instance, n, processed int) {
	d.t.Helper()
	if got := acctest.Requests(em, d.spec.op); got != n {
		d.t.Errorf("%s reached the emulator %d times, want %d", d.spec.op, got, n)
	}
	if got := d.spec.received(em.Snapshot()); got != processed {
		d.t.Errorf("the emulator processed %d %s requests, want %d", got, d.spec.op, processed)
	}
}

func expectOutput(t *testing.T, out string, texts ...string) {
	t.Helper()
	if !acctest.ErrorMatching(texts...).MatchString(out) {
		t.Errorf("the output does not hold %q in that order:\n%s", texts, out)
	}
}

// sendActionWarning is the detail of the warning in the plan of an apply
// that sends.
const sendActionWarning = "MCP reaches the carrier as soon as the action runs, and what it sends cannot be unsent. " +
	"The action sends again each time it is invoked or triggered."

// testActionInvoke: apply -invoke sends exactly one request and reports
// MCP's answer as progress; a plain apply sends nothing.
func testActionInvoke(t *testing.T, spec actionSpec) {
	acctest.SkipWithout(t, acctest.Actions)
	em := acctest.Emulator(t)
	d := newActionDir(t, em, spec, spec.actionBlock("test", spec.sampleCarrier(`"23868"`)))
	expectNoSendWarning(t, d.run(0, "apply", "-auto-approve"))
	d.expect(em, 0, 0)
	// The plan people approve warns, and sends nothing.
	expectOutput(t, d.run(0, "plan", "-invoke=action."+spec.typeName+".test"), "Warning: This apply sends the "+spec.subject, sendActionWarning)
	d.expect(em, 0, 0)
	out := d.run(0, "apply", "-auto-approve", "-invoke=action."+spec.typeName+".test")
	expectOutput(t, out, "Sending the "+spec.subject+" to MCP.", "MCP accepted the "+spec.subject+"."+spec.answer, "Actions: 1 invoked.")
	d.expect(em, 1, 1)
}

// testActionTrigger: a resource's action_trigger sends exactly one request
// when the resource is created, and none on the next apply.
func testActionTrigger(t *testing.T, spec actionSpec) {
	acctest.SkipWithout(t, acctest.Actions)
	em := acctest.Emulator(t)
	d := newActionDir(t, em, spec, `
resource "mcp_monitored_carrier" "test" {
  dot_number    = "23868"
  docket_number = "MC113843"
  lifecycle {
    action_trigger {
      events  = [after_create]
      actions = [action.`+spec.typeName+`.verify]
    }
  }
}
`+spec.actionBlock("verify", spec.sampleCarrier("mcp_monitored_carrier.test.dot_number")))
	// Terraform folds a triggered action's warning into its own.
	expectOutput(t, d.run(0, "plan"), "Warning: Warnings when planning action", "This apply sends the "+spec.subject+": "+sendActionWarning)
	d.expect(em, 0, 0)
	out := d.run(0, "apply", "-auto-approve")
	expectOutput(t, out, "triggered by mcp_monitored_carrier.test", "MCP accepted the "+spec.subject, "Actions: 1 invoked.")
	d.expect(em, 1, 1)
	expectNoSendWarning(t, d.run(0, "apply", "-auto-approve"))
	d.expect(em, 1, 1)
}

// testActionBadInput: every wrong configuration fails the plan with a
// diagnostic naming the argument, and nothing is sent.
func testActionBadInput(t *testing.T, spec actionSpec) {
	acctest.SkipWithout(t, acctest.Actions)
	em := acctest.Emulator(t)
	var config strings.Builder
	for i, b := range spec.bad {
		config.WriteString(spec.actionBlock(fmt.Sprintf("bad%d", i), b.body))
	}
	d := newActionDir(t, em, spec, config.String())
	out := d.run(1, "apply", "-auto-approve", "-invoke=action."+spec.typeName+".bad0")
	for i, b := range spec.bad {
		expectOutput(t, out, append(b.want[:1:1], append([]string{fmt.Sprintf("with action.%s.bad%d,", spec.typeName, i)}, b.want[1:]...)...)...)
	}
	d.expect(em, 0, 0)
	if n := em.Writes(); n != 0 {
		t.Errorf("the emulator processed %d writes, want none", n)
	}
}

// testActionUncertain: a send whose answer is lost after MCP processed it
// is reported as possibly sent, with what to check, and not repeated.
func testActionUncertain(t *testing.T, spec actionSpec) {
	acctest.SkipWithout(t, acctest.Actions)
	em := acctest.Emulator(t)
	d := newActionDir(t, em, spec, spec.actionBlock("test", spec.sampleCarrier(`"23868"`)))
	if err := em.SetFaults(emulator.Faults{Rate: 1, Statuses: []int{0}, Operations: []string{spec.op}, After: true}); err != nil {
		t.Fatal(err)
	}
	out := d.run(1, "apply", "-auto-approve", "-invoke=action."+spec.typeName+".test")
	expectOutput(t, out, "The "+spec.subject+" may have been sent", "The request may have been sent, so the provider did not repeat it",
		spec.verify, "Invoke the action again only if it did not arrive")
	d.expect(em, 1, 1)
	user, pass := em.Credentials()
	for _, secret := range []string{user, pass} {
		if strings.Contains(out, secret) {
			t.Errorf("the output holds a credential %q:\n%s", secret, out)
		}
	}
}

// testAction runs each of the tests above for an action, in parallel,
// each against its own emulator.
func testAction(t *testing.T, spec actionSpec) {
	for name, test := range map[string]func(*testing.T, actionSpec){
		"invoke": testActionInvoke, "trigger": testActionTrigger, "badInput": testActionBadInput, "uncertain": testActionUncertain,
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			test(t, spec)
		})
	}
}

func TestAccSendPacketInvitationAction(t *testing.T) {
	t.Parallel()
	testAction(t, packetInvitationSpec)
}

func TestAccRequestUserVerificationAction(t *testing.T) {
	t.Parallel()
	testAction(t, userVerificationSpec)
}

func TestAccRequestVINVerificationAction(t *testing.T) {
	t.Parallel()
	testAction(t, vinVerificationSpec)
}

// MCP answering a send with status 200 and nothing but a Message (here a
// refusal, under the variant write-failure-200) may be a success it
// describes so or a failure: the action says it may have been sent, and
// does not repeat it.
func TestAccSendPacketInvitationAction_messageOnlyAnswer(t *testing.T) {
	t.Parallel()
	acctest.SkipWithout(t, acctest.Actions)
	em := acctest.EmulatorWith(t, emulator.VariantWriteFailure200)
	other := acctest.Carrier(t, em, emulator.KindMC)
	spec := packetInvitationSpec
	spec.subject = "packet invitation to dispatch@sampletrucking.com for carrier DOT 23868 / " + other.DocketNumber
	d := newActionDir(t, em, spec, spec.actionBlock("test", fmt.Sprintf(`
    dot_number    = "23868"
    docket_number = %q
    carrier_email = "dispatch@sampletrucking.com"`, other.DocketNumber)))
	out := d.run(1, "apply", "-auto-approve", "-invoke=action."+spec.typeName+".test")
	expectOutput(t, out, "The "+spec.subject+" may have been sent", "MCP answered with status 200 and only the message",
		"did not repeat it", spec.verify)
	d.expect(em, 1, 0)
}
