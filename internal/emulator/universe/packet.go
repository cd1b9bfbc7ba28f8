package universe

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"time"

	"github.com/carrierstate/terraform-provider-mcp/internal/mcp"
)

// PortalUser is the customer's user in the MCP portal, who created its
// carrier agreement.
const PortalUser = "portal.user@broker.example"

// The emulated customer: the broker whose packet carriers complete.
var customer = mcp.Customer{
	CustomerID: customerID, FirstName: "Dana", LastName: "Whitfield", CompanyName: "Broker Example Logistics LLC",
	TypeCompany: "Broker", Phone: "(312) 555-0188", Address1: "200 W Adams St", City: "Chicago", State: "IL",
	Zipcode: "60606", Country: "US", CustomerKey: "broker-example", PacketCompletionNotificationType: 1,
	PacketCompletionNotificationEmail: "carriers@broker.example",
}

// customerAgreementBlob is the customer's own agreement document, the same
// for every carrier.
var customerAgreementBlob = fmt.Sprintf("company-agreement/%d/6a1f3c2e-8b4d-4e5a-9c7f-2d8e1b0a5f34", customerID)

// Blob names of a carrier's packet documents. Their GUIDs end with the DOT
// number, which is how GetDocument finds the carrier again.
func (v *Carrier) agreementImageBlob() string {
	return fmt.Sprintf("company-agreement/%d/%s", customerID, v.u.rngFor(v.i, streamBlobs).guid(int(v.c.dot)))
}

func (v *Carrier) w9Blob() string {
	r := v.u.rngFor(v.i, streamBlobs)
	r.next()
	return "w9-form/" + r.guid(int(v.c.dot)) + ".pdf"
}

// agreementCreated is when the customer's agreement was created: 09:00 UTC
// on a day 400 days before the start, or, under date-only, midnight of that
// day where date-times are written (so that date-only has a field to show).
func (v *Carrier) agreementCreated() time.Time {
	day := v.u.date(-400)
	if loc := v.f.DateOnly; loc != nil {
		y, m, d := day.Date()
		return time.Date(y, m, d, 0, 0, 0, 0, loc).UTC()
	}
	return day.Add(9 * time.Hour)
}

