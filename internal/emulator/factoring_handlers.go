package emulator

import (
	"net/http"

	"github.com/carrierstate/terraform-provider-mcp/internal/mcp"
)

// getUpdatedFactoringCompanies lists the directory entries created or
// updated within [fromDate, toDate]; toDate defaults to now.
func (s *Server) getUpdatedFactoringCompanies(c *call) (reply, error) {
	from, hasFrom, err := c.p.dateTime("fromDate")
	if err != nil || !hasFrom {
		return reply{}, errInvalid()
	}
	to, hasTo, err := c.p.dateTime("toDate")
	if err != nil {
		return reply{}, err
	}
	if !hasTo {
		to = c.now
	}
	if from.After(to) {
		return reply{}, errorf(http.StatusBadRequest, "fromDate must not be later than toDate.")
	}
	in := func(t mcp.Time) bool { return !t.Before(from) && !t.After(to) }
	out := mcp.UpdatedFactoringCompanies{
		FromDate: mcp.Time{Time: from}, ToDate: mcp.Time{Time: to}, RequestDateTimeUtc: mcp.Time{Time: c.now},
		FactoringCompanies: []mcp.FactoringCompany{},
	}
	for _, f := range s.u.FactoringCompanies() {
		if in(f.CreatedDateTime) || in(f.UpdatedDateTime) {
			out.FactoringCompanies = append(out.FactoringCompanies, f)
		}
	}
	out.FactoringCompaniesCount = len(out.FactoringCompanies)
	return ok(out), nil
}
