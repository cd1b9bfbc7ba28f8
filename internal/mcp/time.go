package mcp

import (
	"bytes"
	"fmt"
	"time"
)

// Time is an MCP date-time. MCP (ASP.NET with Json.NET) writes date-times
// without a UTC offset and with up to seven fractional digits, for example
// "2025-07-22T12:18:46.6299792", even in fields named …Utc; encoding/json's
// time.Time accepts only RFC 3339. Json.NET trims trailing zeros from the
// fraction ("…:05.12", or no fraction at all), and date-only DTO fields come
// as a bare date ("2026-01-02", read as midnight). Time also reads an offset
// when one is present, and null. Values without an offset are taken as UTC.
//
// The zero Time stands for null: it is written as null and IsZero reports it.
type Time struct {
	time.Time
}

// wireLayout is how MCP writes date-times: seven fractional digits, no offset.
const wireLayout = "2006-01-02T15:04:05.0000000"

// parseLayouts are tried in order. A fraction of any length up to nine digits
// is accepted by Go's parser after a seconds field.
var parseLayouts = []string{
	"2006-01-02T15:04:05.999999999",
	"2006-01-02T15:04:05.999999999Z07:00",
	dateLayout,
}

// dateLayout is a bare date, which Json.NET writes for date-only values.
const dateLayout = "2006-01-02"

// ParseTime parses an MCP date-time: a date and time with an optional
// fraction (up to seven digits) and an optional offset or Z, or a bare date
// (midnight UTC).
func ParseTime(s string) (Time, error) {
	if !plausibleDateTime(s) {
		return Time{}, fmt.Errorf("mcp: %q is not an MCP date-time (want YYYY-MM-DD[Thh:mm:ss[.fffffff][offset]])", s)
	}
	for _, layout := range parseLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			// An offset can move the instant out of the four-digit years
			// MarshalJSON writes (9999-12-31T23:59:59-01:00 is in 10000).
			if y := t.UTC().Year(); y < 0 || y > 9999 {
				return Time{}, fmt.Errorf("mcp: %q is outside the years 0000 to 9999 in UTC", s)
			}
			return Time{t.UTC()}, nil
		}
	}
	return Time{}, fmt.Errorf("mcp: %q is not an MCP date-time (want YYYY-MM-DD[Thh:mm:ss[.fffffff][offset]])", s)
}

// plausibleDateTime bounds the input before time.Parse sees it. Go's parser
// is lenient where MCP's format is not: it takes a one-digit hour, a comma
// before the fraction, and a fraction of any length (keeping nine digits). So
// the date and time must have exactly MCP's fixed-width shape, and a fraction,
// after a period or a comma, may have one to seven digits. A bare date is
// the date part and nothing else.
func plausibleDateTime(s string) bool {
	const shape = "dddd-dd-ddTdd:dd:dd"
	if len(s) == len(dateLayout) {
		return matchesShape(s, shape[:len(dateLayout)])
	}
	if len(s) < len(shape) || !matchesShape(s, shape) {
		return false
	}
	rest := s[len(shape):]
	if len(rest) > 0 && (rest[0] == '.' || rest[0] == ',') {
		digits := 0
		for _, r := range rest[1:] {
			if r < '0' || r > '9' {
				break
			}
			digits++
		}
		if digits == 0 || digits > 7 {
			return false
		}
	}
	return true
}

// matchesShape reports whether s starts with shape, where 'd' is any ASCII
// digit and other bytes stand for themselves.
func matchesShape(s, shape string) bool {
	for i := range len(shape) {
		if shape[i] == 'd' {
			if s[i] < '0' || s[i] > '9' {
				return false
			}
		} else if s[i] != shape[i] {
			return false
		}
	}
	return true
}

// UnmarshalJSON reads a JSON string in MCP's date-time format, or null.
func (t *Time) UnmarshalJSON(b []byte) error {
	if bytes.Equal(b, []byte("null")) {
		*t = Time{}
		return nil
	}
	if len(b) < 2 || b[0] != '"' || b[len(b)-1] != '"' {
		return fmt.Errorf("mcp: date-time must be a JSON string, got %.40s", b)
	}
	if len(b) == 2 { // "" is how some DTOs write "no date"
		*t = Time{}
		return nil
	}
	parsed, err := ParseTime(string(b[1 : len(b)-1]))
	if err != nil {
		return err
	}
	*t = parsed
	return nil
}

// MarshalJSON writes MCP's own format (UTC, no offset, seven fractional
// digits), or null for the zero Time.
func (t Time) MarshalJSON() ([]byte, error) {
	if t.IsZero() {
		return []byte("null"), nil
	}
	return []byte(`"` + t.UTC().Format(wireLayout) + `"`), nil
}

// String formats the time as MCP writes it, or "" for the zero Time.
func (t Time) String() string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(wireLayout)
}

// QueryTime formats a time for a query parameter such as fromDate: UTC
// without offset or fraction, as in the spec's examples (2021-07-01T01:00:00).
func QueryTime(t time.Time) string {
	return t.UTC().Format("2006-01-02T15:04:05")
}