// Packet is everything the carrier filled in when it completed the
// customer's packet: GetCarrierData's CarrierAADTO beyond Message and
// AssureAdvantage.
func (v *Carrier) Packet() *mcp.CarrierPacket {
	id := v.ident()
	r := v.u.rngFor(v.i, streamPacket)
	contacts := v.u.contacts(v.i)
	owner := contacts[0]
	ownerName := owner.FirstName + " " + owner.LastName
	completed := v.PacketTime()
	created := completed.Add(-time.Duration(r.between(10, 600)) * time.Minute)
	f := v.safety()
	docket := v.Docket()

	var dispatchers []string
	var dispatcherDTOs []mcp.CarrierDispatcher
	for _, c := range contacts {
		if c.Title == "Dispatcher" || c.Title == "Admin" {
			dispatchers = append(dispatchers, c.FirstName+" "+c.LastName)
			dispatcherDTOs = append(dispatcherDTOs, mcp.CarrierDispatcher{DispatcherName: c.FirstName + " " + c.LastName, PhoneNumber: ParenPhone(c.Phone), Email: c.Email})
		}
	}
	p := &mcp.CarrierPacket{
		DOTNumber: int(v.c.dot), LegalName: id.legalName, DBAName: id.dbaName, Address1: id.street, City: id.loc.city,
		Zipcode: id.zip, State: id.loc.state, Country: id.loc.country, CellPhone: ParenPhone(owner.Phone),
		Phone: ParenPhone(id.phone), Fax: ParenPhone(id.fax), EmergencyPhone: ParenPhone(id.phone), Email: id.email,
		MCNumber: docket, SCAC: scac(r),
		MailingAddress1: id.street, MailingCity: id.loc.city, MailingState: id.loc.state, MailingZipcode: id.zip, MailingCountry: id.loc.country,
		AfterHrsWkDaySupportName: ownerName, AfterHrsWkDaySupportPhone: ParenPhone(owner.Phone), AfterHrsWkDaySupportFrom: "17:00", AfterHrsWkDaySupportTo: "08:00",
		AfterHrsWkEndSupportName: ownerName, AfterHrsWkEndSupportPhone: ParenPhone(owner.Phone), AfterHrsWkEndSupportFrom: "00:00", AfterHrsWkEndSupportTo: "23:59",
		Website: "www." + id.domain, OperationManagerName: ownerName, OnlineAccessToAvailableLoads: r.chance(50), AvailableLoadsEmail: id.email,
		DriverLogsSafeyDeptManagerName: ownerName, DriverLogsSafeyDeptManagerPhone: ParenPhone(owner.Phone),
		Dispatchers: strings.Join(dispatchers, ", "), ClaimsContactName: ownerName, ClaimsContactPhone: ParenPhone(owner.Phone), ClaimsContactEmail: owner.Email,
		References1: pick(r, brokerCompanies), References2: pick(r, brokerCompanies), References3: pick(r, brokerCompanies),
		DriversTrackedBy: "ELD", AccessOnlineGPSTracking: true,
		CreatedDateTime: mcp.Time{Time: created}, ModifiedDateTime: mcp.Time{Time: completed},
		CarrierCustomerAgreements: []mcp.CarrierCustomerAgreement{{
			SignatureDate: mcp.Time{Time: completed}, SignaturePerson: ownerName, SignaturePersonTitle: "Owner",
			SignaturePersonUserName: owner.Email, SignaturePersonEmail: owner.Email, SignaturePersonPhoneNumber: ParenPhone(owner.Phone),
			OnCurrentCustomerAgreement: true,
			CustomerAgreement: &mcp.CustomerAgreement{
				AgreementName: "Broker-Carrier Agreement", CreatedDate: mcp.Time{Time: v.agreementCreated()},
				CreatedBy: PortalUser, BlobName: customerAgreementBlob, Customer: &customer,
			},
			CarrierCustomerAgreementImages: []mcp.CarrierCustomerAgreementImage{{BlobName: v.agreementImageBlob(), CreatedDate: mcp.Time{Time: completed}}},
			IsActive:                       true, IPAddress: fmt.Sprintf("203.0.113.%d", r.between(2, 254)),
			GeoLocLat: id.loc.lat + float64(r.intn(200)-100)/1000, GeoLocLng: id.loc.lng + float64(r.intn(200)-100)/1000,
			GeoLocMethod: "DeviceOrBrowser",
		}},
		CarrierCustomerPacketStatuses: []mcp.CarrierCustomerPacketStatus{{Customer: &customer, CarrierPacketStatus: "Completed", CustomerID: customerID}},
		CarrierCargoHauled: &mcp.CarrierCargoHauled{
			GeneralFreight: true, RefrigeratedFood: v.c.has(traitReefer), FreshProduce: v.c.has(traitReefer), Chemicals: v.c.has(traitHazmat),
			BuildingMaterials: r.chance(30), Beverages: r.chance(20), PaperProducts: r.chance(20), MachineryLargeObjects: r.chance(15),
		},
		CarrierCompanyClassification: &mcp.CarrierCompanyClassification{AuthForHire: true, MBE: r.chance(10), WBE: r.chance(8), VOSB: r.chance(5)},
		CarrierDrivers:               v.drivers(r),
		CarrierDispatchers:           dispatcherDTOs,
		CarrierLane:                  v.lanes(r),
		CarrierOperationalDetail:     v.operationalDetail(f, r),
		CarrierPaymentTerms:          []mcp.CarrierPaymentTerm{{PaymentTerm: &mcp.CustomerPaymentTerm{PaymentTermID: 3, Days: 30, Term: "Net 30", CustomerID: customerID}}},
		CarrierPaymentTypes:          []mcp.CarrierPaymentType{{PaymentType: &mcp.CustomerPaymentType{PaymentTypeID: 1, Type: "ACH", CustomerID: customerID, PaymentType: &mcp.PaymentType{Name: "ACH"}}}},
		CarrierTruckClass: &mcp.CarrierTruckClass{
			VansStandard: true, Reefers: v.c.has(traitReefer), Flatbeds: r.chance(25), HazardousMaterials: v.c.has(traitHazmat),
		},
		CarrierTruckType: v.truckTypes(f, r),
		CarrierCertification: &mcp.CarrierCertification{
			Hazmat: v.c.has(traitHazmat), SmartWay: r.chance(30), CARB: id.loc.state == "CA", TWIC: r.chance(15), FAST: v.c.kind == kindMX,
		},
		CarrierMode: &mcp.CarrierMode{Truckload: true, Partial: r.chance(40), LessThanTruckLoad: r.chance(15), Expedite: r.chance(10), Drayage: r.chance(10), Intermodal: r.chance(10)},
		CarrierELDProvider: &mcp.CarrierELDProvider{
			ComplianceStatusID: 1, ComplianceStatus: "Compliant", ProviderName: pick(r, []string{"Motive", "Samsara", "Omnitracs", "Garmin eLog", "BigRoad"}),
			ProviderIdentifier: strings.ToUpper(r.guid(-1)[:6]),
		},
		OwnerContactName: ownerName, OwnerContactPhone: ParenPhone(owner.Phone), OwnerContactEmail: owner.Email,
	}
	if v.c.has(traitHazmat) {
		p.CarrierCertification.HazmatNumber = "HM" + r.digits(6)
	}
	if r.chance(40) {
		p.CarrierPaymentTerms = append(p.CarrierPaymentTerms, mcp.CarrierPaymentTerm{PaymentTerm: &mcp.CustomerPaymentTerm{
			PaymentTermID: 5, Days: 2, Term: "Quick Pay 2 Days", QuickPay: true, PaymentFeeType: "Percent", PaymentFeeAmount: 3, CustomerID: customerID,
		}})
	}
	v.payment(p, r, owner)
	ein := r.digits(2) + "-" + r.digits(7)
	p.CarrierW9Forms = []mcp.CarrierW9Form{v.w9(ein, ownerName, owner.Email, completed)}
	p.CarrierTINMatchings = []mcp.CarrierTINMatching{{
		TINTypeID: 1, TIN: strings.ReplaceAll(ein, "-", ""), TINName: id.legalName, TINMatchingStatusID: 3, TINMatchingResultID: 1,
		CreatedOnUtc: mcp.Time{Time: completed}, SubmittedOnUtc: mcp.Time{Time: completed.Add(time.Minute)}, ProcessedOnUtc: mcp.Time{Time: completed.Add(6 * time.Minute)},
		ContactEmail: owner.Email, ContactPhoneNumber: ParenPhone(owner.Phone),
		MatchingResult: "TIN and Name combination matches IRS records", MatchingStatus: "Processed",
	}}
	return p
}

