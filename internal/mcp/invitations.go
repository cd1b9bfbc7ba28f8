package mcp

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// InvitationsService sends packet invitations and verification requests, and
// reads completed packets. Sending operations e-mail or text a carrier, so the
// client never repeats one that MCP may have received (see UncertainError).
type InvitationsService struct{ client *Client }

var (
	opEmailPacketInvitation   = carrierOp("EmailPacketInvitation", opSideEffect)
	opCompletedPackets        = carrierOp("CompletedPackets", opRead)
	opRequestUserVerification = carrierOp("RequestUserVerification", opSideEffect)
	opRequestVINVerification  = carrierOp("RequestVINVerification", opSideEffect)
)

// PacketInvitation is an Intellivite e-mail asking a carrier to complete the
// caller's packet.
type PacketInvitation struct {
	CarrierEmail string // required
	DOTNumber    int
	DocketNumber string
	// UserName ties the invitation to an MCP user of the caller.
	UserName              string
	SendConfirmationEmail bool
	// NotificationEmails are sent as MCP's comma-separated CC list.
	NotificationEmails []string
}

func (p PacketInvitation) query() url.Values {
	q := url.Values{"carrierEmail": {p.CarrierEmail}}
	setCarrier(q, p.DOTNumber, p.DocketNumber)
	if p.UserName != "" {
		q.Set("userName", p.UserName)
	}
	q.Set("sendConfirmationEmail", strconv.FormatBool(p.SendConfirmationEmail))
	if len(p.NotificationEmails) > 0 {
		q.Set("notificationEmails", strings.Join(p.NotificationEmails, ", "))
	}
	return q
}

// setCarrier adds the lower-camel dotNumber/docketNumber pair that the
// invitation and verification operations take.
func setCarrier(q url.Values, dot int, docket string) {
	if dot != 0 {
		q.Set("dotNumber", strconv.Itoa(dot))
	}
	if docket != "" {
		q.Set("docketNumber", docket)
	}
}

// EmailPacket sends an invitation: POST /api/v1/Carrier/EmailPacketInvitation.
// MCP's answer is an object the spec leaves undescribed; it is returned as is.
//
// An answer that is nothing but a Message (ASP.NET's error shape, with
// status 200) may be a failure MCP reports that way, or a success it
// describes: either way it is an *UncertainError naming the message, so
// that the caller neither sends the e-mail again nor records it as surely
// sent. An answer with any other member is MCP's success.
func (s *InvitationsService) EmailPacket(ctx context.Context, inv PacketInvitation) (json.RawMessage, error) {
	resp, err := s.client.call(ctx, opEmailPacketInvitation, inv.query(), nil)
	if err != nil {
		return nil, err
	}
	if msg, ok := onlyMessage(resp.Body); ok {
		return json.RawMessage(resp.Body), &UncertainError{Operation: opEmailPacketInvitation.name,
			Err: fmt.Errorf("MCP answered with status 200 and only the message %q", truncate(msg, 200))}
	}
	return json.RawMessage(resp.Body), nil
}

// AnswerText is MCP's answer to a send, in words for a person: the members
// of a JSON object but Json.NET's "$id" ("" when there are none), or any
// other answer as it is; at most 200 bytes.
func AnswerText(body []byte) string {
	var members map[string]json.RawMessage
	if json.Unmarshal(body, &members) != nil {
		return truncate(strings.TrimSpace(string(body)), 200)
	}
	delete(members, "$id")
	if len(members) == 0 {
		return ""
	}
	b, err := json.Marshal(members)
	if err != nil {
		return ""
	}
	return truncate(string(b), 200)
}

// onlyMessage reports whether body is an object whose only members, "$id"
// aside, are ASP.NET's Message and MessageDetail, and returns the message.
func onlyMessage(body []byte) (string, bool) {
	var members map[string]json.RawMessage
	if json.Unmarshal(body, &members) != nil {
		return "", false
	}
	var msg string
	if json.Unmarshal(members["Message"], &msg) != nil || msg == "" {
		return "", false
	}
	for name := range members {
		if name != "$id" && name != "Message" && name != "MessageDetail" {
			return "", false
		}
	}
	return msg, true
}

// CompletedPackets lists carriers that completed the caller's packet between
// from and to: POST /api/v1/Carrier/CompletedPackets.
func (s *InvitationsService) CompletedPackets(ctx context.Context, from, to time.Time) ([]CompletedPacket, error) {
	var out []CompletedPacket
	q := url.Values{"fromDate": {s.client.queryTime(from)}, "toDate": {s.client.queryTime(to)}}
	if _, err := s.client.call(ctx, opCompletedPackets, q, &out); err != nil {
		return nil, err
	}
	return out, nil
}

// UserVerificationRequest asks a carrier user to verify their identity.
type UserVerificationRequest struct {
	Email        string // required
	DOTNumber    int
	DocketNumber string
	UserName     string
}

// RequestUserVerification e-mails the request:
// POST /api/v1/Carrier/RequestUserVerification.
func (s *InvitationsService) RequestUserVerification(ctx context.Context, r UserVerificationRequest) (json.RawMessage, error) {
	q := url.Values{"userVerificationEmail": {r.Email}}
	setCarrier(q, r.DOTNumber, r.DocketNumber)
	if r.UserName != "" {
		q.Set("userName", r.UserName)
	}
	resp, err := s.client.call(ctx, opRequestUserVerification, q, nil)
	if err != nil {
		return nil, err
	}
	return json.RawMessage(resp.Body), nil
}

// VIN verification delivery options. MCP answers DeliveryEmail with HTTP 400
// "Email VIN Validations are no longer supported".
const (
	DeliveryEmail = 1
	DeliveryPhone = 2
)

// VINVerificationRequest asks a carrier, by text message, for a photo of a
// truck's VIN.
type VINVerificationRequest struct {
	DeliveryOption int // DeliveryPhone; required
	Email          string
	PhoneNumber    string
	DOTNumber      int
	DocketNumber   string
	UserName       string
	// OutputRequestID asks MCP for the request ID in the answer.
	OutputRequestID bool
}

// RequestVINVerification sends the request:
// POST /api/v1/Carrier/RequestVINVerification. MCP answers with a message
// string, or with the request ID when OutputRequestID is set; both come back
// as a RequestVINVerificationOutput.
func (s *InvitationsService) RequestVINVerification(ctx context.Context, r VINVerificationRequest) (*RequestVINVerificationOutput, error) {
	q := url.Values{"deliveryOption": {strconv.Itoa(r.DeliveryOption)}}
	if r.Email != "" {
		q.Set("vinVerificationEmail", r.Email)
	}
	if r.PhoneNumber != "" {
		q.Set("vinVerificationPhoneNumber", r.PhoneNumber)
	}
	setCarrier(q, r.DOTNumber, r.DocketNumber)
	if r.UserName != "" {
		q.Set("userName", r.UserName)
	}
	q.Set("outputVINVerificationRequestID", strconv.FormatBool(r.OutputRequestID))
	resp, err := s.client.call(ctx, opRequestVINVerification, q, nil)
	if err != nil {
		return nil, err
	}
	var out RequestVINVerificationOutput
	var message string
	if json.Unmarshal(resp.Body, &message) == nil {
		out.Message = message
		return &out, nil
	}
	if err := decodeJSON(resp.Body, &out); err != nil {
		// Neither a JSON string nor the object: plain text.
		out.Message = strings.TrimSpace(string(resp.Body))
	}
	s.client.inZone(&out)
	return &out, nil
}
