package provider

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/carrierstate/terraform-provider-mcp/internal/acctest"
	"github.com/carrierstate/terraform-provider-mcp/internal/emulator"
	"github.com/carrierstate/terraform-provider-mcp/internal/mcp"
)

const documentAddress = "data.mcp_document.test"

func testAccDocumentConfig(em *emulator.Instance, name string) string {
	return acctest.ProviderBlock(em) + fmt.Sprintf("\ndata \"mcp_document\" \"test\" {\n  name = %q\n}\n", name)
}

// carrierDataOf reads GetCarrierData through the client.
func carrierDataOf(t *testing.T, em *emulator.Instance, dot int) *mcp.CarrierData {
	t.Helper()
	data, err := acctest.Client(t, em).Carriers.Data(context.Background(), mcp.CarrierLookup{DOTNumber: dot})
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// expectDocument checks the data source against the bytes the client
// downloads for the same blob name.
func expectDocument(t *testing.T, em *emulator.Instance, name string) []statecheck.StateCheck {
	t.Helper()
	doc, err := acctest.Client(t, em).Documents.Get(context.Background(), name)
	if err != nil {
		t.Fatal(err)
	}
	if doc.ContentType == "" || len(doc.Content) == 0 {
		t.Fatalf("MCP serves %q as %d bytes of %q", name, len(doc.Content), doc.ContentType)
	}
	sum := sha256.Sum256(doc.Content)
	return []statecheck.StateCheck{
		statecheck.ExpectKnownValue(documentAddress, tfjsonpath.New("name"), knownvalue.StringExact(name)),
		statecheck.ExpectKnownValue(documentAddress, tfjsonpath.New("size"), knownvalue.Int64Exact(int64(len(doc.Content)))),
		statecheck.ExpectKnownValue(documentAddress, tfjsonpath.New("sha256"), knownvalue.StringExact(hex.EncodeToString(sum[:]))),
		statecheck.ExpectKnownValue(documentAddress, tfjsonpath.New("content_type"), knownvalue.StringExact(doc.ContentType)),
		statecheck.ExpectKnownValue(documentAddress, tfjsonpath.New("content_base64"), knownvalue.StringFunc(func(v string) error {
			content, err := base64.StdEncoding.DecodeString(v)
			switch {
			case err != nil:
				return fmt.Errorf("content_base64 is not base64: %w", err)
			case !bytes.HasPrefix(content, []byte("%PDF")):
				return fmt.Errorf("content_base64 decodes to %.20q, not a PDF", content)
			case !bytes.Equal(content, doc.Content):
				return fmt.Errorf("content_base64 decodes to %d bytes that differ from the %d MCP serves", len(content), len(doc.Content))
			}
			return nil
		})),
	}
}

// documentStep reads a document MCP has. Where MCP answers GetDocument
// with something else in a 200 (variants document-json and document-html:
// an error object, a proxy's sign-in page), the read fails, naming the
// blob, and nothing is stored as the document.
func documentStep(t *testing.T, em *emulator.Instance, name string) resource.TestStep {
	t.Helper()
	if acctest.VariantOn(em, emulator.VariantDocumentJSON) || acctest.VariantOn(em, emulator.VariantDocumentHTML) {
		return resource.TestStep{
			Config: testAccDocumentConfig(em, name), PlanOnly: true,
			ExpectError: acctest.ErrorMatching(fmt.Sprintf("Unable to read document for blob name %q", name), "did not return the document"),
		}
	}
	return resource.TestStep{Config: testAccDocumentConfig(em, name), ConfigStateChecks: expectDocument(t, em, name)}
}

// The certificate of insurance that the sample carrier's Assure Advantage
// record names.
func TestAccDocumentDataSource_certificate(t *testing.T) {
	em := acctest.Emulator(t)
	data := carrierDataOf(t, em, emulator.SampleDOTNumber)
	if len(data.AssureAdvantage) == 0 || data.AssureAdvantage[0].CarrierDetails == nil || data.AssureAdvantage[0].CarrierDetails.CertData == nil ||
		len(data.AssureAdvantage[0].CarrierDetails.CertData.Certificate) == 0 {
		t.Fatal("MCP serves no certificate for the sample carrier")
	}
	name := data.AssureAdvantage[0].CarrierDetails.CertData.Certificate[0].BlobName
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps:                    []resource.TestStep{documentStep(t, em, name)},
	})
}

