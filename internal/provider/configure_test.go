package provider

import (
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/types"
)

func TestCheckBaseURL(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		url     string
		wantErr string // empty: valid
	}{
		{url: "https://api.mycarrierpackets.com"},
		{url: "https://mycarrierpacketsapi-stage.azurewebsites.net/"},
		{url: "https://example.test/mcp"},
		{url: "http://127.0.0.1:8089"},
		{url: "http://127.3.4.5:8089"},
		{url: "http://[::1]:8089"},
		{url: "http://localhost:8089"},
		{url: "http://LOCALHOST"},
		{url: "http://api.mycarrierpackets.com", wantErr: "not a loopback host"},
		{url: "http://10.0.0.5:8089", wantErr: "clear text"},
		{url: "http://localhost.example.com", wantErr: "not a loopback host"},
		{url: "api.mycarrierpackets.com", wantErr: "not an absolute http(s) URL"},
		{url: "ftp://api.mycarrierpackets.com", wantErr: "not an absolute http(s) URL"},
		{url: "https://", wantErr: "not an absolute http(s) URL"},
		{url: "not a url", wantErr: "not an absolute http(s) URL"},
		{url: "https://user:secret@api.mycarrierpackets.com", wantErr: "must not carry credentials"},
		{url: "https://api.mycarrierpackets.com?x=1", wantErr: "query string"},
	} {
		err := checkBaseURL(tc.url)
		switch {
		case tc.wantErr == "" && err != nil:
			t.Errorf("checkBaseURL(%q) = %v, want nil", tc.url, err)
		case tc.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tc.wantErr)):
			t.Errorf("checkBaseURL(%q) = %v, want error containing %q", tc.url, err, tc.wantErr)
		}
		if err != nil && strings.Contains(err.Error(), "secret") {
			t.Errorf("checkBaseURL(%q) error leaks the URL's password: %v", tc.url, err)
		}
	}
}

