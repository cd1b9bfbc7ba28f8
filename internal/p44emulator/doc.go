// Package p44emulator emulates project44's carrier-invitation API for
// tests and demos: the OAuth2 token endpoint, the invitation service
// (create, list) and the truckload tracking-methods lookup, over in-memory
// state, as an http.Handler. The MCP emulator embeds one and serves it on
// the same listener (package emulator, Options.Project44 and
// (*emulator.Server).P44), so every emulatortest.Start gets it at the same
// URL:
//
//	inst := emulatortest.Start(t, emulator.Options{})
//	p44 := inst.P44()                                  // *p44emulator.Server
//	p44.SetTrackingMethods("DOT_NUMBER", "1234567", "VEHICLE_ID")
//	go run ./internal/emulator/cmd/mcp-emulator -p44-client-id demo -p44-client-secret demo
//
// The emulator is written from the project44 reference
// (shared/reference/project44-invitations.md, "the reference" below; §n are
// its sections) and the invite guide it quotes (seed 002). Each choice
// carries the reference's tag: [DOC] stated by project44, [DOC-seed] on
// the invite guide, [INF] inferred, [UNK] not found anywhere, so the
// emulator chose. It defines its own wire structs, the server's side of
// the wire, and shares none with a client, so that a client's mistakes
// show. It never bends to make a client pass.
//
// # Routes
//
//	POST /api/v4/oauth2/token                      OpToken ("P44Token")
//	POST /services/invitation/v1/invitations       OpCreateInvitation ("CreateInvitation")
//	GET  /services/invitation/v1/invitations       OpListInvitations ("ListInvitations")
//	GET  /api/v4/tl/shipments/trackingmethods      OpTrackingMethods ("TrackingMethods")
//	     /_emulator/p44/...                        admin routes (below)
//
// Any other path under /api/v4/, /services/ or /_emulator/p44/ is this
// emulator's 404; paths outside them are not its business (the MCP
// emulator answers them).
//
// # Wire format
//
//   - JSON bodies in camelCase, Content-Type "application/json"; fields
//     that are null are left out (§6 [DOC S2]; applied to every answer
//     [INF]).
//   - Paths match exactly: case-sensitively, no trailing slash, as
//     project44's Java services do [INF]. The deprecated token path
//     /api/v4/oauth/token is a 404 (§2.2 says do not use it). Query
//     parameter names match exactly too.
//   - A known path with another method: 405 envelope with Allow [INF].
//   - Errors are project44's envelope (§5 [DOC S9], for the invitation
//     service [INF]): {"httpStatusCode", "httpMessage" (the reason phrase),
//     "errorMessage", "errors": [{"severity": "ERROR", "message",
//     "diagnostic", "source": "SYSTEM"}], "supportReferenceId" (a random
//     UUID)}. errors is [] when there are no details. A validation error
//     names its field both at the start of message and, alone, in
//     diagnostic ("invitee.identifiers[0].type") [UNK; the emulator's
//     choice, so a client can match fields].
//   - Times are RFC 3339 in UTC with milliseconds and "Z",
//     "2024-03-18T11:27:45.465Z", as the guide's examples [DOC-seed]. The
//     clock is read at millisecond resolution, so a time read from an
//     answer compares equal with the one stored.
//
// # Choices where the reference is silent or inferred
//
//  1. Token endpoint (§2.2): Content-Type must be
//     application/x-www-form-urlencoded [DOC S6] (415 envelope otherwise
//     [UNK]); grant_type=client_credentials [DOC S6] (400 otherwise).
//     Credentials come from the form body (client_id, client_secret) or
//     HTTP Basic [DOC S6]. An Authorization header of any kind together
//     with client_id or client_secret in the body is a 400 [DOC S6 forbids
//     mixing; status UNK, the reference's §8 picks 400]. Wrong or missing
//     credentials, or an Authorization header that is not Basic, are a 401
//     [UNK; §8]. Errors are the envelope [UNK] (p44-token-oauth-errors
//     switches to OAuth's). Checks run in that order.
//  2. Token answer: 200 {"access_token": <43 url-safe characters, random>,
//     "token_type": "bearer", "expires_in": <seconds>} with Cache-Control
//     no-store [DOC S6 access_token; token_type and expires_in INF].
//     Lifetime Options.TokenTTL, default 43200 s [DOC S3/S4 "about 12
//     hours"; 43200 3P]. A new token does not revoke older ones [DOC S4].
//     No refresh token, no scope [INF].
//  3. Token rate limit: at most Options.TokensPerMinute (default 5) tokens
//     per client id in any 60 seconds [DOC S4; scope per client id INF];
//     the next is a 429 envelope with Retry-After, the whole seconds until
//     the oldest of them is a minute old (at least 1) [INF §7]. Refused
//     requests do not count. Negative TokensPerMinute turns it off.
//  4. Every other operation needs "Authorization: Bearer <token>" (scheme
//     in any case) with a token issued and not expired: else 401 envelope
//     "Invalid or missing credentials" with WWW-Authenticate: Bearer
//     [DOC S4, seed; body INF]. SetForbidden(true) (the "no permission"
//     switch, server-wide) answers every such call 403 "User not
//     authorized to perform this operation" [DOC-seed status; §2.1 INF
//     that a missing role gives it]. Order: route, method, token,
//     permission, request.
//  5. Create (§3.1): Content-Type application/json (415 otherwise [INF]);
//     malformed JSON, or a field of the wrong JSON type, is a 400 with no
//     errors[] [INF]; unknown fields are ignored [INF, Jackson's usual
//     setting]. Then every problem is reported at once, 400, each naming
//     its field:
//     - capability: required, TRUCKLOAD_ASSET_TRACKING [DOC S1; required INF];
//     - invitee: required; invitee.identifiers: at least one [DOC S1];
//     - invitee.identifiers[i].type: VAT, SCAC, DOT_NUMBER, MC_NUMBER or
//     P44_EU, exactly (case-sensitive) [DOC S1];
//     - invitee.identifiers[i].value: not blank [DOC S1]; digits only
//     for DOT_NUMBER and MC_NUMBER ("MC123456" is refused) [UNK;
//     emulator's choice]. Several identifiers may be mixed [UNK];
//     - invitee.contacts[i].locale, when given: one of the guide's
//     fourteen "Supported Locals" (bg-BG, cs-CZ, de-DE, en-US, es-ES,
//     hu-HU, it-IT, lt-LT, fr-FR, pt-BR, pl-PL, ro-RO, tr-TR, uk-UA),
//     exactly [DOC-seed, checked against the seed];
//     - invitee.contacts[i].email, when given: a bare address with a
//     dotted domain [INF];
//     - unless the carrier already supports asset-based tracking:
//     invitee.organization.name not blank, at least one contact
//     (invitee.contacts), and every contact with email and givenName
//     [DOC S1; the guide words the condition two ways, §3.1, and the
//     emulator reads it as §8 does]. A carrier supports asset-based
//     tracking when any of its identifiers has VEHICLE_ID or
//     LICENSE_PLATE among its tracking methods (choice 9).
//  6. A created invitation is stored with status IN_PROGRESS [INF] and
//     createdDateTime = lastModifiedDateTime = now [DOC-seed]. The answer
//     is 201 [UNK; §8] with the stored invitation: invitee (identifiers,
//     organization, contacts as sent; a contact without locale gets en-US,
//     which the guide names as the default [DOC-seed]; the phone under the
//     key it was sent as, "phone" or "phoneNumber", both of which the
//     guide uses [DOC-seed]), capability, status and the two times, and
//     no id: the guide's response shows none [DOC-seed; UNK whether one
//     exists]. Nothing is e-mailed.
//  7. Inviting an identifier again: a new invitation, and both are
//     listed [UNK §3.1; emulator's choice]. p44-duplicate-409 refuses it.
//  8. List (§3.2): {"paginationInfo": {"total", "pageSize",
//     "pageNumber"}, "results": [...]} [DOC-seed]. Paging parameters
//     pageNumber and pageSize, or page and size when those are absent
//     [UNK; both spellings §8]: pages are 0-based [UNK], pageNumber
//     defaults to 0; pageSize defaults to 25 (small, so clients must page)
//     and is at most 100 (a larger one is answered with 100, and
//     paginationInfo.pageSize says so) [UNK]. A page number below the
//     first or a size below 1, or one that is not an integer, is a 400
//     naming the parameter; a page past the end is empty.
//     paginationInfo.total counts every matching invitation. status=S
//     keeps invitations with that status (400 for a value not among the
//     five statuses) [UNK]. Oldest first, in creation order [UNK].
//  9. Tracking methods (§6): carrierIdentifier.type and
//     carrierIdentifier.value as query parameters with dotted names [INF]
//     (400 naming the parameter when missing, or a type not among SCAC,
//     MC_NUMBER, DOT_NUMBER, SYSTEM, VAT, P44_EU [DOC S2]). The answer is
//     {"trackingMethods": [{"equipmentIdentifier": {"type": T},
//     "infoMessages": [{"severity": "INFO", "message", "source":
//     "SYSTEM"}]}]} [DOC S2, S10]; capacityProviderAccount,
//     shipmentIdentifier and equipment values are null, so left out.
//     Which carrier has which methods is a deterministic rule [emulator's
//     choice] over n, the number formed by the digits of the value (at
//     most 18; none gives 0), whatever the type:
//     - n divisible by 7: asset tracking, LICENSE_PLATE for VAT and
//     P44_EU (Europe) and VEHICLE_ID for the others (North America)
//     [DOC S10];
//     - n divisible by 3 and not by 7: MOBILE_PHONE_NUMBER only, the
//     driver app [DOC S10];
//     - otherwise (n = 0 included): none; project44 does not know the
//     carrier, and the answer is {"trackingMethods": []} [UNK §6].
//     SetTrackingMethods (or the admin route) overrides the rule for one
//     identifier (type and value exactly); an override to no methods is a
//     known carrier without methods.
//  10. Statuses change only through SetStatus or the admin route, as the
//     carrier's answer or project44's expiry would [DOC-seed meanings;
//     transitions UNK]: any of the five, from any. No get-by-id, cancel or
//     resend routes: the reference finds none (§3.3, §8).
//
// # Variants
//
// Every choice above is the default. A variant switches one made where the
// reference is [INF] or [UNK] to another reading a client must survive.
// Variants are named in Options.Variants, switched with SetVariants or PUT
// /_emulator/p44/variants, and given to mcp-emulator as -p44-variants a,b;
// "all" turns on every one, taking the first of each conflicting pair
// unless the second is named. They are a list of their own, apart from
// the MCP emulator's (whose "all" does not include them): acceptance
// tests read them from P44_EMULATOR_VARIANTS (package acctest) beside
// MCP_EMULATOR_VARIANTS. Reset restores Options.Variants.
//
//   - p44-create-200: create answers 200 instead of 201. §3.1 (success
//     status UNK), §9 question 4.
//   - p44-invitation-id: invitations carry "id" (a UUID, the emulator's
//     Invitation.ID), first, in the create answer and list results. §3.1
//     ("id" is the best guess, INF), §9 question 1.
//   - p44-one-based-pages: the first page is 1, pageNumber defaults to 1
//     and 0 is a 400. §3.2 (0- or 1-based UNK; the guide's example shows
//     pageNumber 1).
//   - p44-status-filter-ignored: status is ignored; every invitation is
//     listed and total counts them all. §3.2 (filters UNK).
//   - p44-duplicate-409: creating an invitation naming an identifier that
//     an IN_PROGRESS or ACCEPTED invitation already names is a 409
//     Conflict envelope (errors[] names invitee.identifiers); nothing is
//     stored. §3.1 (re-invite behaviour UNK), §9 question 7.
//   - p44-tracking-unknown-404: the lookup of a carrier project44 does not
//     know (no method by the rule, no override) is a 404 envelope. §6
//     (unknown carrier UNK).
//   - p44-time-offset: times carry a numeric offset, in Options.Zone
//     (America/Chicago, project44's home, by default):
//     "2024-03-18T06:27:45.465-05:00"; Zone time.UTC writes "+00:00".
//     §3.1 (offset style UNK).
//   - p44-time-no-offset: times carry no offset, in UTC:
//     "2024-03-18T11:27:45.465". §3.1.
//   - p44-list-no-contacts: list results leave out invitee.contacts. §9
//     question 5 (whether contacts come back UNK).
//   - p44-gateway-401-empty: the 401 for a missing, unknown or expired
//     bearer token has an empty body, as a gateway may answer. §5 (UNK).
//   - p44-expires-in-string: the token answer's expires_in is a JSON
//     string, "43200". §2.2 (field INF), §9 question 12.
//   - p44-expires-in-absent: the token answer has no expires_in. §2.2, §9
//     question 12.
//   - p44-token-oauth-errors: the token endpoint's 400 and 401 are
//     OAuth 2.0's {"error": "invalid_request" | "unsupported_grant_type" |
//     "invalid_client", "error_description"} instead of the envelope (its
//     415 and 429 stay envelopes). §2.2 (error body UNK).
//
// Two pairs conflict: p44-time-offset and p44-time-no-offset,
// p44-expires-in-string and p44-expires-in-absent.
//
// # Embedded in the MCP emulator
//
// (*emulator.Server).ServeHTTP hands every path under Prefixes to this
// server; Options.Wrap is how the MCP emulator puts its faults
// (emulator.Faults, operation names OpToken "P44Token",
// "CreateInvitation", "ListInvitations", "TrackingMethods"; an empty
// Faults.Operations covers them too) and its latency around the four
// operations, and its Recorder names them the same way. Faults on these
// routes are written in the envelope. The MCP emulator's Reset and POST
// /_emulator/reset reset this server too; its Stats count these
// operations beside MCP's.
//
// # Admin routes
//
// Under /_emulator/p44/, without a token, never faulted or delayed, plain
// JSON (snake_case, except the invitee, which is project44's); errors are
// {"error": "..."} (404 when no invitation names the identifier, or an
// unknown admin route, else 400):
//
//	GET  /_emulator/p44/stats                {"requests":{"P44Token":1,"CreateInvitation":2},"tokens_issued":1,"invitations_created":2}
//	POST /_emulator/p44/reset                204; see Reset
//	GET  /_emulator/p44/invitations          {"invitations":[{"id","invitee","capability","status","created","last_modified"}],
//	                                          "identifiers":[{"type","value","times_invited"}]}
//	POST /_emulator/p44/invitations/status   {"type":"DOT_NUMBER","value":"1234567","status":"ACCEPTED"} → the invitation
//	                                          moved: the latest naming the identifier; lastModifiedDateTime now
//	GET  /_emulator/p44/tracking-methods?type=T&value=V   {"type","value","equipment_types":[...]}
//	PUT  /_emulator/p44/tracking-methods     {"type","value","equipment_types":["VEHICLE_ID"]} → the same; overrides the rule
//	GET  /_emulator/p44/variants             ["p44-create-200"]
//	PUT  /_emulator/p44/variants             ["all"] → the variants now in effect (400 unknown or conflicting)
//	PUT  /_emulator/p44/forbidden            {"forbidden":true} → the same; see SetForbidden
//	POST /_emulator/p44/tokens/expire        204; every issued token expires (ExpireTokens)
//
// The Go methods tests call directly: SetStatus, SetTrackingMethods,
// TrackingMethods, Invitations, TimesInvited, Stats, Reset, SetVariants,
// Variants, SetForbidden, ExpireTokens, Credentials.
package p44emulator
