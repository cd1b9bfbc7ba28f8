package provider

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/carrierstate/terraform-provider-mcp/internal/acctest"
	"github.com/carrierstate/terraform-provider-mcp/internal/emulator"
	"github.com/carrierstate/terraform-provider-mcp/internal/mcp"
	"github.com/carrierstate/terraform-provider-mcp/internal/tfcli"
)

// mcp_carrier_packet's schema is mcp_carrier's lookup arguments and the
// attributes of its packet, exactly: the same types, descriptions and
// sensitivity, as the provider serves them.
func TestCarrierPacketEphemeralResource_schema(t *testing.T) {
	t.Parallel()
	resp, err := NewServer("test")().GetProviderSchema(t.Context(), &tfprotov6.GetProviderSchemaRequest{})
	if err != nil {
		t.Fatal(err)
	}
	carrier, packet := resp.DataSourceSchemas["mcp_carrier"], resp.EphemeralResourceSchemas["mcp_carrier_packet"]
	if carrier == nil || packet == nil {
		t.Fatal("the provider serves no mcp_carrier data source or no mcp_carrier_packet ephemeral resource")
	}
	byName := func(attrs []*tfprotov6.SchemaAttribute) map[string]*tfprotov6.SchemaAttribute {
		out := map[string]*tfprotov6.SchemaAttribute{}
		for _, a := range attrs {
			out[a.Name] = a
		}
		return out
	}
	carrierAttrs := byName(carrier.Block.Attributes)
	want := byName(carrierAttrs["packet"].NestedType.Attributes)
	want["dot_number"], want["docket_number"] = carrierAttrs["dot_number"], carrierAttrs["docket_number"]
	if diff := cmp.Diff(want, byName(packet.Block.Attributes)); diff != "" {
		t.Errorf("mcp_carrier_packet differs from mcp_carrier's lookup and packet (-mcp_carrier +mcp_carrier_packet):\n%s", diff)
	}
	if !want["payment"].Sensitive || !want["w9_forms"].Sensitive {
		t.Error("payment and w9_forms are not sensitive")
	}
}

// packetExpect maps expressions relative to ephemeral.mcp_carrier_packet.test
// (such as payment.bank.account_number) to the value each must have: nil
// for null, else the value as tostring writes it.
type packetExpect map[string]any

// carrierPacketConfig opens mcp_carrier_packet for the carrier and checks
// every expectation in a precondition. The preconditions compare SHA-256
// digests, so the configuration (which a plan file holds) never holds a
// value it checks.
func carrierPacketConfig(em *emulator.Instance, lookup string, expect packetExpect) string {
	var b strings.Builder
	b.WriteString(acctest.ProviderBlock(em))
	fmt.Fprintf(&b, "\nephemeral \"mcp_carrier_packet\" \"test\" {\n  %s\n}\n\nresource \"terraform_data\" \"uses_packet\" {\n  lifecycle {\n", lookup)
	for _, expr := range slices.Sorted(maps.Keys(expect)) {
		ref := "ephemeral.mcp_carrier_packet.test." + expr
		cond := ref + " == null"
		if v := expect[expr]; v != nil {
			cond = fmt.Sprintf("sha256(tostring(%s)) == %q", ref, fmt.Sprintf("%x", sha256.Sum256([]byte(fmt.Sprint(v)))))
		}
		fmt.Fprintf(&b, "    precondition {\n      condition     = %s\n      error_message = %q\n    }\n", cond, "mcp_carrier_packet."+expr+" is not what MCP serves.")
	}
	b.WriteString("  }\n}\n")
	return b.String()
}

// servedPacketExpect is what mcp_carrier_packet must return for a carrier
// with a packet, from what MCP serves.
func servedPacketExpect(t *testing.T, dot int, d *mcp.CarrierData) packetExpect {
	t.Helper()
	if d.CarrierPacket == nil || len(d.AssureAdvantage) == 0 {
		t.Fatalf("carrier %d serves no packet", dot)
	}
	_, w9Blobs, _, _ := carrierServedDocuments(d)
	w9, agreement := d.CarrierW9Forms[0], d.CarrierCustomerAgreements[0]
	expect := packetExpect{
		"dot_number":                   strconv.Itoa(dot),
		"docket_number":                d.AssureAdvantage[0].CarrierDetails.DocketNumber,
		"completed":                    true,
		"status":                       d.CarrierCustomerPacketStatuses[0].CarrierPacketStatus,
		"company.email":                d.Email,
		"contacts.owner.name":          d.OwnerContactName,
		"agreements[0].signed_by.name": agreement.SignaturePerson,
		"documents.w9_forms[0]":        w9Blobs[0],
		"payment.payer_type":           d.CarrierPayerType.Name,
		"payment.terms[0].term":        d.CarrierPaymentTerms[0].PaymentTerm.Term,
		"w9_forms[0].ein":              w9.EIN,
		"w9_forms[0].ssn":              nil,
		"w9_forms[0].business_name":    w9.BusinessName,
	}
	if f := d.FactoringRemit; f != nil {
		expect["payment.factoring.bank_routing_number"] = f.BankRoutingNumber
		expect["payment.factoring.bank_account_number"] = f.BankAccountNumber
		expect["payment.bank"] = nil
	} else {
		expect["payment.factoring"] = nil
		expect["payment.bank.routing_number"] = d.CarrierBank.CarrierBankRoutingNumber
		expect["payment.bank.account_number"] = d.CarrierBank.CarrierBankAccountNumber
	}
	return expect
}

