package emulator

import (
	"time"

	"github.com/carrierstate/terraform-provider-mcp/internal/emulator/universe"
)

// PortalUser is who out-of-band edits (the Go methods and /_emulator/
// routes that mimic someone clicking in the MCP portal) are attributed to in
// CreatedBy and LastModifiedBy, as the customer's agreement is. API writes
// are attributed to the integration user.
const PortalUser = universe.PortalUser

// firstMonitoringID is the first MonitoringID handed out.
const firstMonitoringID = 500_001

// firstVINRequestID is the first VinVerificationRequestID handed out.
const firstVINRequestID = 70_001

// membership is an entry of the monitored or blocked list.
type membership struct {
	monitoringID int64
	requested    time.Time
	by           string
}

// changeEvent is one CarriersChanges event.
type changeEvent struct {
	i          int32
	at         time.Time
	categories []string
}

// state is everything requests and out-of-band edits change. Server.mu
// guards it.
type state struct {
	monitored, blocked   []*membership // by carrier index
	nMonitored, nBlocked int
	nextMonitoringID     int64
	nextVINRequestID     int
	overlays             map[int32]*universe.Overlay
	changes              []changeEvent
	invitations          []Invitation
	userVerifications    []UserVerification
	vinRequests          []VINRequest
	completedOutOfBand   []int32 // carriers CompletePacket was called for
}

func newState(n int) *state {
	return &state{
		monitored:        make([]*membership, n),
		blocked:          make([]*membership, n),
		nextMonitoringID: firstMonitoringID,
		nextVINRequestID: firstVINRequestID,
		overlays:         map[int32]*universe.Overlay{},
	}
}

// overlay returns carrier i's overlay, creating it.
func (st *state) overlay(i int32) *universe.Overlay {
	ov := st.overlays[i]
	if ov == nil {
		ov = &universe.Overlay{}
		st.overlays[i] = ov
	}
	return ov
}

// view joins carrier i to a copy of its mutable state, so that the
// derivation can run outside the lock. Callers hold s.mu.
func (s *Server) view(i int32, now time.Time) *universe.Carrier {
	vs := s.vset.Load()
	f := universe.Facts{
		Monitored: s.st.monitored[i] != nil, Blocked: s.st.blocked[i] != nil, Now: now,
		ContactsSuccessFalse: vs.has(vContactsSuccessFalse),
	}
	if vs.has(vDateOnly) {
		f.DateOnly = vs.zone()
	}
	if ov := s.st.overlays[i]; ov != nil {
		f.Overlay = *ov
	}
	return s.u.Carrier(i, f)
}

// viewOf takes the lock to view one carrier.
func (s *Server) viewOf(i int32) *universe.Carrier {
	now := s.now()
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.view(i, now)
}

// monitor puts carrier i on the monitored list unless it is there; it
// returns the entry and whether it was added.
func (st *state) monitor(i int32, at time.Time, by string) (*membership, bool) {
	if m := st.monitored[i]; m != nil {
		return m, false
	}
	m := &membership{monitoringID: st.nextMonitoringID, requested: at, by: by}
	st.nextMonitoringID++
	st.monitored[i] = m
	st.nMonitored++
	return m, true
}

func (st *state) unmonitor(i int32) (*membership, bool) {
	m := st.monitored[i]
	if m == nil {
		return nil, false
	}
	st.monitored[i] = nil
	st.nMonitored--
	return m, true
}

func (st *state) block(i int32, at time.Time, by string) bool {
	if st.blocked[i] != nil {
		return false
	}
	st.blocked[i] = &membership{requested: at, by: by}
	st.nBlocked++
	return true
}

func (st *state) unblock(i int32) bool {
	if st.blocked[i] == nil {
		return false
	}
	st.blocked[i] = nil
	st.nBlocked--
	return true
}

// members lists the carrier indexes on a list, in DOT order.
func members(list []*membership, n int) []int32 {
	out := make([]int32, 0, n)
	for i, m := range list {
		if m != nil {
			out = append(out, int32(i))
		}
	}
	return out
}

// ChangeCategory is a kind of out-of-band carrier change (ChangeCarrier).
type ChangeCategory string

// The change categories ChangeCarrier accepts.
const (
	// ChangeInsurance alternately cancels the cargo coverage and renews
	// every coverage for a year.
	ChangeInsurance ChangeCategory = "insurance"
	// ChangeAuthority alternately revokes and restores an interstate
	// carrier's operating authority (an intrastate-only carrier is put out
	// of service and back).
	ChangeAuthority ChangeCategory = "authority"
	// ChangeRisk flips the cross-customer "blocked by 3 or more companies"
	// rule.
	ChangeRisk ChangeCategory = "risk"
)

