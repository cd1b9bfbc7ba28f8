package mcp

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"
)

// decodeJSON decodes an MCP answer into v after resolving its Json.NET
// references: every JSON body the client decodes goes through here.
func decodeJSON(body []byte, v any) error {
	body, err := resolveRefs(body)
	if err != nil {
		return err
	}
	return json.Unmarshal(body, v)
}

// refKey is the member that marks a Json.NET reference object.
var refKey = []byte(`"$ref"`)

// resolveRefs replaces each Json.NET reference object, {"$ref":"3"}, with
// the text of the object that carries "$id":"3" in the same document. MCP
// serializes with PreserveReferencesHandling.Objects, so an object that
// occurs twice is written in full once and as a reference after that;
// decoded as it stands, the reference would be a struct with every field
// blank. The "$id" members stay in place: decoding ignores them.
//
// A body without "$ref" is returned as it is, so list pages pay nothing.
// Everything else is copied byte for byte, keeping member order and number
// text.
func resolveRefs(body []byte) ([]byte, error) {
	if !bytes.Contains(body, refKey) {
		return body, nil
	}
	r, err := scanRefs(body)
	if err != nil {
		return nil, err
	}
	if r == nil || len(r.refs) == 0 {
		return body, nil
	}
	whole := span{start: 0, end: int64(len(body))}
	n, err := r.expandedLen(whole)
	if err != nil {
		return nil, err
	}
	out := bytes.NewBuffer(make([]byte, 0, n))
	r.write(out, whole)
	return out.Bytes(), nil
}

// span is a JSON object's bytes, body[start:end]; for a reference object,
// id is the "$id" it refers to.
type span struct {
	start, end int64
	id         string
}

type refResolver struct {
	body    []byte
	objects map[string]span // by "$id"
	refs    []span          // reference objects, in document order
	size    map[string]int64
}

// Expansion state of an object in refResolver.size while its own length is
// being worked out: meeting it again means a reference cycle.
const expanding = -1

// scanRefs finds the objects that carry "$id" and the reference objects. It
// returns nil for a body that is not JSON, for json.Unmarshal to report;
// after json.Valid, a plain byte scan is enough, and many times faster than
// json.Decoder's tokens.
func scanRefs(body []byte) (*refResolver, error) {
	if !json.Valid(body) {
		return nil, nil
	}
	type frame struct {
		start   int
		object  bool
		wantKey bool       // the next string is a member name
		key     memberName // the current member's
		id, ref string
		members int
		hasRef  bool
		badRef  bool // "$ref" holds something other than a string
	}
	r := &refResolver{body: body, objects: map[string]span{}, size: map[string]int64{}}
	var stack []frame
	top := func() *frame {
		if len(stack) == 0 {
			return nil
		}
		return &stack[len(stack)-1]
	}
	// value records that the current member of f has a value: quoted when
	// it is a string, nil when not.
	value := func(f *frame, quoted []byte) {
		if f == nil || !f.object {
			return
		}
		switch {
		case f.key == idMember && quoted != nil:
			f.id = unquote(quoted)
		case f.key == refMember && quoted != nil:
			f.ref, f.hasRef = unquote(quoted), true
		case f.key == refMember:
			f.hasRef, f.badRef = true, true
		}
		f.wantKey = true
	}
	for i := 0; i < len(body); {
		switch c := body[i]; c {
		case '{', '[':
			stack = append(stack, frame{start: i, object: c == '{', wantKey: true})
			i++
		case '}', ']':
			f := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			i++
			s := span{start: int64(f.start), end: int64(i)}
			switch {
			case f.hasRef:
				if f.badRef || f.members != 1 {
					return nil, fmt.Errorf("reference object at byte %d is not {\"$ref\":\"<id>\"}", s.start)
				}
				s.id = f.ref
				r.refs = append(r.refs, s)
			case f.id != "":
				if _, dup := r.objects[f.id]; dup {
					return nil, fmt.Errorf("$id %q occurs twice", truncate(f.id, 40))
				}
				s.id = f.id
				r.objects[f.id] = s
			}
			value(top(), nil)
		case '"':
			j := stringEnd(body, i)
			if f := top(); f != nil && f.object && f.wantKey {
				f.key, f.wantKey = nameOf(body[i:j]), false
				f.members++
			} else {
				value(f, body[i:j])
			}
			i = j
		case ',', ':', ' ', '\t', '\n', '\r':
			i++
		default: // a number, true, false or null
			for i < len(body) && !endsScalar(body[i]) {
				i++
			}
			value(top(), nil)
		}
	}
	return r, nil
}

