package main

import (
	"fmt"
	"go/format"
	"go/parser"
	"go/token"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// backendInit is the one non-test file that imports the nested backend
// modules: it registers each backend by name.
const backendInit = "internal/backend/init/init.go"

var (
	importLine   = regexp.MustCompile(`^\s*(?:(\w+)\s+)?"([^"]+)"\s*$`)
	registration = regexp.MustCompile(`^\s*"([\w-]+)":\s*func\(\) backend\.Backend \{ return (\w+)\.New\(\) \},\s*$`)
	removedMap   = regexp.MustCompile(`^\s*RemovedBackends = map\[string\]string\{\s*$`)
	identifier   = regexp.MustCompile(`\b(\w+)\.`)
)

// unregister takes the imports of the dropped modules out of init.go's
// source, and the one-line registrations that use them, and names each
// removed backend in RemovedBackends, so that a configuration using one is
// told why rather than that the backend does not exist. It returns the
// formatted source and the backends removed. A use of an import it cannot
// read as a registration is an error.
func unregister(src []byte, dropped []string) ([]byte, []string, error) {
	lines := strings.Split(string(src), "\n")
	names := map[string]string{} // import name → module
	kept := lines[:0:0]
	for _, l := range lines {
		if m := importLine.FindStringSubmatch(l); m != nil && matchesAny(m[2], dropped) {
			name := m[1]
			if name == "" {
				name = path.Base(m[2])
			}
			names[name] = m[2]
			continue
		}
		kept = append(kept, l)
	}
	if len(names) == 0 {
		return nil, nil, fmt.Errorf("imports none of %s", strings.Join(dropped, ", "))
	}
	var removed []string
	lines, kept = kept, kept[:0:0]
	for _, l := range lines {
		if !usesAny(l, names) {
			kept = append(kept, l)
			continue
		}
		m := registration.FindStringSubmatch(l)
		if m == nil || names[m[2]] == "" {
			return nil, nil, fmt.Errorf("uses a dropped module in a line tfbuild does not know: %q", strings.TrimSpace(l))
		}
		removed = append(removed, m[1])
	}
	at := -1
	for k, l := range kept {
		if removedMap.MatchString(l) {
			at = k
		}
	}
	if at < 0 {
		return nil, nil, fmt.Errorf("has no %q to name the removed backends in", "RemovedBackends = map[string]string{")
	}
	notes := make([]string, len(removed))
	for k, b := range removed {
		notes[k] = fmt.Sprintf("%q: %q,", b, fmt.Sprintf("The %q backend is not in this build of Terraform, made for tests without its module.", b))
	}
	out, err := format.Source([]byte(strings.Join(slices.Insert(kept, at+1, notes...), "\n")))
	if err != nil {
		return nil, nil, fmt.Errorf("after the edit: %w", err)
	}
	return out, removed, nil
}

// usesAny: line refers to one of the import names.
func usesAny(line string, names map[string]string) bool {
	for _, m := range identifier.FindAllStringSubmatch(line, -1) {
		if names[m[1]] != "" {
			return true
		}
	}
	return false
}

// importsOf returns the import paths of a Go file.
func importsOf(file string) ([]string, error) {
	f, err := parser.ParseFile(token.NewFileSet(), file, nil, parser.ImportsOnly)
	if err != nil {
		return nil, err
	}
	paths := make([]string, len(f.Imports))
	for k, imp := range f.Imports {
		if paths[k], err = strconv.Unquote(imp.Path.Value); err != nil {
			return nil, err
		}
	}
	return paths, nil
}
