// Package carrierid parses and checks the identifiers MCP uses for carriers:
// USDOT numbers, docket numbers (MC, FF or MX and digits), state intrastate
// numbers, and the provider's import IDs built from them. It has no
// Terraform or HTTP dependencies, so every rule lives in one tested place.
package carrierid

import (
	"fmt"
	"strconv"
	"strings"
)

// MaxDOTDigits is the longest USDOT number accepted. MCP carries DOT numbers
// as int32; FMCSA assigns them sequentially and they have never exceeded
// eight digits.
const MaxDOTDigits = 8

// DocketPrefixes are the docket kinds MCP knows: motor carrier, freight
// forwarder and Mexico-domiciled carrier.
var DocketPrefixes = []string{"MC", "FF", "MX"}

// maxDocketDigits bounds the digits after the prefix; FMCSA dockets have at
// most seven, leading zeros included (MC010203).
const maxDocketDigits = 8

// maxIntrastateLen bounds an intrastate number; their formats vary by state.
const maxIntrastateLen = 20

// ParseDOT reads a USDOT number: one to eight digits, no sign, no leading
// zero, not zero.
func ParseDOT(s string) (int, error) {
	if s == "" {
		return 0, fmt.Errorf("a USDOT number is required")
	}
	if len(s) > MaxDOTDigits || !allDigits(s) || s[0] == '0' {
		hint := ""
		if t := strings.TrimSpace(s); t != s && t != "" {
			if _, err := ParseDOT(t); err == nil {
				hint = fmt.Sprintf(" (did you mean %q, without the spaces?)", t)
			}
		}
		return 0, fmt.Errorf("%q is not a USDOT number: expected 1 to %d digits without a sign or leading zero, such as 23868%s", s, MaxDOTDigits, hint)
	}
	n, err := strconv.Atoi(s)
	if err != nil { // unreachable after the checks above, kept for safety
		return 0, fmt.Errorf("%q is not a USDOT number", s)
	}
	return n, nil
}

// CheckDocket accepts a docket number exactly as MCP writes it: MC, FF or MX
// in upper case followed by digits, nothing else (MC113843, FF012345).
func CheckDocket(s string) error {
	if len(s) < 3 || !hasDocketPrefix(s) || !allDigits(s[2:]) || len(s)-2 > maxDocketDigits {
		hint := ""
		if n, err := NormalizeDocket(s); err == nil && n != s {
			hint = fmt.Sprintf(" (did you mean %q?)", n)
		} else if err != nil && looksIntrastate(s) {
			hint = fmt.Sprintf(" (%s looks like a state-issued intrastate number: give it as intrastate_number)", s)
		}
		return fmt.Errorf("%q is not a docket number: expected MC, FF or MX followed by 1 to %d digits, such as MC113843%s", s, maxDocketDigits, hint)
	}
	return nil
}

// NormalizeDocket turns the ways people write a docket number into MCP's
// form: "mc 113843", "MC-113843" and " Mc113843 " all become "MC113843". It
// fails for anything that is not a docket number once normalised.
func NormalizeDocket(s string) (string, error) {
	t := strings.ToUpper(strings.TrimSpace(s))
	if len(t) >= 2 && hasDocketPrefix(t) {
		rest := strings.TrimLeft(t[2:], " -#")
		t = t[:2] + rest
	}
	if len(t) < 3 || !hasDocketPrefix(t) || !allDigits(t[2:]) || len(t)-2 > maxDocketDigits {
		return "", fmt.Errorf("%q is not a docket number: expected MC, FF or MX followed by 1 to %d digits, such as MC113843", s, maxDocketDigits)
	}
	return t, nil
}

// CheckIntrastate accepts a state intrastate number: 1 to 20 upper-case
// letters, digits and hyphens, such as TX123456. Formats vary by state; the
// check keeps out what cannot be an identifier (spaces, slashes, lower case).
func CheckIntrastate(s string) error {
	if s == "" || len(s) > maxIntrastateLen {
		return fmt.Errorf("%q is not an intrastate number: expected 1 to %d characters", s, maxIntrastateLen)
	}
	for _, r := range s {
		if (r < 'A' || r > 'Z') && (r < '0' || r > '9') && r != '-' {
			return fmt.Errorf("%q is not an intrastate number: expected upper-case letters, digits and hyphens only, such as TX123456", s)
		}
	}
	return nil
}

// stateCodes are the US states' postal codes (and DC's), which begin the
// intrastate numbers states issue, such as TX100030.
const stateCodes = "AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY"

// looksIntrastate reports whether s reads as a state's intrastate number:
// a state's code, then digits.
func looksIntrastate(s string) bool {
	return len(s) > 2 && allDigits(s[2:]) && strings.Contains(stateCodes, s[:2]) && CheckIntrastate(s) == nil
}

// SameDocket reports whether two docket numbers in MCP's form name the
// same docket: the same prefix and the same number, leading zeros aside
// (MCP may list MC010203 as MC10203).
func SameDocket(a, b string) bool {
	if a == b {
		return true
	}
	if len(a) < 3 || len(b) < 3 || !strings.EqualFold(a[:2], b[:2]) {
		return false
	}
	x, y := strings.TrimLeft(a[2:], "0"), strings.TrimLeft(b[2:], "0")
	return x == y && allDigits(a[2:]) && allDigits(b[2:])
}

func hasDocketPrefix(s string) bool {
	for _, p := range DocketPrefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}
