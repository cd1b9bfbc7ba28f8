// Package genmodels turns the definitions of MCP's Swagger 2.0 document
// into the Go response models of package mcp, and an index of them for its
// tests. go generate in internal/mcp runs it through its command:
//
//	go run ./internal/genmodels/cmd/genmodels -spec ../../api/mcp-swagger.json -out models_gen.go -index models_index_gen_test.go
//
// and package mcp's tests call Generate in process, to hold the checked-in
// files to it.
//
// The same types decode real MCP responses and encode the emulator's, so JSON
// keys are the spec's property names verbatim, and the few places where real
// traffic differs from the spec (null booleans, absent keys) are encoded in
// the override tables below. Anything the generator does not understand makes
// it fail rather than guess.
package genmodels

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"go/format"
	"go/token"
	"io"
	"path/filepath"
	"slices"
	"sort"
	"strings"
)

// renames overrides the default type name (last dot-separated segment of the
// definition name without a trailing "DTO") for names the provider uses a lot,
// and for definitions whose default name would collide.
var renames = map[string]string{
	"MyCarrierPacketsApi.DTOs.CarrierAADTO":                                                  "CarrierData",
	"MyCarrierPacketsApi.DTOs.MonitoredCarrierDTO":                                           "MonitoredCarrier",
	"MyCarrierPacketsApi.DTOs.CustomerBlockedCarrierDTO":                                     "BlockedCarrier",
	"MyCarrierPacketsApi.DTOs.CompletedPacketDTO":                                            "CompletedPacket",
	"MyCarrierPacketsApi.DTOs.CarrierChangesResultDTO":                                       "CarrierChanges",
	"MyCarrierPacketsApi.FMCSA.FMCSACarrierChanged":                                          "ChangedCarrier",
	"MyCarrierPacketsApi.DTOs.FindAssociatedCarriers.FindAssociatedCarriersDTO":              "AssociatedCarriersResult",
	"MyCarrierPacketsApi.DTOs.FindAssociatedCarriers.AssociatedCarriersDTO":                  "AssociatedCarrier",
	"MyCarrierPacketsBusiness.Services.FMCSACarrierServices.Data.GetCarrierContactsResponse": "CarrierContactsResult",
	"MyCarrierPacketsApi.DTOs.UpdatedFactoringCompaniesDTO":                                  "UpdatedFactoringCompanies",
	"MyCarrierPacketsApi.UpdatedFactoring":                                                   "FactoringCompany",
	"MyCarrierPacketsApi.DTOs.CarrierRiskAssessmentDTO":                                      "CarrierRiskAssessment",
	"MyCarrierPacketsApi.DTOs.MonitoredCarriersContacts":                                     "MonitoredCarrierContacts",
	"MyCarrierPacketsApi.DTOs.MonitoredCarriersContact":                                      "MonitoredCarrierContact",
	// The certificate and coverage shapes of FMCSA.CertData differ from
	// Data.Certificate and Data.Coverage (camelCase keys, extra properties)
	// but would get the same default names.
	"MyCarrierPacketsApi.DTOs.CertificateDTO": "FMCSACertificate",
	"MyCarrierPacketsApi.DTOs.CoverageDTO":    "FMCSACoverage",
}

// envelopes are the body-paged list responses. They share one shape and
// become aliases of the generic Envelope; verifyEnvelope checks the shape.
var envelopes = map[string]string{
	"MyCarrierPacketsApi.DTOs.MonitoredCarrierDataDTO":            "MonitoredCarrierDataPage",
	"MyCarrierPacketsApi.DTOs.MonitoredCarriersContactsDataDTO":   "MonitoredCarrierContactsPage",
	"MyCarrierPacketsApi.DTOs.MonitoredCarriersRiskAssessmentDTO": "MonitoredCarrierRiskAssessmentPage",
}

// envelopeFields is the Envelope shape: spec property, its spec type/format,
// Go field, Go type. The data property's items are the type parameter.
var envelopeFields = [][4]string{
	{"pageNumber", "integer/int32", "PageNumber", "int"},
	{"pageSize", "integer/int32", "PageSize", "int"},
	{"totalPages", "integer/int32", "TotalPages", "int"},
	{"totalCount", "integer/int32", "TotalCount", "int"},
	{"succeeded", "boolean/", "Succeeded", "bool"},
	{"message", "string/", "Message", "string"},
	{"data", "array/", "Data", "[]T"},
}

