package emulator

import (
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/carrierstate/terraform-provider-mcp/internal/mcp"
)

// params are a request's query parameters, matched by name
// case-insensitively as ASP.NET Web API binds them. Bodies are never read.
type params struct {
	values map[string]string // lower-cased name → first value
	loc    *time.Location    // where date-times without an offset live; nil for UTC (local-times sets it)
}

func newParams(rawQuery string) params {
	// ParseQuery keeps the well-formed pairs of a partly malformed query.
	q, _ := url.ParseQuery(rawQuery)
	p := params{values: make(map[string]string, len(q))}
	// url.Values is a map, so "the first value" must follow the query's
	// own order when two casings of one name are sent.
	for _, pair := range strings.Split(rawQuery, "&") {
		k, _, _ := strings.Cut(pair, "=")
		name, err := url.QueryUnescape(k)
		if err != nil {
			continue
		}
		lk := strings.ToLower(name)
		if _, seen := p.values[lk]; seen {
			continue
		}
		if vs := q[name]; len(vs) > 0 {
			p.values[lk] = vs[0]
		}
	}
	return p
}

// has reports whether the parameter was sent, even with an empty value:
// that is all ASP.NET's action selection looks at.
func (p params) has(name string) bool {
	_, ok := p.values[strings.ToLower(name)]
	return ok
}

// str returns a parameter's value; an empty value counts as absent, as
// ASP.NET binds "" to null.
func (p params) str(name string) (string, bool) {
	v := strings.TrimSpace(p.values[strings.ToLower(name)])
	return v, v != ""
}

// integer binds an int32 parameter; a value that is not one is a 400.
func (p params) integer(name string) (int, bool, error) {
	v, ok := p.str(name)
	if !ok {
		return 0, false, nil
	}
	n, err := strconv.ParseInt(v, 10, 32)
	if err != nil {
		return 0, false, errInvalid()
	}
	return int(n), true, nil
}

// boolean binds a bool parameter the way .NET's bool.Parse does: "true" or
// "false" in any case, false when absent; anything else is a 400.
func (p params) boolean(name string) (bool, error) {
	v, _ := p.str(name)
	switch strings.ToLower(v) {
	case "true":
		return true, nil
	case "false", "":
		return false, nil
	}
	return false, errInvalid()
}

// dateTime binds a date-time parameter: YYYY-MM-DDThh:mm:ss with an
// optional fraction and offset (no offset means UTC, or p.loc), or a bare
// date.
func (p params) dateTime(name string) (time.Time, bool, error) {
	v, ok := p.str(name)
	if !ok {
		return time.Time{}, false, nil
	}
	if t, err := mcp.ParseTime(v); err == nil {
		if p.loc != nil && !hasOffset(v) {
			u := t.Time
			return time.Date(u.Year(), u.Month(), u.Day(), u.Hour(), u.Minute(), u.Second(), u.Nanosecond(), p.loc).UTC(), true, nil
		}
		return t.Time, true, nil
	}
	if p.loc != nil {
		if t, err := time.ParseInLocation(time.DateOnly, v, p.loc); err == nil {
			return t.UTC(), true, nil
		}
	}
	if t, err := time.Parse(time.DateOnly, v); err == nil {
		return t, true, nil
	}
	return time.Time{}, false, errInvalid()
}

// hasOffset reports whether a value mcp.ParseTime accepted carries a Z or
// an offset after its seconds and optional fraction.
func hasOffset(v string) bool {
	const dateTime = "2006-01-02T15:04:05"
	if len(v) <= len(dateTime) {
		return false // a bare date, or no more than date and time
	}
	rest := v[len(dateTime):]
	if rest != "" && (rest[0] == '.' || rest[0] == ',') {
		rest = strings.TrimLeft(rest[1:], "0123456789")
	}
	return rest != ""
}

// window binds a required fromDate/toDate pair (both inclusive).
func (p params) window() (from, to time.Time, err error) {
	from, _, err = p.dateTime("fromDate")
	if err != nil {
		return
	}
	to, _, err = p.dateTime("toDate")
	if err != nil {
		return
	}
	if from.IsZero() || to.IsZero() {
		return from, to, errInvalid()
	}
	if from.After(to) {
		return from, to, errorf(400, "fromDate must not be later than toDate.")
	}
	return from, to, nil
}