// mcp_carrier_packet returns the packet MCP serves, payment and taxpayer ID
// included, and for a carrier without a packet says so; a precondition
// that expects anything else fails the plan.
func TestAccCarrierPacketEphemeralResource_values(t *testing.T) {
	acctest.SkipWithout(t, acctest.Ephemeral)
	em := acctest.Emulator(t)
	c := acctest.Carrier(t, em, emulator.KindPacket)
	served := newCarrierServed(t, em)
	expect := servedPacketExpect(t, c.DOTNumber, served.data(c.DOTNumber))
	lookup := fmt.Sprintf("dot_number = %q", strconv.Itoa(c.DOTNumber))
	wrong := maps.Clone(expect)
	wrong["w9_forms[0].ein"] = "00-0000000"

	coi, _, _, _ := carrierServedDocuments(served.data(emulator.SampleDOTNumber))
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{Config: carrierPacketConfig(em, lookup, expect)},
			{
				Config:      carrierPacketConfig(em, lookup, wrong),
				ExpectError: acctest.ErrorMatching("Resource precondition failed", "mcp_carrier_packet.w9_forms[0].ein is not what MCP serves."),
			},
			{
				// The sample carrier has completed no packet: only its
				// certificates of insurance are known.
				Config: carrierPacketConfig(em, `docket_number = "MC113843"`, packetExpect{
					"dot_number":                             strconv.Itoa(emulator.SampleDOTNumber),
					"docket_number":                          "MC113843",
					"completed":                              false,
					"status":                                 nil,
					"payment":                                nil,
					"w9_forms":                               nil,
					"documents.certificates_of_insurance[0]": coi[0],
				}),
			},
		},
	})
}

// Bad arguments fail the plan naming the attribute, before anything
// reaches MCP; a carrier MCP does not know fails it as mcp_carrier does.
func TestAccCarrierPacketEphemeralResource_errors(t *testing.T) {
	acctest.SkipWithout(t, acctest.Ephemeral)
	em := acctest.Emulator(t)
	config := func(lookup string) string { return carrierPacketConfig(em, lookup, packetExpect{"completed": true}) }
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config:      config(`dot_number = "023868"`),
				PlanOnly:    true,
				ExpectError: acctest.ErrorMatching(`Invalid dot_number`, `"023868" is not a USDOT number`),
			},
			{
				Config:      config(`docket_number = "MC-113843"`),
				PlanOnly:    true,
				ExpectError: acctest.ErrorMatching(`Invalid docket_number`, `"MC-113843" is not a docket number`, `did you mean "MC113843"?`),
			},
			{
				Config:      config(""),
				PlanOnly:    true,
				ExpectError: acctest.ErrorMatching(`At least one attribute out of`, `dot_number`, `docket_number`),
			},
			{
				PreConfig: func() {
					if n := acctest.Requests(em, "GetCarrierData"); n != 0 {
						t.Errorf("bad arguments reached MCP: %d GetCarrierData requests", n)
					}
				},
				Config: config(`dot_number = "99999999"`),
				ExpectError: acctest.ErrorMatching("No carrier DOT 99999999",
					"MCP does not know a carrier with DOT 99999999, so it has no carrier packet for it. Check the identifiers."),
			},
		},
	})
}

