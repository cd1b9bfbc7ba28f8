package emulator

import (
	"bufio"
	"context"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"
)

func TestMainRefusesBadInvocations(t *testing.T) {
	t.Parallel()
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"-listen", "0.0.0.0:8089"}, "is not a loopback address"},
		{[]string{"-listen", ":8089"}, "is not a loopback address"},
		{[]string{"-listen", "192.168.1.10:8089"}, "is not a loopback address"},
		{[]string{"-listen", "example.com:8089"}, "is not a loopback address"},
		{[]string{"-listen", "nonsense"}, "-listen"},
		{[]string{"-carriers", "0"}, "-carriers must be"},
		{[]string{"-fault-rate", "2"}, "-fault-rate"},
		{[]string{"-token-ttl", "soon"}, "invalid value"},
		{[]string{"-bogus"}, "flag provided but not defined"},
		{[]string{"extra"}, "unexpected arguments"},
		{[]string{"-p44-variants", "local-times"}, "-p44-variants"},
		{[]string{"-p44-client-id", ""}, "-p44-client-id and -p44-client-secret must not be empty"},
		{[]string{"-p44-token-ttl", "0s"}, "-p44-token-ttl positive"},
	}
	for _, tt := range tests {
		var stdout, stderr strings.Builder
		if code := Main(context.Background(), tt.args, &stdout, &stderr); code != 2 || !strings.Contains(stderr.String(), tt.want) {
			t.Errorf("%v: exit %d, stderr %q; want 2 and %q", tt.args, code, stderr.String(), tt.want)
		}
		if stdout.Len() != 0 {
			t.Errorf("%v: printed %q", tt.args, stdout.String())
		}
	}
}

func TestMainServesUntilCancelled(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	out, w := io.Pipe()
	done := make(chan int, 1)
	go func() {
		done <- Main(ctx, []string{"-listen", "127.0.0.1:0", "-carriers", "100", "-username", "u", "-password", "p", "-token-ttl", "1s"}, w, io.Discard)
		w.Close()
	}()
	line, err := bufio.NewReader(out).ReadString('\n')
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`^MCP emulator serving (http://127\.0\.0\.1:\d+) \(username "u", password "p", 100 carriers, seed 1\)\n$`).FindStringSubmatch(line)
	if m == nil {
		t.Fatalf("start line %q", line)
	}
	go func() { _, _ = io.Copy(io.Discard, out) }()
	req, err := http.NewRequestWithContext(t.Context(), http.MethodPost, m[1]+"/token",
		strings.NewReader(url.Values{"grant_type": {"password"}, "username": {"u"}, "password": {"p"}}.Encode()))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Errorf("token: HTTP %d", resp.StatusCode)
	}
	// project44's credentials default to demo/demo.
	req, err = http.NewRequestWithContext(t.Context(), http.MethodPost, m[1]+"/api/v4/oauth2/token",
		strings.NewReader(url.Values{"grant_type": {"client_credentials"}, "client_id": {"demo"}, "client_secret": {"demo"}}.Encode()))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	if resp, err = http.DefaultClient.Do(req); err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Errorf("project44 token with the default credentials: HTTP %d", resp.StatusCode)
	}
	cancel()
	select {
	case code := <-done:
		if code != 0 {
			t.Errorf("exit %d after cancellation", code)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Main did not return after cancellation")
	}
}

func TestMainServesBothAPIsOnOneListener(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	out, w := io.Pipe()
	done := make(chan int, 1)
	go func() {
		done <- Main(ctx, []string{"-listen", "127.0.0.1:0", "-carriers", "100", "-p44-client-id", "pid", "-p44-client-secret", "psecret",
			"-p44-variants", "p44-create-200"}, w, io.Discard)
		w.Close()
	}()
	lines := bufio.NewReader(out)
	var head []string
	for range 7 {
		line, err := lines.ReadString('\n')
		if err != nil {
			t.Fatal(err)
		}
		head = append(head, line)
	}
	go func() { _, _ = io.Copy(io.Discard, out) }()
	m := regexp.MustCompile(`^MCP emulator serving (http://127\.0\.0\.1:\d+) \(username "demo", password "demo", 100 carriers, seed 1\)\n$`).FindStringSubmatch(head[0])
	if m == nil {
		t.Fatalf("start line %q", head[0])
	}
	want := `project44 emulator on the same address (client id "pid", client secret "psecret", variants p44-create-200):
  POST /api/v4/oauth2/token
  POST /services/invitation/v1/invitations
  GET  /services/invitation/v1/invitations
  GET  /api/v4/tl/shipments/trackingmethods
       /_emulator/p44/ (admin routes)
`
	if got := strings.Join(head[1:], ""); got != want {
		t.Errorf("routes printed:\n%s\nwant:\n%s", got, want)
	}
	base := m[1]
	post := func(path string, form url.Values, user, pass string) int {
		req, err := http.NewRequestWithContext(t.Context(), http.MethodPost, base+path, strings.NewReader(form.Encode()))
		if err != nil {
			t.Fatal(err)
		}
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		if user != "" {
			req.SetBasicAuth(user, pass)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	if s := post("/token", url.Values{"grant_type": {"password"}, "username": {"demo"}, "password": {"demo"}}, "", ""); s != 200 {
		t.Errorf("MCP token: HTTP %d", s)
	}
	p44 := url.Values{"grant_type": {"client_credentials"}}
	if s := post("/api/v4/oauth2/token", p44, "pid", "psecret"); s != 200 {
		t.Errorf("project44 token: HTTP %d", s)
	}
	if s := post("/api/v4/oauth2/token", p44, "demo", "demo"); s != 401 {
		t.Errorf("project44 token with the default credentials: HTTP %d, want 401", s)
	}
	cancel()
	select {
	case code := <-done:
		if code != 0 {
			t.Errorf("exit %d after cancellation", code)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Main did not return after cancellation")
	}
}
