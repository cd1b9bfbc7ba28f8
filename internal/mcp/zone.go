package mcp

import (
	"net/url"
	"reflect"
	"strings"
	"time"
	_ "time/tzdata" // time_zone names must resolve on any machine
)

// WithTimeZone says in which zone MCP writes its date-times without an
// offset, and reads window bounds such as fromDate. The spec does not say;
// only the fields named …Utc are evidently UTC. By default the client takes
// UTC. With another zone, decoded times are the instants MCP meant, and
// query times are written in MCP's zone.
func WithTimeZone(loc *time.Location) Option { return func(c *Client) { c.zone = loc } }

// queryTime formats a window bound as MCP reads it: in its zone, without
// offset or fraction.
func (c *Client) queryTime(t time.Time) string {
	if c.zone == nil {
		return QueryTime(t)
	}
	return t.In(c.zone).Format("2006-01-02T15:04:05")
}

// inZone reads every Time in v, except those of …Utc fields, as a wall
// clock in c's zone: the decoder read them as UTC.
func (c *Client) inZone(v any) {
	if c.zone == nil || c.zone == time.UTC {
		return
	}
	walkTimes(reflect.ValueOf(v), c.zone)
}

var mcpTimeType = reflect.TypeFor[Time]()

func walkTimes(v reflect.Value, loc *time.Location) {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			walkTimes(v.Elem(), loc)
		}
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			walkTimes(v.Index(i), loc)
		}
	case reflect.Map:
		// Map values cannot be set in place; MCP's answers hold no times in maps.
	case reflect.Struct:
		if v.Type() == mcpTimeType {
			if t := v.Addr().Interface().(*Time); !t.IsZero() { //nolint:forcetypeassert // the type was just checked
				w := t.Time
				t.Time = time.Date(w.Year(), w.Month(), w.Day(), w.Hour(), w.Minute(), w.Second(), w.Nanosecond(), loc)
			}
			return
		}
		typ := v.Type()
		for i := range v.NumField() {
			f := typ.Field(i)
			if !f.IsExported() {
				continue
			}
			if name, _, _ := strings.Cut(f.Tag.Get("json"), ","); strings.HasSuffix(name, "Utc") {
				continue
			}
			walkTimes(v.Field(i), loc)
		}
	}
}

func (c *Client) windowQuery(from, to time.Time) url.Values {
	q := url.Values{"fromDate": {c.queryTime(from)}}
	if !to.IsZero() {
		q.Set("toDate", c.queryTime(to))
	}
	return q
}
