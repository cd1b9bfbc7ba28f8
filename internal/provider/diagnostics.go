package provider

import (
	"context"
	"errors"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/carrierstate/terraform-provider-mcp/internal/mcp"
	"github.com/carrierstate/terraform-provider-mcp/internal/membership"
	"github.com/carrierstate/terraform-provider-mcp/internal/retry"
)

// addAPIError reports a failed MCP call under summary ("Unable to <verb>
// <thing>"), explaining the kinds of failure in words a user can act on.
func addAPIError(diags *diag.Diagnostics, summary string, err error) {
	diags.AddError(summary, explain(err))
}

// explain turns a client error into the detail of a diagnostic.
func explain(err error) string {
	var (
		rateErr *mcp.RateLimitError
		apiErr  *mcp.APIError
		opErr   *mcp.OperationError
	)
	switch {
	// First: an uncertain send that timed out or was cut short is above all
	// uncertain, and the user must find out whether it arrived.
	case mcp.IsUncertain(err):
		return fmt.Sprintf("%v.\n\nThe request may have reached MCP, so the provider did not repeat it: repeating it could "+
			"e-mail or text the carrier twice. Find out whether it arrived before applying again.", err)
	case errors.Is(err, context.Canceled):
		return "The operation was cancelled before MCP answered."
	case errors.Is(err, context.DeadlineExceeded):
		return fmt.Sprintf("MCP did not answer in time (%v). Raise request_timeout if MCP is slow.", err)
	case errors.As(err, &rateErr):
		return fmt.Sprintf("MCP is throttling requests (%v). The provider waited and retried as configured by max_retries; "+
			"try again later, or lower Terraform's -parallelism.", err)
	case mcp.IsAuthError(err):
		return fmt.Sprintf("%v. Check the integration credentials on MCP's Integration Tools page (%s).", err, integrationToolsURL)
	case errors.As(err, &opErr):
		return fmt.Sprintf("MCP answered that %s did not succeed: %s", opErr.Operation, opErr.Message)
	case errors.As(err, &apiErr):
		return err.Error()
	}
	return err.Error()
}

// addListError reports a failed reading of one of MCP's lists, which every
// per-carrier resource, list resource and list data source of a run shares.
// The first to report it gives the whole story; the others of that reading
// add nothing when quiet (a refresh, which keeps the state it has), and
// otherwise a pointer to it (they cannot go on without the list).
func (pd *providerData) addListError(diags *diag.Diagnostics, summary string, err error, quiet bool) {
	var loadErr *membership.LoadError
	switch {
	case !errors.As(err, &loadErr):
		addAPIError(diags, summary, err) // a write's: it may have changed something
	case loadErr.Claim():
		diags.AddError(summary, pd.explainRead(err))
	case !quiet:
		diags.AddError(summary, fmt.Sprintf("Reading the %s failed, and the error reported for it once, for the first resource "+
			"or data source that needed it, says why. Nothing was sent to MCP for this one.", loadErr.List))
	}
}

// explainRead is explain for a read, which says what to check when MCP
// could not be reached, or answered with server errors, however often the
// provider asked.
func (pd *providerData) explainRead(err error) string {
	var (
		rateErr *mcp.RateLimitError
		apiErr  *mcp.APIError
		what    string
	)
	switch {
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded), errors.As(err, &rateErr):
		return explain(err)
	case mcp.IsConnectionError(err):
		what = fmt.Sprintf("MCP could not be reached at %s: %v.", pd.mcpAt, err)
	case errors.As(err, &apiErr) && retry.RetryableStatus(apiErr.StatusCode):
		what = fmt.Sprintf("MCP at %s answered with a server error each time: %v.", pd.mcpAt, err)
	default:
		return explain(err)
	}
	retried := fmt.Sprintf("retried the request %d times (max_retries) before giving up", pd.maxRetries)
	switch pd.maxRetries {
	case 0:
		retried = "did not retry the request (max_retries is 0)"
	case 1:
		retried = "retried the request once (max_retries) before giving up"
	}
	return fmt.Sprintf("%s\n\nThe provider %s, and changed nothing in MCP. "+
		"Check base_url (or the MCP_BASE_URL environment variable) and that this machine can reach MCP: network, proxy, firewall.",
		what, retried)
}

// addReadError reports a failed read of what MCP holds about the carrier.
// MCP answers "not found" when it does not know the carrier, and the error
// says so: "No incident reports" would read as if the carrier had none.
func (a carrierArguments) addReadError(diags *diag.Diagnostics, what string, err error) {
	asked := a.lookup.String()
	if !mcp.IsNotFound(err) {
		addReadError(diags, what, asked, err)
		return
	}
	detail := "MCP does not know a carrier with " + asked
	if what != "carrier" {
		detail += ", so it has no " + what + " for it"
	}
	diags.AddError("No carrier "+asked, detail+". Check the identifiers.")
}

// addReadError reports a failed read of a data source. Something that does
// not exist is an error naming what was asked, never an empty result.
func addReadError(diags *diag.Diagnostics, what, asked string, err error) {
	if mcp.IsNotFound(err) {
		diags.AddError(fmt.Sprintf("No %s for %s", what, asked),
			fmt.Sprintf("MCP has no %s for %s. Check the identifiers.", what, asked))
		return
	}
	var opErr *mcp.OperationError
	if errors.As(err, &opErr) {
		diags.AddError(fmt.Sprintf("Unable to read %s for %s", what, asked), explain(err))
		return
	}
	addAPIError(diags, fmt.Sprintf("Unable to read %s for %s", what, asked), err)
}
