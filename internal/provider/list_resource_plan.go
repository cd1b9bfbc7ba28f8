package provider

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/carrierstate/terraform-provider-mcp/internal/carrierid"
	"github.com/carrierstate/terraform-provider-mcp/internal/listwire"
	"github.com/carrierstate/terraform-provider-mcp/internal/mcp"
	"github.com/carrierstate/terraform-provider-mcp/internal/membership"
)

// Policies for the carriers on MCP's list that carriers does not name
// (unmanaged_carriers).
const (
	unmanagedRemove = "remove"
	unmanagedKeep   = "keep"
	unmanagedFail   = "fail"
)

// Keys of a list resource's private state.
const (
	// privateDrift holds the listDrift a refresh found, for the plan that
	// follows it to name each change; the plan drops it.
	privateDrift = "drift"
	// privateRemoval holds the DOT numbers of the carriers a create plans to
	// take off the list (there is no prior state to name them).
	privateRemoval = "remove"
)

// listDrift is what changed on MCP's list outside Terraform since the last
// state: carriers put on it that state did not know, and managed carriers
// taken off it (DOT number -> the value carriers had for them).
type listDrift struct {
	Added   []int             `json:"added,omitempty"`
	Removed map[string]string `json:"removed,omitempty"`
}

// driftBetween compares the last state with what MCP's list holds now. An
// imported state (carriers null) has nothing to compare.
func driftBetween(state listwire.Value, entries map[int]membership.Entry) listDrift {
	var d listDrift
	if state.Carriers.Null {
		return d
	}
	for dot := range entries {
		k := strconv.Itoa(dot)
		_, managed := state.Carriers.Elems[k]
		_, known := state.Unmanaged.Elems[k]
		if !managed && !known {
			d.Added = append(d.Added, dot)
		}
	}
	slices.Sort(d.Added)
	for k, v := range state.Carriers.Elems {
		if dot, err := strconv.Atoi(k); err == nil {
			if _, on := entries[dot]; !on {
				if d.Removed == nil {
					d.Removed = map[string]string{}
				}
				d.Removed[k] = v.Value
			}
		}
	}
	return d
}

// encode is the drift as private state holds it: nil when there is none,
// which removes the key.
func (d listDrift) encode() []byte {
	if len(d.Added) == 0 && len(d.Removed) == 0 {
		return nil
	}
	b, _ := json.Marshal(d) // a struct of ints and strings always encodes
	return b
}

func decodeDrift(b []byte) listDrift {
	var d listDrift
	_ = json.Unmarshal(b, &d) // anything unreadable is no drift: the plan still shows the change
	return d
}

// encodeRemoval and decodeRemoval carry privateRemoval.
func encodeRemoval(dots []int) []byte {
	if len(dots) == 0 {
		return nil
	}
	b, _ := json.Marshal(dots)
	return b
}

func decodeRemoval(b []byte) []int {
	var dots []int
	_ = json.Unmarshal(b, &dots)
	return dots
}

// privateKey and withPrivateKey read and write one key of a resource's
// private state, encoded as the framework encodes it: a JSON object whose
// values are JSON documents, base64-encoded. An empty state is nil.
func privateKey(private []byte, key string) []byte {
	var m map[string][]byte
	if json.Unmarshal(private, &m) != nil {
		return nil
	}
	return m[key]
}

func withPrivateKey(private []byte, key string, value []byte) []byte {
	m := map[string][]byte{}
	_ = json.Unmarshal(private, &m) // unreadable private state is replaced, as the framework discards it
	if len(value) == 0 {
		delete(m, key)
	} else {
		m[key] = value
	}
	if len(m) == 0 {
		return nil
	}
	b, _ := json.Marshal(m)
	return b
}

