package provider

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/identityschema"
	rschema "github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/carrierstate/terraform-provider-mcp/internal/carrierid"
)

// TestIdentitySchemas: every resource has an identity (terraform query
// needs one for its results); it is valid, and each of its attributes is a string attribute of the
// resource, the value the id is built from.
func TestIdentitySchemas(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	want := map[string]struct{ required, optional []string }{
		"mcp_monitored_carrier":  {[]string{"dot_number"}, []string{"docket_number", "intrastate_number"}},
		"mcp_blocked_carrier":    {[]string{"dot_number"}, []string{"docket_number", "intrastate_number"}},
		"mcp_carrier_invitation": {[]string{"carrier_email", "dot_number"}, []string{"docket_number"}},
		"mcp_monitoring_list":    {[]string{"id"}, nil},
		"mcp_block_list":         {[]string{"id"}, nil},
	}
	p := New("test")()
	seen := map[string]bool{}
	for _, newResource := range p.Resources(ctx) {
		r := newResource()
		var md resource.MetadataResponse
		r.Metadata(ctx, resource.MetadataRequest{ProviderTypeName: "mcp"}, &md)
		ri, ok := r.(resource.ResourceWithIdentity)
		if !ok {
			continue
		}
		seen[md.TypeName] = true
		var is resource.IdentitySchemaResponse
		ri.IdentitySchema(ctx, resource.IdentitySchemaRequest{}, &is)
		if diags := is.IdentitySchema.ValidateImplementation(ctx); diags.HasError() {
			t.Errorf("%s: invalid identity schema: %v", md.TypeName, diags)
		}
		var s resource.SchemaResponse
		r.Schema(ctx, resource.SchemaRequest{}, &s)
		var required, optional []string
		for name, a := range is.IdentitySchema.Attributes {
			sa, ok := a.(identityschema.StringAttribute)
			if !ok {
				t.Errorf("%s identity: %s is a %T, want a string", md.TypeName, name, a)
				continue
			}
			if _, ok := s.Schema.Attributes[name].(rschema.StringAttribute); !ok {
				t.Errorf("%s identity: %s is not a string attribute of the resource", md.TypeName, name)
			}
			if sa.RequiredForImport {
				required = append(required, name)
			}
			if sa.OptionalForImport {
				optional = append(optional, name)
			}
		}
		slices.Sort(required)
		slices.Sort(optional)
		w, ok := want[md.TypeName]
		if !ok {
			t.Errorf("%s has an identity this test does not know", md.TypeName)
			continue
		}
		if !slices.Equal(required, w.required) || !slices.Equal(optional, w.optional) {
			t.Errorf("%s identity: required %v, optional %v; want %v, %v", md.TypeName, required, optional, w.required, w.optional)
		}
	}
	for name := range want {
		if !seen[name] {
			t.Errorf("%s has no identity", name)
		}
	}
}

// An identity names the same key as the import ID it stands for, and a
// malformed one is refused naming the attribute, with carrierid's reason.
func TestMembershipIdentityKey(t *testing.T) {
	t.Parallel()
	for _, id := range []string{"23868", "23868/MC113843", "23868/intrastate/TX123456"} {
		want, err := carrierid.ParseImportID(id)
		if err != nil {
			t.Fatal(err)
		}
		got, ierr := membershipIdentity(want).key()
		if ierr != nil || got != want {
			t.Errorf("identity of %q: key %+v, %v; want %+v", id, got, ierr, want)
		}
	}
	str, null := types.StringValue, types.StringNull()
	for _, tc := range []struct {
		identity  carrierMembershipIdentityModel
		attribute string
		reason    string
	}{
		{carrierMembershipIdentityModel{str("0"), null, null}, "dot_number", `"0" is not a USDOT number: expected 1 to 8 digits`},
		{carrierMembershipIdentityModel{str(""), null, null}, "dot_number", "a USDOT number is required"},
		{carrierMembershipIdentityModel{str("023868"), null, null}, "dot_number", "leading zero"},
		{carrierMembershipIdentityModel{str("23868"), str("mc113843"), null}, "docket_number", `did you mean "MC113843"`},
		{carrierMembershipIdentityModel{str("23868"), str(""), null}, "docket_number", "is not a docket number"},
		{carrierMembershipIdentityModel{str("23868"), null, str("tx 1")}, "intrastate_number", `"tx 1" is not an intrastate number`},
		{carrierMembershipIdentityModel{str("23868"), str("MC113843"), str("TX1")}, "intrastate_number", "not both"},
	} {
		_, ierr := tc.identity.key()
		if ierr == nil || ierr.attribute != tc.attribute || !strings.Contains(ierr.err.Error(), tc.reason) {
			t.Errorf("key(%+v) = %+v, want an error on %s mentioning %q", tc.identity, ierr, tc.attribute, tc.reason)
		}
	}
}

