package p44

import (
	"bytes"
	"encoding/json"
	"fmt"
	"time"
)

// timestamp reads project44's date-times. Their offset style is not
// documented: RFC 3339 with Z or an offset, with or without fractional
// seconds, and with no offset at all (read as UTC) are all accepted; null
// or "" is the zero time.
type timestamp time.Time

var timeLayouts = []string{
	time.RFC3339Nano,                     // 2024-03-18T11:27:45.465Z, +01:00
	"2006-01-02T15:04:05.999999999Z0700", // +0100
	"2006-01-02T15:04:05.999999999",      // no offset: UTC
}

func (t *timestamp) UnmarshalJSON(b []byte) error {
	if bytes.Equal(b, []byte("null")) {
		*t = timestamp{}
		return nil
	}
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return fmt.Errorf("date-time %s is not a string", b)
	}
	if s == "" {
		*t = timestamp{}
		return nil
	}
	for _, layout := range timeLayouts {
		if v, err := time.Parse(layout, s); err == nil {
			*t = timestamp(v)
			return nil
		}
	}
	return fmt.Errorf("date-time %q is not ISO 8601", s)
}
