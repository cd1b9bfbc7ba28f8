package mcp

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"time"
)

func TestParseTime(t *testing.T) {
	t.Parallel()
	utc := func(ns int) time.Time { return time.Date(2025, 7, 22, 12, 18, 46, ns, time.UTC) }
	tests := []struct {
		in   string
		want time.Time
	}{
		{"2025-07-22T12:18:46.6299792", utc(629979200)}, // captured: seven digits, no offset
		{"2025-07-22T12:18:46.629979", utc(629979000)},
		{"2025-07-22T12:18:46.62997", utc(629970000)},
		{"2025-07-22T12:18:46.6299", utc(629900000)},
		{"2025-07-22T12:18:46.629", utc(629000000)},
		{"2025-07-22T12:18:46.62", utc(620000000)},
		{"2025-07-22T12:18:46.6", utc(600000000)},
		{"2025-07-22T12:18:46", utc(0)},
		{"2025-07-22T12:18:46Z", utc(0)},
		{"2025-07-22T12:18:46.6299792Z", utc(629979200)},
		{"2025-07-22T14:18:46.5+02:00", utc(500000000)},
		{"2025-07-22T07:18:46-05:00", utc(0)},
		{"2025-07-22T12:18:46.0000001", utc(100)},
		{"2024-02-29T00:00:00", time.Date(2024, 2, 29, 0, 0, 0, 0, time.UTC)},
		{"9999-12-31T23:59:59.9999999", time.Date(9999, 12, 31, 23, 59, 59, 999999900, time.UTC)},
		// Json.NET trims the fraction's trailing zeros, down to none.
		{"2026-01-02T03:04:05.12", time.Date(2026, 1, 2, 3, 4, 5, 120000000, time.UTC)},
		{"2026-01-02T03:04:05", time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)},
		// A bare date is midnight UTC.
		{"2026-01-02", time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC)},
		{"2024-02-29", time.Date(2024, 2, 29, 0, 0, 0, 0, time.UTC)},
	}
	for _, tt := range tests {
		got, err := ParseTime(tt.in)
		if err != nil {
			t.Errorf("ParseTime(%q): %v", tt.in, err)
			continue
		}
		if !got.Equal(tt.want) || got.Location() != time.UTC {
			t.Errorf("ParseTime(%q) = %v, want %v in UTC", tt.in, got.Time, tt.want)
		}
	}

	for _, in := range []string{
		"",
		"null",
		"2025-07-22Z",
		"2025-07-22T",
		"2025-7-22",
		"2025-07-2",
		"2025-07-022",
		"2025/07/22",
		"2025-02-29",
		"2025-07-22+02:00",
		"2025-07-22T12:18",
		"2025-07-22 12:18:46",
		"2025-07-22T12:18:46.",
		"2025-07-22T12:18:46.62997921",   // eight digits: not MCP's format
		"2025-07-22T12:18:46.629979212Z", // nine
		"2025-07-22T12:18:46,62997921",   // a comma must not bypass the limit
		"2025-07-22T2:18:46.62997921",    // nor a one-digit hour
		"2025-07-22T12:18:46+0200",
		"2025-07-22T24:00:00",
		"2025-02-30T12:18:46",
		"2025-07-22t12:18:46",
		" 2025-07-22T12:18:46",
		"2025-07-22T12:18:46 ",
		"9999-12-31T23:59:59-01:00", // year 10000 in UTC: cannot be written back
		"Mon, 17 Nov 2025 16:02:46 GMT",
		"/Date(1224043200000)/",
	} {
		if got, err := ParseTime(in); err == nil {
			t.Errorf("ParseTime(%q) = %v, want an error", in, got.Time)
		}
	}
}

// TestTime_JSON: decoding inside a struct, including null, "" and garbage.
func TestTime_JSON(t *testing.T) {
	t.Parallel()
	var v struct {
		A, B, C, D Time
		E          *Time
		F          Time
	}
	in := `{"$id":"1","A":"2025-07-22T12:18:46.6299792","B":null,"C":"","D":"2021-07-01T01:00:00Z","E":null,"F":"2026-01-02"}`
	if err := json.Unmarshal([]byte(in), &v); err != nil {
		t.Fatal(err)
	}
	if want := time.Date(2025, 7, 22, 12, 18, 46, 629979200, time.UTC); !v.A.Equal(want) {
		t.Errorf("A = %v", v.A)
	}
	if want := time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC); !v.F.Equal(want) {
		t.Errorf("F = %v, want %v", v.F, want)
	}
	if !v.B.IsZero() || !v.C.IsZero() || v.E != nil {
		t.Errorf("null and empty: B=%v C=%v E=%v", v.B, v.C, v.E)
	}
	out, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	if want := `{"A":"2025-07-22T12:18:46.6299792","B":null,"C":null,"D":"2021-07-01T01:00:00.0000000","E":null,"F":"2026-01-02T00:00:00.0000000"}`; string(out) != want {
		t.Errorf("Marshal = %s, want %s", out, want)
	}
	if v.A.String() != "2025-07-22T12:18:46.6299792" || v.B.String() != "" {
		t.Errorf("String() = %q, %q", v.A.String(), v.B.String())
	}

	for _, bad := range []string{`{"A":12345}`, `{"A":true}`, `{"A":{"$ref":"1"}}`, `{"A":"yesterday"}`} {
		if err := json.Unmarshal([]byte(bad), &v); err == nil {
			t.Errorf("Unmarshal(%s) succeeded", bad)
		}
	}
}

