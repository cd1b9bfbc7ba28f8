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
		if k := strconv.Itoa(dot); !state.Names(k) && !state.Unmanaged.Has(k) {
			d.Added = append(d.Added, dot)
		}
	}
	slices.Sort(d.Added)
	for _, named := range []listwire.Map{state.Selected, state.Carriers} {
		for k, v := range named.Elems {
			if dot, err := strconv.Atoi(k); err == nil {
				if _, on := entries[dot]; !on {
					if d.Removed == nil {
						d.Removed = map[string]string{}
					}
					d.Removed[k] = v.Value
				}
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
// selected_carriers, reasons, id, on_destroy and unmanaged_carriers are
// already set, from the prior
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
	if !planned.Carriers.FullyKnown() || !planned.Selected.FullyKnown() {
		// Which carriers stay unmanaged is known once carriers and
		// selected_carriers are; until then the apply takes off only
		// managed carriers the plan drops.
		planned.Unmanaged = listwire.Map{Unknown: true}
		return planned, nil, diags
	}
	if diags.Append(checkNamed(planned)...); diags.HasError() {
		planned.Unmanaged = listwire.Map{Unknown: true}
		return planned, nil, diags
	}
	list := r.kind.list(r.data)
	learnIntrastate(list, planned.Carriers)
	learnIntrastate(list, planned.Selected)
	entries, err := list.All(ctx)
	if err != nil {
		r.data.addListError(&diags, "Unable to read the "+r.kind.listName, err, false)
		return planned, nil, diags
	}
	diags.Append(r.checkAdded(ctx, "carriers", planned.Carriers, entries)...)
	diags.Append(r.checkAdded(ctx, "selected_carriers", selectedOnly(planned), entries)...)
	diags.Append(r.withoutDOT(list.Orphans(), planned.UnmanagedCarriers.Value)...)

	found, fresh, released := unmanagedFound(prior, planned, entries, drift)
	policy := planned.UnmanagedCarriers.Value
	planned.Unmanaged = found
	report := map[string]string{}  // carrier changed outside Terraform -> what the apply does to it
	release := map[string]string{} // carrier the rule released -> what the apply does to it
	for k := range drift.Removed {
		if planned.Names(k) {
			report[k] = r.kind.verbs.readd
		}
	}
	var removal []int
	var refused []string
	switch policy {
	case unmanagedRemove:
		planned.Unmanaged = listwire.Map{Elems: map[string]listwire.String{}}
		for k := range found.Elems {
			if released[k] {
				release[k] = r.kind.verbs.remove
				continue
			}
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
		for k := range released {
			release[k] = r.kind.verbs.stays + `, no longer managed (unmanaged_carriers = "keep"; listed in unmanaged)`
		}
	case unmanagedFail:
		refused = slices.Collect(maps.Keys(found.Elems))
	}
	if len(report) > 0 || len(release) > 0 || len(refused) > 0 {
		e := explanation{policy: policy, entries: entries, drift: drift, found: found, reasons: prior.Reasons,
			report: report, release: release, released: released, refused: refused}
		diags.Append(r.explain(ctx, e)...)
	}
	return planned, removal, diags
}

// checkNamed checks what carriers, selected_carriers and reasons say
// together: a carrier in both maps has one value, and every reason is for
// a carrier the list names.
func checkNamed(v listwire.Value) diag.Diagnostics {
	var diags diag.Diagnostics
	for _, k := range sortedDOTs(slices.Collect(maps.Keys(v.Selected.Elems))) {
		if c, ok := v.Carriers.Elems[k]; ok && c.Value != v.Selected.Elems[k].Value {
			diags.AddAttributeError(path.Root("selected_carriers").AtMapKey(k), "Carrier named two ways",
				fmt.Sprintf("DOT %s is in carriers as %q and in selected_carriers as %q. A carrier in both maps must have the same value in each.",
					k, c.Value, v.Selected.Elems[k].Value))
		}
	}
	if v.Reasons.Unknown {
		return diags
	}
	for _, k := range sortedDOTs(slices.Collect(maps.Keys(v.Reasons.Elems))) {
		if !v.Names(k) {
			diags.AddAttributeError(path.Root("reasons").AtMapKey(k), "Reason for a carrier the list does not name",
				fmt.Sprintf("reasons has an entry for DOT %s, which neither carriers nor selected_carriers names. "+
					"Add the carrier to one of them, or take its reason out (build both from the same rule).", k))
		}
	}
	return diags
}

// selectedOnly is the part of selected_carriers that carriers does not
// name.
func selectedOnly(v listwire.Value) listwire.Map {
	m := listwire.Map{Elems: map[string]listwire.String{}}
	for k, s := range v.Selected.Elems {
		if !v.Carriers.Has(k) {
			m.Elems[k] = s
		}
	}
	return m
}

// unmanagedFound is the carriers on the list that the plan does not name,
// valued as state or MCP lists them; which of them are fresh: new since the
// last state (all of them on create); and which the rule released: in the
// last state's selected_carriers only, and in neither map now. (A carrier
// taken out of carriers is taken off the list, whatever the rule did.)
func unmanagedFound(prior, planned listwire.Value, entries map[int]membership.Entry, drift listDrift) (found listwire.Map, fresh, released map[string]bool) {
	found = listwire.Map{Elems: map[string]listwire.String{}}
	fresh, released = map[string]bool{}, map[string]bool{}
	if prior.Null {
		for dot, e := range entries {
			if k := strconv.Itoa(dot); !planned.Names(k) {
				found.Elems[k], fresh[k] = listwire.Known(e.Key.ListValue()), true
			}
		}
		return found, fresh, released
	}
	for k, v := range prior.Unmanaged.Elems {
		if !planned.Names(k) {
			found.Elems[k] = v
		}
	}
	for k, v := range prior.Selected.Elems {
		dot, err := strconv.Atoi(k)
		if _, on := entries[dot]; err == nil && on && !planned.Names(k) && !prior.Carriers.Has(k) {
			found.Elems[k], released[k] = v, true
		}
	}
	for _, dot := range drift.Added {
		if k := strconv.Itoa(dot); found.Has(k) {
			fresh[k] = true
		}
	}
	return found, fresh, released
}

// explanation is what explain reports.
type explanation struct {
	policy   string
	entries  map[int]membership.Entry
	drift    listDrift
	found    listwire.Map
	reasons  listwire.Map      // the last state's reasons
	report   map[string]string // carrier changed outside Terraform -> what the apply does to it
	release  map[string]string // carrier the rule released -> what the apply does to it
	released map[string]bool
	refused  []string
}

// explain is the plan's word on carriers changed outside Terraform and
// carriers the rule released: a warning for each that says what the apply
// does to every carrier, and an error naming each carrier refused, with
// the ways out.
func (r *carrierListResource) explain(ctx context.Context, e explanation) diag.Diagnostics {
	var diags diag.Diagnostics
	values := func(k string) string {
		if v, ok := e.found.Elems[k]; ok {
			return v.Value
		}
		return e.drift.Removed[k]
	}
	described := slices.Concat(slices.Collect(maps.Keys(e.report)), slices.Collect(maps.Keys(e.release)), e.refused)
	lines := newCarrierLines(ctx, r, e.entries, e.drift, values, described)
	if len(e.report) > 0 {
		diags.AddAttributeWarning(path.Root("carriers"),
			fmt.Sprintf("%d carrier(s) on the %s changed outside Terraform", len(e.report), r.kind.listName),
			fmt.Sprintf("MCP's %s differs from what Terraform last recorded or is configured to hold "+
				"(changed in the MCP portal, or by another tool). What applying this plan does to each carrier:\n\n%s\n\n%s",
				r.kind.listName, lines.list(e.report), r.policyNote(e.policy)))
	}
	if len(e.release) > 0 {
		diags.AddAttributeWarning(path.Root("selected_carriers"),
			fmt.Sprintf("%d carrier(s) left selected_carriers", len(e.release)),
			fmt.Sprintf("The rule that fills selected_carriers no longer selects these carriers, and carriers does not name them, "+
				"so unmanaged_carriers = %q decides. What applying this plan does to each carrier:\n\n%s",
				e.policy, lines.list(e.withReasons(e.release))))
	}
	if len(e.refused) > 0 {
		ways := make(map[string]string, len(e.refused))
		for _, k := range e.refused {
			ways[k] = "not in carriers"
			if e.released[k] {
				ways[k] = "no longer in selected_carriers"
			}
		}
		diags.AddAttributeError(path.Root("carriers"),
			fmt.Sprintf("%d carrier(s) on the %s are not in the configuration", len(e.refused), r.kind.listName),
			fmt.Sprintf("MCP's %s holds carriers that neither carriers nor selected_carriers names, and unmanaged_carriers = %q stops the plan "+
				"rather than guess what to do with them:\n\n%s\n\nEither add each one to carriers, to keep it on the %s under Terraform:\n\n%s\n\n"+
				"or set unmanaged_carriers = %q to take every carrier that the configuration does not name off the %s "+
				"(%q leaves them on it, unmanaged).",
				r.kind.listName, unmanagedFail, lines.list(e.withReasons(ways)), r.kind.listName, lines.hcl(e.refused),
				unmanagedRemove, r.kind.listName, unmanagedKeep))
	}
	return diags
}

// withReasons adds to each carrier's line the reason the last state gave
// for listing it, if any.
func (e explanation) withReasons(action map[string]string) map[string]string {
	out := make(map[string]string, len(action))
	for k, a := range action {
		if reason, ok := e.reasons.Elems[k]; ok && reason.Value != "" {
			a += fmt.Sprintf(" (listed for: %s)", reason.Value)
		}
		out[k] = a
	}
	return out
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
