package universe

import (
	"strconv"
	"strings"

	"github.com/carrierstate/terraform-provider-mcp/internal/mcp"
)

// Details is the carrier's Assure Advantage record (CarrierDetails), the
// payload of GetCarrierData, MonitoredCarrierData and CarriersChanges.
func (v *Carrier) Details() *mcp.CarrierDetails {
	f := v.safety()
	cert := v.certificate()
	risk := v.riskDetails()
	total, fraud := v.incidentCounts()
	carrierType := "Interstate"
	if v.intrastateOnly() {
		carrierType = "Intrastate"
	}
	return &mcp.CarrierDetails{
		DocketNumber:          v.Docket(),
		DotNumber:             &mcp.DotNumber{Status: "ACTIVE", Value: strconv.Itoa(int(v.c.dot))},
		CarrierType:           carrierType,
		IsMonitored:           v.f.Monitored,
		IsBlocked:             v.f.Blocked,
		Identity:              v.identityModel(),
		Authority:             v.authority(),
		FMCSAInsurance:        v.fmcsaInsurance(cert),
		CertData:              cert.fmcsaCertData(),
		Safety:                f.model(),
		Inspection:            f.inspection(),
		Crash:                 f.crash(),
		Review:                v.review(f),
		Operation:             v.operation(),
		Cargo:                 v.cargo(),
		Drivers:               f.driversModel(v.intrastateOnly()),
		Equipment:             f.equipment(),
		Other:                 &mcp.Other{CarbTru: "0", Smartway: "0", WatchdogReports: "NOACCOUNT"},
		RiskAssessment:        riskSummary(risk),
		RiskAssessmentDetails: risk,
		CarrierRatings:        v.ratings(),
		LatestInvitation:      v.latestInvitation(),
		IncidentReports:       &mcp.IncidentReports{TotalIncidentReports: total, TotalIncidentReportsWithFraud: fraud},
	}
}

// ResponseDO is the Assure Advantage lookup status wrapped around a record.
func (v *Carrier) ResponseDO() *mcp.ResponseDO {
	const alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
	x := mix(v.u.carrierSeed(v.i) ^ uint64(v.c.dot))
	code := make([]byte, 8)
	for k := range code {
		code[k] = alphabet[x%uint64(len(alphabet))]
		x /= uint64(len(alphabet))
	}
	return &mcp.ResponseDO{Status: "APPROVED", Action: "OK", Code: string(code)}
}

func (v *Carrier) identityModel() *mcp.Identity {
	id := v.ident()
	rep := ""
	if cs := v.u.contacts(v.i); len(cs) > 0 {
		rep = strings.ToUpper(cs[0].FirstName + " " + cs[0].LastName)
	}
	org := "LIMITED LIABILITY COMPANY"
	if !strings.Contains(id.legalName, "LLC") {
		org = "CORPORATION"
	}
	return &mcp.Identity{
		LegalName: id.legalName, DbaName: id.dbaName,
		BusinessStreet: id.street, BusinessCity: id.loc.city, BusinessState: id.loc.state, BusinessZipCode: id.zip,
		BusinessCountry: id.loc.country, BusinessPhone: dashPhone(id.phone), BusinessFax: dashPhone(id.fax),
		MailingStreet: id.street, MailingCity: id.loc.city, MailingState: id.loc.state, MailingZipCode: id.zip,
		MailingCountry: id.loc.country, MailingPhone: dashPhone(id.phone), MailingFax: dashPhone(id.fax),
		UndeliverableMail: "No", CompanyRep1: rep, EmailAddress: id.email, Organization: org,
	}
}

func (v *Carrier) authority() *mcp.Authority {
	if v.intrastateOnly() {
		return &mcp.Authority{
			AuthGrantDate: noDate, CommonAuthority: "None", CommonAuthorityPending: "No", CommonAuthorityRevocation: "No",
			ContractAuthority: "None", ContractAuthorityPending: "No", ContractAuthorityRevocation: "No",
			BrokerAuthority: "None", BrokerAuthorityPending: "No", BrokerAuthorityRevocation: "No",
			Freight: "No", Passenger: "No", HouseholdGoods: "No", Private: "No", Enterprise: "No",
		}
	}
	common, revoked := "Active", "No"
	if v.authorityRevoked() {
		common, revoked = "Inactive", "Yes"
	}
	return &mcp.Authority{
		AuthGrantDate: v.authGrantDate(), CommonAuthority: common, CommonAuthorityPending: "No", CommonAuthorityRevocation: revoked,
		ContractAuthority: common, ContractAuthorityPending: "No", ContractAuthorityRevocation: revoked,
		BrokerAuthority: "None", BrokerAuthorityPending: "No", BrokerAuthorityRevocation: "No",
		Freight: "Yes", Passenger: "No", HouseholdGoods: "No", Private: "No", Enterprise: "No",
	}
}