// FuzzParseTime: ParseTime and Time.UnmarshalJSON never panic, agree with
// each other, and whatever they accept is a UTC instant with at most
// MCP's 100ns precision that MarshalJSON writes back exactly.
func FuzzParseTime(f *testing.F) {
	for _, seed := range []string{
		// Captured and documented shapes.
		"2025-07-22T12:18:46.6299792", "2026-01-15T09:30:00.617", "2025-11-17T16:02:46",
		"2021-07-01T01:00:00", "2024-01-01T00:00:00Z", "2024-01-01T23:59:59Z",
		"2025-07-22T12:18:46.6299792+05:30", "2025-07-22T12:18:46-08:00",
		"0001-01-01T00:00:00", "9999-12-31T23:59:59.9999999",
		"2026-01-02T03:04:05.12", "2026-01-02", "0000-01-01", "9999-12-31",
		// Nasty ones.
		"", "null", `"`, "2025-07-22T12:18:46.", "2025-07-22T12:18:46.62997921",
		"2025-07-22T12:18:46,1234567891", "2025-07-22T1:18:46.12345678", "9999-12-31T23:59:59-01:00",
		"0000-01-01T00:00:00", "2025-07-22T12:18:46+24:60", "2025-07-22T12:18:46.0000000000000000000001Z",
		"2025-07-22T12:18:46\x00", "2025-07-22T12:18:46.6299792\u00a0", "２０２５-07-22T12:18:46",
		"+2025-07-22T12:18:46", "-0001-07-22T12:18:46", "2025-13-01T00:00:00", "0000-00-00",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, s string) {
		// Raw bytes straight into UnmarshalJSON: whatever it accepts
		// marshals back to the same instant.
		var raw Time
		if raw.UnmarshalJSON([]byte(s)) == nil {
			b, err := raw.MarshalJSON()
			var back Time
			if err != nil || back.UnmarshalJSON(b) != nil || !back.Equal(raw.Time) {
				t.Fatalf("UnmarshalJSON(%q) = %v; MarshalJSON = %s, %v; back = %v", s, raw.Time, b, err, back.Time)
			}
		}

		got, err := ParseTime(s)

		// UnmarshalJSON of the quoted string must agree (it treats "" as
		// null, and its input is raw JSON, so skip strings JSON would escape).
		if !strings.ContainsAny(s, "\"\\") && s != "" {
			var viaJSON Time
			jerr := viaJSON.UnmarshalJSON([]byte(`"` + s + `"`))
			if (jerr == nil) != (err == nil) || (err == nil && !viaJSON.Equal(got.Time)) {
				t.Fatalf("UnmarshalJSON(%q) = %v, %v; ParseTime = %v, %v", s, viaJSON.Time, jerr, got.Time, err)
			}
		}
		if err != nil {
			return
		}
		if got.Location() != time.UTC {
			t.Fatalf("ParseTime(%q) location %v, want UTC", s, got.Location())
		}
		if !got.Equal(got.Truncate(100 * time.Nanosecond)) {
			t.Fatalf("ParseTime(%q) = %v: finer than MCP's 100ns", s, got.Time)
		}
		b, err := got.MarshalJSON()
		if err != nil {
			t.Fatalf("MarshalJSON(%v): %v", got.Time, err)
		}
		var back Time
		if err := back.UnmarshalJSON(b); err != nil {
			t.Fatalf("ParseTime(%q) = %v, but its JSON %s does not decode: %v", s, got.Time, b, err)
		}
		if !back.Equal(got.Time) {
			t.Fatalf("ParseTime(%q) = %v, round trip via %s = %v", s, got.Time, b, back.Time)
		}
		if got.IsZero() {
			if !bytes.Equal(b, []byte("null")) {
				t.Fatalf("zero Time marshals as %s", b)
			}
			return
		}
		again, err := ParseTime(got.String())
		if err != nil || !again.Equal(got.Time) || again.String() != got.String() {
			t.Fatalf("ParseTime(%q) = %v; ParseTime(String() %q) = %v, %v", s, got.Time, got.String(), again.Time, err)
		}
	})
}