// nullableBools are boolean properties seen as null in captured traffic;
// they become *bool so null survives a round trip.
var nullableBools = map[string][]string{
	"MyCarrierPacketsBusiness.Services.FMCSACarrierServices.Data.PreviewCarrier": {"OnCurrentCustomerAgreement"},
	"MyCarrierPacketsBusiness.Carriers.CarrierRating":                            {"HasCompletedPacket"},
}

// omitWhenUnset are properties that were absent (not null) in captured
// responses. They get omitempty, and scalars become pointers so that a set
// false, 0 or "" is still written.
var omitWhenUnset = map[string][]string{
	"MyCarrierPacketsBusiness.Services.FMCSACarrierServices.Data.RiskAssessmentDetails":    {"ReviewState", "ReviewDetails"},
	"MyCarrierPacketsApi.FMCSA.RiskAssessmentDetails":                                      {"ReviewState", "ReviewDetails"},
	"MyCarrierPacketsBusiness.Services.FMCSACarrierServices.Data.RiskAssessmentDetail":     {"HasRuleOverride"},
	"MyCarrierPacketsApi.FMCSA.RiskAssessmentDetail":                                       {"HasRuleOverride"},
	"MyCarrierPacketsBusiness.Services.FMCSACarrierServices.Data.RiskAssessmentInfraction": {"RuleName", "PreReviewScore", "PreReviewRiskLevel", "RuleEnforced"},
	"MyCarrierPacketsApi.FMCSA.RiskAssessmentInfraction":                                   {"RuleName", "PreReviewScore", "PreReviewRiskLevel", "RuleEnforced"},
}

// carrierDataDef is split: without a packet MCP returns only the properties
// in carrierDataOwn, so the rest live in an embedded *CarrierPacket that
// encoding/json skips when nil.
const (
	carrierDataDef    = "MyCarrierPacketsApi.DTOs.CarrierAADTO"
	carrierPacketName = "CarrierPacket"
)

var carrierDataOwn = []string{"Message", "AssureAdvantage"}

// fmcsaNamespace marks the FMCSA variant of a definition whose short name it
// shares with a differently shaped one; that variant gets an "FMCSA" prefix.
const fmcsaNamespace = "MyCarrierPacketsApi.FMCSA."

// reserved are names package mcp defines by hand or this generator emits
// besides the models.
var reserved = []string{"Time", "Envelope", carrierPacketName}

// maxDescription bounds the property descriptions copied as field comments.
const maxDescription = 100

// Generate reads a Swagger 2.0 document and returns the source of the
// models (models_gen.go) and of their index by spec name, for tests
// (models_index_gen_test.go). source is how the header names the document;
// log, when not nil, hears which definitions were unified or prefixed.
func Generate(spec []byte, source string, log io.Writer) (models, index []byte, err error) {
	var doc struct {
		Swagger     string      `json:"swagger"`
		Definitions definitions `json:"definitions"`
	}
	if err := json.Unmarshal(spec, &doc); err != nil {
		return nil, nil, fmt.Errorf("%s: %w", source, err)
	}
	if doc.Swagger != "2.0" {
		return nil, nil, fmt.Errorf("%s: swagger %q, want 2.0", source, doc.Swagger)
	}
	if log == nil {
		log = io.Discard
	}
	return generate(doc.Definitions, source, log)
}

// schema is the subset of a Swagger 2.0 schema object that MCP's document
// uses. Unknown keywords are rejected so that a new shape is not silently
// mistranslated.
type schema struct {
	Type                 string
	Format               string
	Ref                  string
	Items                *schema
	Properties           []property
	AdditionalProperties *schema
	Description          string
	Enum                 bool
}

type property struct {
	Name   string
	Schema *schema
}

// ignoredKeywords carry nothing that changes the Go type.
var ignoredKeywords = map[string]bool{"readOnly": true, "example": true, "title": true, "required": true, "default": true, "x-nullable": true}

