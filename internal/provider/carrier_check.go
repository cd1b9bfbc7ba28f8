package provider

import (
	"context"
	"fmt"
	"sync"

	"github.com/carrierstate/terraform-provider-mcp/internal/carrierid"
	"github.com/carrierstate/terraform-provider-mcp/internal/mcp"
)

// checkConcurrency bounds the PreviewCarrier lookups one plan makes at once.
const checkConcurrency = 8

// checkCarriers confirms with MCP, before anything is written, that each
// carrier a plan adds exists and that its docket number is its own. It
// looks each carrier up by DOT number alone and compares the docket MCP
// lists; when they differ it looks the docket up alone, to say whose it
// is. (What MCP answers when a DOT and a docket name different carriers is
// not documented, so the provider never asks that.) An intrastate number
// cannot be checked: PreviewCarrier does not report it.
//
// It returns the problem with each carrier that has one, by DOT number.
func checkCarriers(ctx context.Context, c *mcp.Client, keys []carrierid.Key) map[int]error {
	var (
		mu       sync.Mutex
		problems = map[int]error{}
	)
	eachBounded(keys, func(k carrierid.Key) {
		err := ctx.Err()
		if err == nil {
			err = checkCarrier(ctx, c, k)
		}
		if err != nil {
			mu.Lock()
			problems[k.DOT] = err
			mu.Unlock()
		}
	})
	return problems
}

// eachBounded calls f for each item, checkConcurrency at a time, and
// returns when every call has. f checks ctx itself.
func eachBounded[T any](items []T, f func(T)) {
	var wg sync.WaitGroup
	sem := make(chan struct{}, checkConcurrency)
	for _, item := range items {
		sem <- struct{}{}
		wg.Add(1)
		go func() {
			defer func() { <-sem; wg.Done() }()
			f(item)
		}()
	}
	wg.Wait()
}

// checkCarrier is checkCarriers for one carrier.
func checkCarrier(ctx context.Context, c *mcp.Client, k carrierid.Key) error {
	carrier, err := c.Carriers.Preview(ctx, mcp.CarrierLookup{DOTNumber: k.DOT})
	switch {
	case mcp.IsNotFound(err):
		return fmt.Errorf("MCP does not know a carrier with DOT %d: check the DOT number", k.DOT)
	case err != nil:
		return fmt.Errorf("checking DOT %d with MCP: %s", k.DOT, explain(err))
	case k.Docket == "" || carrierid.SameDocket(k.Docket, carrier.DocketNumber):
		return nil
	}
	listed := "no docket number"
	if carrier.DocketNumber != "" {
		listed = "docket " + carrier.DocketNumber
	}
	owner, err := c.Carriers.Preview(ctx, mcp.CarrierLookup{DocketNumber: k.Docket})
	switch {
	case mcp.IsNotFound(err):
		return fmt.Errorf("DOT %d is %s, with %s in MCP; MCP knows no carrier with docket %s", k.DOT, nameOf(carrier), listed, k.Docket)
	case err != nil:
		return fmt.Errorf("DOT %d is %s, with %s in MCP, not %s (looking %s up: %s)", k.DOT, nameOf(carrier), listed, k.Docket, k.Docket, explain(err))
	}
	return fmt.Errorf("docket %s belongs to DOT %d, %s; DOT %d is %s, with %s", k.Docket, owner.DotNumber, nameOf(owner), k.DOT, nameOf(carrier), listed)
}

// nameOf is how messages name a carrier: its legal name, quoted.
func nameOf(p *mcp.PreviewCarrier) string {
	if p.CompanyName == "" {
		return "a carrier without a name in MCP"
	}
	return fmt.Sprintf("%q", p.CompanyName)
}
