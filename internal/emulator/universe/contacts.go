package universe

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/carrierstate/terraform-provider-mcp/internal/mcp"
)

// contacts derives a carrier's MCP users: an Admin authorised for packets,
// then up to three dispatchers or drivers who are verified or pending.
// Phones are ten bare digits, as captured.
func (u *Universe) contacts(i int32) []mcp.CarrierContact {
	r := u.rngFor(i, streamContacts)
	n := 1 + r.intn(4)
	if i == 0 {
		n = 2
	}
	_, domain := u.name(i, u.rngFor(i, streamIdentity))
	f0, l0 := r.intn(len(firstNames)), r.intn(len(lastNames))
	out := make([]mcp.CarrierContact, n)
	for j := range out {
		first, last := firstNames[(f0+j*7)%len(firstNames)], lastNames[(l0+j*11)%len(lastNames)]
		c := mcp.CarrierContact{
			FirstName: first, LastName: last, Phone: u.phoneDigits(i, 1+j),
			Email: strings.ToLower(first + "." + last + "@" + domain),
		}
		if j == 0 {
			c.Title, c.AuthorizedForPackets = "Admin", true
			switch {
			case r.chance(50):
				c.VerificationStatus = "Verified"
			case r.chance(40):
				c.VerificationStatus = "Pending"
			}
		} else {
			c.Title = pick(r, []string{"Dispatcher", "Driver", "Dispatcher", ""})
			c.VerificationStatus = pick(r, []string{"Verified", "Verified", "Pending"})
		}
		out[j] = c
	}
	return out
}

// incidentCounts are TotalIncidentReports and TotalIncidentReportsWithFraud,
// computed without building the reports.
func (v *Carrier) incidentCounts() (total, fraud int) {
	if !v.c.has(traitIncidents) {
		return 0, 0
	}
	total = 1 + v.u.rngFor(v.i, streamIncidents).intn(3)
	if v.c.has(traitFraudReport) {
		fraud = 1
	}
	return total, fraud
}

// Incidents are the reports other customers filed; nil when there are none
// (MCP answers "IncidentReports": null then).
func (v *Carrier) Incidents() []mcp.CarrierIncidentReportDetail {
	total, fraud := v.incidentCounts()
	if total == 0 {
		return nil
	}
	r := v.u.rngFor(v.i, streamIncidents)
	r.next() // the count
	out := make([]mcp.CarrierIncidentReportDetail, total)
	for k := range out {
		from, to := pick(r, usLocations), pick(r, usLocations)
		broker := pick(r, brokerCompanies)
		reporter := "ops@" + slugOf(broker) + ".com"
		created := v.u.timeAt(r.between(60, 400*24*60), r)
		types := []string{pick(r, incidentTypes)}
		if k < fraud {
			types = []string{pick(r, fraudIncidentTypes), types[0]}
		}
		rep := mcp.CarrierIncidentReportDetail{
			IncidentDate: created.AddDate(0, 0, -r.between(1, 10)).Format("01/02/2006"),
			OriginCity:   from.city, OriginStateProvinceName: from.state, OriginCountryName: "United States",
			DestinationCity: to.city, DestinationStateProvinceName: to.state, DestinationCountryName: "United States",
			ReportedByCompany: broker, CarrierEmails: v.ident().email,
			CreatedBy: reporter, CreatedDate: mcp.Time{Time: created}, ModifiedBy: reporter, ModifiedDate: mcp.Time{Time: created.Add(time.Duration(r.intn(3000)) * time.Minute)},
			IncidentTypes: types,
			Comments: []mcp.CarrierIncidentReportComment{{
				CommenterType: "ReportingParty", CommentBy: reporter, CommentDate: mcp.Time{Time: created},
				Comment: "Carrier " + strings.ToLower(types[0]) + " on load from " + from.city + " to " + to.city + ".",
			}},
		}
		if r.chance(50) {
			rep.Comments = append(rep.Comments, mcp.CarrierIncidentReportComment{
				CommenterType: "RespondingParty", CommentBy: v.ident().email, CommentDate: mcp.Time{Time: created.Add(26 * time.Hour)},
				Comment: "We dispute this report and have contacted the broker.",
			})
		}
		out[k] = rep
	}
	return out
}

// VIN verification statuses.
var vinStatuses = map[int]string{1: "VIN Request Sent", 2: "Belongs To Carrier", 3: "Belongs To Another Carrier", 4: "Carrier Undetermined"}

