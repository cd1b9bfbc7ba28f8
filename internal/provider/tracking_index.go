package provider

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/carrierstate/terraform-provider-mcp/internal/flight"
	"github.com/carrierstate/terraform-provider-mcp/internal/p44"
)

// project44 gives an invitation no id (the guide's answer has none), so the
// provider names one by the carrier's identifiers: "DOT_NUMBER:1234567",
// or several joined by commas, in the order of p44.IdentifierTypes. The
// invitation a configuration means is the latest that names any of them
// for asset-based tracking.

// trackingID is the canonical name of a set of identifiers.
func trackingID(ids []p44.Identifier) string {
	sorted := slices.Clone(ids)
	slices.SortFunc(sorted, func(a, b p44.Identifier) int {
		if c := slices.Index(p44.IdentifierTypes, a.Type) - slices.Index(p44.IdentifierTypes, b.Type); c != 0 {
			return c
		}
		return strings.Compare(a.Value, b.Value)
	})
	parts := make([]string, len(sorted))
	for i, id := range sorted {
		parts[i] = string(id.Type) + ":" + id.Value
	}
	return strings.Join(parts, ",")
}

// trackingIDFormat is what an import ID looks like, for errors.
const trackingIDFormat = "TYPE:value, such as DOT_NUMBER:1234567, or several joined by commas (DOT_NUMBER:1234567,MC_NUMBER:123456)"

// parseTrackingID reads an import ID: identifiers as trackingID writes them.
func parseTrackingID(id string) ([]p44.Identifier, error) {
	var ids []p44.Identifier
	for part := range strings.SplitSeq(id, ",") {
		typ, value, ok := strings.Cut(strings.TrimSpace(part), ":")
		if !ok {
			return nil, fmt.Errorf("%q is not %s", id, trackingIDFormat)
		}
		t := p44.IdentifierType(strings.ToUpper(typ))
		if err := checkIdentifier(t, value); err != nil {
			return nil, fmt.Errorf("%q: %w", id, err)
		}
		ids = append(ids, p44.Identifier{Type: t, Value: value})
	}
	return ids, nil
}

// checkIdentifier checks a carrier identifier before anything is sent:
// its type is one project44 documents, and numbers are digits.
func checkIdentifier(t p44.IdentifierType, value string) error {
	if !slices.Contains(p44.IdentifierTypes, t) {
		return fmt.Errorf("identifier type %q is not one project44 knows; use %s", t, identifierTypeList())
	}
	switch {
	case value == "" || strings.TrimSpace(value) != value:
		return fmt.Errorf("the %s value %q must be non-empty, without surrounding spaces", t, value)
	case t == p44.IdentifierDOTNumber || t == p44.IdentifierMCNumber:
		if strings.HasPrefix(strings.ToUpper(value), "MC") {
			return fmt.Errorf("the %s value %q must be digits only: write %q", t, value, value[2:])
		}
		if strings.Trim(value, "0123456789") != "" || len(value) > 8 {
			return fmt.Errorf("the %s value %q must be 1 to 8 digits", t, value)
		}
	case t == p44.IdentifierSCAC:
		if len(value) < 2 || len(value) > 4 || strings.Trim(strings.ToUpper(value), "ABCDEFGHIJKLMNOPQRSTUVWXYZ") != "" {
			return fmt.Errorf("the SCAC %q must be 2 to 4 letters", value)
		}
	}
	return nil
}

func identifierTypeList() string {
	names := make([]string, len(p44.IdentifierTypes))
	for i, t := range p44.IdentifierTypes {
		names[i] = string(t)
	}
	return strings.Join(names, ", ")
}

// sameIdentifier compares identifiers as project44 may spell them back.
func sameIdentifier(a, b p44.Identifier) bool {
	return strings.EqualFold(string(a.Type), string(b.Type)) && strings.EqualFold(strings.TrimSpace(a.Value), strings.TrimSpace(b.Value))
}