// ChangeCategories vocabulary reported by CarriersChanges, in this order.
// FMCSAChangeCount counts carriers with "Authority".
const (
	categoryInsurance = "Insurance"
	categoryAuthority = "Authority"
	categoryRisk      = "RiskAssessment"
)

var categoryOrder = []string{categoryInsurance, categoryAuthority, categoryRisk}

// applyChange records a change of carrier i at a time and returns the
// ChangeCategories it is reported with. Every change kind moves the risk
// assessment too.
func (st *state) applyChange(i int32, kind ChangeCategory, at time.Time) []string {
	ov := st.overlay(i)
	var cats []string
	switch kind {
	case ChangeInsurance:
		ov.Insurance = universe.Change{Count: ov.Insurance.Count + 1, At: at}
		cats = []string{categoryInsurance, categoryRisk}
	case ChangeAuthority:
		ov.Authority = universe.Change{Count: ov.Authority.Count + 1, At: at}
		cats = []string{categoryAuthority, categoryRisk}
	case ChangeRisk:
		ov.Risk = universe.Change{Count: ov.Risk.Count + 1, At: at}
		cats = []string{categoryRisk}
	}
	st.changes = append(st.changes, changeEvent{i: i, at: at, categories: cats})
	return cats
}

// Snapshot is what the emulator has been told: the two lists and every
// request that e-mails or texts someone. Times are the emulator's clock.
type Snapshot struct {
	Monitored         []ListEntry        `json:"monitored"`
	Blocked           []ListEntry        `json:"blocked"`
	Invitations       []Invitation       `json:"invitations"`
	UserVerifications []UserVerification `json:"user_verifications"`
	VINVerifications  []VINRequest       `json:"vin_verifications"`
}

// ListEntry is a monitored or blocked carrier.
type ListEntry struct {
	DOTNumber        int       `json:"dot_number"`
	DocketNumber     string    `json:"docket_number,omitempty"`
	IntrastateNumber string    `json:"intrastate_number,omitempty"`
	MonitoringID     int64     `json:"monitoring_id,omitempty"` // monitored list only
	CreatedDate      time.Time `json:"created_date"`
	CreatedBy        string    `json:"created_by"`
}

// Invitation is an EmailPacketInvitation the emulator received, with the
// carrier it resolved to.
type Invitation struct {
	DOTNumber             int       `json:"dot_number"`
	DocketNumber          string    `json:"docket_number,omitempty"`
	CarrierEmail          string    `json:"carrier_email"`
	UserName              string    `json:"user_name,omitempty"`
	SendConfirmationEmail bool      `json:"send_confirmation_email"`
	NotificationEmails    []string  `json:"notification_emails,omitempty"`
	ReceivedAt            time.Time `json:"received_at"`
}

// UserVerification is a RequestUserVerification the emulator received.
type UserVerification struct {
	DOTNumber    int       `json:"dot_number"`
	DocketNumber string    `json:"docket_number,omitempty"`
	Email        string    `json:"email"`
	UserName     string    `json:"user_name,omitempty"`
	ReceivedAt   time.Time `json:"received_at"`
}

// VINRequest is a RequestVINVerification the emulator accepted.
type VINRequest struct {
	RequestID    int       `json:"request_id"`
	DOTNumber    int       `json:"dot_number"`
	DocketNumber string    `json:"docket_number,omitempty"`
	PhoneNumber  string    `json:"phone_number"` // (NNN) NNN-NNNN
	UserName     string    `json:"user_name,omitempty"`
	ReceivedAt   time.Time `json:"received_at"`
}

// listEntries turns a list into ListEntries. Callers hold s.mu.
func (s *Server) listEntries(list []*membership, n int) []ListEntry {
	out := make([]ListEntry, 0, n)
	for _, i := range members(list, n) {
		m := list[i]
		out = append(out, ListEntry{
			DOTNumber: s.u.DOT(i), DocketNumber: s.u.Docket(i), IntrastateNumber: s.u.Intrastate(i),
			MonitoringID: m.monitoringID, CreatedDate: m.requested, CreatedBy: m.by,
		})
	}
	return out
}

// Snapshot returns a copy of the emulator's lists and received requests.
func (s *Server) Snapshot() Snapshot {
	s.mu.Lock()
	defer s.mu.Unlock()
	snap := Snapshot{
		Monitored:         s.listEntries(s.st.monitored, s.st.nMonitored),
		Blocked:           s.listEntries(s.st.blocked, s.st.nBlocked),
		Invitations:       append([]Invitation{}, s.st.invitations...),
		UserVerifications: append([]UserVerification{}, s.st.userVerifications...),
		VINVerifications:  append([]VINRequest{}, s.st.vinRequests...),
	}
	for k := range snap.Invitations {
		snap.Invitations[k].NotificationEmails = append([]string(nil), snap.Invitations[k].NotificationEmails...)
	}
	return snap
}
