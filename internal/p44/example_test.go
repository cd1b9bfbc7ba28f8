package p44_test

import (
	"context"
	"fmt"
	"log"
	"net/http"
	"net/http/httptest"

	"github.com/carrierstate/terraform-provider-mcp/internal/p44"
)

func ExampleClient_CreateInvitation() {
	// A stand-in for project44: the token endpoint and invitations.
	mux := http.NewServeMux()
	mux.HandleFunc("POST /api/v4/oauth2/token", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `{"access_token":"example-token","token_type":"Bearer","expires_in":43200}`)
	})
	mux.HandleFunc("POST /services/invitation/v1/invitations", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusCreated) // no echo: the client fills it in from the request
	})
	server := httptest.NewServer(mux)
	defer server.Close()

	client, err := p44.NewClient(server.URL, "client-id", "client-secret")
	if err != nil {
		log.Fatal(err)
	}
	inv, err := client.CreateInvitation(context.Background(), p44.InvitationRequest{
		Invitee: p44.Invitee{
			Identifiers:  []p44.Identifier{{Type: p44.IdentifierDOTNumber, Value: "1234567"}},
			Organization: &p44.Organization{Name: "My Trucking LLC"},
			Contacts:     []p44.Contact{{Email: "john@mytruckingllc.com", GivenName: "John", Locale: "en-US"}},
		},
		Capability: p44.TruckloadAssetTracking,
	})
	if p44.IsUncertain(err) {
		log.Fatal("the carrier may or may not have been e-mailed: ", err)
	}
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(inv.Invitee.Identifiers[0].Value, inv.Capability, inv.Status)
	// Output:
	// 1234567 TRUCKLOAD_ASSET_TRACKING IN_PROGRESS
}