// The key promise: an apply that uses the packet leaves none of its values
// in the state, in the saved plan (its raw bytes, each file inside it, and
// what show -json makes of it), nor in anything the CLI printed or wrote
// in the working directory. As a control, mcp_carrier with include_packet
// then stores every one of those values in the same state.
func TestAccCarrierPacketEphemeralResource_notStored(t *testing.T) {
	acctest.SkipWithout(t, acctest.Ephemeral)
	em := acctest.Emulator(t)
	c := acctest.Carrier(t, em, emulator.KindPacket)
	d := newCarrierServed(t, em).data(c.DOTNumber)
	secrets := packetSecrets(d)
	lookup := fmt.Sprintf("dot_number = %q", strconv.Itoa(c.DOTNumber))

	cli := acctest.CLIInfo(t)
	w, err := tfcli.New(t.TempDir(), cli.Path, acctest.ProviderBuild(t),
		"MCP_BASE_URL=", "MCP_USERNAME=", "MCP_PASSWORD=", "TF_LOG=", "TF_LOG_PATH=", "TF_INPUT=0")
	if err != nil {
		t.Fatal(err)
	}
	config := tfcli.RequiredProviders + carrierPacketConfig(em, lookup, servedPacketExpect(t, c.DOTNumber, d))
	if err := w.WriteConfig(config); err != nil {
		t.Fatal(err)
	}
	run := func(args ...string) []byte {
		t.Helper()
		res, err := w.Must(t.Context(), 0, append(args, "-no-color")...)
		if err != nil {
			t.Fatal(err)
		}
		return res.Output
	}
	show := func(args ...string) []byte {
		t.Helper()
		out, err := w.Stdout(t.Context(), append([]string{"show", "-json", "-no-color"}, args...)...)
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	before := acctest.Requests(em, "GetCarrierData")
	seen := map[string][]byte{
		"plan output":          run("plan", "-out=tfplan"),
		"show -json tfplan":    show("tfplan"),
		"apply output":         run("apply", "tfplan"),
		"show -json the state": show(),
	}
	// Opened at plan and again at apply: the preconditions saw the packet.
	if n := acctest.Requests(em, "GetCarrierData") - before; n < 2 {
		t.Errorf("the plan and apply read the packet %d times, want at least 2", n)
	}
	if !bytes.Contains(seen["show -json the state"], []byte(`"terraform_data"`)) {
		t.Fatalf("the apply recorded no terraform_data:\n%s", seen["show -json the state"])
	}
	for name, b := range workdirFiles(t, w.Dir) {
		seen[name] = b
	}
	if _, ok := seen["tfplan"]; !ok {
		t.Fatal("plan -out wrote no tfplan")
	}
	for _, where := range slices.Sorted(maps.Keys(seen)) {
		for label, v := range secrets {
			if bytes.Contains(seen[where], []byte(v)) {
				t.Errorf("%s holds the packet's %s", where, label)
			}
		}
	}

	// The control: the same search finds every value in the state of
	// mcp_carrier with include_packet.
	control := fmt.Sprintf("\ndata \"mcp_carrier\" \"control\" {\n  %s\n  include_packet = true\n}\n", lookup)
	if err := w.WriteConfig(config + control); err != nil {
		t.Fatal(err)
	}
	run("apply", "-auto-approve")
	state, err := os.ReadFile(filepath.Join(w.Dir, "terraform.tfstate"))
	if err != nil {
		t.Fatal(err)
	}
	for label, v := range secrets {
		if !bytes.Contains(state, []byte(v)) {
			t.Errorf("the control failed: mcp_carrier's state does not hold the packet's %s, so the search proves nothing for it", label)
		}
	}
}

// packetSecrets are values of a carrier's packet that must never reach
// state or a plan file, by what they are: payment, bank, tax-ID and
// personal details. Empty ones are left out.
func packetSecrets(d *mcp.CarrierData) map[string]string {
	out := map[string]string{}
	add := func(label, v string) {
		if v != "" {
			out[label] = v
		}
	}
	for i, w := range d.CarrierW9Forms {
		add(fmt.Sprintf("W-9 %d EIN", i), w.EIN)
		add(fmt.Sprintf("W-9 %d SSN", i), w.SSN)
		add(fmt.Sprintf("W-9 %d name", i), w.FullName)
		add(fmt.Sprintf("W-9 %d address", i), w.Address)
	}
	if b := d.CarrierBank; b != nil {
		add("bank routing number", b.CarrierBankRoutingNumber)
		add("bank account number", b.CarrierBankAccountNumber)
		add("bank account name", b.CarrierBankAccountName)
	}
	if f := d.FactoringRemit; f != nil {
		add("factoring bank routing number", f.BankRoutingNumber)
		add("factoring bank account number", f.BankAccountNumber)
	}
	add("owner's name", d.OwnerContactName)
	add("owner's e-mail", d.OwnerContactEmail)
	add("company e-mail", d.Email)
	for i, a := range d.CarrierCustomerAgreements {
		add(fmt.Sprintf("agreement %d signer", i), a.SignaturePerson)
		add(fmt.Sprintf("agreement %d IP address", i), a.IPAddress)
	}
	return out
}

// workdirFiles reads every file of a working directory, by its path in it,
// and every file inside one that is a zip archive (a plan file) as
// "<archive>:<name>", decompressed.
func workdirFiles(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	err := filepath.WalkDir(dir, func(path string, e fs.DirEntry, err error) error {
		if err != nil || !e.Type().IsRegular() {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(dir, path)
		if err != nil {
			return err
		}
		out[rel] = b
		z, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
		if err != nil {
			return nil //nolint:nilerr // not an archive
		}
		for _, f := range z.File {
			r, err := f.Open()
			if err != nil {
				return err
			}
			content, err := io.ReadAll(r)
			_ = r.Close()
			if err != nil {
				return err
			}
			out[rel+":"+f.Name] = content
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}
