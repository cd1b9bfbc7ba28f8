package p44emulator

import (
	"crypto/rand"
	"encoding/json"
	"fmt"
	"net/http"
	"sync"
	"time"
	_ "time/tzdata" // p44-time-offset needs America/Chicago on machines without a zoneinfo database
)

// The emulator's own wire structs: the server's side of project44's API,
// written from the reference and never shared with a client, so that a
// client's mistakes show.

// Identifier is a carrier identifier, {"type": "DOT_NUMBER", "value": "1234567"}.
type Identifier struct {
	Type  string `json:"type"`
	Value string `json:"value"`
}

// Organization is the invitee's organization.
type Organization struct {
	Name string `json:"name"`
}

// Contact is a person project44 e-mails. The guide spells the phone both
// "phone" (its examples) and "phoneNumber" (its field tables): either is
// accepted and echoed as sent.
type Contact struct {
	Email       string `json:"email,omitempty"`
	GivenName   string `json:"givenName,omitempty"`
	FamilyName  string `json:"familyName,omitempty"`
	Locale      string `json:"locale,omitempty"`
	Phone       string `json:"phone,omitempty"`
	PhoneNumber string `json:"phoneNumber,omitempty"`
}

// Invitee is the carrier invited.
type Invitee struct {
	Identifiers  []Identifier  `json:"identifiers"`
	Organization *Organization `json:"organization,omitempty"`
	Contacts     []Contact     `json:"contacts,omitempty"`
}

// createRequest is the body of POST /services/invitation/v1/invitations.
type createRequest struct {
	Invitee    *Invitee `json:"invitee"`
	Capability string   `json:"capability"`
}

// invitationJSON is an invitation on the wire.
type invitationJSON struct {
	ID                   string  `json:"id,omitempty"`
	Invitee              Invitee `json:"invitee"`
	Capability           string  `json:"capability"`
	Status               string  `json:"status"`
	CreatedDateTime      string  `json:"createdDateTime"`
	LastModifiedDateTime string  `json:"lastModifiedDateTime"`
}

type paginationInfo struct {
	Total      int `json:"total"`
	PageSize   int `json:"pageSize"`
	PageNumber int `json:"pageNumber"`
}

type listJSON struct {
	PaginationInfo paginationInfo   `json:"paginationInfo"`
	Results        []invitationJSON `json:"results"`
}

// message is an entry of errors[] or infoMessages[].
type message struct {
	Severity   string `json:"severity"`
	Message    string `json:"message"`
	Diagnostic string `json:"diagnostic,omitempty"`
	Source     string `json:"source"`
}

// envelope is project44's standard error body (reference §5).
type envelope struct {
	HTTPStatusCode     int       `json:"httpStatusCode"`
	HTTPMessage        string    `json:"httpMessage"`
	ErrorMessage       string    `json:"errorMessage"`
	Errors             []message `json:"errors"`
	SupportReferenceID string    `json:"supportReferenceId"`
}

type equipmentIdentifier struct {
	Type string `json:"type"`
}

type trackingMethod struct {
	EquipmentIdentifier equipmentIdentifier `json:"equipmentIdentifier"`
	InfoMessages        []message           `json:"infoMessages,omitempty"`
}

type trackingMethodsJSON struct {
	TrackingMethods []trackingMethod `json:"trackingMethods"`
}

// apiError is an answer in the error envelope.
type apiError struct {
	status  int
	message string
	errors  []message
	header  http.Header
}

func (e *apiError) Error() string { return fmt.Sprintf("HTTP %d: %s", e.status, e.message) }

func errorf(status int, format string, args ...any) *apiError {
	return &apiError{status: status, message: fmt.Sprintf(format, args...)}
}

// fieldError is one errors[] entry about a request field: the message
// names the field, and so does diagnostic, alone, for a client to match.
func fieldError(field, format string, args ...any) message {
	return message{Severity: "ERROR", Message: field + " " + fmt.Sprintf(format, args...), Diagnostic: field, Source: "SYSTEM"}
}

func (e *apiError) write(w http.ResponseWriter) {
	for k, v := range e.header {
		w.Header()[k] = v
	}
	writeEnvelope(w, e.status, e.message, e.errors)
}

// WriteError answers status with project44's error envelope and no
// errors[] entries; the MCP emulator writes its injected faults on
// project44's routes with it.
func WriteError(w http.ResponseWriter, status int, errorMessage string) {
	writeEnvelope(w, status, errorMessage, nil)
}

func writeEnvelope(w http.ResponseWriter, status int, errorMessage string, errs []message) {
	if errs == nil {
		errs = []message{}
	}
	writeJSON(w, status, envelope{
		HTTPStatusCode: status, HTTPMessage: http.StatusText(status), ErrorMessage: errorMessage,
		Errors: errs, SupportReferenceID: newUUID(),
	})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	body, err := json.Marshal(v)
	if err != nil {
		panic(err) // the emulator's own types always marshal
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_, _ = w.Write(body)
}

// newUUID is a random (version 4) UUID.
func newUUID() string {
	var b [16]byte
	_, _ = rand.Read(b[:]) // never fails: crypto/rand aborts the program instead
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}

var chicago = sync.OnceValue(func() *time.Location {
	loc, err := time.LoadLocation(OffsetZone)
	if err != nil {
		panic(fmt.Sprintf("p44emulator: loading %s: %v", OffsetZone, err)) // time/tzdata is linked in
	}
	return loc
})

// Time layouts: RFC 3339 with milliseconds, as the guide's examples
// ("2024-03-18T11:27:45.465Z").
const (
	layoutZ        = "2006-01-02T15:04:05.000Z"
	layoutOffset   = "2006-01-02T15:04:05.000-07:00"
	layoutNoOffset = "2006-01-02T15:04:05.000"
)

// formatTime writes a time as the variants say.
func (s *Server) formatTime(t time.Time, vs variantSet) string {
	switch {
	case vs.has(vTimeOffset):
		return t.In(s.opts.Zone).Format(layoutOffset)
	case vs.has(vTimeNoOffset):
		return t.UTC().Format(layoutNoOffset)
	}
	return t.UTC().Format(layoutZ)
}