// names reports whether an invitation is for asset-based tracking of a
// carrier with any of ids.
func names(inv p44.Invitation, ids []p44.Identifier) bool {
	if !forTracking(inv) {
		return false
	}
	for _, have := range inv.Invitee.Identifiers {
		for _, want := range ids {
			if sameIdentifier(have, want) {
				return true
			}
		}
	}
	return false
}

// forTracking reports whether an invitation is for asset-based tracking
// (one without a capability is taken to be: it is the only one known).
func forTracking(inv p44.Invitation) bool {
	return inv.Capability == "" || inv.Capability == p44.TruckloadAssetTracking
}

// newer reports whether a supersedes b, walking the list oldest first:
// ties (project44's times may be coarse) go to the later in the list, a.
func newer(a, b p44.Invitation) bool { return !a.Created.Before(b.Created) }

// latestFor returns the latest invitation naming any of ids, or nil.
func latestFor(invs []p44.Invitation, ids []p44.Identifier) *p44.Invitation {
	var latest *p44.Invitation
	for i := range invs {
		inv := &invs[i]
		if !names(*inv, ids) {
			continue
		}
		if latest == nil || newer(*inv, *latest) {
			latest = inv
		}
	}
	return latest
}

// trackingIndex is a provider run's shared view of project44's invitations:
// one paged list walk however many resources and data sources read it.
// Invitations the run sends are added to it.
type trackingIndex struct {
	client *p44.Client

	mu       sync.Mutex
	loaded   bool
	invs     []p44.Invitation
	inflight *flight.Call[[]p44.Invitation]
	gen      int // bumped by reload: a load started before it is not kept
}

func newTrackingIndex(c *p44.Client) *trackingIndex { return &trackingIndex{client: c} }

// all returns every invitation, loading them once.
func (x *trackingIndex) all(ctx context.Context) ([]p44.Invitation, error) {
	for {
		x.mu.Lock()
		if x.loaded {
			invs := x.invs
			x.mu.Unlock()
			return invs, nil
		}
		call := x.inflight
		if call == nil {
			gen := x.gen
			call = flight.Start(ctx, func(ctx context.Context) ([]p44.Invitation, error) { return x.load(ctx, gen) })
			x.inflight = call
		}
		x.mu.Unlock()
		invs, err := call.Wait(ctx)
		switch {
		case ctx.Err() != nil:
			return nil, ctx.Err()
		case errors.Is(err, context.Canceled):
			continue // abandoned by callers who gave up before this one joined
		case err != nil:
			return nil, err
		}
		return invs, nil
	}
}

func (x *trackingIndex) load(ctx context.Context, gen int) ([]p44.Invitation, error) {
	invs, err := x.client.Invitations(ctx, p44.ListOptions{})
	x.mu.Lock()
	defer x.mu.Unlock()
	if gen != x.gen {
		return invs, err // reload came after this load started: its callers still get it
	}
	x.inflight = nil
	if err == nil {
		x.invs, x.loaded = slices.Clip(invs), true
	}
	return invs, err
}

// latest returns the latest invitation naming any of ids, or nil.
func (x *trackingIndex) latest(ctx context.Context, ids []p44.Identifier) (*p44.Invitation, error) {
	invs, err := x.all(ctx)
	if err != nil {
		return nil, err
	}
	return latestFor(invs, ids), nil
}

// add records an invitation this run sent.
func (x *trackingIndex) add(inv p44.Invitation) {
	x.mu.Lock()
	defer x.mu.Unlock()
	if x.loaded {
		x.invs = append(x.invs, inv)
	}
}

// reload forgets the loaded list, so that the next read asks project44:
// after an uncertain send, only a fresh list says whether it arrived.
func (x *trackingIndex) reload() {
	x.mu.Lock()
	defer x.mu.Unlock()
	x.loaded, x.invs, x.inflight = false, nil, nil
	x.gen++
}
