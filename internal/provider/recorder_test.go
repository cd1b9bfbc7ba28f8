package provider

import (
	"context"
	"fmt"
	"strings"
	"sync"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"

	"github.com/carrierstate/terraform-provider-mcp/internal/acctest"
)

// planRecorder is the provider's server with a record of the warnings its
// plans gave the CLI: terraform-plugin-testing shows a test errors only.
type planRecorder struct {
	tfprotov6.ProviderServer
	mu       *sync.Mutex
	warnings *[]string
}

// recordingFactories are provider factories whose servers record into r.
func (r planRecorder) factories() map[string]func() (tfprotov6.ProviderServer, error) {
	return map[string]func() (tfprotov6.ProviderServer, error){
		"mcp": func() (tfprotov6.ProviderServer, error) {
			return planRecorder{ProviderServer: NewServer("test")(), mu: r.mu, warnings: r.warnings}, nil
		},
	}
}

func newPlanRecorder() planRecorder {
	return planRecorder{mu: &sync.Mutex{}, warnings: new([]string)}
}

func (r planRecorder) PlanResourceChange(ctx context.Context, req *tfprotov6.PlanResourceChangeRequest) (*tfprotov6.PlanResourceChangeResponse, error) {
	resp, err := r.ProviderServer.PlanResourceChange(ctx, req)
	if resp != nil {
		r.mu.Lock()
		for _, d := range resp.Diagnostics {
			if d.Severity == tfprotov6.DiagnosticSeverityWarning {
				*r.warnings = append(*r.warnings, d.Summary+"\n"+d.Detail)
			}
		}
		r.mu.Unlock()
	}
	return resp, err
}

// reset forgets the warnings recorded so far.
func (r planRecorder) reset() {
	r.mu.Lock()
	defer r.mu.Unlock()
	*r.warnings = nil
}

// warned checks that a plan since the last reset warned with every text
// given, in order (as acctest.ErrorMatching matches them).
func (r planRecorder) warned(texts ...string) func() error {
	return func() error {
		r.mu.Lock()
		defer r.mu.Unlock()
		re := acctest.ErrorMatching(texts...)
		for _, w := range *r.warnings {
			if re.MatchString(w) {
				return nil
			}
		}
		return fmt.Errorf("no plan warned %q; the warnings were:\n%s", texts, strings.Join(*r.warnings, "\n---\n"))
	}
}

// quiet checks that no plan since the last reset warned with summary.
func (r planRecorder) quiet(summary string) func() error {
	return func() error {
		r.mu.Lock()
		defer r.mu.Unlock()
		for _, w := range *r.warnings {
			if strings.Contains(w, summary) {
				return fmt.Errorf("a plan warned:\n%s", w)
			}
		}
		return nil
	}
}