func (s *schema) UnmarshalJSON(b []byte) error {
	var m map[string]json.RawMessage
	if err := json.Unmarshal(b, &m); err != nil {
		return err
	}
	for k, v := range m {
		var err error
		switch k {
		case "type":
			err = json.Unmarshal(v, &s.Type)
		case "format":
			err = json.Unmarshal(v, &s.Format)
		case "$ref":
			err = json.Unmarshal(v, &s.Ref)
		case "description":
			err = json.Unmarshal(v, &s.Description)
		case "items":
			s.Items = new(schema)
			err = json.Unmarshal(v, s.Items)
		case "additionalProperties":
			if !bytes.Equal(bytes.TrimSpace(v), []byte("false")) {
				s.AdditionalProperties = new(schema)
				err = json.Unmarshal(v, s.AdditionalProperties)
			}
		case "enum":
			s.Enum = true
		case "properties":
			s.Properties, err = orderedProperties(v)
		default:
			if !ignoredKeywords[k] {
				err = errors.New("unsupported keyword")
			}
		}
		if err != nil {
			return fmt.Errorf("%q: %w", k, err)
		}
	}
	return nil
}

// orderedProperties keeps the spec's property order, which encoding/json's
// maps would lose.
func orderedProperties(b []byte) ([]property, error) {
	var props []property
	err := eachMember(b, func(name string, v json.RawMessage) error {
		s := new(schema)
		if err := json.Unmarshal(v, s); err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		props = append(props, property{name, s})
		return nil
	})
	return props, err
}

// definitions keeps document order, which picks the primary definition (and
// so the field order) of a unified type.
type definitions struct {
	names  []string
	byName map[string]*schema
}

func (d *definitions) UnmarshalJSON(b []byte) error {
	d.byName = map[string]*schema{}
	return eachMember(b, func(name string, v json.RawMessage) error {
		s := new(schema)
		if err := json.Unmarshal(v, s); err != nil {
			return fmt.Errorf("definition %s: %w", name, err)
		}
		d.names = append(d.names, name)
		d.byName[name] = s
		return nil
	})
}

// eachMember calls f for the members of a JSON object in order, failing on
// duplicate names.
func eachMember(b []byte, f func(string, json.RawMessage) error) error {
	dec := json.NewDecoder(bytes.NewReader(b))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return fmt.Errorf("want a JSON object")
	}
	seen := map[string]bool{}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return err
		}
		name, ok := tok.(string)
		if !ok {
			return fmt.Errorf("expected a member name, got %v", tok)
		}
		if seen[name] {
			return fmt.Errorf("duplicate member %q", name)
		}
		seen[name] = true
		var v json.RawMessage
		if err := dec.Decode(&v); err != nil {
			return err
		}
		if err := f(name, v); err != nil {
			return err
		}
	}
	return nil
}

// model is one definition with everything needed to emit it.
type model struct {
	def    string
	s      *schema
	goName string
}

type generator struct {
	defs   definitions
	models map[string]*model // by definition name
	class  map[string]int    // unification class by definition name
	log    io.Writer
}

func generate(defs definitions, source string, log io.Writer) (models, index []byte, err error) {
	g := &generator{defs: defs, models: map[string]*model{}, log: log}
	if len(defs.names) == 0 {
		return nil, nil, errors.New("no definitions")
	}
	for _, name := range defs.names {
		s := defs.byName[name]
		if s.Type != "object" || len(s.Properties) == 0 || s.Ref != "" || s.AdditionalProperties != nil {
			return nil, nil, fmt.Errorf("definition %s: want an object with properties", name)
		}
		g.models[name] = &model{def: name, s: s}
	}
	if err := g.checkTables(); err != nil {
		return nil, nil, err
	}
	if err := g.name(); err != nil {
		return nil, nil, err
	}
	if models, err = g.emit(source); err != nil {
		return nil, nil, err
	}
	index, err = g.emitIndex(source)
	return models, index, err
}

// checkTables fails on override entries that no longer match the spec.
func (g *generator) checkTables() error {
	for _, table := range []map[string]string{renames, envelopes} {
		for def := range table {
			if g.models[def] == nil {
				return fmt.Errorf("name table: no definition %s", def)
			}
		}
	}
	for def, props := range nullableBools {
		for _, p := range props {
			s, err := g.prop(def, p)
			if err != nil {
				return fmt.Errorf("nullableBools: %w", err)
			}
			if s.Type != "boolean" {
				return fmt.Errorf("nullableBools: %s.%s is %s, not boolean", def, p, s.Type)
			}
		}
	}
	for def, props := range omitWhenUnset {
		for _, p := range props {
			if _, err := g.prop(def, p); err != nil {
				return fmt.Errorf("omitWhenUnset: %w", err)
			}
		}
	}
	for _, p := range carrierDataOwn {
		if _, err := g.prop(carrierDataDef, p); err != nil {
			return err
		}
	}
	for def := range envelopes {
		if err := verifyEnvelope(def, g.models[def].s); err != nil {
			return err
		}
	}
	return nil
}

