package universe

import (
	"strconv"
	"time"

	"github.com/carrierstate/terraform-provider-mcp/internal/mcp"
)

// coverage is one line of an insurance certificate.
type coverage struct {
	kind       string // General, Auto, Cargo, Cargo Liability w/ Refer Breakdown
	insurer    int    // index into insurers
	policy     string
	expires    time.Time // a date
	limit      string    // with thousands separators
	deductible string
	refer      bool
	cancelled  time.Time // zero when not cancelled
}

// certificate is the carrier's certificate of insurance, served as a PDF
// under blob.
type certificate struct {
	id, agency, blob        string
	agencyLoc               location
	agencyPhone, agencyMail string
	coverages               []coverage
}

// certificate derives the carrier's certificate. Its earliest expiration is
// the base date plus the core record's expiry days, so that insurance can
// be judged expired without deriving the certificate; insurance changes
// (ChangeCarrier) alternately cancel the cargo coverage and renew every
// coverage for a year.
func (v *Carrier) certificate() certificate {
	r := v.u.rngFor(v.i, streamInsurance)
	cert := certificate{
		id:        r.digits(7),
		agency:    pick(r, agencies),
		agencyLoc: pick(r, usLocations),
	}
	cert.agencyPhone = strconv.Itoa(cert.agencyLoc.area) + "555" + r.digits(4)
	cert.agencyMail = "certs@" + slugOf(cert.agency) + ".com"
	cert.blob = "certificate-image/" + r.guid(int(v.c.dot)) + ".pdf"

	first := v.u.date(int(v.c.expiry))
	insurer := r.intn(len(insurers))
	policy := func(prefix string) string { return prefix + r.digits(8) }
	auto := coverage{kind: "Auto", insurer: insurer, policy: policy("CA"), limit: "1,000,000", deductible: ""}
	if v.c.has(traitLowAutoLimit) {
		auto.limit = "750,000"
	}
	cargo := coverage{kind: "Cargo", insurer: insurer, policy: policy("MTC"), limit: pick(r, []string{"100,000", "250,000"}), deductible: pick(r, []string{"1,000", "2,500"})}
	if v.c.has(traitReefer) {
		cargo.kind, cargo.refer = "Cargo Liability w/ Refer Breakdown", true
	}
	cert.coverages = []coverage{auto, cargo}
	if r.chance(60) {
		cert.coverages = append(cert.coverages, coverage{kind: "General", insurer: r.intn(len(insurers)), policy: policy("GL"), limit: pick(r, []string{"1,000,000", "2,000,000"})})
	}
	earliest := r.intn(len(cert.coverages))
	for k := range cert.coverages {
		cert.coverages[k].expires = first
		if k != earliest {
			cert.coverages[k].expires = first.AddDate(0, 0, r.intn(61))
		}
	}

	if ch := v.f.Insurance; ch.Count > 0 {
		if ch.Count%2 == 1 {
			cert.coverages[1].cancelled = dateOf(ch.At)
		} else {
			for k := range cert.coverages {
				cert.coverages[k].expires = dateOf(ch.At).AddDate(1, 0, 0)
				cert.coverages[k].policy += "-R" + strconv.Itoa(ch.Count/2)
			}
		}
	}
	return cert
}

// insuranceLapse says whether a coverage is expired or cancelled as of the
// emulator's clock, and since when. It agrees with certificate() without
// deriving it.
func (v *Carrier) insuranceLapse() (lapsed bool, since time.Time, cancelled bool) {
	today := dateOf(v.f.Now)
	expires := v.u.date(int(v.c.expiry))
	if ch := v.f.Insurance; ch.Count > 0 {
		if ch.Count%2 == 1 {
			return !dateOf(ch.At).After(today), dateOf(ch.At), true
		}
		expires = dateOf(ch.At).AddDate(1, 0, 0)
	}
	return expires.Before(today), expires, false
}

// InsuranceLapsed: a coverage is expired or cancelled as of the clock.
func (v *Carrier) InsuranceLapsed() bool {
	lapsed, _, _ := v.insuranceLapse()
	return lapsed
}

func dateOf(t time.Time) time.Time {
	y, m, d := t.UTC().Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

func ymd(t time.Time) string { return t.Format(time.DateOnly) }

// previewCertData is the certificate in PreviewCarrier's PascalCase model,
// where "no cancellation" is an empty CancellationDate.
func (cert certificate) previewCertData() *mcp.CertData {
	out := mcp.Certificate{
		CertificateID: cert.id, ProducerName: cert.agency, ProducerAddress: "400 Commerce Dr",
		ProducerCity: cert.agencyLoc.city, ProducerState: cert.agencyLoc.state, ProducerZip: cert.agencyLoc.zip,
		ProducerPhone: ParenPhone(cert.agencyPhone), ProducerFax: "", ProducerEmail: cert.agencyMail, PaidFor: "No",
	}
	for _, cv := range cert.coverages {
		c := mcp.Coverage{
			InsurerName: insurers[cv.insurer].name, Type: cv.kind, PolicyNumber: cv.policy,
			ExpirationDate: ymd(cv.expires), CoverageLimit: cv.limit, Deductible: cv.deductible,
			ReferBreakdown: yesNo(cv.refer),
		}
		if cv.refer {
			c.ReferBreakDeduct = "2,500"
		}
		if !cv.cancelled.IsZero() {
			c.CancellationDate = ymd(cv.cancelled)
		}
		out.Coverages = append(out.Coverages, c)
	}
	return &mcp.CertData{Status: "OK", Noncoop: false, Certificates: []mcp.Certificate{out}}
}

// fmcsaCertData is the certificate in the Assure Advantage camelCase model,
// where "no cancellation" is 0000-00-00.
func (cert certificate) fmcsaCertData() *mcp.FMCSACertData {
	out := mcp.FMCSACertificate{
		CertificateID: cert.id, ProducerName: cert.agency, ProducerAddress: "400 Commerce Dr",
		ProducerCity: cert.agencyLoc.city, ProducerState: cert.agencyLoc.state, ProducerZip: cert.agencyLoc.zip,
		ProducerPhone: ParenPhone(cert.agencyPhone), ProducerFax: "", ProducerEmail: cert.agencyMail, PaidFor: "No",
		BlobName: cert.blob,
	}
	for _, cv := range cert.coverages {
		c := mcp.FMCSACoverage{
			InsurerName: insurers[cv.insurer].name, InsurerAMBestRating: insurers[cv.insurer].amBest, Type: cv.kind,
			PolicyNumber: cv.policy, ExpirationDate: ymd(cv.expires), CoverageLimit: cv.limit, Deductable: cv.deductible,
			ReferBreakdown: yesNo(cv.refer), CancellationDate: noDate,
		}
		if cv.refer {
			c.ReferBreakDeduct = "2,500"
		}
		if !cv.cancelled.IsZero() {
			c.CancellationDate = ymd(cv.cancelled)
		}
		out.Coverage = append(out.Coverage, c)
	}
	return &mcp.FMCSACertData{Status: "OK", Noncoop: false, Certificate: []mcp.FMCSACertificate{out}}
}

// noDate is FMCSA's "no date".
const noDate = "0000-00-00"

func yesNo(b bool) string {
	if b {
		return "Yes"
	}
	return "No"
}