// memberName sorts the member names that matter here from the rest.
type memberName int

const (
	otherMember memberName = iota
	idMember
	refMember
)

func nameOf(quoted []byte) memberName {
	name := quoted[1 : len(quoted)-1]
	if bytes.IndexByte(quoted, '\\') >= 0 { // Json.NET escapes no "$"; others may
		name = []byte(unquote(quoted))
	}
	switch string(name) {
	case "$id":
		return idMember
	case "$ref":
		return refMember
	}
	return otherMember
}

func endsScalar(c byte) bool {
	switch c {
	case ',', ']', '}', ' ', '\t', '\n', '\r':
		return true
	}
	return false
}

// stringEnd returns the index just after the JSON string starting at i.
func stringEnd(body []byte, i int) int {
	for i++; i < len(body); i++ {
		switch body[i] {
		case '\\':
			i++
		case '"':
			return i + 1
		}
	}
	return len(body)
}

// unquote returns a JSON string's text.
func unquote(quoted []byte) string {
	if bytes.IndexByte(quoted, '\\') < 0 {
		return string(quoted[1 : len(quoted)-1])
	}
	var s string
	_ = json.Unmarshal(quoted, &s) // cannot fail: json.Valid passed
	return s
}

// refsIn returns the reference objects inside s. References never nest, so
// they are disjoint and sorted, and those inside s are a contiguous run.
func (r *refResolver) refsIn(s span) []span {
	i := sort.Search(len(r.refs), func(i int) bool { return r.refs[i].start >= s.start })
	j := sort.Search(len(r.refs), func(i int) bool { return r.refs[i].start >= s.end })
	return r.refs[i:j]
}

// expandedLen is the length of s with its references replaced, failing on
// an unknown id, a cycle, or a result larger than any body the client
// accepts (a chain of objects each referring twice to the one before
// doubles at every step).
func (r *refResolver) expandedLen(s span) (int64, error) {
	n := s.end - s.start
	for _, ref := range r.refsIn(s) {
		target, err := r.objectLen(ref.id)
		if err != nil {
			return 0, err
		}
		n += target - (ref.end - ref.start)
		if n > maxBodySize {
			return 0, fmt.Errorf("resolving $ref references makes the response larger than %d MiB", maxBodySize>>20)
		}
	}
	return n, nil
}

// objectLen is expandedLen of the object with the given "$id", remembered.
func (r *refResolver) objectLen(id string) (int64, error) {
	obj, ok := r.objects[id]
	if !ok {
		return 0, fmt.Errorf("$ref %q names no object with that $id", truncate(id, 40))
	}
	switch n, seen := r.size[id]; {
	case seen && n == expanding:
		return 0, fmt.Errorf("$ref %q refers to an object that contains it", truncate(id, 40))
	case seen:
		return n, nil
	}
	r.size[id] = expanding
	n, err := r.expandedLen(obj)
	if err != nil {
		return 0, err
	}
	r.size[id] = n
	return n, nil
}

// write copies s to out with its references replaced. expandedLen has
// checked every id and ruled out cycles.
func (r *refResolver) write(out *bytes.Buffer, s span) {
	at := s.start
	for _, ref := range r.refsIn(s) {
		out.Write(r.body[at:ref.start])
		r.write(out, r.objects[ref.id])
		at = ref.end
	}
	out.Write(r.body[at:s.end])
}
