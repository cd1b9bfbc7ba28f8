package emulator

import (
	"fmt"
	"net/http"
	"strings"
)

// resolve finds the one carrier a request names by DOTNumber, DocketNumber
// and, for the membership operations, IntrastateNumber (names matched
// case-insensitively). Every identifier sent must name a known carrier
// (else 404) and all of them the same carrier (else 400); sending none is
// a 400.
func (s *Server) resolve(p params, allowIntrastate bool) (int32, error) {
	dot, hasDOT, err := p.integer("DOTNumber")
	if err != nil {
		return 0, err
	}
	docket, hasDocket := p.str("DocketNumber")
	intra, hasIntra := "", false
	if allowIntrastate {
		intra, hasIntra = p.str("IntrastateNumber")
	}

	type found struct {
		label string
		i     int32
	}
	var ids []found
	lookup := func(label string, i int32, ok bool) error {
		if !ok {
			return errorf(http.StatusNotFound, "No carrier was found with %s.", label)
		}
		ids = append(ids, found{label, i})
		return nil
	}
	if hasDOT {
		i, ok := s.u.ByDOT(dot)
		if err := lookup(fmt.Sprintf("DOT number %d", dot), i, ok); err != nil {
			return 0, err
		}
	}
	if hasDocket {
		i, ok := s.u.ByDocket(docket)
		if err := lookup("docket number "+docket, i, ok); err != nil {
			return 0, err
		}
	}
	if hasIntra {
		i, ok := s.u.ByIntrastate(intra)
		if err := lookup("intrastate number "+intra, i, ok); err != nil {
			return 0, err
		}
	}
	switch {
	case len(ids) == 0 && allowIntrastate:
		return 0, errorf(http.StatusBadRequest, "A DOT number, docket number or intrastate number is required.")
	case len(ids) == 0:
		return 0, errorf(http.StatusBadRequest, "A DOT number or docket number is required.")
	}
	for _, id := range ids[1:] {
		if id.i != ids[0].i {
			labels := make([]string, len(ids))
			for k, id := range ids {
				labels[k] = id.label
			}
			msg := strings.Join(labels, " and ")
			return 0, errorf(http.StatusBadRequest, "%s%s do not identify the same carrier.", strings.ToUpper(msg[:1]), msg[1:])
		}
	}
	return ids[0].i, nil
}
