package emulator

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
)

// document finds the blob GetDocument asks for: the customer's agreement,
// or a carrier's certificate of insurance, signed agreement or W-9, whose
// GUID ends with the carrier's DOT number. Packet documents exist only for
// carriers with a packet. VIN photos are not served.
func (s *Server) document(name string) (title string, lines []string, ok bool) {
	if name == customerAgreementBlob {
		return "Broker-Carrier Agreement", []string{customer.CompanyName, "Carrier agreement template"}, true
	}
	i, found := s.blobOwner(name)
	if !found {
		return "", nil, false
	}
	v := s.viewOf(i)
	id := v.ident()
	who := []string{id.legalName, fmt.Sprintf("USDOT %d %s", v.c.dot, v.docket())}
	switch cert := v.certificate(); {
	case name == cert.blob:
		lines := append(who, "Producer: "+cert.agency)
		for _, c := range cert.coverages {
			lines = append(lines, fmt.Sprintf("%s  %s  limit %s  expires %s", c.kind, c.policy, c.limit, ymd(c.expires)))
		}
		return "Certificate of Liability Insurance", lines, true
	case v.hasPacket() && name == v.agreementImageBlob():
		return "Signed Broker-Carrier Agreement", append(who, "Customer: "+customer.CompanyName, "Signed "+ymd(v.packetTime())), true
	case v.hasPacket() && name == v.w9Blob():
		return "Form W-9", append(who, id.street, id.loc.city+", "+id.loc.state+" "+id.zip), true
	}
	return "", nil, false
}

// blobOwner reads the DOT number from the last GUID group of a blob name.
func (s *Server) blobOwner(name string) (int32, bool) {
	base := name[strings.LastIndexByte(name, '/')+1:]
	base = strings.TrimSuffix(base, ".pdf")
	if len(base) != 36 {
		return 0, false
	}
	dot, err := strconv.Atoi(base[24:])
	if err != nil {
		return 0, false
	}
	return s.u.byDOT(dot)
}

// minimalPDF renders a one-page PDF 1.4 document with a title and lines of
// text in Helvetica, with a correct cross-reference table.
func minimalPDF(title string, lines []string) []byte {
	var content bytes.Buffer
	fmt.Fprintf(&content, "BT /F1 18 Tf 72 720 Td (%s) Tj ET\n", pdfEscape(title))
	for k, l := range lines {
		fmt.Fprintf(&content, "BT /F1 11 Tf 72 %d Td (%s) Tj ET\n", 690-18*k, pdfEscape(l))
	}
	objects := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
		fmt.Sprintf("<< /Length %d >>\nstream\n%sendstream", content.Len(), content.String()),
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
	}
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n")
	offsets := make([]int, len(objects))
	for k, obj := range objects {
		offsets[k] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", k+1, obj)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objects)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objects)+1, xref)
	return b.Bytes()
}

func pdfEscape(s string) string {
	return strings.NewReplacer(`\`, `\\`, "(", `\(`, ")", `\)`).Replace(s)
}
