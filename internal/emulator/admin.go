package emulator

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// adminPrefix roots the admin routes. They need no token, are never
// faulted or delayed, and speak plain snake_case JSON (no "$id").
const adminPrefix = "/_emulator/"

func (s *Server) adminRoutes() *http.ServeMux {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /_emulator/stats", func(w http.ResponseWriter, r *http.Request) { adminJSON(w, http.StatusOK, s.Stats()) })
	mux.HandleFunc("POST /_emulator/reset", func(w http.ResponseWriter, r *http.Request) {
		s.Reset()
		w.WriteHeader(http.StatusNoContent)
	})
	mux.HandleFunc("GET /_emulator/state", func(w http.ResponseWriter, r *http.Request) { adminJSON(w, http.StatusOK, s.Snapshot()) })
	mux.HandleFunc("GET /_emulator/carriers", s.adminCarriers)
	mux.HandleFunc("GET /_emulator/faults", func(w http.ResponseWriter, r *http.Request) { adminJSON(w, http.StatusOK, faultsToJSON(s.Faults())) })
	mux.HandleFunc("POST /_emulator/faults", s.adminSetFaults)
	mux.HandleFunc("GET /_emulator/variants", func(w http.ResponseWriter, r *http.Request) { adminJSON(w, http.StatusOK, s.Variants()) })
	mux.HandleFunc("PUT /_emulator/variants", s.adminSetVariants)
	mux.HandleFunc("POST /_emulator/carriers/{dot}/change", s.adminChange)
	mux.HandleFunc("POST /_emulator/packets/{dot}/complete", s.adminComplete)
	mux.HandleFunc("POST /_emulator/monitored", func(w http.ResponseWriter, r *http.Request) { s.adminEditList(w, r, MonitoredList) })
	mux.HandleFunc("POST /_emulator/blocked", func(w http.ResponseWriter, r *http.Request) { s.adminEditList(w, r, BlockedList) })
	return mux
}

func (s *Server) admin(w http.ResponseWriter, r *http.Request) { s.adminMux.ServeHTTP(w, r) }

func adminJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	_ = enc.Encode(v)
}

// adminError answers {"error": "..."}: 404 for unknown carriers, else 400.
func adminError(w http.ResponseWriter, err error) {
	status := http.StatusBadRequest
	if errors.Is(err, ErrUnknownCarrier) {
		status = http.StatusNotFound
	}
	adminJSON(w, status, map[string]string{"error": err.Error()})
}

// decodeBody reads a JSON body strictly: unknown fields are errors.
func decodeBody(r *http.Request, v any) error {
	dec := json.NewDecoder(io.LimitReader(r.Body, 64<<20))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return fmt.Errorf("invalid JSON body: %w", err)
	}
	return nil
}

func pathDOT(r *http.Request) (int, error) {
	dot, err := strconv.Atoi(r.PathValue("dot"))
	if err != nil {
		return 0, fmt.Errorf("%q is not a DOT number", r.PathValue("dot"))
	}
	return dot, nil
}

// adminCarriers: GET /_emulator/carriers?kind=K&limit=N (limit default 100).
func (s *Server) adminCarriers(w http.ResponseWriter, r *http.Request) {
	limit := 100
	if v := r.URL.Query().Get("limit"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 {
			adminError(w, fmt.Errorf("limit %q is not a non-negative integer", v))
			return
		}
		limit = n
	}
	carriers, err := s.Carriers(CarrierFilter{Kind: r.URL.Query().Get("kind"), Limit: limit})
	if err != nil {
		adminError(w, err)
		return
	}
	adminJSON(w, http.StatusOK, carriers)
}

// faultsJSON is Faults on the wire. Durations are Go duration strings
// ("1.5s") or numbers of seconds.
type faultsJSON struct {
	Rate       float64         `json:"rate"`
	Statuses   []int           `json:"statuses"`
	RetryAfter json.RawMessage `json:"retry_after,omitempty"`
	Latency    json.RawMessage `json:"latency,omitempty"`
	Operations []string        `json:"operations"`
	After      bool            `json:"after"`
}

