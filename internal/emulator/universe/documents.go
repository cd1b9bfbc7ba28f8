package universe

import (
	"fmt"
	"strconv"
	"strings"
)

// Document finds the blob GetDocument asks for, and gives the title and
// lines of text it shows: the customer's agreement, or a carrier's
// certificate of insurance, signed agreement or W-9, whose GUID ends with
// the carrier's DOT number. carrier joins the carrier so found to its
// facts, since packet documents exist only for carriers with a packet.
// VIN photos are not served.
func (u *Universe) Document(name string, carrier func(i int32) *Carrier) (title string, lines []string, ok bool) {
	if name == customerAgreementBlob {
		return "Broker-Carrier Agreement", []string{customer.CompanyName, "Carrier agreement template"}, true
	}
	i, found := u.blobOwner(name)
	if !found {
		return "", nil, false
	}
	v := carrier(i)
	id := v.ident()
	who := []string{id.legalName, fmt.Sprintf("USDOT %d %s", v.c.dot, v.Docket())}
	switch cert := v.certificate(); {
	case name == cert.blob:
		lines := append(who, "Producer: "+cert.agency)
		for _, c := range cert.coverages {
			lines = append(lines, fmt.Sprintf("%s  %s  limit %s  expires %s", c.kind, c.policy, c.limit, ymd(c.expires)))
		}
		return "Certificate of Liability Insurance", lines, true
	case v.HasPacket() && name == v.agreementImageBlob():
		return "Signed Broker-Carrier Agreement", append(who, "Customer: "+customer.CompanyName, "Signed "+ymd(v.PacketTime())), true
	case v.HasPacket() && name == v.w9Blob():
		return "Form W-9", append(who, id.street, id.loc.city+", "+id.loc.state+" "+id.zip), true
	}
	return "", nil, false
}

// blobOwner reads the DOT number from the last GUID group of a blob name.
func (u *Universe) blobOwner(name string) (int32, bool) {
	base := name[strings.LastIndexByte(name, '/')+1:]
	base = strings.TrimSuffix(base, ".pdf")
	if len(base) != 36 {
		return 0, false
	}
	dot, err := strconv.Atoi(base[24:])
	if err != nil {
		return 0, false
	}
	return u.ByDOT(dot)
}