func TestInvitationIdentityKey(t *testing.T) {
	t.Parallel()
	for _, id := range []string{"23868/dispatch@carrier.com", "23868/MC113843/dispatch@carrier.com"} {
		want, err := carrierid.ParseInvitationID(id)
		if err != nil {
			t.Fatal(err)
		}
		got, ierr := invitationIdentity(want).key()
		if ierr != nil || got != want {
			t.Errorf("identity of %q: key %+v, %v; want %+v", id, got, ierr, want)
		}
	}
	str, null := types.StringValue, types.StringNull()
	for _, tc := range []struct {
		identity  carrierInvitationIdentityModel
		attribute string
		reason    string
	}{
		{carrierInvitationIdentityModel{str("0"), null, str("d@c.com")}, "dot_number", `"0" is not a USDOT number`},
		{carrierInvitationIdentityModel{str("23868"), str("113843"), str("d@c.com")}, "docket_number", "expected MC, FF or MX"},
		{carrierInvitationIdentityModel{str("23868"), null, str("dispatch")}, "carrier_email", `"dispatch" is not an e-mail address`},
		{carrierInvitationIdentityModel{str("23868"), null, str("")}, "carrier_email", "is not an e-mail address"},
	} {
		_, ierr := tc.identity.key()
		if ierr == nil || ierr.attribute != tc.attribute || !strings.Contains(ierr.err.Error(), tc.reason) {
			t.Errorf("key(%+v) = %+v, want an error on %s mentioning %q", tc.identity, ierr, tc.attribute, tc.reason)
		}
	}
}

func TestIdentityErrorReport(t *testing.T) {
	t.Parallel()
	_, ierr := carrierMembershipIdentityModel{types.StringValue("0"), types.StringNull(), types.StringNull()}.key()
	var diags diag.Diagnostics
	ierr.report(&diags, membershipIdentityFormat)
	if len(diags) != 1 {
		t.Fatalf("got %d diagnostics, want 1", len(diags))
	}
	d := diags[0]
	if d.Summary() != "Invalid dot_number in import identity" {
		t.Errorf("summary %q", d.Summary())
	}
	for _, want := range []string{`The identity attribute dot_number is not valid: "0" is not a USDOT number`, `Expected identity = { dot_number = "23868" }`} {
		if !strings.Contains(d.Detail(), want) {
			t.Errorf("detail %q lacks %q", d.Detail(), want)
		}
	}
}

// keepIdentity sets a missing identity, and never changes a stored one.
func TestKeepIdentity(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	var is resource.IdentitySchemaResponse
	(&carrierMembershipResource{kind: membershipKind{listName: "monitored list"}}).IdentitySchema(ctx, resource.IdentitySchemaRequest{}, &is)
	null := tftypes.NewValue(is.IdentitySchema.Type().TerraformType(ctx), nil)
	first := membershipIdentity(carrierid.Key{DOT: 23868, Docket: "MC113843"})
	later := membershipIdentity(carrierid.Key{DOT: 23868, Docket: "MC999"})

	identity := &tfsdk.ResourceIdentity{Schema: is.IdentitySchema, Raw: null}
	if diags := keepIdentity(ctx, identity, first); diags.HasError() {
		t.Fatal(diags)
	}
	var got carrierMembershipIdentityModel
	get := func() {
		t.Helper()
		if diags := identity.Get(ctx, &got); diags.HasError() {
			t.Fatal(diags)
		}
	}
	get()
	if got != first {
		t.Fatalf("after keepIdentity on no identity: %+v, want %+v", got, first)
	}
	if diags := keepIdentity(ctx, identity, later); diags.HasError() {
		t.Fatal(diags)
	}
	get()
	if got != first {
		t.Errorf("keepIdentity replaced a stored identity: %+v, want %+v", got, first)
	}
	if diags := setIdentity(ctx, identity, later); diags.HasError() {
		t.Fatal(diags)
	}
	get()
	if got != later {
		t.Errorf("setIdentity did not replace the identity: %+v, want %+v", got, later)
	}
	if diags := keepIdentity(ctx, nil, first); diags != nil {
		t.Errorf("keepIdentity without an identity: %v", diags)
	}
}