// fmcsaInsurance is the BIPD filing on record with FMCSA; intrastate-only
// carriers file none.
func (v *Carrier) fmcsaInsurance(cert certificate) *mcp.FMCSAInsurance {
	if v.intrastateOnly() {
		return &mcp.FMCSAInsurance{BipdRequired: "0", BipdOnFile: "0", CargoRequired: "No", CargoOnFile: "No", BondSuretyRequired: "No", BondSuretyOnFile: "No", PolicyList: []mcp.PolicyOutput{}}
	}
	required := "750,000"
	if v.c.has(traitHazmat) {
		required = "5,000,000"
	}
	auto := cert.coverages[0]
	return &mcp.FMCSAInsurance{
		BipdRequired: required, BipdOnFile: auto.limit, CargoRequired: "No", CargoOnFile: "No",
		BondSuretyRequired: "No", BondSuretyOnFile: "No",
		PolicyList: []mcp.PolicyOutput{{
			CompanyName: insurers[auto.insurer].name, InsuranceType: "BIPD", PolicyNumber: auto.policy,
			PostedDate: ymd(auto.expires.AddDate(-1, 0, -3)), EffectiveDate: ymd(auto.expires.AddDate(-1, 0, 0)),
			CancelationDate: "", CoverageFrom: "0", CoverageTo: auto.limit, AmBestRating: insurers[auto.insurer].amBest,
		}},
	}
}

func (v *Carrier) review(f safetyFacts) *mcp.Review {
	r := v.u.rngFor(v.i, streamSafety)
	miles := f.powerUnits * r.between(60_000, 110_000)
	rv := &mcp.Review{
		ReviewDate: noDate, Mcs150Date: ymd(v.u.date(-r.between(30, 700))), Mcs150MileYear: strconv.Itoa(v.u.base.Year() - 1),
		Mcs150Miles: strconv.Itoa(miles), AccidentRate: "0.000", AccidentRatePrevent: "0.000",
	}
	if f.rating != "Not Rated" {
		rv.ReviewType, rv.ReviewDate, rv.ReviewDocNum, rv.ReviewMiles = "C", f.ratingDate, r.digits(6), strconv.Itoa(miles)
	}
	return rv
}

func (v *Carrier) operation() *mcp.Operation {
	op := &mcp.Operation{
		DotAddDate: ymd(v.u.date(-v.u.rngFor(v.i, streamSafety).between(500, 9500))), CarrierOperation: "Interstate",
		OutOfService: "No", OutOfServiceDate: noDate, EntityCarrier: "Yes", EntityShipper: "No", EntityBroker: "No",
		EntityFreightFowarder: yesNo(v.c.kind == kindFF), EntityCargoTank: "No", ClassAuthForHire: "Yes",
		ClassMigrant: "No", ClassIndianNation: "No", ClassExemptForHire: "No", ClassUSMail: "No", ClassPrivateProperty: "No",
		ClassFederalGovernment: "No", ClassPrivPassBusiness: "No", ClassStateGovernment: "No", ClassPrivPassNonBusiness: "No",
		ClassLocalGovernment: "No", OperatingStatus: "AUTHORIZED FOR Property",
	}
	switch {
	case v.intrastateOnly():
		op.CarrierOperation = "Intrastate Only (Non-HM)"
		if v.c.has(traitHazmat) {
			op.CarrierOperation = "Intrastate Only (HM)"
		}
		op.OperatingStatus = "INTRASTATE ONLY"
	case v.authorityRevoked():
		op.OperatingStatus = "NOT AUTHORIZED"
	}
	if v.c.kind == kindMX {
		op.MxOperationType, op.MxRFCNumber = "Long-haul", "TRA"+strconv.Itoa(int(v.c.docket))+"MX1"
	}
	if v.outOfService() {
		op.OutOfService, op.OutOfServiceDate, op.OutOfServiceReason = "Yes", ymd(v.f.Authority.At), "Imminent Hazard"
	}
	return op
}

func (v *Carrier) cargo() *mcp.Cargo {
	r := v.u.rngFor(v.i, streamSafety)
	yn := func(pct int) string { return yesNo(r.chance(pct)) }
	return &mcp.Cargo{
		HazmatIndicator: yesNo(v.c.has(traitHazmat)), CargoGenFreight: "Yes", CargoHousehold: "No", CargoMetal: yn(20),
		CargoMotorVeh: yn(5), CargoDriveTow: "No", CargoLogPole: yn(5), CargoBldgMaterial: yn(25), CargoMobileHome: "No",
		CargoMachLarge: yn(15), CargoProduce: yn(20), CargoLiqGas: "No", CargoIntermodal: yn(10), CargoPassengers: "No",
		CargoOilfield: yn(5), CargoLivestock: "No", CargoGrainfeed: yn(10), CargoCoalcoke: "No", CargoMeat: yn(10),
		CargoGarbage: "No", CargoUSMail: "No", CargoChemicals: yesNo(v.c.has(traitHazmat)), CargoDryBulk: yn(10),
		CargoRefrigerated: yesNo(v.c.has(traitReefer)), CargoBeverages: yn(15), CargoPaperProd: yn(15), CargoUtilities: "No",
		CargoFarmSupplies: yn(10), CargoConstruction: yn(10), CargoWaterwell: "No", CargoOther: "No",
	}
}

func (v *Carrier) ratings() *mcp.CarrierRatings {
	r := v.u.rngFor(v.i, streamIdentity)
	total := r.intn(12)
	low := 0
	avg := 0.0
	if total > 0 {
		low = r.intn(total/3 + 1)
		avg = float64(r.between(30, 50)) / 10
	}
	return &mcp.CarrierRatings{MyRating: 0, TotalRatings: total, LowRatings: low, AvgRating: avg}
}
