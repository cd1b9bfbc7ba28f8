package p44

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"time"
)

// IdentifierType is the kind of a carrier identifier. Values project44 adds
// later decode as they are.
type IdentifierType string

// The documented invitee identifier types.
const (
	IdentifierVAT       IdentifierType = "VAT"
	IdentifierSCAC      IdentifierType = "SCAC"
	IdentifierDOTNumber IdentifierType = "DOT_NUMBER"
	IdentifierMCNumber  IdentifierType = "MC_NUMBER"
	IdentifierP44EU     IdentifierType = "P44_EU"
)

// IdentifierTypes lists the documented invitee identifier types.
var IdentifierTypes = []IdentifierType{IdentifierVAT, IdentifierSCAC, IdentifierDOTNumber, IdentifierMCNumber, IdentifierP44EU}

// Identifier names a carrier.
type Identifier struct {
	Type  IdentifierType `json:"type"`
	Value string         `json:"value"`
}

// Organization is the invited carrier's company.
type Organization struct {
	Name string `json:"name"`
}

// Contact is whom project44 e-mails the invitation to.
type Contact struct {
	Email      string `json:"email,omitempty"`
	GivenName  string `json:"givenName,omitempty"`
	FamilyName string `json:"familyName,omitempty"`
	Locale     string `json:"locale,omitempty"` // one of Locales
	Phone      string `json:"phone,omitempty"`
}

// UnmarshalJSON reads the phone from "phone" or "phoneNumber": the guide's
// example request says the first, its field tables and example response
// the second.
func (c *Contact) UnmarshalJSON(b []byte) error {
	type plain Contact
	var w struct {
		plain
		PhoneNumber string `json:"phoneNumber"`
	}
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	*c = Contact(w.plain)
	if c.Phone == "" {
		c.Phone = w.PhoneNumber
	}
	return nil
}

// Locales are the languages project44 can write the invitation e-mail in
// (the guide's "Supported Locales"; en-US when none is given).
var Locales = []string{"bg-BG", "cs-CZ", "de-DE", "en-US", "es-ES", "hu-HU", "it-IT", "lt-LT", "fr-FR", "pt-BR", "pl-PL", "ro-RO", "tr-TR", "uk-UA"}

// Invitee is the carrier invited. Organization and Contacts are required
// unless the carrier already supports asset tracking (see
// SupportsAssetTracking).
type Invitee struct {
	Identifiers  []Identifier  `json:"identifiers"`
	Organization *Organization `json:"organization,omitempty"`
	Contacts     []Contact     `json:"contacts,omitempty"`
}

// Capability is what the carrier is invited to share.
type Capability string

// TruckloadAssetTracking is the only capability project44 documents.
const TruckloadAssetTracking Capability = "TRUCKLOAD_ASSET_TRACKING"

// Status is where an invitation stands. Values project44 adds later decode
// as they are.
type Status string

// The documented invitation statuses.
const (
	StatusInProgress Status = "IN_PROGRESS" // sent, awaiting the carrier
	StatusAccepted   Status = "ACCEPTED"
	StatusDeclined   Status = "DECLINED" // by the carrier
	StatusCanceled   Status = "CANCELED" // by the inviter
	StatusExpired    Status = "EXPIRED"
)

// Statuses lists the documented invitation statuses.
var Statuses = []Status{StatusInProgress, StatusAccepted, StatusDeclined, StatusCanceled, StatusExpired}

// Invitation is an invitation as project44 reports it.
type Invitation struct {
	// ID is project44's id for the invitation, if it sends one: the guide's
	// responses show none, so it is usually empty.
	ID           string     `json:"id,omitempty"`
	Invitee      Invitee    `json:"invitee"`
	Capability   Capability `json:"capability"`
	Status       Status     `json:"status"`
	Created      time.Time  `json:"-"` // createdDateTime
	LastModified time.Time  `json:"-"` // lastModifiedDateTime
}

// UnmarshalJSON reads the timestamps tolerantly (see timestamp).
func (inv *Invitation) UnmarshalJSON(b []byte) error {
	type plain Invitation
	var w struct {
		plain
		Created      timestamp `json:"createdDateTime"`
		LastModified timestamp `json:"lastModifiedDateTime"`
	}
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	*inv = Invitation(w.plain)
	inv.Created, inv.LastModified = time.Time(w.Created), time.Time(w.LastModified)
	return nil
}

// InvitationRequest is the body of CreateInvitation.
type InvitationRequest struct {
	Invitee    Invitee    `json:"invitee"`
	Capability Capability `json:"capability"`
}

const invitationsPath = "/services/invitation/v1/invitations"

var (
	createInvitationOp = operation{name: "CreateInvitation", method: http.MethodPost, path: invitationsPath, sideEffect: true}
	listInvitationsOp  = operation{name: "ListInvitations", method: http.MethodGet, path: invitationsPath}
)