// payment fills bank, remit and (for some carriers) factoring details. A
// factored carrier's FactoringCompanyID is an entry of the directory that
// GetUpdatedFactoringCompanies lists.
func (v *Carrier) payment(p *mcp.CarrierPacket, r *rng, owner mcp.CarrierContact) {
	id := v.ident()
	routing, account := routingNumber(r), r.digits(10)
	p.CarrierRemit = &mcp.CarrierRemit{
		CarrierRemitEmail: owner.Email, CarrierRemitAddress1: id.street, CarrierRemitCity: id.loc.city,
		CarrierRemitCountry: id.loc.country, CarrierRemitStateProvince: id.loc.state, CarrierRemitZipCode: id.zip,
	}
	p.CarrierPaymentInfo = &mcp.CarrierPaymentInfo{
		RemitAddress1: id.street, RemitCity: id.loc.city, RemitZipCode: id.zip, RemitState: id.loc.state,
		RemitCountry: id.loc.country, RemitEmail: owner.Email, RemitCurrency: "USD", Require1099: true,
	}
	if r.chance(40) {
		fc := v.u.factors[r.intn(len(v.u.factors))]
		p.FactoringRemit = &mcp.FactoringRemit{
			FactoringCompanyID: fc.FactoringCompanyID, FactoringCompanyName: fc.FactoringCompanyName, FactoringRemitEmail: fc.FactoringRemitEmail,
			FactoringRemitAddress: fc.FactoringRemitAddress, FactoringRemitCity: fc.FactoringRemitCity, FactoringRemitCountry: fc.FactoringRemitCountry,
			FactoringRemitStateProvince: fc.FactoringRemitStateProvince, FactoringRemitZipcode: fc.FactoringRemitZipcode,
			FactoringPhone: fc.FactoringPhone, BankRoutingNumber: routing, BankAccountNumber: account,
		}
		p.CarrierPaymentInfo.FactoringCompanyName = fc.FactoringCompanyName
		p.CarrierPayerType = &mcp.PayerType{PayerTypeID: 2, Name: "Factoring Company"}
		return
	}
	bank := pick(r, []string{"First National Bank", "Community Trust Bank", "Heartland Federal Credit Union", "Regions Bank"})
	p.CarrierBank = &mcp.CarrierBank{
		CarrierBankRoutingNumber: routing, CarrierBankAccountNumber: account, CarrierBankAccountName: id.legalName,
		CarrierBankName: bank, CarrierBankAccountType: "Checking",
	}
	p.CarrierPaymentInfo.BankRoutingNumber, p.CarrierPaymentInfo.BankAccountNumber = routing, account
	p.CarrierPaymentInfo.BankAccountName, p.CarrierPaymentInfo.BankName, p.CarrierPaymentInfo.BankAccountType = id.legalName, bank, "Checking"
	p.CarrierPayerType = &mcp.PayerType{PayerTypeID: 1, Name: "Carrier"}
}