// plan completes a planned value of a list resource, whose carriers,
// id, on_destroy and unmanaged_carriers are already set, from the prior
// state (as refreshed; null on create) and the drift the refresh found.
// It sets unmanaged, checks with MCP the carriers the plan adds, names
// every carrier whose change outside Terraform the apply reverts or
// keeps, and applies the unmanaged_carriers policy. It returns the carriers
// a create takes off the list, which only private state can carry to the
// apply.
//
// Both planning paths call it: listServer's and the framework's (ModifyPlan).
func (r *carrierListResource) plan(ctx context.Context, prior, planned listwire.Value, drift listDrift) (listwire.Value, []int, diag.Diagnostics) {
	if r.data == nil {
		planned.Unmanaged = listwire.Map{Unknown: true}
		return planned, nil, nil
	}
	diags := r.data.overlaps.list(r.kind.typeName, r.kind.perCarrier)
	if !planned.Carriers.FullyKnown() {
		// Which carriers stay unmanaged is known once carriers is; until
		// then the apply takes off only managed carriers the plan drops.
		planned.Unmanaged = listwire.Map{Unknown: true}
		return planned, nil, diags
	}
	list := r.kind.list(r.data)
	learnIntrastate(list, planned.Carriers)
	entries, err := list.All(ctx)
	if err != nil {
		addAPIError(&diags, "Unable to read the "+r.kind.listName, err)
		return planned, nil, diags
	}
	diags.Append(r.checkAdded(ctx, planned.Carriers, entries)...)
	diags.Append(r.withoutDOT(list.Orphans(), planned.UnmanagedCarriers.Value)...)

	found, fresh := unmanagedFound(prior, planned, entries, drift)
	policy := planned.UnmanagedCarriers.Value
	planned.Unmanaged = found
	report := map[string]string{} // carrier -> what the apply does to it
	for k := range drift.Removed {
		if planned.Carriers.Has(k) {
			report[k] = r.kind.verbs.readd
		}
	}
	var removal []int
	var refused []string
	switch policy {
	case unmanagedRemove:
		planned.Unmanaged = listwire.Map{Elems: map[string]listwire.String{}}
		for k := range found.Elems {
			report[k] = r.kind.verbs.remove
			if prior.Null {
				dot, _ := strconv.Atoi(k)
				removal = append(removal, dot)
			}
		}
		slices.Sort(removal)
	case unmanagedKeep:
		for k := range fresh {
			report[k] = r.kind.verbs.stays + `, not managed (unmanaged_carriers = "keep"; listed in unmanaged)`
		}
	case unmanagedFail:
		refused = slices.Collect(maps.Keys(found.Elems))
	}
	if len(report) > 0 || len(refused) > 0 {
		diags.Append(r.explain(ctx, policy, entries, drift, found, report, refused)...)
	}
	return planned, removal, diags
}

// unmanagedFound is the carriers on the list that the plan does not name,
// valued as state or MCP lists them, and which of them are fresh: new
// since the last state (all of them on create).
func unmanagedFound(prior, planned listwire.Value, entries map[int]membership.Entry, drift listDrift) (found listwire.Map, fresh map[string]bool) {
	found = listwire.Map{Elems: map[string]listwire.String{}}
	fresh = map[string]bool{}
	if prior.Null {
		for dot, e := range entries {
			if k := strconv.Itoa(dot); !planned.Carriers.Has(k) {
				found.Elems[k], fresh[k] = listwire.Known(e.Key.ListValue()), true
			}
		}
		return found, fresh
	}
	for k, v := range prior.Unmanaged.Elems {
		if !planned.Carriers.Has(k) {
			found.Elems[k] = v
		}
	}
	for _, dot := range drift.Added {
		if k := strconv.Itoa(dot); found.Has(k) {
			fresh[k] = true
		}
	}
	return found, fresh
}

