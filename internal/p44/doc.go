// Package p44 is a client for project44's carrier network invitations:
// invite a truckload carrier to connect for asset tracking
// (CreateInvitation), list the invitations sent (Invitations), and ask
// whether a carrier can already be tracked by its assets (TrackingMethods).
// It is built as internal/mcp is: a shared, single-flight OAuth2 token
// (internal/token), retries by internal/retry's policy, and a per-operation
// rule for what may be sent again. CreateInvitation e-mails the carrier, so
// it is repeated only when project44 certainly did not receive it (refused
// connection, 429, 401); after a 5xx, a timeout or a lost answer it is an
// *UncertainError and never repeated. Errors and logs never hold the client
// secret, a token or a request's query string.
//
// What the reference (shared/reference/project44-invitations.md) leaves
// inferred [INF] or unknown [UNK], and how the client takes either answer:
//
//   - Token: POST /api/v4/oauth2/token with client_id and client_secret in
//     the form body, no Authorization header (option A; option B is never
//     mixed in). expires_in may be a number, a string or absent (then 12
//     hours, and a 401 re-mints); token_type is not checked. Any 4xx from
//     the token endpoint but 404 and 429 is an *AuthError, whether its body
//     is OAuth2's {"error", "error_description"}, project44's envelope or
//     nothing. At most 5 token requests leave this client in any rolling
//     minute (project44's limit); more wait. A 429 waits for Retry-After.
//   - Hosts: the invitation service is assumed on the same hosts as
//     /api/v4 [INF]; every path is relative to the configurable base URL.
//   - Errors: project44's envelope (httpMessage, errorMessage, errors[],
//     supportReferenceId) is read when present [INF for this service];
//     a gateway's {"message"}, an OAuth2 body, HTML or nothing still give an
//     *APIError with the status.
//   - Create: any 2xx is success (200 vs 201 is [UNK]). An answer without
//     the echoed invitation (or not JSON at all) gives the invitation built
//     from the request, status IN_PROGRESS. The id field name is [UNK]: "id"
//     is read when sent. The phone goes out as "phone" (the guide's example
//     request) and is read from "phone" or "phoneNumber" (its tables and
//     example response).
//   - List paging [UNK]: the first request sends pageSize=100 and no
//     pageNumber, so the server picks its first page whatever its base; the
//     first answer's paginationInfo.pageNumber gives the base (0 or 1) and
//     its pageSize replaces 100. Paging stops at an empty page, when total
//     results have been read, or, without a total, at a short page. A server
//     that ignores pageNumber (a page that repeats the one before, or the
//     wrong pageNumber back) is an error rather than an endless loop or a
//     silently short list.
//   - Status filter [UNK]: "status" is sent when exactly one status is
//     asked for, and the results are always filtered here as well.
//   - Times [UNK offset style]: RFC 3339 with Z or an offset, with or
//     without fractional seconds, and without any offset (read as UTC).
//   - Enums: identifier types, statuses and locales are the documented
//     ones; values project44 adds decode unchanged.
//   - Tracking methods: carrierIdentifier.type and .value are sent as dotted
//     query parameters [INF]; VEHICLE_ID or LICENSE_PLATE means asset
//     tracking is available (SupportsAssetTracking).
package p44