func (v *Carrier) w9(ein, ownerName, ownerEmail string, completed time.Time) mcp.CarrierW9Form {
	id := v.ident()
	llc := strings.Contains(id.legalName, "LLC")
	w := mcp.CarrierW9Form{
		FullName: ownerName, BusinessName: id.legalName, CCorporation: !llc, LimitedLiabilityCompany: llc,
		RequesterNameAddress: customer.CompanyName + ", " + customer.Address1 + ", " + customer.City + ", " + customer.State + " " + customer.Zipcode,
		Address:              id.street, CityStateZipCode: id.loc.city + ", " + id.loc.state + " " + id.zip, EIN: ein,
		SignatureDate: mcp.Time{Time: completed.Add(-3 * time.Minute)}, SignaturePerson: ownerName, IsActive: true,
		City: id.loc.city, State: id.loc.state, ZipCode: id.zip,
		CarrierW9FormImages: []mcp.CarrierW9FormImage{{BlobName: v.w9Blob(), CreatedDate: mcp.Time{Time: completed}, FileName: "W9.pdf", CreatedBy: ownerEmail}},
	}
	if llc {
		w.TaxClassification = "C"
	}
	return w
}

func (v *Carrier) drivers(r *rng) []mcp.CarrierDriver {
	out := make([]mcp.CarrierDriver, 1+r.intn(2))
	for k := range out {
		out[k] = mcp.CarrierDriver{
			DriverName: pick(r, firstNames) + " " + pick(r, lastNames), CellPhone: ParenPhone(v.u.phoneDigits(v.i, 5+k)),
			ComCheck: r.chance(50), FuelAdvance: r.chance(30),
		}
	}
	return out
}