func TestResolveSettings(t *testing.T) {
	t.Parallel()
	full := providerModel{
		Username:       types.StringValue("cfg-user"),
		Password:       types.StringValue("cfg-pass"),
		BaseURL:        types.StringValue("https://example.test"),
		RequestTimeout: types.StringValue("45s"),
		MaxRetries:     types.Int64Value(2),
		RetryWaitMin:   types.StringValue("100ms"),
		RetryWaitMax:   types.StringValue("2s"),
	}
	null := providerModel{
		Username: types.StringNull(), Password: types.StringNull(), BaseURL: types.StringNull(),
		RequestTimeout: types.StringNull(), MaxRetries: types.Int64Null(),
		RetryWaitMin: types.StringNull(), RetryWaitMax: types.StringNull(),
	}
	env := map[string]string{
		envUsername: "env-user", envPassword: "env-pass", envBaseURL: "http://127.0.0.1:9",
		envRequestTimeout: "5s", envMaxRetries: "7", envRetryWaitMin: "1s", envRetryWaitMax: "3s",
	}

	t.Run("config wins over environment", func(t *testing.T) {
		t.Parallel()
		s, diags := resolveSettings(full, lookup(env))
		if diags.HasError() {
			t.Fatalf("unexpected diagnostics: %v", diags)
		}
		if s.username != "cfg-user" || s.password != "cfg-pass" || s.baseURL != "https://example.test" ||
			s.timeout != 45*time.Second || s.retry.MaxRetries != 2 || s.retry.WaitMin != 100*time.Millisecond || s.retry.WaitMax != 2*time.Second {
			t.Errorf("got %+v", s)
		}
	})
	t.Run("environment fills what config leaves out", func(t *testing.T) {
		t.Parallel()
		s, diags := resolveSettings(null, lookup(env))
		if diags.HasError() {
			t.Fatalf("unexpected diagnostics: %v", diags)
		}
		if s.username != "env-user" || s.password != "env-pass" || s.baseURL != "http://127.0.0.1:9" ||
			s.timeout != 5*time.Second || s.retry.MaxRetries != 7 || s.retry.WaitMin != time.Second || s.retry.WaitMax != 3*time.Second {
			t.Errorf("got %+v", s)
		}
	})
	t.Run("defaults", func(t *testing.T) {
		t.Parallel()
		m := null
		m.Username, m.Password = types.StringValue("u"), types.StringValue("p")
		s, diags := resolveSettings(m, lookup(nil))
		if diags.HasError() {
			t.Fatalf("unexpected diagnostics: %v", diags)
		}
		if s.baseURL != "https://api.mycarrierpackets.com" || s.timeout != time.Minute || s.retry.MaxRetries != 5 {
			t.Errorf("got %+v", s)
		}
	})

	bad := func(mutate func(*providerModel), env map[string]string) func(t *testing.T) []string {
		return func(t *testing.T) []string {
			m := full
			mutate(&m)
			_, diags := resolveSettings(m, lookup(env))
			var out []string
			for _, d := range diags.Errors() {
				out = append(out, d.Summary()+": "+d.Detail())
			}
			return out
		}
	}
	for name, tc := range map[string]struct {
		run  func(t *testing.T) []string
		want []string
	}{
		"missing username": {
			run:  bad(func(m *providerModel) { m.Username = types.StringNull() }, nil),
			want: []string{"Missing MCP username", "MCP_USERNAME", "Integration Tools"},
		},
		"missing password": {
			run:  bad(func(m *providerModel) { m.Password = types.StringNull() }, nil),
			want: []string{"Missing MCP password", "MCP_PASSWORD"},
		},
		"empty username": {
			run:  bad(func(m *providerModel) { m.Username = types.StringValue("") }, nil),
			want: []string{"Missing MCP username"},
		},
		"unknown username": {
			run:  bad(func(m *providerModel) { m.Username = types.StringUnknown() }, nil),
			want: []string{"Unknown MCP username", "not known until apply", "MCP_USERNAME"},
		},
		"unknown base_url": {
			run:  bad(func(m *providerModel) { m.BaseURL = types.StringUnknown() }, nil),
			want: []string{"Unknown MCP base_url", "MCP_BASE_URL"},
		},
		"unknown max_retries": {
			run:  bad(func(m *providerModel) { m.MaxRetries = types.Int64Unknown() }, nil),
			want: []string{"Unknown MCP max_retries"},
		},
		"base_url from env is not a URL": {
			run: bad(func(m *providerModel) { m.BaseURL = types.StringNull() }, map[string]string{envBaseURL: "api.example.com"}),
			want: []string{"Invalid MCP base_url", "base_url (from the MCP_BASE_URL environment variable)", "not an absolute http(s) URL",
				`did you mean "https://api.example.com"?`},
		},
		"base_url from env without a scheme, to the emulator": {
			run:  bad(func(m *providerModel) { m.BaseURL = types.StringNull() }, map[string]string{envBaseURL: "127.0.0.1:18090"}),
			want: []string{"base_url (from the MCP_BASE_URL environment variable)", `did you mean "http://127.0.0.1:18090"?`},
		},
		"plain http to a remote host": {
			run:  bad(func(m *providerModel) { m.BaseURL = types.StringValue("http://api.mycarrierpackets.com") }, nil),
			want: []string{"Invalid MCP base_url", "clear text"},
		},
		"timeout not a duration": {
			run:  bad(func(m *providerModel) { m.RequestTimeout = types.StringNull() }, map[string]string{envRequestTimeout: "ten"}),
			want: []string{"Invalid MCP request_timeout", "MCP_REQUEST_TIMEOUT", "Go duration"},
		},
		"timeout too short": {
			run:  bad(func(m *providerModel) { m.RequestTimeout = types.StringValue("1ms") }, nil),
			want: []string{"Invalid MCP request_timeout", "between 1s and 30m0s"},
		},
		"max_retries from env not a number": {
			run:  bad(func(m *providerModel) { m.MaxRetries = types.Int64Null() }, map[string]string{envMaxRetries: "many"}),
			want: []string{"Invalid MCP max_retries", "MCP_MAX_RETRIES", "0 to 20"},
		},
		"waits reversed": {
			run:  bad(func(m *providerModel) { m.RetryWaitMin = types.StringValue("5s") }, nil),
			want: []string{"Invalid retry waits", "must not be longer"},
		},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			got := tc.run(t)
			if len(got) == 0 {
				t.Fatalf("no error diagnostics, want one mentioning %q", tc.want)
			}
			joined := strings.Join(got, "\n")
			for _, w := range tc.want {
				if !strings.Contains(joined, w) {
					t.Errorf("diagnostics %q do not mention %q", joined, w)
				}
			}
		})
	}
}

func lookup(env map[string]string) func(string) string {
	return func(k string) string { return env[k] }
}
