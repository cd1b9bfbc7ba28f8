package emulator

import (
	"testing"
)

func TestInsertIDs(t *testing.T) {
	t.Parallel()
	tests := []struct{ name, in, want string }{
		{"empty object", `{}`, `{"$id":"1"}`},
		{"members", `{"a":1,"b":"x"}`, `{"$id":"1","a":1,"b":"x"}`},
		{"nested in document order", `{"a":{"b":{}},"c":{"d":2}}`, `{"$id":"1","a":{"$id":"2","b":{"$id":"3"}},"c":{"$id":"4","d":2}}`},
		{"arrays get none", `[{"a":[]},{"b":[{}]}]`, `[{"$id":"1","a":[]},{"$id":"2","b":[{"$id":"3"}]}]`},
		{"braces in strings", `{"a":"{x}","b":"}{"}`, `{"$id":"1","a":"{x}","b":"}{"}`},
		{"escaped quotes", `{"a":"\"{\\","b":{}}`, `{"$id":"1","a":"\"{\\","b":{"$id":"2"}}`},
		{"escaped backslash before quote", `{"a":"x\\"}`, `{"$id":"1","a":"x\\"}`},
		{"top-level string", `"not {an} object"`, `"not {an} object"`},
		{"scalars", `[1,true,null]`, `[1,true,null]`},
		{"whitespace", "{ \"a\" : { } }", "{\"$id\":\"1\", \"a\" : {\"$id\":\"2\" } }"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if got := string(insertIDs([]byte(tt.in))); got != tt.want {
				t.Errorf("insertIDs(%s)\n got %s\nwant %s", tt.in, got, tt.want)
			}
		})
	}
}

func TestEncodeJSONLikeJsonNet(t *testing.T) {
	t.Parallel()
	got, err := encodeJSON(map[string]any{"m": "<a & b>", "o": map[string]int{"x": 1}})
	if err != nil {
		t.Fatal(err)
	}
	if want := `{"$id":"1","m":"<a & b>","o":{"$id":"2","x":1}}`; string(got) != want {
		t.Errorf("got %s, want %s (no HTML escaping, no trailing newline)", got, want)
	}
}