func (g *generator) prop(def, name string) (*schema, error) {
	m := g.models[def]
	if m == nil {
		return nil, fmt.Errorf("no definition %s", def)
	}
	for _, p := range m.s.Properties {
		if p.Name == name {
			return p.Schema, nil
		}
	}
	return nil, fmt.Errorf("definition %s has no property %s", def, name)
}

// verifyEnvelope insists on exactly the Envelope shape, so a spec change
// cannot be papered over by the generic type.
func verifyEnvelope(def string, s *schema) error {
	want := map[string]string{}
	for _, f := range envelopeFields {
		want[f[0]] = f[1]
	}
	if len(s.Properties) != len(want) {
		return fmt.Errorf("envelope %s has %d properties, want exactly %v", def, len(s.Properties), envelopeFields)
	}
	for _, p := range s.Properties {
		w, ok := want[p.Name]
		if !ok {
			return fmt.Errorf("envelope %s: unexpected property %s", def, p.Name)
		}
		got := p.Schema.Type + "/" + p.Schema.Format
		if p.Name == "data" {
			if p.Schema.Type != "array" || p.Schema.Items == nil || p.Schema.Items.Ref == "" {
				return fmt.Errorf("envelope %s: data must be an array of a definition", def)
			}
			continue
		}
		if got != w || p.Schema.Ref != "" || p.Schema.Enum {
			return fmt.Errorf("envelope %s: %s is %s, want %s", def, p.Name, got, w)
		}
	}
	return nil
}

// baseName is a definition's name before collisions are resolved.
func baseName(def string) string {
	if n, ok := renames[def]; ok {
		return n
	}
	if n, ok := envelopes[def]; ok {
		return n
	}
	short := def[strings.LastIndex(def, ".")+1:]
	if trimmed := strings.TrimSuffix(short, "DTO"); trimmed != "" {
		short = trimmed
	}
	return short
}

// name assigns Go type names. Definitions sharing a base name are unified
// when their shapes are the same: same property names and, per property, the
// same type and overrides, with references compared by their own unified
// class. That is a greatest fixpoint, computed by partition refinement:
// start with one class per base name and split classes whose members'
// signatures differ until nothing changes.
func (g *generator) name() error {
	names := slices.Clone(g.defs.names)
	sort.Strings(names)
	g.class = map[string]int{}
	classOf := map[string]int{}
	for _, def := range names {
		b := baseName(def)
		if _, ok := classOf[b]; !ok {
			classOf[b] = len(classOf)
		}
		g.class[def] = classOf[b]
	}
	for count := len(classOf); ; {
		next := map[string]int{}
		nextClass := map[string]int{}
		for _, def := range names {
			sig, err := g.signature(def)
			if err != nil {
				return err
			}
			key := fmt.Sprint(g.class[def], "|", sig)
			if _, ok := nextClass[key]; !ok {
				nextClass[key] = len(nextClass)
			}
			next[def] = nextClass[key]
		}
		g.class = next
		if len(nextClass) == count {
			break
		}
		count = len(nextClass)
	}

	members := map[int][]string{}
	for _, def := range g.defs.names { // document order: the first is primary
		members[g.class[def]] = append(members[g.class[def]], def)
	}
	byBase := map[string][]int{}
	for _, def := range names {
		b := baseName(def)
		c := g.class[def]
		if !slices.Contains(byBase[b], c) {
			byBase[b] = append(byBase[b], c)
		}
	}
	taken := map[string]string{}
	for _, r := range reserved {
		taken[r] = "(reserved)"
	}
	bases := make([]string, 0, len(byBase))
	for b := range byBase {
		bases = append(bases, b)
	}
	sort.Strings(bases)
	for _, b := range bases {
		classes := byBase[b]
		for _, c := range classes {
			defs := members[c]
			goName := b
			if len(classes) > 1 && allFMCSA(defs) {
				goName = "FMCSA" + b
				fmt.Fprintf(g.log, "prefixed %s <- %s (differs from the other %s)\n", goName, strings.Join(defs, ", "), b)
			}
			if len(defs) > 1 {
				fmt.Fprintf(g.log, "unified %s <- %s\n", goName, strings.Join(defs, ", "))
			}
			if prev, ok := taken[goName]; ok {
				return fmt.Errorf("type name %s of %s collides with %s; add a rename", goName, strings.Join(defs, ", "), prev)
			}
			if !token.IsExported(goName) || !token.IsIdentifier(goName) {
				return fmt.Errorf("type name %q of %s is not an exported Go identifier", goName, defs[0])
			}
			taken[goName] = strings.Join(defs, ", ")
			for _, def := range defs {
				g.models[def].goName = goName
			}
		}
	}
	if c := g.class[carrierDataDef]; len(members[c]) != 1 {
		return fmt.Errorf("%s must not be unified", carrierDataDef)
	}
	for def := range envelopes {
		if len(members[g.class[def]]) != 1 {
			return fmt.Errorf("envelope %s must not be unified", def)
		}
	}
	return nil
}