func vinStatus(id int) *mcp.VINVerificationStatus {
	return &mcp.VINVerificationStatus{StatusID: id, Description: vinStatuses[id]}
}

// VINVerifications are the carrier's VIN verifications on record, then the
// customer's pending requests (status 1, no VIN yet); nil when none.
func (v *Carrier) VINVerifications() []mcp.CarrierVINVerificationDetail {
	var out []mcp.CarrierVINVerificationDetail
	if v.c.has(traitVINs) {
		r := v.u.rngFor(v.i, streamVINs)
		contacts := v.u.contacts(v.i)
		for k := range 1 + r.intn(6) {
			status := pick(r, []int{2, 2, 2, 2, 2, 3, 4})
			vin := randomVIN(r)
			created := v.u.timeAt(r.between(60, 500*24*60), r)
			var other *mcp.CarrierVINVerificationDetailOtherCarrier
			if status == 3 {
				other = v.u.otherCarrier(int32(1 + (int(v.i)*7919+k)%(len(v.u.carriers)-1)))
			}
			c := contacts[r.intn(len(contacts))]
			req := mcp.CarrierVINVerificationRequest{
				RequestSentTo: ParenPhone(c.Phone), RequestedByUser: "Other Company", RequestedDateTime: mcp.Time{Time: created},
				ImageUploadedByFirstName: c.FirstName, ImageUploadedByLastName: c.LastName,
				ImageUploadedFromIPAddress: fmt.Sprintf("198.51.100.%d:%d", r.between(2, 254), r.between(1024, 65535)),
				ImageUploadedDateTime:      mcp.Time{Time: created.Add(time.Duration(r.between(5, 600)) * time.Minute)},
				ImageFileName:              "IMG_" + r.digits(4) + ".jpg",
				ImageBlobName:              "carrier-vin-photo/" + strconv.Itoa(r.between(1, 99)) + "/" + r.guid(-1),
				VIN:                        vin, VINVerificationStatus: vinStatus(status), OtherCarrier: other,
			}
			out = append(out, mcp.CarrierVINVerificationDetail{
				VIN: vin, VINVerificationStatus: vinStatus(status), CreatedOnUtc: mcp.Time{Time: created},
				ModifiedOnUtc: req.ImageUploadedDateTime, OtherCarrier: other, Requests: []mcp.CarrierVINVerificationRequest{req},
			})
		}
	}
	for _, p := range v.f.VINRequests {
		at := mcp.Time{Time: p.ReceivedAt}
		out = append(out, mcp.CarrierVINVerificationDetail{
			VINVerificationStatus: vinStatus(1), CreatedOnUtc: at, ModifiedOnUtc: at,
			Requests: []mcp.CarrierVINVerificationRequest{{
				RequestSentTo: p.PhoneNumber, RequestedByUser: p.UserName, RequestedDateTime: at, VINVerificationStatus: vinStatus(1),
			}},
		})
	}
	return out
}

func (u *Universe) otherCarrier(i int32) *mcp.CarrierVINVerificationDetailOtherCarrier {
	id := u.identity(i)
	return &mcp.CarrierVINVerificationDetailOtherCarrier{
		DOTNumber: int(u.carriers[i].dot), DocketNumber: u.Docket(i), CompanyName: id.legalName, DBAName: id.dbaName,
		Street: id.street, City: id.loc.city, StateProvince: id.loc.state, Zipcode: id.zip, Country: id.loc.country,
		Phone: ParenPhone(id.phone),
	}
}

// randomVIN makes a 17-character VIN of a truck make with a valid check
// digit (position 9).
func randomVIN(r *rng) string {
	const chars = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"
	const years = "GHJKLMNPRS" // 2016–2025
	b := []byte(pick(r, []string{"1FU", "1XK", "1XP", "4V4", "3AK", "1M1", "3HS"}))
	for range 5 {
		b = append(b, chars[r.intn(len(chars))])
	}
	b = append(b, '0', years[r.intn(len(years))], chars[r.intn(23)])
	b = append(b, r.digits(6)...)
	b[8] = vinCheckDigit(b)
	return string(b)
}

func vinCheckDigit(vin []byte) byte {
	const letters = "A1B2C3D4E5F6G7H8J1K2L3M4N5P7R9S2T3U4V5W6X7Y8Z9"
	weights := [17]int{8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2}
	sum := 0
	for k, c := range vin {
		val := int(c - '0')
		if c >= 'A' {
			at := strings.IndexByte(letters, c)
			val = int(letters[at+1] - '0')
		}
		sum += val * weights[k]
	}
	if sum%11 == 10 {
		return 'X'
	}
	return byte('0' + sum%11)
}

