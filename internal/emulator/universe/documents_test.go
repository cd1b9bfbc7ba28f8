package universe

import (
	"testing"
	"time"
)

// TestDocuments: a carrier's certificate is a document; its signed
// agreement and W-9 are once it has completed the packet.
func TestDocuments(t *testing.T) {
	t.Parallel()
	u := New(2000, 1, testEpoch)
	withPacket := Facts{Now: testEpoch, Overlay: Overlay{PacketAt: testEpoch.Add(-time.Hour)}}
	for _, tc := range []struct {
		facts  Facts
		packet bool
	}{{Facts{Now: testEpoch}, false}, {withPacket, true}} {
		v := u.Carrier(0, tc.facts) // the sample carrier, whose packet is out of band
		carrier := func(i int32) *Carrier {
			if i != 0 {
				t.Fatalf("carrier %d for a blob of the sample carrier's", i)
			}
			return v
		}
		for name, want := range map[string]bool{
			v.certificate().blob:   true,
			v.agreementImageBlob(): tc.packet,
			v.w9Blob():             tc.packet,
			customerAgreementBlob:  true,
		} {
			if title, lines, ok := u.Document(name, carrier); ok != want || ok && (title == "" || len(lines) == 0) {
				t.Errorf("packet %v: %s: %q %q %v, want found %v", tc.packet, name, title, lines, ok, want)
			}
		}
	}
}
