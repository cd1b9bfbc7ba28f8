package emulator_test

import (
	"fmt"
	"io"
	"net/http"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/carrierstate/terraform-provider-mcp/internal/emulator"
	"github.com/carrierstate/terraform-provider-mcp/internal/emulator/emulatortest"
)

// The guide Trying the provider with the MCP emulator tells users how to
// run the emulator and what to send it. These tests keep it honest: its
// table of flags is the command's, and its curl commands work.

// emulatorGuide is the guide's template.
const emulatorGuide = "../../templates/guides/emulator.md.tmpl"

// guideAddress is the address the guide's commands use: the command's
// default -listen.
const guideAddress = "127.0.0.1:8089"

func readGuide(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile(emulatorGuide)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

var (
	// flagRow is a row of the guide's table: | `-name` | `default` or none | ...
	flagRow = regexp.MustCompile("(?m)^\\| `-([a-z0-9-]+)` \\| (?:`([^`]*)`|none) \\|")
	// usageFlag is a flag in the command's usage: its name line, then its
	// description, which ends with its default unless that is the zero value.
	usageFlag = regexp.MustCompile(`(?m)^  -([a-z0-9-]+)(?: \S+)?\n\s+(.*)$`)
	defaultOf = regexp.MustCompile(`\(default (.+)\)$`)
)

// TestGuide_flags: the guide's table lists every flag of mcp-emulator, and
// no other, each with the default the command has.
func TestGuide_flags(t *testing.T) {
	t.Parallel()
	var usage strings.Builder
	if code := emulator.Main(t.Context(), []string{"-h"}, io.Discard, &usage); code != 2 {
		t.Fatalf("mcp-emulator -h exited with %d, want 2", code)
	}
	defaults := map[string]string{} // flag -> default, "" for the zero value
	for _, m := range usageFlag.FindAllStringSubmatch(usage.String(), -1) {
		defaults[m[1]] = ""
		if d := defaultOf.FindStringSubmatch(m[2]); d != nil {
			defaults[m[1]] = d[1]
			if s, err := strconv.Unquote(d[1]); err == nil {
				defaults[m[1]] = s
			}
		}
	}
	if len(defaults) < 10 {
		t.Fatalf("read only %d flags from the usage:\n%s", len(defaults), usage.String())
	}

	listed := map[string]bool{}
	for _, m := range flagRow.FindAllStringSubmatch(readGuide(t), -1) {
		name, documented := m[1], m[2]
		listed[name] = true
		have, ok := defaults[name]
		switch {
		case !ok:
			t.Errorf("the guide lists -%s, which mcp-emulator does not have", name)
		case have == "" && documented != "" && documented != "0" && documented != "0s":
			t.Errorf("the guide gives -%s the default %q; it has none", name, documented)
		case have != "" && !sameValue(have, documented):
			t.Errorf("the guide gives -%s the default %q; it is %q", name, documented, have)
		}
	}
	for name := range defaults {
		if !listed[name] {
			t.Errorf("the guide's table does not list -%s", name)
		}
	}
}

// sameValue reports whether two flag values are the same, durations by
// their length ("12h" is "12h0m0s").
func sameValue(a, b string) bool {
	if a == b {
		return true
	}
	da, errA := time.ParseDuration(a)
	db, errB := time.ParseDuration(b)
	return errA == nil && errB == nil && da == db
}

// TestGuide_curl runs each curl command of the guide's shell blocks, in
// the guide's order, against mcp-emulator started as the guide starts it,
// and fails unless each is answered 2xx.
func TestGuide_curl(t *testing.T) {
	t.Parallel()
	commands := guideCurls(t, readGuide(t))
	if len(commands) < 10 {
		t.Fatalf("found only %d curl commands in %s", len(commands), emulatorGuide)
	}
	url := emulatortest.Command(t)
	for _, c := range commands {
		req, err := c.request(t, url)
		if err != nil {
			t.Errorf("%s: %v", c.line, err)
			continue
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatalf("%s: %v", c.line, err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode/100 != 2 {
			t.Errorf("%s: %s %s", c.line, resp.Status, body)
		}
	}
}

// curl is one curl command of the guide, split into words.
type curl struct {
	line  string
	words []string
}

var shellBlock = regexp.MustCompile("(?s)```shell\n(.*?)```")

// guideCurls finds the lines of the guide's shell blocks that run curl.
func guideCurls(t *testing.T, guide string) []curl {
	t.Helper()
	var out []curl
	for _, block := range shellBlock.FindAllStringSubmatch(guide, -1) {
		for line := range strings.Lines(block[1]) {
			line = strings.TrimSpace(line)
			if !strings.HasPrefix(line, "curl ") {
				continue
			}
			words, err := shellWords(line)
			if err != nil {
				t.Errorf("%s: %v", line, err)
				continue
			}
			out = append(out, curl{line: line, words: words[1:]})
		}
	}
	return out
}

// request is the HTTP request curl would send for the command, to the
// emulator at url instead of the guide's address. Options the guide has no
// use for are refused, so that the test never passes a command it did not
// understand.
func (c curl) request(t *testing.T, url string) (*http.Request, error) {
	method, target := "", ""
	var body *string
	for i := 0; i < len(c.words); i++ {
		w := c.words[i]
		arg := func() string {
			if i++; i < len(c.words) {
				return c.words[i]
			}
			t.Errorf("%s: %s needs a value", c.line, w)
			return ""
		}
		switch {
		case w == "-s", w == "--retry-connrefused":
		case w == "--retry":
			arg()
		case w == "-X":
			method = arg()
		case w == "-d":
			d := arg()
			body = &d
		case strings.HasPrefix(w, "-"):
			t.Errorf("%s: this test does not know curl's %s", c.line, w)
		case target != "":
			t.Errorf("%s: more than one URL", c.line)
		default:
			target = w
		}
	}
	rest, ok := strings.CutPrefix(target, guideAddress)
	if !ok {
		t.Errorf("%s: the URL is not on %s", c.line, guideAddress)
	}
	var r io.Reader
	if body != nil {
		r = strings.NewReader(*body)
		if method == "" {
			method = http.MethodPost // as curl does with -d
		}
	}
	if method == "" {
		method = http.MethodGet
	}
	req, err := http.NewRequestWithContext(t.Context(), method, url+rest, r)
	if err == nil && body != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded") // curl's -d
	}
	return req, err
}

// shellWords splits a command line as a POSIX shell would, for the quoting
// the guide uses: single quotes, and a comment from " #" on.
func shellWords(line string) ([]string, error) {
	var words []string
	var word strings.Builder
	inWord, quoted := false, false
	for i, r := range line {
		switch {
		case quoted && r == '\'':
			quoted = false
		case quoted:
			word.WriteRune(r)
		case r == '\'':
			quoted, inWord = true, true
		case r == ' ' || r == '\t':
			if inWord {
				words = append(words, word.String())
				word.Reset()
				inWord = false
			}
		case r == '#' && !inWord:
			return words, nil
		case slices.Contains([]rune{'"', '\\', '$', '`', '|', '&', ';', '<', '>'}, r):
			return nil, fmt.Errorf("unsupported shell syntax %q at %d", r, i)
		default:
			word.WriteRune(r)
			inWord = true
		}
	}
	if quoted {
		return nil, fmt.Errorf("unterminated quote")
	}
	if inWord {
		words = append(words, word.String())
	}
	return words, nil
}