// Association types (AssociationTypeDTO codes).
const (
	assocCompany          = 1
	assocAuthorizedUser   = 8
	assocVerifiedUser     = 12
	assocVerificationPend = 13
	assocDriver           = 16
	assocDispatcher       = 17
	assocMCRecord         = 18
	assocDOTRecord        = 19
)

// companyAssociations: the company phone and e-mail are the MCP profile's
// and the FMCSA census record's (and the MC record's when there is a docket).
func (v *Carrier) companyAssociations() []int {
	if v.Docket() == "" {
		return []int{assocCompany, assocDOTRecord}
	}
	return []int{assocCompany, assocMCRecord, assocDOTRecord}
}

func contactAssociations(c mcp.CarrierContact) []int {
	var out []int
	if c.AuthorizedForPackets {
		out = append(out, assocAuthorizedUser)
	}
	switch c.VerificationStatus {
	case "Verified":
		out = append(out, assocVerifiedUser)
	case "Pending":
		out = append(out, assocVerificationPend)
	}
	switch c.Title {
	case "Driver":
		out = append(out, assocDriver)
	case "Dispatcher":
		out = append(out, assocDispatcher)
	}
	return out
}

// associations says how a carrier's data holds a phone (ten digits) and an
// e-mail (either may be empty).
func (v *Carrier) associations(phone, email string) (byPhone, byEmail []int) {
	id := v.ident()
	if phone != "" && id.phone == phone {
		byPhone = append(byPhone, v.companyAssociations()...)
	}
	if email != "" && strings.EqualFold(id.email, email) {
		byEmail = append(byEmail, v.companyAssociations()...)
	}
	for _, c := range v.Contacts() {
		if phone != "" && NormalizePhone(c.Phone) == phone {
			byPhone = append(byPhone, contactAssociations(c)...)
		}
		if email != "" && strings.EqualFold(c.Email, email) {
			byEmail = append(byEmail, contactAssociations(c)...)
		}
	}
	slices.Sort(byPhone)
	slices.Sort(byEmail)
	return slices.Compact(byPhone), slices.Compact(byEmail)
}

// AssociatedCarrier is the carrier as FindAssociatedCarriers lists it when
// its data holds the phone (ten digits) or the e-mail (either may be
// empty); ok is false when it holds neither.
func (v *Carrier) AssociatedCarrier(phone, email string) (ac mcp.AssociatedCarrier, ok bool) {
	byPhone, byEmail := v.associations(phone, email)
	if len(byPhone) == 0 && len(byEmail) == 0 {
		return mcp.AssociatedCarrier{}, false
	}
	id := v.ident()
	return mcp.AssociatedCarrier{
		DOTNumber: int(v.c.dot), DocketNumber: v.Docket(), CompanyName: id.legalName, DBAName: id.dbaName,
		Street: id.street, City: id.loc.city, State: id.loc.state, ZipCode: id.zip, Country: id.loc.country,
		Phone: ParenPhone(id.phone), PhoneAssociationTypes: associationTypes(byPhone), EmailAssociationTypes: associationTypes(byEmail),
	}, true
}

// AssociationCandidates are the carriers, ascending, whose derived data may
// hold the phone (ten digits) or the e-mail: found by inverting the phone
// and domain schemes, widened to the fraud ring of the owner. Contacts that
// Facts replace are not searched. Callers verify every candidate with
// AssociatedCarrier.
func (u *Universe) AssociationCandidates(phone, email string) []int32 {
	var out []int32
	widen := func(i int32, shared bool) {
		out = append(out, i)
		if ring := u.carriers[i].ring; ring >= 0 && shared {
			out = append(out, u.rings[ring].members...)
		}
	}
	if phone != "" {
		if i, slot, ok := u.phoneOwner(phone); ok {
			widen(i, slot == 0 && u.carriers[i].ring >= 0 && u.rings[u.carriers[i].ring].sharesPhone)
		}
	}
	if _, domain, ok := strings.Cut(email, "@"); ok {
		for _, i := range u.carriersAtDomain(domain) {
			widen(i, u.carriers[i].ring >= 0 && !u.rings[u.carriers[i].ring].sharesPhone)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

func associationTypes(codes []int) []mcp.AssociationType {
	out := make([]mcp.AssociationType, len(codes))
	for k, c := range codes {
		out[k] = mcp.AssociationType{AssociationType: c, Description: associationNames[c]}
	}
	return out
}