// explain is the plan's word on carriers changed outside Terraform: a
// warning that says what the apply does to each carrier in report, and an
// error naming each carrier refused, with the ways out.
func (r *carrierListResource) explain(ctx context.Context, policy string, entries map[int]membership.Entry, drift listDrift,
	found listwire.Map, report map[string]string, refused []string) diag.Diagnostics {
	var diags diag.Diagnostics
	values := func(k string) string {
		if v, ok := found.Elems[k]; ok {
			return v.Value
		}
		return drift.Removed[k]
	}
	lines := newCarrierLines(ctx, r, entries, drift, values, append(slices.Collect(maps.Keys(report)), refused...))
	if len(report) > 0 {
		diags.AddAttributeWarning(path.Root("carriers"),
			fmt.Sprintf("%d carrier(s) on the %s changed outside Terraform", len(report), r.kind.listName),
			fmt.Sprintf("MCP's %s differs from what Terraform last recorded or is configured to hold "+
				"(changed in the MCP portal, or by another tool). What applying this plan does to each carrier:\n\n%s\n\n%s",
				r.kind.listName, lines.list(report), r.policyNote(policy)))
	}
	if len(refused) > 0 {
		ways := make(map[string]string, len(refused))
		for _, k := range refused {
			ways[k] = "not in carriers"
		}
		diags.AddAttributeError(path.Root("carriers"),
			fmt.Sprintf("%d carrier(s) on the %s are not in the configuration", len(refused), r.kind.listName),
			fmt.Sprintf("MCP's %s holds carriers that carriers does not name, and unmanaged_carriers = %q stops the plan "+
				"rather than guess what to do with them:\n\n%s\n\nEither add each one to carriers, to keep it on the %s under Terraform:\n\n%s\n\n"+
				"or set unmanaged_carriers = %q to take every carrier that carriers does not name off the %s "+
				"(%q leaves them on it, unmanaged).",
				r.kind.listName, unmanagedFail, lines.list(ways), r.kind.listName, lines.hcl(refused),
				unmanagedRemove, r.kind.listName, unmanagedKeep))
	}
	return diags
}

// withoutDOT warns of the carriers MCP lists without a DOT number that
// carriers does not name (MCP may list intrastate-only carriers so): no
// policy but "keep" can be applied to them, and MCP offers no lookup by
// intrastate number that would find their DOT numbers.
func (r *carrierListResource) withoutDOT(orphans []membership.Entry, policy string) diag.Diagnostics {
	var diags diag.Diagnostics
	if len(orphans) == 0 || policy == unmanagedKeep {
		return diags
	}
	var b strings.Builder
	for i, e := range orphans {
		if i > 0 {
			b.WriteString("\n")
		}
		fmt.Fprintf(&b, "  - intrastate %s", e.Key.Intrastate)
		if e.CreatedBy != "" {
			fmt.Fprintf(&b, ", %s by %s", r.kind.verbs.added, e.CreatedBy)
		}
	}
	diags.AddAttributeWarning(path.Root("carriers"),
		fmt.Sprintf("%d carrier(s) on the %s have no DOT number in MCP's list", len(orphans), r.kind.listName),
		fmt.Sprintf("MCP lists these carriers by their state-issued intrastate number alone, so carriers, keyed by DOT number, "+
			"cannot name them, and unmanaged_carriers = %q does not apply to them: they stay on the %s as they are.\n\n%s\n\n"+
			"To manage one, add it to carriers by its DOT number (the MCP portal shows it), with the intrastate number as the value, "+
			"such as \"<DOT number>\" = %q.", policy, r.kind.listName, b.String(), orphans[0].Key.Intrastate))
	return diags
}

// policyNote explains, under the report, what the policy does.
func (r *carrierListResource) policyNote(policy string) string {
	switch policy {
	case unmanagedRemove:
		return fmt.Sprintf(`unmanaged_carriers = %q: a carrier on the %s that carriers does not name is taken off it. `+
			`To keep one, add it to carriers; to leave such carriers alone, set unmanaged_carriers = %q.`, policy, r.kind.listName, unmanagedKeep)
	case unmanagedKeep:
		return fmt.Sprintf(`unmanaged_carriers = %q: carriers added outside Terraform stay on the %s and are listed in unmanaged; `+
			`a carrier carriers names is put back on the list if it was taken off.`, policy, r.kind.listName)
	}
	return fmt.Sprintf("A carrier that carriers names is put back on the %s if it was taken off outside Terraform.", r.kind.listName)
}

