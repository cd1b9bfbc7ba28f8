package acctest

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/carrierstate/terraform-provider-mcp/internal/emulator"
	"github.com/carrierstate/terraform-provider-mcp/internal/p44"
	"github.com/carrierstate/terraform-provider-mcp/internal/p44emulator"
)

// TestTokensPerMinute is the project44 token limit of the tests' emulators.
// project44 mints five a minute per client application, "with some
// tolerance for short bursts"; a provider run asks for one, but the test
// harness starts a provider for every CLI command of every step, many a
// minute. The limit itself is tested at project44's own five
// (internal/reliability, and the client's unit tests).
const TestTokensPerMinute = 1000

// P44CreateOperation is how the emulator's faults and statistics name
// project44's invitation send.
const P44CreateOperation = p44emulator.OpCreateInvitation

// Project44Block is the provider's project44 block for the test's
// emulator, to pass to ProviderBlockWith.
func Project44Block(em *emulator.Instance) string {
	id, secret := em.P44().Credentials()
	return fmt.Sprintf("project44 {\n    base_url      = %q\n    client_id     = %q\n    client_secret = %q\n  }", em.URL, id, secret)
}

// P44Client is a project44 client of the test's emulator, for a test to act
// as someone outside Terraform.
func P44Client(t *testing.T, em *emulator.Instance) *p44.Client {
	t.Helper()
	id, secret := em.P44().Credentials()
	c, err := p44.NewClient(em.URL, id, secret)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// UntrackedDOT returns a DOT number project44 lists no tracking method for
// (a carrier without a project44 account), the skip+1-th there is.
func UntrackedDOT(em *emulator.Instance, skip ...int) string {
	return trackedDOT(em, false, skip...)
}

// AssetTrackedDOT returns a DOT number project44 can already track by
// asset (VEHICLE_ID).
func AssetTrackedDOT(em *emulator.Instance, skip ...int) string {
	return trackedDOT(em, true, skip...)
}

func trackedDOT(em *emulator.Instance, asset bool, skip ...int) string {
	n := 0
	if len(skip) > 0 {
		n = skip[0]
	}
	for dot := 1_000_001; ; dot++ {
		v := strconv.Itoa(dot)
		methods := em.P44().TrackingMethods(string(p44.IdentifierDOTNumber), v)
		if (asset && slices.Contains(methods, "VEHICLE_ID")) || (!asset && len(methods) == 0) {
			if n == 0 {
				return v
			}
			n--
		}
	}
}

// InviteToTracking invites a carrier by DOT number as someone outside
// Terraform would, through project44's API.
func InviteToTracking(t *testing.T, em *emulator.Instance, dot string) {
	t.Helper()
	_, err := P44Client(t, em).CreateInvitation(t.Context(), p44.InvitationRequest{
		Invitee: p44.Invitee{
			Identifiers:  []p44.Identifier{{Type: p44.IdentifierDOTNumber, Value: dot}},
			Organization: &p44.Organization{Name: "Carrier " + dot},
			Contacts:     []p44.Contact{{Email: "dispatch@carrier" + dot + ".example", GivenName: "Dispatch", Locale: "en-US"}},
		},
		Capability: p44.TruckloadAssetTracking,
	})
	if err != nil {
		t.Fatal(err)
	}
}

// SetTrackingStatus moves the latest invitation of a carrier (by DOT
// number) to a status, as the carrier or project44 would.
func SetTrackingStatus(t *testing.T, em *emulator.Instance, dot, status string) {
	t.Helper()
	if err := em.P44().SetStatus(string(p44.IdentifierDOTNumber), dot, status); err != nil {
		t.Fatal(err)
	}
}

// trackingInvitations returns the invitations project44 holds naming an
// identifier, written TYPE:value.
func trackingInvitations(em *emulator.Instance, id string) []p44emulator.Invitation {
	typ, value, _ := strings.Cut(id, ":")
	var out []p44emulator.Invitation
	for _, inv := range em.P44().Invitations() {
		if slices.ContainsFunc(inv.Invitee.Identifiers, func(i p44emulator.Identifier) bool { return i.Type == typ && i.Value == value }) {
			out = append(out, inv)
		}
	}
	return out
}

// ExpectTrackingInvitations fails unless project44 holds exactly n
// invitations naming the identifier id (TYPE:value).
func ExpectTrackingInvitations(em *emulator.Instance, id string, n int) func() error {
	return func() error {
		if got := trackingInvitations(em, id); len(got) != n {
			return fmt.Errorf("project44 holds %d invitations for %s, want %d: %+v", len(got), id, n, got)
		}
		return nil
	}
}

// ExpectTrackingContact fails unless the latest invitation for id went to
// this contact.
func ExpectTrackingContact(em *emulator.Instance, id, email, givenName, locale string) func() error {
	return func() error {
		invs := trackingInvitations(em, id)
		if len(invs) == 0 {
			return fmt.Errorf("project44 holds no invitation for %s", id)
		}
		contacts := invs[len(invs)-1].Invitee.Contacts
		if len(contacts) != 1 || contacts[0].Email != email || contacts[0].GivenName != givenName || contacts[0].Locale != locale {
			return fmt.Errorf("the invitation for %s went to %+v, want %s (%s, %s)", id, contacts, email, givenName, locale)
		}
		return nil
	}
}

// ExpectTrackingSends fails unless project44 received exactly n invitation
// sends, refused and failed ones included.
func ExpectTrackingSends(em *emulator.Instance, n int) func() error {
	return func() error {
		if got := em.P44().Stats().Requests[P44CreateOperation]; got != n {
			return fmt.Errorf("project44 received %d invitation sends, want %d", got, n)
		}
		return nil
	}
}

// TrackingImportIgnore is what an import of an invitation cannot read back
// from the emulator: ignore, and the contacts when project44 does not list
// them (variant p44-list-no-contacts).
func TrackingImportIgnore(em *emulator.Instance, ignore ...string) []string {
	if slices.Contains(em.P44().Variants(), p44emulator.VariantListNoContacts) {
		ignore = append(ignore, "contacts")
	}
	return ignore
}
