package universe

import (
	"strconv"
	"time"

	"github.com/carrierstate/terraform-provider-mcp/internal/mcp"
)

const factoringCompanies = 40

var factorNames = []string{"Capital", "Funding", "Factoring", "Freight Finance", "Receivables", "Cash Flow"}

// FactoringCompanies is MCP's factoring-company directory. Callers must
// not modify it.
func (u *Universe) FactoringCompanies() []mcp.FactoringCompany { return u.factors }

// factoringDirectory builds MCP's factoring-company directory: forty
// companies created over the two years before the base time, some updated
// since.
func factoringDirectory(seed uint64, base time.Time) []mcp.FactoringCompany {
	r := &rng{mix(seed ^ streamFactoring)}
	out := make([]mcp.FactoringCompany, factoringCompanies)
	for k := range out {
		loc := pick(r, usLocations)
		name := namePrefixes[(k*37+r.intn(5))%len(namePrefixes)] + " " + pick(r, factorNames)
		created := base.Add(-time.Duration(r.between(24*60, 730*24*60))*time.Minute - time.Duration(r.intn(60_000_000))*time.Microsecond)
		updated := created
		if r.chance(60) {
			updated = created.Add(time.Duration(r.intn(int(base.Sub(created)/time.Minute))) * time.Minute)
		}
		out[k] = mcp.FactoringCompany{
			FactoringCompanyID: 1001 + k, FactoringCompanyName: name + " " + pick(r, []string{"LLC", "Inc"}),
			FactoringRemitEmail:   "remit@" + slugOf(name) + ".com",
			FactoringRemitAddress: "PO Box " + strconv.Itoa(r.between(1000, 99999)), FactoringRemitCity: loc.city,
			FactoringRemitCountry: "US", FactoringRemitStateProvince: loc.state, FactoringRemitZipcode: loc.zip,
			FactoringPhone:  ParenPhone(strconv.Itoa(loc.area) + "555" + r.digits(4)),
			CreatedDateTime: mcp.Time{Time: created}, UpdatedDateTime: mcp.Time{Time: updated},
		}
	}
	return out
}