// The W-9 and the signed agreement in the packet of a carrier that
// completed it: the names hold slashes and no extension.
func TestAccDocumentDataSource_packet(t *testing.T) {
	em := acctest.Emulator(t)
	data := carrierDataOf(t, em, acctest.Carrier(t, em, emulator.KindPacket).DOTNumber)
	if data.CarrierPacket == nil || len(data.CarrierW9Forms) == 0 || len(data.CarrierW9Forms[0].CarrierW9FormImages) == 0 ||
		len(data.CarrierCustomerAgreements) == 0 || len(data.CarrierCustomerAgreements[0].CarrierCustomerAgreementImages) == 0 {
		t.Fatal("MCP serves no packet documents for a carrier with a packet")
	}
	w9 := data.CarrierW9Forms[0].CarrierW9FormImages[0].BlobName
	agreement := data.CarrierCustomerAgreements[0].CarrierCustomerAgreementImages[0].BlobName
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			documentStep(t, em, w9),
			documentStep(t, em, agreement),
		},
	})
}

// A blob MCP does not have fails the plan, naming it; so does a name that
// cannot be one, before MCP is asked.
func TestAccDocumentDataSource_errors(t *testing.T) {
	em := acctest.Emulator(t)
	const unknown = "certificate-image/0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0.pdf"
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config:      testAccDocumentConfig(em, unknown),
				PlanOnly:    true,
				ExpectError: acctest.ErrorMatching(fmt.Sprintf("No document for blob name %q", unknown)),
			},
			{
				Config:      testAccDocumentConfig(em, ""),
				PlanOnly:    true,
				ExpectError: acctest.ErrorMatching("Invalid name", "the blob name is empty"),
			},
			{
				Config:      testAccDocumentConfig(em, " certificate-image/x.pdf"),
				PlanOnly:    true,
				ExpectError: acctest.ErrorMatching("Invalid name", "starts or ends with white space"),
			},
		},
	})
	if n := acctest.Requests(em, "GetDocument"); n != 1 {
		t.Errorf("made %d GetDocument requests, want 1 (for the unknown blob only)", n)
	}
}

func TestDocumentFromAPI(t *testing.T) {
	t.Parallel()
	m := documentFromAPI(&mcp.Document{Name: "w9/x", Content: []byte("%PDF-1.4\n")})
	if m.Size.ValueInt64() != 9 || m.ContentBase64.ValueString() != "JVBERi0xLjQK" || !m.ContentType.IsNull() {
		t.Errorf("mapped %+v", m)
	}
	sum := sha256.Sum256([]byte("%PDF-1.4\n"))
	if m.SHA256.ValueString() != hex.EncodeToString(sum[:]) {
		t.Errorf("sha256 = %s", m.SHA256)
	}
	if m := documentFromAPI(&mcp.Document{Name: "empty"}); m.Size.ValueInt64() != 0 || m.ContentBase64.ValueString() != "" {
		t.Errorf("an empty document maps to %+v", m)
	}
}

func TestCheckBlobName(t *testing.T) {
	t.Parallel()
	for _, ok := range []string{"certificate-image/5d8f0a3e-2b7c-4e19-9a64-c1f0e8b23868.pdf", "company-agreement/12/f9f10ed2-799a-4521-a09b-19fb088e16c2", "a b"} {
		if err := checkBlobName(ok); err != nil {
			t.Errorf("checkBlobName(%q) = %v", ok, err)
		}
	}
	for _, bad := range []string{"", " x", "x\n", "a\tb"} {
		if err := checkBlobName(bad); err == nil {
			t.Errorf("checkBlobName(%q) accepted", bad)
		}
	}
}
