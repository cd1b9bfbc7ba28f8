package mcp

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// TestInvitations_vinAnswerShapes: RequestVINVerification accepts a JSON
// string, the declared object, or plain text.
func TestInvitations_vinAnswerShapes(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, contentType, body string
		want                    RequestVINVerificationOutput
	}{
		{"JSON string", jsonType, `"VIN verification request sent."`, RequestVINVerificationOutput{Message: "VIN verification request sent."}},
		{"object", jsonType, `{"$id":"1","VinVerificationRequestID":991,"Message":null}`, RequestVINVerificationOutput{VinVerificationRequestID: 991}},
		{"object with message", jsonType, `{"VinVerificationRequestID":992,"Message":"sent"}`, RequestVINVerificationOutput{VinVerificationRequestID: 992, Message: "sent"}},
		{"plain text", "text/plain; charset=utf-8", "VIN verification request sent.\r\n", RequestVINVerificationOutput{Message: "VIN verification request sent."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			client, mux, _ := setup(t)
			handleToken(t, mux)
			serveOnce(t, mux, "RequestVINVerification", url.Values{"deliveryOption": {"2"}, "vinVerificationPhoneNumber": {"5550100100"},
				"dotNumber": {"1234567"}, "outputVINVerificationRequestID": {"true"}}, http.StatusOK, tt.contentType, tt.body)
			got, err := client.Invitations.RequestVINVerification(context.Background(),
				VINVerificationRequest{DeliveryOption: DeliveryPhone, PhoneNumber: "5550100100", DOTNumber: 1234567, OutputRequestID: true})
			if err != nil {
				t.Fatal(err)
			}
			if *got != tt.want {
				t.Errorf("got %+v, want %+v", *got, tt.want)
			}
		})
	}
}

// TestInvitations_rawAnswers: the undescribed answers of EmailPacketInvitation
// and RequestUserVerification come back byte for byte.
func TestInvitations_rawAnswers(t *testing.T) {
	t.Parallel()
	client, mux, _ := setup(t)
	handleToken(t, mux)
	const answer = `{"$id":"1","InvitationID":77,"Message":"Invitation sent."}`
	serveOnce(t, mux, "EmailPacketInvitation", url.Values{"carrierEmail": {"a@b.example"}, "sendConfirmationEmail": {"false"}}, http.StatusOK, jsonType, answer)
	serveOnce(t, mux, "RequestUserVerification", url.Values{"userVerificationEmail": {"a@b.example"}}, http.StatusOK, jsonType, `"queued"`)
	got, err := client.Invitations.EmailPacket(context.Background(), PacketInvitation{CarrierEmail: "a@b.example"})
	if err != nil || string(got) != answer {
		t.Errorf("EmailPacket = %s, %v", got, err)
	}
	got, err = client.Invitations.RequestUserVerification(context.Background(), UserVerificationRequest{Email: "a@b.example"})
	if err != nil || string(got) != `"queued"` {
		t.Errorf("RequestUserVerification = %s, %v", got, err)
	}
}

// An invitation answered 200 with a Message (ASP.NET's error shape) may have
// failed, or succeeded: it is uncertain, never a plain success, never an
// error the caller would answer by sending it again.
func TestEmailPacket_messageIsUncertain(t *testing.T) {
	t.Parallel()
	for body, uncertain := range map[string]bool{
		`{"$id":"1"}`: false,
		`{"$id":"1","InvitationID":77,"Message":"Invitation sent."}`:         false,
		`{"$id":"1","Message":"No carrier was found with DOT number 2386."}`: true,
	} {
		client, mux, _ := setup(t)
		handleToken(t, mux)
		mux.HandleFunc("/api/v1/Carrier/EmailPacketInvitation", func(w http.ResponseWriter, _ *http.Request) {
			writeJSON(w, http.StatusOK, body)
		})
		_, err := client.Invitations.EmailPacket(context.Background(), PacketInvitation{CarrierEmail: "a@b.example", DOTNumber: 2386})
		if got := IsUncertain(err); got != uncertain || !uncertain && err != nil {
			t.Errorf("answer %s: err = %v, uncertain %v; want uncertain %v", body, err, got, uncertain)
		}
		if uncertain && !strings.Contains(err.Error(), "No carrier was found with DOT number 2386") {
			t.Errorf("the error %q does not quote MCP's message", err)
		}
	}
}

func TestAnswerText(t *testing.T) {
	t.Parallel()
	for raw, want := range map[string]string{
		`{"$id":"1"}`:                      "",
		`{}`:                               "",
		`{"$id":"1","InvitationID":42}`:    `{"InvitationID":42}`,
		`"VIN verification request sent."`: `"VIN verification request sent."`,
		"plain text\n":                     "plain text",
		`{"Message":"` + strings.Repeat("é", 150) + `"}`: `{"Message":"` + strings.Repeat("é", 94) + "…",
	} {
		if got := AnswerText([]byte(raw)); got != want {
			t.Errorf("AnswerText(%s) = %q, want %q", raw, got, want)
		}
	}
}
