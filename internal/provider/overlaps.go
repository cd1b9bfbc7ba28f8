package provider

import (
	"fmt"
	"sync"

	"github.com/hashicorp/terraform-plugin-framework/diag"
)

// overlaps notices, within one provider run, resources that would fight
// over one MCP list: two list resources of one kind, or a list resource and
// per-carrier resources of the same list. Terraform shows a provider only
// one resource at a time, so this is best effort: the warning comes from
// whichever of the two is planned second.
type overlaps struct {
	mu         sync.Mutex
	lists      map[string]int  // list resource type -> instances planned
	perCarrier map[string]bool // per-carrier resource type -> seen
	warned     map[string]bool // per-carrier resource type -> warned once
}

func newOverlaps() *overlaps {
	return &overlaps{lists: map[string]int{}, perCarrier: map[string]bool{}, warned: map[string]bool{}}
}

// list records a planned list resource.
func (o *overlaps) list(listType, perCarrierType string) diag.Diagnostics {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.lists[listType]++
	var diags diag.Diagnostics
	if o.lists[listType] == 2 {
		diags.AddWarning("More than one mcp_"+listType,
			fmt.Sprintf("There is one such list per MCP account, and each mcp_%s removes the carriers the other adds. Keep one.", listType))
	}
	if o.perCarrier[perCarrierType] && !o.warned[perCarrierType] {
		o.warned[perCarrierType] = true
		diags.Append(conflict(listType, perCarrierType)...)
	}
	return diags
}

// carrier records a planned per-carrier resource.
func (o *overlaps) carrier(perCarrierType, listType string) diag.Diagnostics {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.perCarrier[perCarrierType] = true
	if o.lists[listType] == 0 || o.warned[perCarrierType] {
		return nil
	}
	o.warned[perCarrierType] = true
	return conflict(listType, perCarrierType)
}

func conflict(listType, perCarrierType string) diag.Diagnostics {
	var diags diag.Diagnostics
	diags.AddWarning(fmt.Sprintf("mcp_%s and mcp_%s manage the same MCP list", listType, perCarrierType),
		fmt.Sprintf("mcp_%s owns the whole list and takes off every carrier it does not declare, so a carrier managed by mcp_%s "+
			"but missing from the list resource is removed and added again on every apply. Manage the list with one of them.", listType, perCarrierType))
	return diags
}