func faultsToJSON(f Faults) faultsJSON {
	dur := func(d time.Duration) json.RawMessage { return json.RawMessage(strconv.Quote(d.String())) }
	return faultsJSON{Rate: f.Rate, Statuses: f.Statuses, RetryAfter: dur(f.RetryAfter), Latency: dur(f.Latency), Operations: f.Operations, After: f.After}
}

func parseDuration(raw json.RawMessage) (time.Duration, error) {
	if len(raw) == 0 || string(raw) == "null" {
		return 0, nil
	}
	var secs float64
	if err := json.Unmarshal(raw, &secs); err == nil {
		return time.Duration(secs * float64(time.Second)), nil
	}
	var s string
	if err := json.Unmarshal(raw, &s); err != nil {
		return 0, fmt.Errorf("duration %s is neither a number of seconds nor a string", raw)
	}
	return time.ParseDuration(s)
}

// adminSetFaults: POST /_emulator/faults replaces the faults and answers
// the ones now in effect.
func (s *Server) adminSetFaults(w http.ResponseWriter, r *http.Request) {
	var in faultsJSON
	if err := decodeBody(r, &in); err != nil {
		adminError(w, err)
		return
	}
	f := Faults{Rate: in.Rate, Statuses: in.Statuses, Operations: in.Operations, After: in.After}
	var err error
	if f.RetryAfter, err = parseDuration(in.RetryAfter); err != nil {
		adminError(w, fmt.Errorf("retry_after: %w", err))
		return
	}
	if f.Latency, err = parseDuration(in.Latency); err != nil {
		adminError(w, fmt.Errorf("latency: %w", err))
		return
	}
	if err := s.SetFaults(f); err != nil {
		adminError(w, err)
		return
	}
	adminJSON(w, http.StatusOK, faultsToJSON(s.Faults()))
}

// adminSetVariants: PUT /_emulator/variants with a JSON array of names
// replaces the variants and answers the ones now in effect.
func (s *Server) adminSetVariants(w http.ResponseWriter, r *http.Request) {
	var names []string
	if err := decodeBody(r, &names); err != nil {
		adminError(w, err)
		return
	}
	if err := s.SetVariants(names); err != nil {
		adminError(w, err)
		return
	}
	adminJSON(w, http.StatusOK, s.Variants())
}

// adminChange: POST /_emulator/carriers/{dot}/change {"category": "insurance"}.
func (s *Server) adminChange(w http.ResponseWriter, r *http.Request) {
	dot, err := pathDOT(r)
	if err != nil {
		adminError(w, err)
		return
	}
	var in struct {
		Category string `json:"category"`
	}
	if err := decodeBody(r, &in); err != nil {
		adminError(w, err)
		return
	}
	cats, err := s.changeCarrier(dot, ChangeCategory(strings.ToLower(in.Category)))
	if err != nil {
		adminError(w, err)
		return
	}
	adminJSON(w, http.StatusOK, map[string]any{"dot_number": dot, "change_categories": cats, "changed_at": s.now().UTC()})
}

// adminComplete: POST /_emulator/packets/{dot}/complete.
func (s *Server) adminComplete(w http.ResponseWriter, r *http.Request) {
	dot, err := pathDOT(r)
	if err != nil {
		adminError(w, err)
		return
	}
	at, err := s.completePacket(dot)
	if err != nil {
		adminError(w, err)
		return
	}
	adminJSON(w, http.StatusOK, map[string]any{"dot_number": dot, "completed_date": at.UTC()})
}

// adminEditList: POST /_emulator/monitored or /_emulator/blocked with
// {"add": [dots], "remove": [dots]}; all or nothing.
func (s *Server) adminEditList(w http.ResponseWriter, r *http.Request, l List) {
	var in struct {
		Add    []int `json:"add"`
		Remove []int `json:"remove"`
	}
	if err := decodeBody(r, &in); err != nil {
		adminError(w, err)
		return
	}
	e, err := s.editList(l, in.Add, in.Remove)
	if err != nil {
		adminError(w, err)
		return
	}
	adminJSON(w, http.StatusOK, e)
}
