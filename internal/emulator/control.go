package emulator

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/carrierstate/terraform-provider-mcp/internal/emulator/universe"
)

// Out-of-band edits: what someone clicking in the MCP portal (or FMCSA data
// changing) does behind the client's back. The admin routes call the same
// methods. Each takes DOT numbers and changes nothing when one is unknown.

// ErrUnknownCarrier is returned for a DOT number the universe lacks.
var ErrUnknownCarrier = errors.New("emulator: unknown DOT number")

// indexes resolves DOT numbers to carriers, failing on any unknown one.
func (s *Server) indexes(dots []int) ([]int32, error) {
	out := make([]int32, 0, len(dots))
	var unknown []int
	for _, d := range dots {
		i, ok := s.u.ByDOT(d)
		if !ok {
			unknown = append(unknown, d)
			continue
		}
		out = append(out, i)
	}
	if len(unknown) > 0 {
		if len(unknown) > 10 {
			return nil, fmt.Errorf("%w: %v and %d more", ErrUnknownCarrier, unknown[:10], len(unknown)-10)
		}
		return nil, fmt.Errorf("%w: %v", ErrUnknownCarrier, unknown)
	}
	return out, nil
}

// ListEdit reports what an edit of the monitored or blocked list did.
type ListEdit struct {
	Added   int `json:"added"`
	Removed int `json:"removed"`
	Total   int `json:"total"` // entries on the list afterwards
}

// List names one of the broker's two carrier lists.
type List int

const (
	MonitoredList List = iota // the Assure Advantage monitored list
	BlockedList               // the blocked-carrier list
)

func (l List) String() string {
	if l == BlockedList {
		return "blocked"
	}
	return "monitored"
}