// lanes marks the home country, state and region, and a few other states.
func (v *Carrier) lanes(r *rng) *mcp.CarrierLane {
	lane := &mcp.CarrierLane{UnitedStates: true}
	home := v.ident().loc
	names := []string{home.stateLane}
	if home.country == "MX" {
		lane.Mexico = true
	} else {
		names = append(names, home.regionLane)
	}
	for range 2 + r.intn(4) {
		l := pick(r, usLocations)
		names = append(names, l.stateLane, l.regionLane)
	}
	setBools(lane, names...)
	return lane
}

// setBools sets the named boolean fields of the struct p points to. Field
// names come from the location table, which a test checks against the model.
func setBools(p any, names ...string) {
	rv := reflect.ValueOf(p).Elem()
	for _, n := range names {
		rv.FieldByName(n).SetBool(true)
	}
}

func (v *Carrier) operationalDetail(f safetyFacts, r *rng) *mcp.CarrierOperationalDetail {
	trailers := f.powerUnits + f.powerUnits/3
	reefers := 0
	if v.c.has(traitReefer) {
		reefers = trailers / 2
	}
	od := &mcp.CarrierOperationalDetail{
		FleetSize: f.powerUnits, TotalPowerUnits: f.powerUnits, NumberOfVehicles: f.powerUnits + trailers,
		OwnedTractors: f.powerUnits, OwnedTrailers: trailers, InterstateAndIntrastateDrivers: f.drivers,
		CDLEmployedDrivers: f.drivers, InterstateDriversTotal: f.drivers, InterstateDriversGT100Miles: f.drivers * 2 / 3,
		InterstateDriversLT100Miles: f.drivers - f.drivers*2/3, NumberOfTractors: f.powerUnits,
		NumberOfVans: trailers - reefers, NumberOfReefers: reefers, ReeferEquipment: reefers > 0, VanEquipment: true,
		PowerOnly: r.chance(20), SatelliteEquipment: true, TeamDrivers: r.chance(20), DropTrailer: r.chance(30),
		ELDCompliant: true, ELDCompliantBy: "Electronic Logging Device", ELDIdentifier: strings.ToUpper(r.guid(-1)[:6]),
	}
	if v.intrastateOnly() {
		od.InterstateDriversTotal, od.InterstateDriversGT100Miles, od.InterstateDriversLT100Miles = 0, 0, 0
		od.IntrastateDriversTotal, od.IntrastateDriversGT100Miles, od.IntrastateDriversLT100Miles = f.drivers, f.drivers*2/3, f.drivers-f.drivers*2/3
	}
	return od
}

func (v *Carrier) truckTypes(f safetyFacts, r *rng) *mcp.CarrierTruckType {
	trailers := f.powerUnits + f.powerUnits/3
	t := &mcp.CarrierTruckType{Van: true, VanCount: trailers, PowerOnly: r.chance(20)}
	if v.c.has(traitReefer) {
		t.Reefer, t.ReeferCount = true, trailers/2
		t.VanCount = trailers - trailers/2
	}
	if r.chance(25) {
		t.Flatbed, t.FlatbedCount, t.StepDeck, t.StepDeckCount = true, 1+f.powerUnits/5, r.chance(50), f.powerUnits/8
	}
	if v.c.has(traitHazmat) {
		t.HazmatTanker, t.HazmatTankerCount = true, 1+f.powerUnits/6
	}
	return t
}

// scac is a four-letter Standard Carrier Alpha Code.
func scac(r *rng) string {
	b := make([]byte, 4)
	for k := range b {
		b[k] = byte('A' + r.intn(26))
	}
	return string(b)
}

// routingNumber is a nine-digit ABA routing number with a valid checksum.
func routingNumber(r *rng) string {
	d := make([]int, 9)
	d[0], d[1] = 0, 1+r.intn(9)
	for k := 2; k < 8; k++ {
		d[k] = r.intn(10)
	}
	sum := 3*(d[0]+d[3]+d[6]) + 7*(d[1]+d[4]+d[7]) + (d[2] + d[5])
	d[8] = (10 - sum%10) % 10
	var b strings.Builder
	for _, x := range d {
		b.WriteString(strconv.Itoa(x))
	}
	return b.String()
}