// maxDescribed bounds how many carriers a diagnostic describes one by one,
// and so how many legal names one plan looks up.
const maxDescribed = 100

// carrierLines describes carriers for diagnostics: DOT and docket or
// intrastate number, legal name, and who put them on the list and when.
type carrierLines struct {
	kind    listKind
	entries map[int]membership.Entry
	removed map[string]string
	names   map[int]string
	values  func(string) string
}

// newCarrierLines looks up the legal names of the first maxDescribed of
// the carriers given, and nobody else's.
func newCarrierLines(ctx context.Context, r *carrierListResource, entries map[int]membership.Entry, drift listDrift, values func(string) string, carriers []string) *carrierLines {
	dots := make([]int, 0, len(carriers))
	for _, k := range carriers {
		if dot, err := strconv.Atoi(k); err == nil {
			dots = append(dots, dot)
		}
	}
	slices.Sort(dots)
	dots = slices.Compact(dots)
	if len(dots) > maxDescribed {
		dots = dots[:maxDescribed]
	}
	l := &carrierLines{kind: r.kind, entries: entries, removed: drift.Removed, names: map[int]string{}, values: values}
	var mu sync.Mutex
	eachBounded(dots, func(dot int) {
		if p, err := r.data.client.Carriers.Preview(ctx, mcp.CarrierLookup{DOTNumber: dot}); err == nil {
			mu.Lock()
			l.names[dot] = nameOf(p)
			mu.Unlock()
		}
	})
	return l
}

// list is one line per carrier, sorted by DOT number, with what happens
// to it; past maxDescribed, the rest are counted.
func (l *carrierLines) list(action map[string]string) string {
	keys := sortedDOTs(slices.Collect(maps.Keys(action)))
	var b strings.Builder
	for i, k := range keys {
		if i == maxDescribed {
			fmt.Fprintf(&b, "  … and %d more", len(keys)-maxDescribed)
			break
		}
		fmt.Fprintf(&b, "  - %s: %s\n", l.describe(k), action[k])
	}
	return strings.TrimRight(b.String(), "\n")
}

// describe names one carrier and says what happened to it in MCP.
func (l *carrierLines) describe(k string) string {
	dot, _ := strconv.Atoi(k)
	who := "a carrier whose name MCP did not give"
	if name, ok := l.names[dot]; ok {
		who = name
	}
	id := "DOT " + k
	if key, err := carrierid.ParseListValue(dot, l.values(k)); err == nil {
		id = key.Describe()
	}
	_, removed := l.removed[k]
	e, on := l.entries[dot]
	switch {
	case on && !removed:
		when := ""
		if !e.CreatedAt.IsZero() {
			// In UTC, as state records times: MCP may write its own in
			// another zone (time_zone).
			when = " on " + e.CreatedAt.UTC().Format("2006-01-02 15:04:05 UTC")
		}
		by := e.CreatedBy
		if by == "" {
			by = "someone MCP does not name"
		}
		return fmt.Sprintf("%s, %s, %s by %s%s", id, who, l.kind.verbs.added, by, when)
	default:
		return fmt.Sprintf("%s, %s, %s outside Terraform (MCP does not say by whom or when)", id, who, l.kind.verbs.removed)
	}
}

// hcl is the carriers entries that would name these carriers as MCP lists
// them, for pasting into the configuration.
func (l *carrierLines) hcl(carriers []string) string {
	keys := sortedDOTs(carriers)
	var b strings.Builder
	for i, k := range keys {
		if i == maxDescribed {
			fmt.Fprintf(&b, "    # … and %d more", len(keys)-maxDescribed)
			break
		}
		fmt.Fprintf(&b, "    %q = %q\n", k, l.values(k))
	}
	return strings.TrimRight(b.String(), "\n")
}

// sortedDOTs sorts DOT numbers numerically.
func sortedDOTs(keys []string) []string {
	keys = slices.Clone(keys)
	slices.SortFunc(keys, func(a, b string) int {
		x, _ := strconv.Atoi(a)
		y, _ := strconv.Atoi(b)
		return x - y
	})
	return keys
}