func allFMCSA(defs []string) bool {
	for _, d := range defs {
		if !strings.HasPrefix(d, fmcsaNamespace) {
			return false
		}
	}
	return true
}

// signature describes a definition's Go shape with references replaced by
// their current class, ignoring property order.
func (g *generator) signature(def string) (string, error) {
	var parts []string
	for _, p := range g.models[def].s.Properties {
		t, err := g.goType(def, p, func(ref string) (string, error) {
			target, err := refTarget(ref)
			if err != nil {
				return "", err
			}
			if _, ok := g.class[target]; !ok {
				return "", fmt.Errorf("%s.%s: unknown reference %s", def, p.Name, ref)
			}
			return fmt.Sprint("#", g.class[target]), nil
		})
		if err != nil {
			return "", err
		}
		parts = append(parts, p.Name+" "+t)
	}
	sort.Strings(parts)
	return strings.Join(parts, ";"), nil
}

func refTarget(ref string) (string, error) {
	target, ok := strings.CutPrefix(ref, "#/definitions/")
	if !ok {
		return "", fmt.Errorf("unsupported reference %q", ref)
	}
	return target, nil
}

// goType is the Go type of a property, including the field's tag options
// after a space ("*bool omitempty"). refName names referenced definitions.
func (g *generator) goType(def string, p property, refName func(string) (string, error)) (string, error) {
	t, err := typeOf(p.Schema, refName)
	if err != nil {
		return "", fmt.Errorf("%s.%s: %w", def, p.Name, err)
	}
	if slices.Contains(nullableBools[def], p.Name) {
		t = "*" + t
	}
	if slices.Contains(omitWhenUnset[def], p.Name) {
		switch {
		case strings.HasPrefix(t, "*"), strings.HasPrefix(t, "[]"), strings.HasPrefix(t, "map["):
		case t == "Time", t == "json.RawMessage":
			return "", fmt.Errorf("%s.%s: omitempty on %s cannot tell unset from null", def, p.Name, t)
		default:
			t = "*" + t
		}
		t += " omitempty"
	}
	return t, nil
}

// typeOf maps a Swagger schema to a Go type.
func typeOf(s *schema, refName func(string) (string, error)) (string, error) {
	if s.Ref != "" {
		name, err := refName(s.Ref)
		return "*" + name, err
	}
	switch s.Type {
	case "string":
		switch s.Format {
		case "date-time":
			return "Time", nil
		case "", "date", "uuid", "byte", "uri", "email":
			// MCP writes these as plain strings; only date-times need parsing.
			return "string", nil
		}
	case "integer":
		switch s.Format {
		case "", "int32":
			return "int", nil
		case "int64":
			return "int64", nil
		}
	case "number":
		switch s.Format {
		case "", "double", "float", "decimal":
			return "float64", nil
		}
	case "boolean":
		return "bool", nil
	case "array":
		if s.Items == nil {
			return "", errors.New("array without items")
		}
		if s.Items.Ref != "" {
			// Elements are values: MCP does not write null array elements.
			name, err := refName(s.Items.Ref)
			return "[]" + name, err
		}
		elem, err := typeOf(s.Items, refName)
		return "[]" + elem, err
	case "object":
		if len(s.Properties) > 0 {
			return "", errors.New("inline object with properties; make it a definition")
		}
		if s.AdditionalProperties != nil {
			elem, err := typeOf(s.AdditionalProperties, refName)
			return "map[string]" + elem, err
		}
		return "json.RawMessage", nil
	case "":
		if s.Format == "" && !s.Enum {
			return "json.RawMessage", nil // any JSON value
		}
	}
	return "", fmt.Errorf("unsupported schema type %q format %q", s.Type, s.Format)
}

