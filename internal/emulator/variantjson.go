package emulator

import (
	"bytes"
	"encoding/json"
	"errors"
	"hash/fnv"
	"reflect"
	"strconv"
	"strings"
	"sync"

	"github.com/carrierstate/terraform-provider-mcp/internal/mcp"
)

// Bodies under the JSON variants (jsonVariants) are encoded as by default,
// parsed into a tree that keeps member order and number text, rewritten
// guided by the Go type they were encoded from (so that only mcp.Time
// fields count as date-times and only slice fields as arrays), and written
// again with "$id" members and, under json-refs, "$ref" objects.

// encode encodes a body under the variants: exactly encodeJSON unless one
// of the JSON variants is on.
func (vs variantSet) encode(v any) ([]byte, error) {
	if vs&jsonVariants == 0 {
		return encodeJSON(v)
	}
	return vs.encodeTree(v)
}

// encodeTree encodes through the tree; with no JSON variant on it writes
// what encodeJSON writes.
func (vs variantSet) encodeTree(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	p := &jparser{b: bytes.TrimSuffix(buf.Bytes(), []byte("\n"))}
	root, err := p.value()
	if err != nil {
		return nil, err
	}
	root = vs.rewrite(root, reflect.TypeOf(v), "")
	w := &jwriter{buf: make([]byte, 0, buf.Len()+buf.Len()/4+16)}
	if vs.has(vJSONRefs) {
		w.seen = map[uint64][]jref{}
	}
	w.write(root)
	return w.buf, nil
}

type jkind uint8

const (
	jScalar jkind = iota // number, true, false
	jString
	jNull
	jObject
	jArray
)

// jnode is a parsed JSON value.
type jnode struct {
	kind  jkind
	raw   []byte   // scalar and string text, as encoded
	keys  [][]byte // object member names, as encoded (quoted)
	names []string // object member names, decoded
	vals  []*jnode // object member values or array elements
	hash  uint64   // of the canonical text, for json-refs
}

var jnull = []byte("null")

// jparser reads the compact JSON encoding/json wrote.
type jparser struct {
	b []byte
	i int
}

var errBadJSON = errors.New("emulator: malformed JSON in a variant rewrite")

func (p *jparser) skipSpace() {
	for p.i < len(p.b) && (p.b[p.i] == ' ' || p.b[p.i] == '\n' || p.b[p.i] == '\t' || p.b[p.i] == '\r') {
		p.i++
	}
}

func (p *jparser) value() (*jnode, error) {
	p.skipSpace()
	if p.i >= len(p.b) {
		return nil, errBadJSON
	}
	switch p.b[p.i] {
	case '{':
		return p.object()
	case '[':
		return p.array()
	case '"':
		s, err := p.str()
		if err != nil {
			return nil, err
		}
		return &jnode{kind: jString, raw: s}, nil
	}
	start := p.i
	for p.i < len(p.b) && !strings.ContainsRune(",]} \n\t\r", rune(p.b[p.i])) {
		p.i++
	}
	raw := p.b[start:p.i]
	if len(raw) == 0 {
		return nil, errBadJSON
	}
	if bytes.Equal(raw, jnull) {
		return &jnode{kind: jNull, raw: jnull}, nil
	}
	return &jnode{kind: jScalar, raw: raw}, nil
}

// str returns the quoted string at p.i, quotes included.
func (p *jparser) str() ([]byte, error) {
	start := p.i
	for p.i++; p.i < len(p.b); p.i++ {
		switch p.b[p.i] {
		case '\\':
			p.i++
		case '"':
			p.i++
			return p.b[start:p.i], nil
		}
	}
	return nil, errBadJSON
}

