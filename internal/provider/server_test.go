package provider

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
)

// TestServerExposesQueryAndActions: terraform-plugin-go serves list
// resources and actions only if the server it is given implements their
// interfaces, so the wrapper must pass them through.
func TestServerExposesQueryAndActions(t *testing.T) {
	s := NewServer("test")()
	if _, ok := s.(tfprotov6.ListResourceServer); !ok {
		t.Error("NewServer's server does not implement tfprotov6.ListResourceServer: terraform query would be told it is unimplemented")
	}
	if _, ok := s.(tfprotov6.ActionServer); !ok {
		t.Error("NewServer's server does not implement tfprotov6.ActionServer: actions would be told they are unimplemented")
	}
}