// CreateInvitation invites a carrier: POST /services/invitation/v1/invitations.
// project44 e-mails the carrier, so a failure after the request may have
// reached it is an *UncertainError and is never retried. When the answer
// (any 2xx) does not echo the invitation, the invitation is built from req
// with Status IN_PROGRESS.
func (c *Client) CreateInvitation(ctx context.Context, req InvitationRequest) (*Invitation, error) {
	body, err := json.Marshal(req)
	if err != nil {
		return nil, err
	}
	resp, err := c.exchange(ctx, createInvitationOp, request{body: body, contentType: "application/json"})
	if err != nil {
		return nil, err
	}
	var inv Invitation
	if len(bytes.TrimSpace(resp.Body)) > 0 {
		if err := json.Unmarshal(resp.Body, &inv); err != nil {
			// The invitation was made; failing now would invite a retry
			// that e-mails the carrier twice.
			c.caller.Logger.Warn(ctx, "project44 CreateInvitation answer is not an invitation; using the request", map[string]any{"operation": createInvitationOp.name, "status": resp.Status})
			inv = Invitation{}
		}
	}
	if len(inv.Invitee.Identifiers) == 0 {
		inv.Invitee = req.Invitee
	}
	if inv.Capability == "" {
		inv.Capability = req.Capability
	}
	if inv.Status == "" {
		inv.Status = StatusInProgress
	}
	return &inv, nil
}

// ListOptions narrows Invitations.
type ListOptions struct {
	Statuses []Status // empty: all
}

// pageSize is what the client asks for; the server's paginationInfo wins.
const pageSize = 100

// maxPages stops a server that never says it is done.
const maxPages = 10000

type invitationPage struct {
	PaginationInfo *struct {
		Total      *int `json:"total"`
		PageSize   int  `json:"pageSize"`
		PageNumber *int `json:"pageNumber"`
	} `json:"paginationInfo"`
	Results []json.RawMessage `json:"results"`
}

// Invitations lists the invitations sent, every page of
// GET /services/invitation/v1/invitations. Paging parameters are not
// documented: it sends pageNumber and pageSize, learns from the first answer
// whether pages count from 0 or 1, and fails rather than loop when the
// server ignores pageNumber. The status filter is applied here too, since
// the server may ignore it.
func (c *Client) Invitations(ctx context.Context, opts ListOptions) ([]Invitation, error) {
	query := url.Values{"pageSize": {strconv.Itoa(pageSize)}}
	if len(opts.Statuses) == 1 {
		query.Set("status", string(opts.Statuses[0]))
	}
	var (
		out      []Invitation
		seen     int  // results read, before filtering
		next     = -1 // page to ask for; -1: the first, number unknown
		previous []byte
	)
	for range maxPages {
		if next >= 0 {
			query.Set("pageNumber", strconv.Itoa(next))
		}
		resp, err := c.exchange(ctx, listInvitationsOp, request{query: query})
		if err != nil {
			return nil, err
		}
		var page invitationPage
		if err := json.Unmarshal(resp.Body, &page); err != nil {
			return nil, fmt.Errorf("project44 %s: decoding response: %w", listInvitationsOp.name, err)
		}
		if len(page.Results) > 0 && previous != nil && bytes.Equal(previous, resp.Body) {
			return nil, fmt.Errorf("project44 %s: page %d repeats the page before it; the server seems to ignore the pageNumber parameter", listInvitationsOp.name, next)
		}
		previous = resp.Body
		for _, raw := range page.Results {
			var inv Invitation
			if err := json.Unmarshal(raw, &inv); err != nil {
				return nil, fmt.Errorf("project44 %s: decoding invitation: %w", listInvitationsOp.name, err)
			}
			if len(opts.Statuses) == 0 || slices.Contains(opts.Statuses, inv.Status) {
				out = append(out, inv)
			}
		}
		seen += len(page.Results)

		info := page.PaginationInfo
		if len(page.Results) == 0 || info == nil {
			return out, nil // nothing more, or no way to ask for more
		}
		size := pageSize
		if info.PageSize > 0 {
			size = info.PageSize
			query.Set("pageSize", strconv.Itoa(size))
		}
		switch {
		case info.Total != nil && seen >= *info.Total:
			return out, nil
		case info.Total == nil && len(page.Results) < size:
			return out, nil // a short page is the last
		}
		if next < 0 {
			next = 0
			if info.PageNumber != nil {
				next = *info.PageNumber // the first page's number is the base
			}
		} else if info.PageNumber != nil && *info.PageNumber != next {
			return nil, fmt.Errorf("project44 %s: asked for page %d, got page %d; the server seems to ignore the pageNumber parameter", listInvitationsOp.name, next, *info.PageNumber)
		}
		next++
	}
	return nil, fmt.Errorf("project44 %s: still more after %d pages", listInvitationsOp.name, maxPages)
}
