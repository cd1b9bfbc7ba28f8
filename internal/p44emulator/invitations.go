package p44emulator

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/mail"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Enumerations, as the reference lists them (§4).
var (
	// InviteeIdentifierTypes are the types invitee.identifiers[].type takes.
	InviteeIdentifierTypes = []string{"VAT", "SCAC", "DOT_NUMBER", "MC_NUMBER", "P44_EU"}
	// Capabilities are the values capability takes.
	Capabilities = []string{"TRUCKLOAD_ASSET_TRACKING"}
	// Statuses are the invitation statuses.
	Statuses = []string{StatusInProgress, StatusAccepted, StatusDeclined, StatusCanceled, StatusExpired}
	// Locales are the supported contact locales (the guide's "Supported
	// Locals", seed 002).
	Locales = []string{"bg-BG", "cs-CZ", "de-DE", "en-US", "es-ES", "hu-HU", "it-IT", "lt-LT", "fr-FR", "pt-BR", "pl-PL", "ro-RO", "tr-TR", "uk-UA"}
)

// Invitation statuses.
const (
	StatusInProgress = "IN_PROGRESS"
	StatusAccepted   = "ACCEPTED"
	StatusDeclined   = "DECLINED"
	StatusCanceled   = "CANCELED"
	StatusExpired    = "EXPIRED"
)

// DefaultLocale is the locale of a contact sent without one (seed 002: "Default value is en-US").
const DefaultLocale = "en-US"

// Invitation is a stored invitation, as tests see it.
type Invitation struct {
	// ID is the emulator's id for it; the wire shows it only under
	// p44-invitation-id.
	ID           string    `json:"id"`
	Invitee      Invitee   `json:"invitee"`
	Capability   string    `json:"capability"`
	Status       string    `json:"status"`
	Created      time.Time `json:"created"`
	LastModified time.Time `json:"last_modified"`
}

func (inv *Invitation) clone() Invitation {
	c := *inv
	c.Invitee.Identifiers = slices.Clone(inv.Invitee.Identifiers)
	c.Invitee.Contacts = slices.Clone(inv.Invitee.Contacts)
	if inv.Invitee.Organization != nil {
		org := *inv.Invitee.Organization
		c.Invitee.Organization = &org
	}
	return c
}

func (inv *Invitation) names(id Identifier) bool { return slices.Contains(inv.Invitee.Identifiers, id) }

func (s *Server) wire(inv *Invitation, vs variantSet, contacts bool) invitationJSON {
	out := invitationJSON{
		Invitee: inv.Invitee, Capability: inv.Capability, Status: inv.Status,
		CreatedDateTime: s.formatTime(inv.Created, vs), LastModifiedDateTime: s.formatTime(inv.LastModified, vs),
	}
	if vs.has(vInvitationID) {
		out.ID = inv.ID
	}
	if !contacts {
		out.Invitee.Contacts = nil
	}
	return out
}