// field is one Go struct field.
type field struct {
	name, typ, tag, comment string
}

func (g *generator) goRef(ref string) (string, error) {
	target, err := refTarget(ref)
	if err != nil {
		return "", err
	}
	m := g.models[target]
	if m == nil {
		return "", fmt.Errorf("unknown reference %s", ref)
	}
	return m.goName, nil
}

// fields returns def's properties for which keep reports true as Go fields,
// in spec order.
func (g *generator) fields(def string, keep func(string) bool) ([]field, error) {
	var out []field
	seen := map[string]string{}
	for _, p := range g.models[def].s.Properties {
		if !keep(p.Name) {
			continue
		}
		t, err := g.goType(def, p, g.goRef)
		if err != nil {
			return nil, err
		}
		typ, opt, _ := strings.Cut(t, " ")
		name := strings.ToUpper(p.Name[:1]) + p.Name[1:]
		if !token.IsIdentifier(name) || !token.IsExported(name) {
			return nil, fmt.Errorf("%s.%s: %q is not an exported Go identifier", def, p.Name, name)
		}
		if strings.ContainsAny(p.Name, "\"`,\\") {
			return nil, fmt.Errorf("%s.%s: name cannot be a json tag", def, p.Name)
		}
		if prev, ok := seen[name]; ok {
			return nil, fmt.Errorf("%s: properties %s and %s both map to Go field %s", def, prev, p.Name, name)
		}
		seen[name] = p.Name
		tag := p.Name
		if opt != "" {
			tag += "," + opt
		}
		out = append(out, field{name: name, typ: typ, tag: tag, comment: shortDescription(p.Schema.Description)})
	}
	return out, nil
}

// shortDescription is a property description fit for a one-line comment, or
// "". Swashbuckle's enum descriptions end in an empty "Value Only List:".
func shortDescription(d string) string {
	d = strings.TrimSpace(d)
	d = strings.TrimSpace(strings.TrimSuffix(d, "; Value Only List:"))
	if d == "" || strings.ContainsAny(d, "\r\n") || len(d) > maxDescription {
		return ""
	}
	return d
}

// decl is one emitted top-level declaration.
type decl struct {
	name string
	src  string
}

func (g *generator) emit(source string) ([]byte, error) {
	var decls []decl
	done := map[string]bool{}
	for _, def := range g.defs.names {
		m := g.models[def]
		if done[m.goName] {
			continue
		}
		done[m.goName] = true
		var members []string
		for _, other := range g.defs.names {
			if g.models[other].goName == m.goName {
				members = append(members, other)
			}
		}
		switch {
		case envelopes[def] != "":
			data, _ := g.prop(def, "data")
			elem, err := g.goRef(data.Items.Ref)
			if err != nil {
				return nil, err
			}
			decls = append(decls, decl{m.goName, fmt.Sprintf("// %s is %s.\ntype %s = Envelope[%s]\n", m.goName, def, m.goName, elem)})
		case def == carrierDataDef:
			isOwn := func(p string) bool { return slices.Contains(carrierDataOwn, p) }
			packet, err := g.fields(def, func(p string) bool { return !isOwn(p) })
			if err != nil {
				return nil, err
			}
			// CarrierData's own fields follow carrierDataOwn's order, not the
			// spec's: Message first, as in the packet-less response.
			var ownFields []field
			for _, name := range carrierDataOwn {
				f, err := g.fields(def, func(p string) bool { return p == name })
				if err != nil {
					return nil, err
				}
				ownFields = append(ownFields, f...)
			}
			own := strings.Join(carrierDataOwn, " and ")
			decls = append(decls,
				decl{m.goName, structSrc(m.goName, []string{
					fmt.Sprintf("%s is %s, the GetCarrierData", m.goName, def),
					"response. When the carrier has no packet with the caller, MCP writes only",
					fmt.Sprintf("%s; %s is then nil, and encoding/json", own, carrierPacketName),
					"skips a nil embedded pointer.",
				}, "*"+carrierPacketName, ownFields)},
				decl{carrierPacketName, structSrc(carrierPacketName, []string{
					fmt.Sprintf("%s holds the properties of %s", carrierPacketName, def),
					fmt.Sprintf("other than %s. MCP omits all of them when the", own),
					fmt.Sprintf("carrier has no packet with the caller; decoding allocates a %s", carrierPacketName),
					"when any is present.",
				}, "", packet)})
		default:
			fs, err := g.fields(def, func(string) bool { return true })
			if err != nil {
				return nil, err
			}
			// Overrides decide the Go shape too; unification compared them,
			// so the members' fields agree up to order.
			doc := fmt.Sprintf("%s is %s.", m.goName, def)
			if len(members) > 1 {
				doc = fmt.Sprintf("%s is %s (identical to %s).", m.goName, def, strings.Join(members[1:], ", "))
			}
			decls = append(decls, decl{m.goName, structSrc(m.goName, []string{doc}, "", fs)})
		}
	}
	decls = append(decls, decl{"Envelope", envelopeSrc()})
	sort.Slice(decls, func(i, j int) bool { return decls[i].name < decls[j].name })

	var body bytes.Buffer
	for _, d := range decls {
		body.WriteString(d.src)
		body.WriteString("\n")
	}
	var imports []string
	if bytes.Contains(body.Bytes(), []byte("json.RawMessage")) {
		imports = append(imports, `"encoding/json"`)
	}
	return goFile(source, imports, body.Bytes())
}

