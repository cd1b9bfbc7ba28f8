// Package emulator emulates MyCarrierPackets' (MCP) carrier API for tests,
// demos and benchmarks: all 23 POST /api/v1/Carrier/<Name> operations and
// POST /token, over a deterministic synthetic carrier universe and
// in-memory state, as an http.Handler.
//
//	inst := emulatortest.Start(t, emulator.Options{Carriers: 2000})   // httptest on loopback
//	go run ./internal/emulator/cmd/mcp-emulator -carriers 60000   // a server on 127.0.0.1:8089
//	go run ./internal/emulator/cmd/mcp-emulator -variants all     // every variant on (see Variants)
//	go run ./internal/emulator/cmd/mcp-emulator -p44-client-id id -p44-client-secret secret  // project44's credentials
//
// The same server also serves project44's carrier-invitation API (token,
// invitations, tracking methods) under /api/v4/, /services/ and
// /_emulator/p44/, through an embedded p44emulator.Server: see "project44"
// below and package p44emulator.
//
// Responses are encoded with the generated types of package mcp, so the
// client and the emulator share one source of truth for field names. The
// emulator follows MCP's Swagger document (api/mcp-swagger.json) and the
// captured traffic described in api/mcp-api.md; it never bends
// to make a client pass.
//
// # Wire format
//
//   - Paths and query-parameter names match case-insensitively; every
//     parameter is read from the query string and request bodies are
//     ignored (except /token's form). A trailing slash is ignored. When a
//     name is sent twice the first value wins.
//   - JSON answers carry Content-Type "application/json; charset=utf-8",
//     Cache-Control "no-cache", Pragma "no-cache" and Expires "-1". Every
//     object gets a "$id" member ("1", "2", … in document order, per
//     response; arrays none), as Json.NET's reference preservation writes;
//     "<", ">" and "&" are not escaped. /token answers, written by OWIN,
//     have no "$id".
//   - Date-times have no offset and seven fractional digits; they are UTC.
//     The emulator's clock ticks in 100 ns like MCP's, so a time read from
//     an answer can be sent back as a window bound and compare equal.
//     X-Pagination values are plain JSON without "$id".
//     FMCSA values are strings ("1,000,000", "Yes", "0000-00-00"); coverage
//     expirations are dates (YYYY-MM-DD). Phones are "(NNN) NNN-NNNN" in
//     PreviewCarrier and the packet, "NNN-NNN-NNNN" in the FMCSA Identity,
//     ten bare digits in contacts, as captured.
//   - Keys captured traffic never carried are left out: ReviewState,
//     ReviewDetails, HasRuleOverride, RuleName, PreReviewScore,
//     PreReviewRiskLevel and RuleEnforced. Strings the generated types hold
//     as string are written as "" where MCP may write null.
//   - Answers are always JSON; Accept: text/xml is not honoured.
//
// # Choices where the spec is silent
//
// Requests are handled in ASP.NET Web API's order: routing, method, action
// selection, authorization, parameter binding, action. Hence:
//
//  1. Unknown path: 404 {"Message":"No HTTP resource was found that matches
//     the request URI '<uri>'."}, with ASP.NET's MessageDetail for an
//     unknown Carrier action or controller. Wrong method on a known
//     operation: 405 {"Message":"The requested resource does not support
//     http method 'GET'."}. Both come before authorization.
//  2. A missing spec-required parameter (name, carrierEmail,
//     userVerificationEmail, deliveryOption, fromDate and toDate, fromDate
//     of GetUpdatedFactoringCompanies) selects no action: 404 with
//     MessageDetail "No action was found on the controller 'Carrier' that
//     matches the request.", before authorization. Sent with an empty value,
//     it is a 400 instead.
//  3. No valid, unexpired token (header "Authorization: bearer <token>",
//     scheme in any case): 401 {"Message":"Authorization has been denied
//     for this request."} with WWW-Authenticate: Bearer.
//  4. An integer, boolean or date-time parameter that does not parse: 400
//     {"Message":"The request is invalid."}. Booleans are true/false in any
//     case. Date-times are YYYY-MM-DDThh:mm:ss with an optional fraction
//     and an optional Z or offset (no offset means UTC), or a bare date.
//     An empty value counts as absent.
//  5. Carrier identification (DOTNumber, DocketNumber, and IntrastateNumber
//     for the four membership writes): DOT only, docket only, both, or
//     intrastate number with or without DOT. Neither: 400 ("A DOT number or
//     docket number is required."). An identifier that names no carrier: 404
//     {"Message":"No carrier was found with DOT number N."} — for every
//     lookup, the membership writes, invitations and verification requests.
//     Identifiers naming different carriers: 400. Dockets keep their MC, FF
//     or MX prefix and match case-insensitively but otherwise exactly (no
//     bare digits, no added leading zeros). A DOT number of 0 or less names
//     no carrier.
//  6. Intrastate numbers are the home state and six or seven digits, such
//     as TX100042; intrastate-only carriers have no docket.
//  7. RequestMonitoring of a monitored carrier is idempotent: the existing
//     MonitoringID and original RequestDate. MonitoringIDs count up from
//     500001 and are never reused. CancelMonitoring of a carrier that is not
//     monitored: 200 with MonitoringID 0 and CancelDate now.
//  8. BlockCarrier answers "Carrier DOT<dot>/<docket> <LEGAL NAME> was added
//     to your blocked carrier list." (the intrastate number replaces the
//     docket of an intrastate-only carrier); when already blocked, 200
//     Result false "... is already in your blocked carrier list.".
//     UnblockCarrier: "... was removed from your blocked carrier list.", or
//     Result false "... is not in your blocked carrier list.".
//  9. Monitored and blocked entries never change after creation:
//     LastModifiedDate/By equal CreatedDate/By. API writes are attributed to
//     the integration user, out-of-band edits to PortalUser.
//  10. EmailPacketInvitation and RequestUserVerification answer {} (with
//     "$id"). An e-mail that is not a bare address with a dotted domain is a
//     400; notificationEmails is a comma-separated list of such addresses.
//     An invitation sets PreviewCarrier.Status "Invited" and the carrier's
//     LatestInvitation; a user verification marks (or adds) the contact
//     with that e-mail as "Pending".
//  11. RequestVINVerification: deliveryOption 1 is 400 {"Message":"Email VIN
//     Validations are no longer supported"}; a value other than 1 or 2 is
//     "The request is invalid."; option 2 needs vinVerificationPhoneNumber
//     with ten digits (400 otherwise). It records a pending request (status
//     1 "VIN Request Sent", no VIN yet) that GetCarrierVINVerifications
//     shows, and answers a JSON string, or RequestVINVerificationOutput when
//     outputVINVerificationRequestID=true. Request IDs count up from 70001.
//     RequestedByUser is userName, else the integration user.
//  12. GetCarrierContacts answers a bare object, not an array.
//     PreviewCarrier and GetCarrierRiskAssessment answer one-element arrays.
//  13. GetCarrierData without a packet answers only Message ("Carrier
//     Agreement does not exist.") and AssureAdvantage; with one, every
//     packet key and Message "".
//  14. No incident reports: "IncidentReports": null. No VIN verifications:
//     "VINVerifications": null. FindAssociatedCarriers without a phone or an
//     e-mail: 200 with Success false and a Message; no match: Success true,
//     AssociatedCarriers []. Phones match on their ten digits (a leading 1
//     dropped), e-mails case-insensitively. The company phone and e-mail
//     associate as Company (1), MC Record (18, with a docket) and DOT Record
//     (19); contacts as Authorized User (8), Verified User (12), User
//     Verification Pending (13), Driver (16), Dispatcher (17).
//  15. GetDocument serves the certificate of insurance, the signed agreement
//     and the W-9 of a carrier (the last two only with a packet), and the
//     customer's agreement, as small valid PDFs (application/pdf). An
//     unknown blob, or a VIN photo: 404 {"Message":"Document '<name>' was
//     not found."}.
//  16. Date windows (CompletedPackets, CarriersChanges,
//     GetUpdatedFactoringCompanies) include both ends; fromDate after toDate
//     is a 400. GetUpdatedFactoringCompanies' toDate defaults to now and an
//     entry matches when created or updated in the window.
//  17. Paging (pageNumber, pageSize): defaults and maxima 2500/5000
//     (MonitoredCarriers, BlockedCarriers), 250/500 (CarriersChanges,
//     MonitoredCarrierData, GetMonitoredCarrierContactsData,
//     GetMonitoredCarriersRiskAssessment). pageNumber defaults to 1 and
//     below 1 is 1; pageSize below 1 is the default, above the maximum the
//     maximum — except GetMonitoredCarriersRiskAssessment, where any
//     out-of-range size is 250. A page past the end is empty. The header-
//     paged lists answer everything, without X-Pagination, unless a paging
//     parameter was sent; the body-paged ones always answer one page.
//     Lists are in DOT order.
//  18. CarriersChanges reports carriers monitored at the time of the call
//     that changed in the window: one entry per carrier, its latest change
//     time, the union of its ChangeCategories ("Insurance", "Authority",
//     "RiskAssessment", in that order). Every change also moves the risk
//     assessment, so "RiskAssessment" is always present. The counters
//     count the carriers of the answered page with each category
//     (FMCSAChangeCount counts "Authority"), so pages add up; totalCount
//     counts carriers.
//  19. Vocabularies: PreviewCarrier.Status "Not Invited", "Invited",
//     "Completed"; PossibleFraud "No Reports"/"Reports Found";
//     FreightValidateStatus "valid", or "Review Recommended" for fraud-ring
//     members; risk ratings below.
//  20. /token: grant_type=password with the configured username and
//     password (exact match), or grant_type=refresh_token with a refresh
//     token that was issued and not yet used (refresh tokens are single-use
//     and live twice the access-token lifetime). Tokens are 32 random bytes
//     (crypto/rand), base64url. A new token does not revoke older ones.
//     Errors are 400 {"error":"invalid_grant", "error_description":...}
//     ({"error":"invalid_grant"} alone for a bad refresh token) and
//     {"error":"unsupported_grant_type"} for a missing or unknown grant,
//     whatever the method.
//
// # Variants
//
// Every choice above is the default, and with no variant on the emulator
// answers exactly as described. A variant switches one of those choices,
// made where the spec (api/mcp-swagger.json) and the captures are silent,
// to another reading a client must survive. Variants are named in
// Options.Variants, switched with SetVariants or PUT /_emulator/variants,
// and given to the command as -variants a,b; "all" turns on every one.
// Reset restores Options.Variants. Switch them between requests: a request
// being answered may see either set. Sources are sections of the shared
// API reference, vendored as api/mcp-api.md; "inference" marks the
// emulator's own guess.
//
//   - local-times: date-times are written in US Central time
//     (America/Chicago, daylight saving included) instead of UTC, still
//     without an offset, except in fields whose name ends in "Utc"
//     (RequestDateTimeUtc, CreatedOnUtc, SubmittedOnUtc, ProcessedOnUtc,
//     ModifiedOnUtc), which stay UTC. Date-time parameters without an
//     offset (fromDate, toDate; a bare date is midnight) are read as
//     Central time too; a Z or an offset still means what it says, so a
//     time read from an answer and sent back compares equal (except in the
//     repeated hour when daylight saving ends, which has two readings).
//     Source: §2.5 rule 5 and §7 questions 19–20 (the zone of offset-less
//     values is unknown; "…Utc" fields presumably UTC, the others
//     server-local).
//   - fraction-trim: date-times as Json.NET writes them by default, trailing
//     zeros of the fraction dropped and no fraction when it is zero:
//     "2026-01-02T03:04:05.12", "2026-01-02T03:04:05". Source: §2.5 rule 5
//     ("up to seven fractional digits", observed); Json.NET's default
//     format, inference.
//   - date-only: a date-time that falls exactly on midnight (in the zone it
//     is written in) is written as a bare date, "2026-01-02". So that some
//     do: CustomerAgreement.CreatedDate in GetCarrierData with a packet is
//     midnight of its day, and entries the portal adds (Monitor, Block, the
//     admin list edits) are stamped with midnight of the current day; echoed
//     windows (FromDate, ToDate) are midnight when sent so. Source: §2.5
//     rules 6–7 (other dates are bare YYYY-MM-DD), inference.
//   - list-null-docket: MonitoredCarriers and BlockedCarriers entries carry
//     "DocketNumber": null, docket or not. Source: §2.5 rule 3 (anything can
//     be null; the spec requires nothing).
//   - list-unpadded-docket: every fourth MC carrier in DOT order (the sample
//     carrier excepted; the first MC carrier after it is one, while the
//     universe has slots left: about 390,000 carriers) has a zero-padded
//     docket, MC0nnnnn, in place of its usual one, in every answer and in
//     the control API (kind "padded-docket"); MonitoredCarriers and
//     BlockedCarriers entries write it without the leading zeros (MC10203
//     for MC010203). Lookups find such a carrier by either spelling (not
//     with more zeros, nor by its docket without the variant). Switching
//     the variant renames those dockets; state is kept by carrier. Source:
//     §2.6 (the spec's examples MC010203 and MC12345), §7 question 22.
//   - list-no-dot-intrastate: entries of intrastate-only carriers carry
//     "DOTNumber": 0 (the spec's int32 cannot be null) and their
//     IntrastateNumber only. Source: §2.6 (intrastate-only carriers are
//     identified by IntrastateNumber), §7 question 23.
//   - write-failure-200: a refusal that is a 4xx by default (choices 5 and
//     10: no identifier, unknown carrier, identifiers naming different
//     carriers, a bad e-mail) of RequestMonitoring, CancelMonitoring,
//     BlockCarrier, UnblockCarrier and EmailPacketInvitation is answered
//     200 instead: BlockCarrier and UnblockCarrier {"Result":false,
//     "Message":"<the 4xx message>"}; RequestMonitoring {"MonitoringID":0,
//     "RequestDate":null}; CancelMonitoring {"MonitoringID":0,
//     "CancelDate":null} (by default a cancel never has a null CancelDate);
//     EmailPacketInvitation, whose answer is an untyped object, {"Message":
//     "<the 4xx message>"} (by default {}). Nothing changes and Writes does
//     not count it. ASP.NET's own answers stay: 404 for a missing required
//     parameter, 401, 400 "The request is invalid." for a value that does
//     not bind. Source: §2.8 ("failures inside HTTP 200"), §4.19
//     ("presumably Result: false"), §7 questions 1–4 and 8.
//   - no-pagination: no X-Pagination header ever (MonitoredCarriers,
//     BlockedCarriers, CarriersChanges); a page still holds at most pageSize
//     items. Source: §2.7, §7 question 16.
//   - json-refs: Json.NET's PreserveReferencesHandling in full: an object
//     equal to one already written in the same answer is written as
//     {"$ref":"<its $id>"} and takes no "$id" itself. GetCarrierData with a
//     packet always has one: the customer, in
//     CarrierCustomerAgreements[0].CustomerAgreement.Customer and again in
//     CarrierCustomerPacketStatuses[0].Customer (the same object in the
//     emulator); equal risk categories and other small objects repeat too.
//     Source: §2.5 rule 1, §7 question 13.
//   - contacts-success-false: GetCarrierContacts of a carrier without
//     contacts answers {"Success":false,"Message":"No contacts were found
//     for this carrier.","Carrier":null}. The default universe has no such
//     carrier, so under this variant one carrier in eight (never the sample
//     carrier or a fraud-ring member; kind "no-contacts") has no users
//     anywhere (GetCarrierContacts, GetMonitoredCarrierContactsData,
//     FindAssociatedCarriers) until a verification request adds one.
//     Source: §2.8 and §4.3 (GetCarrierContactsResponse.Success, Message).
//   - document-json: GetDocument of a document that exists answers 200
//     application/json {"Message":"The document '<name>' could not be
//     retrieved."} instead of the PDF. Source: §4.22 (the spec declares an
//     untyped object), §7 question 15.
//   - document-html: GetDocument of a document that exists answers 200
//     "text/html; charset=utf-8" with a sign-in page, as a proxy in front of
//     the API would. Source: §7 question 15, inference.
//   - repeat-write-400: a membership write that changes nothing is a 400
//     {"Message": ...} instead of the default answer: BlockCarrier of a
//     blocked carrier ("<label> is already in your blocked carrier list."),
//     UnblockCarrier of one that is not ("... is not in your blocked carrier
//     list."), RequestMonitoring of a monitored carrier ("... is already in
//     your monitored carrier list.") and CancelMonitoring of one that is not
//     ("... is not in your monitored carrier list."), <label> being "Carrier
//     DOT<dot>/<docket> <LEGAL NAME>" as in choice 8. Nothing changes.
//     Source: §7 questions 1–3, §2.8 (the 400 body).
//   - expires-in-string: /token's expires_in is a JSON string ("1209599").
//     Source: §3.1, §7 question 28, inference.
//   - empty-arrays: arrays written as null by default ("IncidentReports" of
//     GetCarrierIncidentReports and "VINVerifications" of
//     GetCarrierVINVerifications when there are none) are written as [].
//     Source: §2.5 rule 3, §7 question 12.
//   - null-arrays: empty arrays written as [] by default are written as
//     null, a whole empty list answer included (MonitoredCarriers answers
//     null). Source: §2.5 rule 3, §7 question 12.
//
// Two pairs conflict: empty-arrays and null-arrays, document-json and
// document-html. Naming both of a pair is an error; "all" turns on the
// first of each (empty-arrays, document-json) unless the second is named
// too ("all,null-arrays"). The other variants combine: local-times,
// fraction-trim and date-only apply together; list-null-docket hides the
// docket list-unpadded-docket would write; write-failure-200 leaves
// repeat-write-400's refusals alone (by default those writes answer 200).
// With "all" the emulator stays one coherent MCP: a client that handles
// each variant converges on the same lists as by default.
//
// # The synthetic universe
//
// Options.Carriers carriers (default 10,000, the sample carrier included),
// generated from Options.Seed: the same seed and size give the same
// universe. Each carrier keeps a 20-byte core record (DOT number, docket,
// kind, home, traits); everything else — names, addresses, contacts,
// certificates, safety data, risk, incidents, VINs, packet — is derived on
// demand from (seed, DOT number), with overlays for what has changed, so
// 60,000 carriers are ready in milliseconds. Package universe holds the
// carriers and derives every model from them; the server adds its state.
//
//   - The sample carrier, DOT 23868 / MC113843 "Sample Trucking LLC",
//     interstate and active, exists in every universe with the same
//     details; it has an acceptable risk and no packet. Other DOT numbers
//     are 7 or 8 digits from 1,000,001 up; MC dockets start at 120000.
//   - About 91% MC, 2% FF, 3% MX (Mexico-domiciled, with Mexican addresses)
//     and 4% intrastate-only carriers. Names, e-mail domains and phone
//     numbers are unique (unless a fraud ring shares them): lookups invert
//     the generators instead of keeping indexes.
//   - Insurance: one certificate per carrier with Auto, Cargo (with reefer
//     breakdown for reefers) and sometimes General coverage; about 6% have
//     an expired coverage by the emulator's clock.
//   - Risk: each rule adds 250 points ("Medium") or 1000 ("Review") to one
//     of the five categories. A category's TotalPoints is the sum of its
//     infractions, the overall TotalPoints the sum of the categories.
//     OverallRating is Acceptable (0), Moderate (under 1000) or
//     UnacceptableReview; the RiskAssessment strings say Acceptable,
//     Moderate or Unacceptable.
//   - About 3% completed the customer's packet in the 90 days before the
//     start, 4% have incident reports, 5% VIN verifications. A forty-entry
//     factoring directory spans two years. Fraud rings — about one per 2,000
//     carriers, at least three — group 3–6 carriers sharing a phone number
//     or an e-mail address.
//
// Out-of-band edits (Monitor, Unmonitor, Block, Unblock, ChangeCarrier,
// CompletePacket) mimic someone clicking in the MCP portal or FMCSA data
// changing; Carriers finds carriers by kind for tests. Faults inject 429
// (with Retry-After), 500, 503 or a dropped connection, before or after the
// request is processed, from a random source seeded with Options.Seed.
//
// # project44
//
// New builds a p44emulator.Server from Options.Project44 (its clock
// defaulting to Options.Now) and ServeHTTP hands it every path under
// /api/v4/, /services/ and /_emulator/p44/ (p44emulator.Serves, matched
// case-sensitively); MCP's answers for every other path, its 404s
// included, are unchanged. P44 returns it, so tests reach it as
// inst.P44() (SetStatus, SetTrackingMethods, Invitations, Stats, ...).
// Its four operations go through this server's faults and latency
// (Faults.Operations names them "P44Token", "CreateInvitation",
// "ListInvitations", "TrackingMethods"; an empty list includes them), and
// a fault on them is written in project44's error envelope. Stats count
// them beside MCP's; the Recorder records them under those names (its
// Tokens lists MCP's tokens only). Reset resets it too. Its variants are
// its own list (p44emulator.VariantNames, all "p44-..."): "all" here does
// not include them; the command takes them as -p44-variants.
//
// # Admin routes
//
// Under /_emulator/, without a token, never faulted or delayed, plain
// snake_case JSON; errors are {"error": "..."} (404 for an unknown DOT
// number, else 400):
//
//	GET  /_emulator/stats                   {"requests":{"MonitoredCarriers":3,"Token":1},"faults":{},"tokens_issued":1,"writes":0}
//	POST /_emulator/reset                   204; state, statistics, faults and variants back to the start, project44's too
//	GET  /_emulator/state                   {"monitored":[{"dot_number","docket_number","intrastate_number","monitoring_id","created_date","created_by"}],
//	                                         "blocked":[...], "invitations":[{"dot_number","docket_number","carrier_email","user_name",
//	                                         "send_confirmation_email","notification_emails","received_at"}],
//	                                         "user_verifications":[{"dot_number","docket_number","email","user_name","received_at"}],
//	                                         "vin_verifications":[{"request_id","dot_number","docket_number","phone_number","user_name","received_at"}]}
//	GET  /_emulator/carriers?kind=K&limit=N [{"dot_number","docket_number","intrastate_number","legal_name","phone","email","kinds":[...]}]
//	                                         kinds: mc ff mx intrastate expired fraud packet incidents vins monitored blocked
//	                                         blocked-by-others no-contacts padded-docket (the last two only under
//	                                         their variants); limit defaults to 100, 0 means all
//	GET  /_emulator/faults                  the faults in effect, as below
//	POST /_emulator/faults                  {"rate":0.2,"statuses":[429,503,0],"retry_after":"2s","latency":"50ms",
//	                                         "operations":["EmailPacketInvitation"],"after":true}; {} turns faults off
//	GET  /_emulator/variants                the variants in effect, sorted: ["fraction-trim","local-times"]
//	PUT  /_emulator/variants                ["local-times","json-refs"] or ["all"] replaces them (400 for an unknown
//	                                         name or a conflicting pair) → the variants now in effect; [] turns them off
//	POST /_emulator/carriers/{dot}/change   {"category":"insurance"|"authority"|"risk"} → {"dot_number","change_categories","changed_at"}
//	POST /_emulator/packets/{dot}/complete  → {"dot_number","completed_date"}
//	POST /_emulator/monitored               {"add":[dots],"remove":[dots]} → {"added","removed","total"}; all or nothing
//	POST /_emulator/blocked                 the same for the blocked list
//
// Durations in /_emulator/faults are Go duration strings or numbers of
// seconds. The project44 emulator's admin routes are under /_emulator/p44/
// (package p44emulator, "Admin routes").
package emulator
