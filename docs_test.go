package main

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"text/template"
)

// makeVar matches a simple variable assignment of GNUmakefile.
var makeVar = regexp.MustCompile(`(?m)^([A-Z0-9_]+)\s*:?=\s*(.*)$`)

// allowedSubcategories reads a comma-separated list from GNUmakefile, the
// one `make docs-check` passes to tfplugindocs validate, expanding the
// $(VARIABLES) it refers to.
func allowedSubcategories(t *testing.T, name string) []string {
	t.Helper()
	b, err := os.ReadFile("GNUmakefile")
	if err != nil {
		t.Fatal(err)
	}
	vars := map[string]string{}
	for _, m := range makeVar.FindAllStringSubmatch(string(b), -1) {
		vars[m[1]] = strings.TrimSpace(m[2])
	}
	value, ok := vars[name]
	if !ok {
		t.Fatalf("GNUmakefile sets no %s", name)
	}
	value = regexp.MustCompile(`\$\(([A-Z0-9_]+)\)`).ReplaceAllStringFunc(value, func(ref string) string {
		return vars[ref[2:len(ref)-1]]
	})
	return strings.Split(value, ",")
}

var frontMatterSubcategory = regexp.MustCompile(`(?m)^subcategory: (".*")$`)

// subcategory returns the subcategory in a page's front matter, and whether
// it has one.
func subcategory(t *testing.T, page, text string) (string, bool) {
	t.Helper()
	rest, ok := strings.CutPrefix(text, "---\n")
	frontMatter, _, closed := strings.Cut(rest, "\n---\n")
	if !ok || !closed {
		t.Fatalf("%s has no front matter", page)
	}
	m := frontMatterSubcategory.FindStringSubmatch(frontMatter)
	if m == nil {
		return "", false
	}
	s, err := strconv.Unquote(m[1])
	if err != nil {
		t.Fatalf("%s: subcategory %s: %v", page, m[1], err)
	}
	return s, true
}

// Every page of docs/ but the provider's own is filed under a subcategory
// GNUmakefile allows, guides under the guides' list: tfplugindocs validate
// accepts a page that has none at all, and the registry then lists it apart.
func TestDocs_subcategories(t *testing.T) {
	allowed := allowedSubcategories(t, "DOCS_SUBCATEGORIES")
	guides := allowedSubcategories(t, "DOCS_GUIDE_SUBCATEGORIES")
	pages := 0
	err := filepath.WalkDir("docs", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Ext(path) != ".md" {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		pages++
		got, ok := subcategory(t, path, string(b))
		want := allowed
		if filepath.Base(filepath.Dir(path)) == "guides" {
			want = guides
		}
		switch {
		case path == filepath.Join("docs", "index.md"):
			if ok {
				t.Errorf("%s has subcategory %q: the registry allows none on the provider's page", path, got)
			}
		case !ok:
			t.Errorf("%s has no subcategory; give it one of %q", path, want)
		case !slices.Contains(want, got):
			t.Errorf("%s has subcategory %q, not one of %q (GNUmakefile)", path, got, want)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if pages < 30 {
		t.Fatalf("found only %d pages under docs/", pages)
	}
}

// The generic templates list every name they file: a page for a name they
// do not know renders with subcategory "", which tfplugindocs validate
// rejects, rather than under a guessed one.
func TestDocs_genericTemplatesFileOnlyListedNames(t *testing.T) {
	// Stand-ins for the functions tfplugindocs gives templates.
	funcs := template.FuncMap{
		"codefile":      func(string, string) string { return "" },
		"tffile":        func(string) string { return "" },
		"plainmarkdown": func(s string) string { return s },
		"prefixlines":   func(string, string) string { return "" },
		"trimspace":     strings.TrimSpace,
		"lower":         strings.ToLower,
		"upper":         strings.ToUpper,
		"title":         strings.ToTitle,
		"split":         strings.Split,
	}
	kinds := []string{"actions", "data-sources", "ephemeral-resources", "functions", "list-resources"}
	for _, kind := range kinds {
		t.Run(kind, func(t *testing.T) {
			path := filepath.Join("templates", kind+".md.tmpl")
			b, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			tmpl, err := template.New(kind).Funcs(funcs).Parse(string(b))
			if err != nil {
				t.Fatal(err)
			}
			var out strings.Builder
			if err := tmpl.Execute(&out, map[string]any{"Name": "mcp_not_listed", "Description": "", "Summary": "", "SchemaMarkdown": ""}); err != nil {
				t.Fatal(err)
			}
			if got, ok := subcategory(t, path, out.String()); !ok || got != "" {
				t.Errorf("%s renders subcategory %q (present: %t) for a name it does not list, want \"\"", path, got, ok)
			}
		})
	}
}