// emitIndex writes modelsBySpecName, which maps every spec definition to
// its Go type: for package mcp's tests only, so it is a _test.go file and
// the package does not carry it.
func (g *generator) emitIndex(source string) ([]byte, error) {
	var body bytes.Buffer
	body.WriteString("// modelsBySpecName maps every spec definition to its Go type.\n")
	body.WriteString("var modelsBySpecName = map[string]reflect.Type{\n")
	names := slices.Clone(g.defs.names)
	sort.Strings(names)
	for _, def := range names {
		fmt.Fprintf(&body, "%q: reflect.TypeFor[%s](),\n", def, g.models[def].goName)
	}
	body.WriteString("}\n")
	return goFile(source, []string{`"reflect"`}, body.Bytes())
}

// goFile is a formatted generated file of package mcp.
func goFile(source string, imports []string, body []byte) ([]byte, error) {
	var b bytes.Buffer
	fmt.Fprintf(&b, "// Code generated by genmodels from %s; DO NOT EDIT.\n\npackage mcp\n\n", source)
	if len(imports) > 0 {
		fmt.Fprintf(&b, "import (\n%s\n)\n\n", strings.Join(imports, "\n"))
	}
	b.Write(body)
	src, err := format.Source(b.Bytes())
	if err != nil {
		return nil, fmt.Errorf("formatting output: %w\n%s", err, b.Bytes())
	}
	return src, nil
}

func structSrc(name string, doc []string, embed string, fields []field) string {
	var b strings.Builder
	for _, line := range doc {
		fmt.Fprintf(&b, "// %s\n", line)
	}
	fmt.Fprintf(&b, "type %s struct {\n", name)
	if embed != "" {
		fmt.Fprintf(&b, "%s\n", embed)
	}
	for _, f := range fields {
		if f.comment != "" {
			fmt.Fprintf(&b, "// %s\n", f.comment)
		}
		fmt.Fprintf(&b, "%s %s `json:\"%s\"`\n", f.name, f.typ, f.tag)
	}
	b.WriteString("}\n")
	return b.String()
}

func envelopeSrc() string {
	var b strings.Builder
	defs := make([]string, 0, len(envelopes))
	for def := range envelopes {
		defs = append(defs, def)
	}
	sort.Strings(defs)
	b.WriteString("// Envelope is the body-paged list response shared by\n")
	for i, def := range defs {
		sep := ","
		switch i {
		case len(defs) - 2:
			sep = " and"
		case len(defs) - 1:
			sep = "."
		}
		fmt.Fprintf(&b, "// %s%s\n", def, sep)
	}
	b.WriteString("type Envelope[T any] struct {\n")
	for _, f := range envelopeFields {
		fmt.Fprintf(&b, "%s %s `json:\"%s\"`\n", f[2], f[3], f[0])
	}
	b.WriteString("}\n")
	return b.String()
}

// Source is how the generated files' header names the document at path:
// as the repository does (api/mcp-swagger.json), whatever directory the
// generator runs from.
func Source(path string) string {
	return filepath.ToSlash(filepath.Join(filepath.Base(filepath.Dir(path)), filepath.Base(path)))
}
