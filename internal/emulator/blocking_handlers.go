package emulator

import (
	"strconv"
	"strings"

	"github.com/carrierstate/terraform-provider-mcp/internal/mcp"
)

func (s *Server) blockCarrier(c *call) (reply, error) {
	i, err := s.resolve(c.p, true)
	if err != nil {
		return reply{}, err
	}
	s.mu.Lock()
	added := s.st.block(i, c.now, c.user)
	s.mu.Unlock()
	if added {
		return ok(mcp.BlockCarrierOutput{Result: true, Message: s.blockLabel(i) + " was added to your blocked carrier list."}), nil
	}
	msg := s.blockLabel(i) + " is already in your blocked carrier list."
	if c.vs.has(vRepeatWrite400) {
		return reply{}, repeatError(msg)
	}
	return ok(mcp.BlockCarrierOutput{Message: msg}), nil
}

func (s *Server) unblockCarrier(c *call) (reply, error) {
	i, err := s.resolve(c.p, true)
	if err != nil {
		return reply{}, err
	}
	s.mu.Lock()
	removed := s.st.unblock(i)
	s.mu.Unlock()
	if removed {
		return ok(mcp.UnblockCarrierOutput{Result: true, Message: s.blockLabel(i) + " was removed from your blocked carrier list."}), nil
	}
	msg := s.blockLabel(i) + " is not in your blocked carrier list."
	if c.vs.has(vRepeatWrite400) {
		return reply{}, repeatError(msg)
	}
	return ok(mcp.UnblockCarrierOutput{Message: msg}), nil
}

// blockLabel names a carrier as the captured BlockCarrier message does:
// "Carrier DOT<dot>/<docket> <LEGAL NAME>", the intrastate number standing
// in for the docket of an intrastate-only carrier.
func (s *Server) blockLabel(i int32) string {
	ref := s.u.Docket(i)
	if ref == "" {
		ref = s.u.Intrastate(i)
	}
	return "Carrier DOT" + strconv.Itoa(s.u.DOT(i)) + "/" + ref + " " + strings.ToUpper(s.u.LegalName(i))
}

func (s *Server) blockedCarriers(c *call) (reply, error) {
	rp, items, err := s.headerList(c, true)
	out := make([]mcp.BlockedCarrier, len(items))
	for k, m := range items {
		out[k] = mcp.BlockedCarrier(m)
	}
	rp.body = out
	return rp, err
}