func (p *jparser) object() (*jnode, error) {
	n := &jnode{kind: jObject}
	p.i++ // {
	p.skipSpace()
	if p.i < len(p.b) && p.b[p.i] == '}' {
		p.i++
		return n, nil
	}
	for {
		p.skipSpace()
		if p.i >= len(p.b) || p.b[p.i] != '"' {
			return nil, errBadJSON
		}
		key, err := p.str()
		if err != nil {
			return nil, err
		}
		name := string(key[1 : len(key)-1])
		if bytes.IndexByte(key, '\\') >= 0 {
			if err := json.Unmarshal(key, &name); err != nil {
				return nil, err
			}
		}
		p.skipSpace()
		if p.i >= len(p.b) || p.b[p.i] != ':' {
			return nil, errBadJSON
		}
		p.i++
		v, err := p.value()
		if err != nil {
			return nil, err
		}
		n.keys, n.names, n.vals = append(n.keys, key), append(n.names, name), append(n.vals, v)
		p.skipSpace()
		if p.i >= len(p.b) {
			return nil, errBadJSON
		}
		p.i++
		switch p.b[p.i-1] {
		case ',':
		case '}':
			return n, nil
		default:
			return nil, errBadJSON
		}
	}
}

func (p *jparser) array() (*jnode, error) {
	n := &jnode{kind: jArray}
	p.i++ // [
	p.skipSpace()
	if p.i < len(p.b) && p.b[p.i] == ']' {
		p.i++
		return n, nil
	}
	for {
		v, err := p.value()
		if err != nil {
			return nil, err
		}
		n.vals = append(n.vals, v)
		p.skipSpace()
		if p.i >= len(p.b) {
			return nil, errBadJSON
		}
		p.i++
		switch p.b[p.i-1] {
		case ',':
		case ']':
			return n, nil
		default:
			return nil, errBadJSON
		}
	}
}

var (
	timeType           = reflect.TypeFor[mcp.Time]()
	monitoredEntryType = reflect.TypeFor[mcp.MonitoredCarrier]()
	blockedEntryType   = reflect.TypeFor[mcp.BlockedCarrier]()
)

// rewrite applies the JSON variants to n, encoded from a value of type t
// as the value of member field ("" at the top and for array elements of
// the top). It returns the node to write in n's place.
func (vs variantSet) rewrite(n *jnode, t reflect.Type, field string) *jnode {
	for t != nil && t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t == nil {
		return n
	}
	switch {
	case t == timeType:
		if n.kind == jString && vs&timeVariants != 0 {
			n.raw = vs.rewriteTime(n.raw, strings.HasSuffix(field, "Utc"))
		}
	case t.Kind() == reflect.Slice && t.Elem().Kind() != reflect.Uint8 || t.Kind() == reflect.Array:
		switch {
		case n.kind == jNull && vs.has(vEmptyArrays):
			return &jnode{kind: jArray}
		case n.kind == jArray && len(n.vals) == 0 && vs.has(vNullArrays):
			return &jnode{kind: jNull, raw: jnull}
		case n.kind == jArray:
			for k := range n.vals {
				n.vals[k] = vs.rewrite(n.vals[k], t.Elem(), field)
			}
		}
	case t.Kind() == reflect.Struct && n.kind == jObject:
		fields := structFields(t)
		listEntry := t == monitoredEntryType || t == blockedEntryType
		for k, name := range n.names {
			if listEntry && name == "DocketNumber" && vs.has(vListNullDocket) {
				n.vals[k] = &jnode{kind: jNull, raw: jnull}
				continue
			}
			if ft, ok := fields[name]; ok {
				n.vals[k] = vs.rewrite(n.vals[k], ft, name)
			}
		}
	case t.Kind() == reflect.Map && n.kind == jObject:
		for k, name := range n.names {
			n.vals[k] = vs.rewrite(n.vals[k], t.Elem(), name)
		}
	}
	return n
}

// rewriteTime rewrites an MCP date-time string as the variants say.
func (vs variantSet) rewriteTime(raw []byte, utcField bool) []byte {
	if len(raw) < 2 {
		return raw
	}
	t, err := mcp.ParseTime(string(raw[1 : len(raw)-1]))
	if err != nil {
		return raw
	}
	return strconv.AppendQuote(nil, vs.formatTime(t.Time, utcField))
}

var fieldCache sync.Map // reflect.Type → map[string]reflect.Type