// editList adds and removes carriers on a list as PortalUser, after
// checking every DOT number.
func (s *Server) editList(l List, add, remove []int) (ListEdit, error) {
	blocked := l == BlockedList
	addIdx, err := s.indexes(add)
	if err != nil {
		return ListEdit{}, err
	}
	removeIdx, err := s.indexes(remove)
	if err != nil {
		return ListEdit{}, err
	}
	now := s.now()
	if vs := s.vset.Load(); vs.has(vDateOnly) {
		now = vs.midnight(now) // the portal stamps its entries with the day only
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	var e ListEdit
	for _, i := range addIdx {
		var added bool
		if blocked {
			added = s.st.block(i, now, PortalUser)
		} else {
			_, added = s.st.monitor(i, now, PortalUser)
		}
		if added {
			e.Added++
		}
	}
	for _, i := range removeIdx {
		var removed bool
		if blocked {
			removed = s.st.unblock(i)
		} else {
			_, removed = s.st.unmonitor(i)
		}
		if removed {
			e.Removed++
		}
	}
	e.Total = s.st.nMonitored
	if blocked {
		e.Total = s.st.nBlocked
	}
	return e, nil
}

// Put puts carriers on a list, as a portal user would.
func (s *Server) Put(l List, dots ...int) error { _, err := s.editList(l, dots, nil); return err }

// TakeOff takes carriers off a list, as a portal user would.
func (s *Server) TakeOff(l List, dots ...int) error { _, err := s.editList(l, nil, dots); return err }

// Monitor puts carriers on the monitored list, as a portal user would.
func (s *Server) Monitor(dots ...int) error { return s.Put(MonitoredList, dots...) }

// Unmonitor takes carriers off the monitored list.
func (s *Server) Unmonitor(dots ...int) error { return s.TakeOff(MonitoredList, dots...) }

// Block puts carriers on the blocked list.
func (s *Server) Block(dots ...int) error { return s.Put(BlockedList, dots...) }

// Unblock takes carriers off the blocked list.
func (s *Server) Unblock(dots ...int) error { return s.TakeOff(BlockedList, dots...) }

// ChangeCarrier changes a carrier's insurance, authority or risk now (see
// ChangeCategory). Risk assessments and CarrierDetails reflect it at once,
// and CarriersChanges reports it while the carrier is monitored.
func (s *Server) ChangeCarrier(dot int, category ChangeCategory) error {
	_, err := s.changeCarrier(dot, category)
	return err
}

func (s *Server) changeCarrier(dot int, category ChangeCategory) ([]string, error) {
	if !slices.Contains([]ChangeCategory{ChangeInsurance, ChangeAuthority, ChangeRisk}, category) {
		return nil, fmt.Errorf("emulator: unknown change category %q (want insurance, authority or risk)", category)
	}
	idx, err := s.indexes([]int{dot})
	if err != nil {
		return nil, err
	}
	now := s.now()
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.st.applyChange(idx[0], category, now), nil
}

// CompletePacket makes a carrier complete the customer's packet now:
// CompletedPackets lists it with this completion time, and GetCarrierData
// answers its packet.
func (s *Server) CompletePacket(dot int) error {
	_, err := s.completePacket(dot)
	return err
}

func (s *Server) completePacket(dot int) (time.Time, error) {
	idx, err := s.indexes([]int{dot})
	if err != nil {
		return time.Time{}, err
	}
	now := s.now()
	s.mu.Lock()
	defer s.mu.Unlock()
	i := idx[0]
	s.st.overlay(i).PacketAt = now
	if !slices.Contains(s.st.completedOutOfBand, i) {
		s.st.completedOutOfBand = append(s.st.completedOutOfBand, i)
	}
	return now, nil
}

// Carrier kinds for CarrierFilter.
const (
	KindAll              = ""
	KindMC               = "mc"         // docket MC
	KindFF               = "ff"         // docket FF (freight forwarder)
	KindMX               = "mx"         // docket MX (Mexico-domiciled)
	KindIntrastate       = "intrastate" // DOT and intrastate number, no docket
	KindExpiredInsurance = "expired"    // a coverage expired or cancelled by the emulator's clock
	KindFraudRing        = "fraud"      // shares a phone or e-mail with 2–5 other carriers
	KindPacket           = "packet"     // completed the customer's packet
	KindIncidents        = "incidents"  // has incident reports
	KindVINVerifications = "vins"       // has VIN verifications
	KindMonitored        = "monitored"
	KindBlocked          = "blocked"
	KindBlockedByOthers  = "blocked-by-others" // the risk rule "blocked by 3 or more companies" fires
	// KindNoContacts: no MCP users. Only under the contacts-success-false
	// variant (one carrier in eight); the default universe has none.
	KindNoContacts = "no-contacts"
	// KindPaddedDocket: a zero-padded MC docket such as MC012345. Only
	// under the list-unpadded-docket variant (a quarter of the MC
	// carriers); the default universe has none.
	KindPaddedDocket = "padded-docket"
)

var carrierKinds = []string{KindMC, KindFF, KindMX, KindIntrastate, KindExpiredInsurance, KindFraudRing, KindPacket,
	KindIncidents, KindVINVerifications, KindMonitored, KindBlocked, KindBlockedByOthers, KindNoContacts, KindPaddedDocket}

// CarrierFilter selects carriers for Carriers.
type CarrierFilter struct {
	Kind  string // one of the Kind constants; KindAll for every carrier
	Limit int    // at most this many; 0 for no limit
}

// The sample carrier of MCP's integration guide. It exists in every
// universe, whatever the seed and size, with the same details.
const (
	SampleDOTNumber    = universe.SampleDOTNumber
	SampleDocketNumber = universe.SampleDocketNumber
	SampleLegalName    = universe.SampleLegalName
)

// CarrierInfo identifies a carrier of the universe.
type CarrierInfo struct {
	DOTNumber        int      `json:"dot_number"`
	DocketNumber     string   `json:"docket_number,omitempty"`
	IntrastateNumber string   `json:"intrastate_number,omitempty"`
	LegalName        string   `json:"legal_name"`
	Phone            string   `json:"phone"` // as PreviewCarrier writes it: (NNN) NNN-NNNN
	Email            string   `json:"email"` // the FMCSA census e-mail
	Kinds            []string `json:"kinds"`
}

// kinds lists the Kind constants that describe a carrier. A carrier's kind
// of docket shows in its prefix, padded or not.
func kinds(v *universe.Carrier) []string {
	var out []string
	add := func(kind string, ok bool) {
		if ok {
			out = append(out, kind)
		}
	}
	docket := v.Docket()
	add(KindMC, strings.HasPrefix(docket, "MC"))
	add(KindFF, strings.HasPrefix(docket, "FF"))
	add(KindMX, strings.HasPrefix(docket, "MX"))
	add(KindIntrastate, docket == "")
	add(KindExpiredInsurance, v.InsuranceLapsed())
	add(KindFraudRing, v.InFraudRing())
	add(KindPacket, v.HasPacket())
	add(KindIncidents, v.HasIncidents())
	add(KindVINVerifications, v.HasVINVerifications())
	add(KindMonitored, v.Monitored())
	add(KindBlocked, v.Blocked())
	add(KindBlockedByOthers, v.BlockedByOthers())
	add(KindNoContacts, v.NoContacts())
	add(KindPaddedDocket, v.PaddedDocket())
	return out
}

// Carriers lists known carriers in DOT order, filtered by kind.
func (s *Server) Carriers(f CarrierFilter) ([]CarrierInfo, error) {
	if f.Kind != KindAll && !slices.Contains(carrierKinds, f.Kind) {
		return nil, fmt.Errorf("emulator: unknown carrier kind %q (want one of %v)", f.Kind, carrierKinds)
	}
	now := s.now()
	var views []*universe.Carrier
	s.mu.Lock()
	for i := range s.u.Len() {
		if f.Limit > 0 && len(views) >= f.Limit {
			break
		}
		v := s.view(int32(i), now)
		if f.Kind == KindAll || slices.Contains(kinds(v), f.Kind) {
			views = append(views, v)
		}
	}
	s.mu.Unlock()
	out := make([]CarrierInfo, 0, len(views))
	for _, v := range views {
		out = append(out, CarrierInfo{
			DOTNumber: v.DOT(), DocketNumber: v.Docket(), IntrastateNumber: v.Intrastate(), LegalName: v.LegalName(),
			Phone: v.Phone(), Email: v.Email(), Kinds: kinds(v),
		})
	}
	return out, nil
}