// createInvitation answers POST /services/invitation/v1/invitations.
func (s *Server) createInvitation(c *call) (any, int, *apiError) {
	if mt, _, err := mime.ParseMediaType(c.r.Header.Get("Content-Type")); err != nil || mt != "application/json" {
		return nil, 0, errorf(http.StatusUnsupportedMediaType, "Content-Type '%s' is not supported; send application/json", c.r.Header.Get("Content-Type"))
	}
	var req createRequest
	dec := json.NewDecoder(io.LimitReader(c.r.Body, 1<<20))
	if err := dec.Decode(&req); err != nil {
		return nil, 0, errorf(http.StatusBadRequest, "Malformed JSON request: %v", err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if errs := s.validate(&req); len(errs) > 0 {
		e := errorf(http.StatusBadRequest, "Invalid request: %d validation error(s)", len(errs))
		e.errors = errs
		return nil, 0, e
	}
	if c.vs.has(vDuplicate409) {
		for _, inv := range s.invitations {
			if inv.Status != StatusInProgress && inv.Status != StatusAccepted {
				continue
			}
			for _, id := range req.Invitee.Identifiers {
				if inv.names(id) {
					e := errorf(http.StatusConflict, "An invitation for %s %s already exists with status %s", id.Type, id.Value, inv.Status)
					e.errors = []message{fieldError("invitee.identifiers", "already invited: %s %s", id.Type, id.Value)}
					return nil, 0, e
				}
			}
		}
	}
	inv := &Invitation{ID: newUUID(), Invitee: *req.Invitee, Capability: req.Capability, Status: StatusInProgress, Created: c.now, LastModified: c.now}
	inv.Invitee.Contacts = slices.Clone(inv.Invitee.Contacts)
	for k := range inv.Invitee.Contacts {
		if inv.Invitee.Contacts[k].Locale == "" {
			inv.Invitee.Contacts[k].Locale = DefaultLocale
		}
	}
	s.invitations = append(s.invitations, inv)
	s.invitationsCreated.Add(1)
	status := http.StatusCreated
	if c.vs.has(vCreate200) {
		status = http.StatusOK
	}
	return s.wire(inv, c.vs, true), status, nil
}

// validate lists what is wrong with a create request, each entry naming its
// field. Callers hold s.mu (the conditional requirement reads the
// tracking-method overrides).
func (s *Server) validate(req *createRequest) []message {
	var errs []message
	if !slices.Contains(Capabilities, req.Capability) {
		if req.Capability == "" {
			errs = append(errs, fieldError("capability", "must not be empty"))
		} else {
			errs = append(errs, fieldError("capability", "must be one of %s", strings.Join(Capabilities, ", ")))
		}
	}
	inv := req.Invitee
	if inv == nil {
		return append(errs, fieldError("invitee", "must not be null"))
	}
	if len(inv.Identifiers) == 0 {
		errs = append(errs, fieldError("invitee.identifiers", "must not be empty"))
	}
	asset := false
	for k, id := range inv.Identifiers {
		field := fmt.Sprintf("invitee.identifiers[%d]", k)
		switch {
		case id.Type == "":
			errs = append(errs, fieldError(field+".type", "must not be empty"))
		case !slices.Contains(InviteeIdentifierTypes, id.Type):
			errs = append(errs, fieldError(field+".type", "must be one of %s", strings.Join(InviteeIdentifierTypes, ", ")))
		}
		switch {
		case strings.TrimSpace(id.Value) == "":
			errs = append(errs, fieldError(field+".value", "must not be empty"))
		case (id.Type == "DOT_NUMBER" || id.Type == "MC_NUMBER") && !digitsOnly(id.Value):
			errs = append(errs, fieldError(field+".value", "must contain digits only for %s", id.Type))
		}
		if assetTracking(s.methodsLocked(id)) {
			asset = true
		}
	}
	if !asset && (inv.Organization == nil || strings.TrimSpace(inv.Organization.Name) == "") {
		errs = append(errs, fieldError("invitee.organization.name", "is required unless the carrier already supports asset-based tracking"))
	}
	for k, ct := range inv.Contacts {
		field := fmt.Sprintf("invitee.contacts[%d]", k)
		if ct.Email != "" {
			if a, err := mail.ParseAddress(ct.Email); err != nil || a.Address != ct.Email || !strings.Contains(ct.Email[strings.LastIndex(ct.Email, "@"):], ".") {
				errs = append(errs, fieldError(field+".email", "must be an e-mail address"))
			}
		}
		if ct.Locale != "" && !slices.Contains(Locales, ct.Locale) {
			errs = append(errs, fieldError(field+".locale", "must be one of %s", strings.Join(Locales, ", ")))
		}
		if !asset {
			if ct.Email == "" {
				errs = append(errs, fieldError(field+".email", "is required unless the carrier already supports asset-based tracking"))
			}
			if strings.TrimSpace(ct.GivenName) == "" {
				errs = append(errs, fieldError(field+".givenName", "is required unless the carrier already supports asset-based tracking"))
			}
		}
	}
	if !asset && len(inv.Contacts) == 0 {
		errs = append(errs, fieldError("invitee.contacts", "must hold at least one contact with email and givenName unless the carrier already supports asset-based tracking"))
	}
	return errs
}

func digitsOnly(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

// listInvitations answers GET /services/invitation/v1/invitations.
func (s *Server) listInvitations(c *call) (any, int, *apiError) {
	q := c.r.URL.Query()
	base := 0
	if c.vs.has(vOneBasedPages) {
		base = 1
	}
	number, err := intParam(q, base, base, "pageNumber", "page")
	if err != nil {
		return nil, 0, err
	}
	size, err := intParam(q, DefaultPageSize, 1, "pageSize", "size")
	if err != nil {
		return nil, 0, err
	}
	size = min(size, MaxPageSize)
	status := q.Get("status")
	if c.vs.has(vStatusFilterIgnored) {
		status = ""
	} else if status != "" && !slices.Contains(Statuses, status) {
		e := errorf(http.StatusBadRequest, "Invalid request: 1 validation error(s)")
		e.errors = []message{fieldError("status", "must be one of %s", strings.Join(Statuses, ", "))}
		return nil, 0, e
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	var match []*Invitation
	for _, inv := range s.invitations {
		if status == "" || inv.Status == status {
			match = append(match, inv)
		}
	}
	out := listJSON{PaginationInfo: paginationInfo{Total: len(match), PageSize: size, PageNumber: number}, Results: []invitationJSON{}}
	start := (number - base) * size
	for k := start; k < len(match) && k < start+size; k++ {
		out.Results = append(out.Results, s.wire(match[k], c.vs, !c.vs.has(vListNoContacts)))
	}
	return out, http.StatusOK, nil
}

// intParam reads the first of names that is present: an integer of at
// least least, else def.
func intParam(q map[string][]string, def, least int, names ...string) (int, *apiError) {
	for _, name := range names {
		vals, ok := q[name]
		if !ok || len(vals) == 0 {
			continue
		}
		n, err := strconv.Atoi(vals[0])
		if err != nil || n < least || n > 1<<30 {
			e := errorf(http.StatusBadRequest, "Invalid request: 1 validation error(s)")
			e.errors = []message{fieldError(name, "must be an integer of at least %d", least)}
			return 0, e
		}
		return n, nil
	}
	return def, nil
}

// ErrNoInvitation is SetStatus's error when no invitation names the
// identifier.
var ErrNoInvitation = errors.New("p44emulator: no invitation names that identifier")

// SetStatus moves the latest invitation naming the identifier to status
// (one of Statuses) and stamps its lastModifiedDateTime with now, as
// project44 does when the carrier answers or the invitation lapses.
func (s *Server) SetStatus(typ, value, status string) error {
	if !slices.Contains(Statuses, status) {
		return fmt.Errorf("p44emulator: status %q is not one of %s", status, strings.Join(Statuses, ", "))
	}
	id := Identifier{Type: typ, Value: value}
	now := s.now()
	s.mu.Lock()
	defer s.mu.Unlock()
	for k := len(s.invitations) - 1; k >= 0; k-- {
		if inv := s.invitations[k]; inv.names(id) {
			inv.Status, inv.LastModified = status, now
			return nil
		}
	}
	return fmt.Errorf("%w: %s %s", ErrNoInvitation, typ, value)
}

// Invitations returns copies of the stored invitations, oldest first.
func (s *Server) Invitations() []Invitation {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]Invitation, len(s.invitations))
	for k, inv := range s.invitations {
		out[k] = inv.clone()
	}
	return out
}

// TimesInvited counts the invitations created that name the identifier.
func (s *Server) TimesInvited(typ, value string) int {
	id := Identifier{Type: typ, Value: value}
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	for _, inv := range s.invitations {
		if inv.names(id) {
			n++
		}
	}
	return n
}