// structFields maps the JSON member names of a struct type to their field
// types, fields of embedded structs included (encoding/json promotes
// them; the shallower field wins).
func structFields(t reflect.Type) map[string]reflect.Type {
	if cached, ok := fieldCache.Load(t); ok {
		if m, ok := cached.(map[string]reflect.Type); ok {
			return m
		}
	}
	m := map[string]reflect.Type{}
	var embedded []reflect.Type
	for i := range t.NumField() {
		f := t.Field(i)
		tag := f.Tag.Get("json")
		if tag == "-" {
			continue
		}
		name, _, _ := strings.Cut(tag, ",")
		if f.Anonymous && name == "" {
			ft := f.Type
			if ft.Kind() == reflect.Pointer {
				ft = ft.Elem()
			}
			if ft.Kind() == reflect.Struct {
				embedded = append(embedded, ft)
				continue
			}
		}
		if !f.IsExported() {
			continue
		}
		if name == "" {
			name = f.Name
		}
		m[name] = f.Type
	}
	for _, et := range embedded {
		for name, ft := range structFields(et) {
			if _, shadowed := m[name]; !shadowed {
				m[name] = ft
			}
		}
	}
	fieldCache.Store(t, m)
	return m
}

// jref is an object written in full, which later equal objects refer to.
type jref struct {
	n  *jnode
	id int
}

// jwriter writes a tree as Json.NET does with reference preservation: a
// "$id" first in every object written in full, counted in document order;
// with seen set (json-refs), an object equal to one written before is
// written as {"$ref":"<its $id>"} and takes no id.
type jwriter struct {
	buf  []byte
	ids  int
	seen map[uint64][]jref
}

func (w *jwriter) write(n *jnode) {
	switch n.kind {
	case jObject:
		if w.seen != nil {
			h := n.sum()
			for _, r := range w.seen[h] {
				if jequal(r.n, n) {
					w.buf = append(w.buf, `{"$ref":"`...)
					w.buf = strconv.AppendInt(w.buf, int64(r.id), 10)
					w.buf = append(w.buf, `"}`...)
					return
				}
			}
			w.seen[h] = append(w.seen[h], jref{n: n, id: w.ids + 1})
		}
		w.ids++
		w.buf = append(w.buf, `{"$id":"`...)
		w.buf = strconv.AppendInt(w.buf, int64(w.ids), 10)
		w.buf = append(w.buf, '"')
		for k, key := range n.keys {
			w.buf = append(w.buf, ',')
			w.buf = append(w.buf, key...)
			w.buf = append(w.buf, ':')
			w.write(n.vals[k])
		}
		w.buf = append(w.buf, '}')
	case jArray:
		w.buf = append(w.buf, '[')
		for k, v := range n.vals {
			if k > 0 {
				w.buf = append(w.buf, ',')
			}
			w.write(v)
		}
		w.buf = append(w.buf, ']')
	default:
		w.buf = append(w.buf, n.raw...)
	}
}

// sum hashes a node's canonical text (children first), once.
func (n *jnode) sum() uint64 {
	if n.hash != 0 {
		return n.hash
	}
	h := fnv.New64a()
	var b [8]byte
	put := func(x uint64) {
		for k := range b {
			b[k] = byte(x >> (8 * k))
		}
		_, _ = h.Write(b[:])
	}
	put(uint64(n.kind))
	switch n.kind {
	case jObject:
		for k, key := range n.keys {
			_, _ = h.Write(key)
			put(n.vals[k].sum())
		}
	case jArray:
		for _, v := range n.vals {
			put(v.sum())
		}
	default:
		_, _ = h.Write(n.raw)
	}
	n.hash = h.Sum64() | 1 // never 0, which means "not yet"
	return n.hash
}

// jequal compares two trees.
func jequal(a, b *jnode) bool {
	if a == b {
		return true
	}
	if a.kind != b.kind || a.sum() != b.sum() || len(a.vals) != len(b.vals) || !bytes.Equal(a.raw, b.raw) {
		return false
	}
	for k := range a.vals {
		if a.kind == jObject && !bytes.Equal(a.keys[k], b.keys[k]) || !jequal(a.vals[k], b.vals[k]) {
			return false
		}
	}
	return true
}
