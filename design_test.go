package main

import (
	"encoding/json"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// designRow is one row of DESIGN.md's operation table.
type designRow struct {
	op                    string
	service, method       string // Carriers, Preview
	clientFile            string // mcp/carriers.go
	handler, emulatorFile string // previewCarrier, emulator/carriers_handlers.go
	usedBy, tests         []string
}

var backticked = regexp.MustCompile("`([^`]+)`")

func ticks(cell string) []string {
	var out []string
	for _, m := range backticked.FindAllStringSubmatch(cell, -1) {
		out = append(out, m[1])
	}
	return out
}

// designRows parses the table under "## Operations".
func designRows(t *testing.T) []designRow {
	t.Helper()
	b, err := os.ReadFile("DESIGN.md")
	if err != nil {
		t.Fatal(err)
	}
	_, table, ok := strings.Cut(string(b), "\n## Operations\n")
	if !ok {
		t.Fatal(`DESIGN.md has no "## Operations" section`)
	}
	var rows []designRow
	for _, line := range strings.Split(table, "\n") {
		cells := strings.Split(strings.Trim(line, "|"), "|")
		if !strings.HasPrefix(line, "| `") || len(cells) != 5 {
			continue
		}
		op, client, emu := ticks(cells[0]), ticks(cells[1]), ticks(cells[2])
		if len(op) != 1 || len(client) != 2 || len(emu) != 2 {
			t.Errorf("DESIGN.md: malformed row %q", line)
			continue
		}
		service, method, _ := strings.Cut(client[0], ".")
		rows = append(rows, designRow{op: op[0], service: service, method: method, clientFile: client[1],
			handler: emu[0], emulatorFile: emu[1], usedBy: ticks(cells[3]), tests: ticks(cells[4])})
	}
	return rows
}

func readInternal(t *testing.T, file string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("internal", filepath.FromSlash(file)))
	if err != nil {
		t.Errorf("DESIGN.md names %s, which does not exist", file)
	}
	return string(b)
}

// TestDesignOperationTable keeps DESIGN.md's operation table true: a row
// for every operation of MCP's Swagger document, and in each row a client
// method and an emulator handler that exist where it says and carry that
// operation, every file that calls the method, and test files that exist.
func TestDesignOperationTable(t *testing.T) {
	t.Parallel()
	var spec struct {
		Paths map[string]json.RawMessage `json:"paths"`
	}
	b, err := os.ReadFile("api/mcp-swagger.json")
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &spec); err != nil {
		t.Fatal(err)
	}
	var want []string
	for p := range spec.Paths {
		want = append(want, path.Base(p))
	}
	slices.Sort(want)

	rows := designRows(t)
	var got []string
	for _, r := range rows {
		got = append(got, r.op)
	}
	slices.Sort(got)
	if !slices.Equal(got, want) {
		t.Fatalf("DESIGN.md's operations are %v,\nMCP's Swagger document has %v", got, want)
	}

	emulatorOps := readInternal(t, "emulator/server.go")
	callers := nonTestSources(t)
	for _, r := range rows {
		client := readInternal(t, r.clientFile)
		if !strings.Contains(client, "func (s *"+r.service+"Service) "+r.method+"(") || !strings.Contains(client, `"`+r.op+`"`) {
			t.Errorf("%s: %s has no %s.%s, or does not name the operation", r.op, r.clientFile, r.service, r.method)
		}
		if !strings.Contains(readInternal(t, r.emulatorFile), "func (s *Server) "+r.handler+"(") ||
			!regexp.MustCompile(`\{name: "`+r.op+`",.*\(\*Server\)\.`+r.handler+`\}`).MatchString(emulatorOps) {
			t.Errorf("%s: %s has no handler %s, or emulator/server.go does not route the operation to it", r.op, r.emulatorFile, r.handler)
		}
		// Whoever calls the method is in the row, and everyone in the row calls it.
		call := regexp.MustCompile(`\.` + r.service + `\.` + regexp.QuoteMeta(r.method) + `\b`)
		for file, src := range callers {
			if call.MatchString(src) && !slices.Contains(r.usedBy, file) {
				t.Errorf("%s: %s calls %s.%s but is not in its row", r.op, file, r.service, r.method)
			}
		}
		for _, file := range r.usedBy {
			if !strings.Contains(readInternal(t, file), r.method) {
				t.Errorf("%s: %s is in the row but does not call %s", r.op, file, r.method)
			}
		}
		if len(r.tests) == 0 {
			t.Errorf("%s: no tests named", r.op)
		}
		for _, file := range r.tests {
			if !strings.HasSuffix(file, "_test.go") {
				t.Errorf("%s: %s is not a test file", r.op, file)
			}
			readInternal(t, file)
		}
	}
}

// nonTestSources is every non-test Go file of the provider's own packages
// (not the client, the emulator or the test and tooling packages), by path
// under internal/.
func nonTestSources(t *testing.T) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, dir := range []string{"provider", "membership", "completions"} {
		files, err := filepath.Glob(filepath.Join("internal", dir, "*.go"))
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			if strings.HasSuffix(f, "_test.go") {
				continue
			}
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			out[dir+"/"+filepath.Base(f)] = string(b)
		}
	}
	return out
}
