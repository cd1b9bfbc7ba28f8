package universe

import (
	"fmt"
	"strconv"

	"github.com/carrierstate/terraform-provider-mcp/internal/mcp"
)

// basic is one CSA BASIC score.
type basic struct {
	pct   float64
	alert bool
	count int
	trend string
}

// safetyFacts are the FMCSA numbers behind Safety, Inspection, Crash,
// Drivers and Equipment, and behind the safety and operation infractions.
type safetyFacts struct {
	rating, ratingDate                     string
	unsafe, hos, drvFit, ctrlSub, vehMaint basic
	hazmat                                 basic
	vehInsp, vehOOS, drvInsp, drvOOS       int
	hazInsp, hazOOS                        int
	fatal, injury, tow                     int
	powerUnits, drivers                    int
}

// National vehicle out-of-service rate; the operation rule fires above it.
const nationalVehicleOOS = 22.26

func (v *Carrier) safety() safetyFacts {
	r := v.u.rngFor(v.i, streamSafety)
	f := safetyFacts{rating: "Not Rated", ratingDate: noDate}
	if r.chance(30) {
		f.rating = pick(r, []string{"Satisfactory", "Satisfactory", "Conditional"})
		f.ratingDate = ymd(v.u.date(-r.between(200, 3000)))
	}
	score := func(flagged bool) basic {
		b := basic{trend: pick(r, []string{"NA", "UP", "DOWN", "FLAT"}), count: r.intn(6)}
		if flagged {
			b.pct, b.alert, b.count = float64(r.between(650, 990))/10, true, 3+r.intn(20)
		} else {
			b.pct = float64(r.intn(600)) / 10
		}
		return b
	}
	f.unsafe = score(v.c.has(traitUnsafeDriving))
	f.hos = score(v.c.has(traitHoursOfService))
	f.drvFit = score(false)
	f.ctrlSub = score(false)
	f.vehMaint = score(v.c.has(traitVehicleMaint))
	f.hazmat = score(false)
	if !v.c.has(traitHazmat) {
		f.hazmat = basic{trend: "NA"}
	}

	f.powerUnits = 1 + r.intn(8)
	if r.chance(30) {
		f.powerUnits = r.between(10, 250)
	}
	f.drivers = f.powerUnits + r.intn(f.powerUnits/4+2)
	f.vehInsp = r.between(f.powerUnits, f.powerUnits*4+3)
	oosPct := r.between(5, 20)
	if v.c.has(traitHighOOS) {
		oosPct = r.between(35, 60)
	}
	f.vehOOS = f.vehInsp * oosPct / 100
	if v.c.has(traitHighOOS) && float64(f.vehOOS*100) <= float64(f.vehInsp)*nationalVehicleOOS {
		f.vehOOS = f.vehInsp/2 + 1
	}
	f.drvInsp = f.vehInsp + r.intn(5)
	f.drvOOS = f.drvInsp * r.between(0, 8) / 100
	if v.c.has(traitHazmat) {
		f.hazInsp = r.intn(f.vehInsp/3 + 1)
		f.hazOOS = f.hazInsp * r.between(0, 5) / 100
	}
	f.tow = r.intn(f.powerUnits/10 + 2)
	f.injury = r.intn(f.tow + 1)
	f.fatal = 0
	if f.injury > 2 {
		f.fatal = r.intn(2)
	}
	return f
}

func pct(part, whole int) string {
	if whole == 0 {
		return "0.00"
	}
	return fmt.Sprintf("%.2f", float64(part)*100/float64(whole))
}

func (f safetyFacts) vehicleOOSRate() float64 {
	if f.vehInsp == 0 {
		return 0
	}
	return float64(f.vehOOS) * 100 / float64(f.vehInsp)
}

func (f safetyFacts) model() *mcp.Safety {
	s := &mcp.Safety{Rating: f.rating, RatingDate: f.ratingDate}
	set := func(b basic, p, ot, sv, alert, trend *string, cnt *int) {
		*p, *ot, *sv, *alert, *trend, *cnt = fmt.Sprintf("%.1f", b.pct), yesNo(b.alert), "No", yesNo(b.alert), b.trend, b.count
	}
	set(f.unsafe, &s.UnsafeDrvPCT, &s.UnsafeDrvOT, &s.UnsafeDrvSV, &s.UnsafeDrvAlert, &s.UnsafeDrvTrend, &s.UnsafeDrvCNT)
	set(f.hos, &s.HosPCT, &s.HosOT, &s.HosSV, &s.HosAlert, &s.HosTrend, &s.HosCNT)
	set(f.drvFit, &s.DrvFitPCT, &s.DrvFitOT, &s.DrvFitSV, &s.DrvFitAlert, &s.DrvFitTrend, &s.DrvFitCNT)
	set(f.ctrlSub, &s.ControlSubPCT, &s.ControlSubOT, &s.ControlSubSV, &s.ControlSubAlert, &s.ControlSubTrend, &s.ControlSubCNT)
	set(f.vehMaint, &s.VehMaintPCT, &s.VehMaintOT, &s.VehMaintSV, &s.VehMaintAlert, &s.VehMaintTrend, &s.VehMaintCNT)
	set(f.hazmat, &s.HazMatPCT, &s.HazMatOT, &s.HazMatSV, &s.HazMatAlert, &s.HazMatTrend, &s.HazMatCNT)
	return s
}

