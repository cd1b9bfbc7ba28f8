package emulator

import (
	"bytes"
	"net/http"
	"net/url"
	"regexp"
	"testing"

	"github.com/carrierstate/terraform-provider-mcp/internal/mcp"
)

func TestGetDocument(t *testing.T) {
	t.Parallel()
	inst, _ := startTest(t, Options{})
	a := newAPI(t, inst)
	c := carrierOf(t, inst.Server, KindPacket)
	var d mcp.CarrierData
	a.ok("GetCarrierData", dotQuery(c.DOTNumber)).decode(t, &d)
	names := []string{
		d.AssureAdvantage[0].CarrierDetails.CertData.Certificate[0].BlobName,
		d.CarrierCustomerAgreements[0].CustomerAgreement.BlobName,
		d.CarrierCustomerAgreements[0].CarrierCustomerAgreementImages[0].BlobName,
		d.CarrierW9Forms[0].CarrierW9FormImages[0].BlobName,
	}
	for _, name := range names {
		r := a.ok("GetDocument", "name="+url.QueryEscape(name))
		if ct := r.header.Get("Content-Type"); ct != "application/pdf" {
			t.Errorf("%s: Content-Type %q", name, ct)
		}
		checkPDF(t, r.body)
		if !bytes.Contains(r.body, []byte("(Certificate")) && !bytes.Contains(r.body, []byte("Agreement")) && !bytes.Contains(r.body, []byte("W-9")) {
			t.Errorf("%s: unexpected document %.300s", name, r.body)
		}
	}
	if !regexp.MustCompile(`^certificate-image/[0-9a-f-]{36}\.pdf$`).MatchString(names[0]) || !regexp.MustCompile(`^company-agreement/4127/[0-9a-f-]{36}$`).MatchString(names[2]) {
		t.Errorf("blob names %v", names)
	}

	// The sample carrier has a certificate (its packet documents are tested
	// in package universe); blobs of nobody's are not found.
	var sample mcp.CarrierData
	a.ok("GetCarrierData", dotQuery(SampleDOTNumber)).decode(t, &sample)
	a.ok("GetDocument", "name="+url.QueryEscape(sample.AssureAdvantage[0].CarrierDetails.CertData.Certificate[0].BlobName))
	var vins mcp.CarrierVINVerification
	vinCarrier := carrierOf(t, inst.Server, KindVINVerifications)
	a.ok("GetCarrierVINVerifications", dotQuery(vinCarrier.DOTNumber)).decode(t, &vins)
	for _, name := range []string{"certificate-image/00000000-0000-0000-0000-000000023868.pdf",
		"company-agreement/12/f9f10ed2-799a-4521-a09b-19fb088e16c2", vins.VINVerifications[0].Requests[0].ImageBlobName, "x"} {
		r := a.call("GetDocument", "name="+url.QueryEscape(name))
		if r.status != http.StatusNotFound || r.message(t) != "Document '"+name+"' was not found." {
			t.Errorf("%s: HTTP %d %s", name, r.status, r.body)
		}
	}
}

func TestMinimalPDF(t *testing.T) {
	t.Parallel()
	checkPDF(t, minimalPDF("A (title) with \\ escapes", []string{"line one", "line (two)"}))
}
