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