func (f safetyFacts) inspection() *mcp.Inspection {
	it := strconv.Itoa
	iep, iepOOS := f.vehInsp/10, f.vehOOS/10
	return &mcp.Inspection{
		InspectVehUS: it(f.vehInsp), InspectVehOOSUS: it(f.vehOOS), InspectVehOOSPctUS: pct(f.vehOOS, f.vehInsp),
		InspectDrvUS: it(f.drvInsp), InspectDrvOOSUS: it(f.drvOOS), InspectDrvOOSPctUS: pct(f.drvOOS, f.drvInsp),
		InspectHazUS: it(f.hazInsp), InspectHazOOSUS: it(f.hazOOS), InspectHazOOSPctUS: pct(f.hazOOS, f.hazInsp),
		InspectIEPUS: it(iep), InspectIEPOOSUS: it(iepOOS), InspectIEPOOSPctUS: pct(iepOOS, iep),
		InspectTotalIEPUS: it(iep), InspectTotalUS: it(f.drvInsp + f.hazInsp),
		InspectVehCAN: "0", InspectVehOOSCAN: "0", InspectVehOOSPctCAN: "0.00",
		InspectDrvCAN: "0", InspectDrvOOSCAN: "0", InspectDrvOOSPctCAN: "0.00", InspectTotalCAN: "0",
	}
}

func (f safetyFacts) crash() *mcp.Crash {
	it := strconv.Itoa
	return &mcp.Crash{
		CrashFatalUS: it(f.fatal), CrashInjuryUS: it(f.injury), CrashTowUS: it(f.tow), CrashTotalUS: it(f.fatal + f.injury + f.tow),
		CrashFatalCAN: "0", CrashInjuryCAN: "0", CrashTowCAN: "0", CrashTotalCAN: "0",
	}
}

func (f safetyFacts) driversModel(intrastate bool) *mcp.Drivers {
	it := strconv.Itoa
	long := f.drivers * 2 / 3
	d := &mcp.Drivers{
		DriversTotal: it(f.drivers), DriversAvgLeased: "0", DriversCDL: it(f.drivers),
		DriversInter: it(f.drivers), DriversInterLT100: it(f.drivers - long), DriversInterGT100: it(long),
		DriversIntra: "0", DriversIntraLT100: "0", DriversIntraGT100: "0",
	}
	if intrastate {
		d.DriversInter, d.DriversInterLT100, d.DriversInterGT100 = "0", "0", "0"
		d.DriversIntra, d.DriversIntraLT100, d.DriversIntraGT100 = it(f.drivers), it(f.drivers-long), it(long)
	}
	return d
}

func (f safetyFacts) equipment() *mcp.Equipment {
	it := strconv.Itoa
	trailers := f.powerUnits + f.powerUnits/3
	return &mcp.Equipment{
		TrucksTotal: it(f.powerUnits), TotalPower: it(f.powerUnits), Fleetsize: fleetRange(f.powerUnits),
		TrucksOwned: "0", TrucksTerm: "0", TrucksTrip: "0",
		TrailersOwned: it(trailers), TrailersTerm: "0", TrailersTrip: "0",
		TractorsOwned: it(f.powerUnits), TractorsTerm: "0", TractorsTrip: "0",
	}
}

// fleetRange is FMCSA's fleet-size band, such as 101-200.
func fleetRange(n int) string {
	for _, b := range [][2]int{{1, 1}, {2, 6}, {7, 10}, {11, 25}, {26, 50}, {51, 100}, {101, 200}, {201, 500}} {
		if n <= b[1] {
			if b[0] == b[1] {
				return strconv.Itoa(b[0])
			}
			return fmt.Sprintf("%d-%d", b[0], b[1])
		}
	}
	return "501+"
}
