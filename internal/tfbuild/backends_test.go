package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

const initGo = `package init

import (
	backendLocal "github.com/hashicorp/terraform/internal/backend/local"
	backendHTTP "github.com/hashicorp/terraform/internal/backend/remote-state/http"
	backendPg "github.com/hashicorp/terraform/internal/backend/remote-state/pg"
	backendS3 "github.com/hashicorp/terraform/internal/backend/remote-state/s3"
)

func Init() {
	backends = map[string]backend.InitFn{
		"local": func() backend.Backend { return backendLocal.New() },
		"http":  func() backend.Backend { return backendHTTP.New() },
		"pg":    func() backend.Backend { return backendPg.New() },
		"s3":    func() backend.Backend { return backendS3.New() },
	}

	RemovedBackends = map[string]string{
		"etcd": "gone",
	}
}
`

var dropped = []string{
	"github.com/hashicorp/terraform/internal/backend/remote-state/pg",
	"github.com/hashicorp/terraform/internal/backend/remote-state/s3",
	"github.com/hashicorp/terraform/internal/legacy",
}

func TestUnregister(t *testing.T) {
	out, removed, err := unregister([]byte(initGo), dropped)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"pg", "s3"}; !slices.Equal(removed, want) {
		t.Errorf("removed %v, want %v", removed, want)
	}
	src := string(out)
	flat := strings.Join(strings.Fields(src), " ")
	for _, gone := range []string{"backendPg", "backendS3", "remote-state/pg", "remote-state/s3"} {
		if strings.Contains(src, gone) {
			t.Errorf("%s is still in the edited file:\n%s", gone, src)
		}
	}
	for _, kept := range []string{`"http": func() backend.Backend { return backendHTTP.New() },`, `"etcd": "gone",`,
		`"s3": "The \"s3\" backend is not in this build of Terraform, made for tests without its module.",`} {
		if !strings.Contains(flat, kept) {
			t.Errorf("the edited file lacks %s:\n%s", kept, src)
		}
	}
}

func TestUnregisterRefusesWhatItDoesNotKnow(t *testing.T) {
	for name, tc := range map[string]struct{ src, want string }{
		"another use": {
			src:  strings.Replace(initGo, "func Init() {", "func Init() {\n\tbackendS3.Configure()", 1),
			want: `line tfbuild does not know: "backendS3.Configure()"`,
		},
		"no removed map": {
			src:  strings.Replace(initGo, "RemovedBackends = map[string]string{", "other := map[string]string{", 1),
			want: "to name the removed backends in",
		},
		"no import": {
			src:  strings.ReplaceAll(initGo, "remote-state/", "state/"),
			want: "imports none of",
		},
	} {
		t.Run(name, func(t *testing.T) {
			_, _, err := unregister([]byte(tc.src), dropped)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err = %v, want one saying %q", err, tc.want)
			}
		})
	}
}

func TestMissingNested(t *testing.T) {
	dir := t.TempDir()
	got, err := missingNested([]byte(`{"Replace": [
		{"Old": {"Path": "github.com/hashicorp/terraform/internal/legacy"}, "New": {"Path": "./internal/legacy"}},
		{"Old": {"Path": "example.com/fork"}, "New": {"Path": "example.com/fork", "Version": "v1.2.3"}}
	]}`), dir)
	if err != nil || !slices.Equal(got, []string{"github.com/hashicorp/terraform/internal/legacy"}) {
		t.Fatalf("missingNested = %v, %v", got, err)
	}

	for name, tc := range map[string]struct{ gomod, want string }{
		"outside the module": {
			gomod: `{"Replace": [{"Old": {"Path": "example.com/other"}, "New": {"Path": "../other"}}]}`,
			want:  "only nested modules",
		},
		"held by the zip": {
			gomod: `{"Replace": [{"Old": {"Path": "github.com/hashicorp/terraform/held"}, "New": {"Path": "./held"}}]}`,
			want:  "which the module zip holds",
		},
	} {
		t.Run(name, func(t *testing.T) {
			writeFile(t, filepath.Join(dir, "held", "go.mod"), "module github.com/hashicorp/terraform/held\n")
			if _, err := missingNested([]byte(tc.gomod), dir); err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err = %v, want one saying %q", err, tc.want)
			}
		})
	}
}

func TestImportersOutside(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, filepath.FromSlash(backendInit)), initGo)
	writeFile(t, filepath.Join(dir, "internal", "command", "views", "hook_count_test.go"),
		"package views\n\nimport _ \"github.com/hashicorp/terraform/internal/legacy/terraform\"\n")
	if err := importersOutside(dir, dropped, backendInit); err != nil {
		t.Fatalf("init.go and test files are allowed: %v", err)
	}

	writeFile(t, filepath.Join(dir, "internal", "states", "remote.go"),
		"package states\n\nimport _ \"github.com/hashicorp/terraform/internal/backend/remote-state/s3/sub\"\n")
	err := importersOutside(dir, dropped, backendInit)
	if want := "internal/states/remote.go imports github.com/hashicorp/terraform/internal/backend/remote-state/s3/sub"; err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("err = %v, want one saying %q", err, want)
	}
}

func writeFile(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}
