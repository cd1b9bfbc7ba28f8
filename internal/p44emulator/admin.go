package p44emulator

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
)

// adminRoutes serve the emulator's own routes under /_emulator/p44/: no
// token, never faulted or delayed, plain snake_case JSON, errors as
// {"error": "..."}.
func (s *Server) adminRoutes() *http.ServeMux {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /_emulator/p44/stats", func(w http.ResponseWriter, r *http.Request) { writeJSON(w, http.StatusOK, s.Stats()) })
	mux.HandleFunc("POST /_emulator/p44/reset", func(w http.ResponseWriter, r *http.Request) {
		s.Reset()
		w.WriteHeader(http.StatusNoContent)
	})
	mux.HandleFunc("GET /_emulator/p44/invitations", s.adminInvitations)
	mux.HandleFunc("POST /_emulator/p44/invitations/status", s.adminSetStatus)
	mux.HandleFunc("GET /_emulator/p44/tracking-methods", s.adminTrackingMethods)
	mux.HandleFunc("PUT /_emulator/p44/tracking-methods", s.adminSetTrackingMethods)
	mux.HandleFunc("GET /_emulator/p44/variants", func(w http.ResponseWriter, r *http.Request) { writeJSON(w, http.StatusOK, s.Variants()) })
	mux.HandleFunc("PUT /_emulator/p44/variants", s.adminSetVariants)
	mux.HandleFunc("PUT /_emulator/p44/forbidden", s.adminSetForbidden)
	mux.HandleFunc("POST /_emulator/p44/tokens/expire", func(w http.ResponseWriter, r *http.Request) {
		s.ExpireTokens()
		w.WriteHeader(http.StatusNoContent)
	})
	mux.HandleFunc("/_emulator/p44/", func(w http.ResponseWriter, r *http.Request) {
		adminError(w, http.StatusNotFound, fmt.Errorf("no admin route %s %s", r.Method, r.URL.Path))
	})
	return mux
}

func adminError(w http.ResponseWriter, status int, err error) {
	writeJSON(w, status, map[string]string{"error": err.Error()})
}

// decodeBody reads a JSON body strictly: unknown fields are errors.
func decodeBody(r *http.Request, v any) error {
	dec := json.NewDecoder(io.LimitReader(r.Body, 1<<20))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return fmt.Errorf("invalid JSON body: %w", err)
	}
	return nil
}

// identifierCount is how many invitations named one identifier.
type identifierCount struct {
	Type         string `json:"type"`
	Value        string `json:"value"`
	TimesInvited int    `json:"times_invited"`
}

// adminInvitations: GET /_emulator/p44/invitations.
func (s *Server) adminInvitations(w http.ResponseWriter, r *http.Request) {
	invs := s.Invitations()
	counts := []identifierCount{}
	seen := map[Identifier]int{}
	for _, inv := range invs {
		for _, id := range inv.Invitee.Identifiers {
			k, ok := seen[id]
			if !ok {
				k = len(counts)
				seen[id] = k
				counts = append(counts, identifierCount{Type: id.Type, Value: id.Value})
			}
			counts[k].TimesInvited++
		}
	}
	writeJSON(w, http.StatusOK, map[string]any{"invitations": invs, "identifiers": counts})
}

type identifierStatus struct {
	Type   string `json:"type"`
	Value  string `json:"value"`
	Status string `json:"status"`
}

// adminSetStatus: POST /_emulator/p44/invitations/status
// {"type","value","status"} → the invitation moved.
func (s *Server) adminSetStatus(w http.ResponseWriter, r *http.Request) {
	var in identifierStatus
	if err := decodeBody(r, &in); err != nil {
		adminError(w, http.StatusBadRequest, err)
		return
	}
	if err := s.SetStatus(in.Type, in.Value, in.Status); err != nil {
		status := http.StatusBadRequest
		if errors.Is(err, ErrNoInvitation) {
			status = http.StatusNotFound
		}
		adminError(w, status, err)
		return
	}
	id := Identifier{Type: in.Type, Value: in.Value}
	invs := s.Invitations()
	for k := len(invs) - 1; k >= 0; k-- {
		if invs[k].names(id) {
			writeJSON(w, http.StatusOK, invs[k])
			return
		}
	}
}

type identifierMethods struct {
	Type           string   `json:"type"`
	Value          string   `json:"value"`
	EquipmentTypes []string `json:"equipment_types"`
}

// adminTrackingMethods: GET /_emulator/p44/tracking-methods?type=T&value=V.
func (s *Server) adminTrackingMethods(w http.ResponseWriter, r *http.Request) {
	typ, value := r.URL.Query().Get("type"), r.URL.Query().Get("value")
	methods := s.TrackingMethods(typ, value)
	if methods == nil {
		methods = []string{}
	}
	writeJSON(w, http.StatusOK, identifierMethods{Type: typ, Value: value, EquipmentTypes: methods})
}

// adminSetTrackingMethods: PUT /_emulator/p44/tracking-methods
// {"type","value","equipment_types":[...]}.
func (s *Server) adminSetTrackingMethods(w http.ResponseWriter, r *http.Request) {
	var in identifierMethods
	if err := decodeBody(r, &in); err != nil {
		adminError(w, http.StatusBadRequest, err)
		return
	}
	if err := s.SetTrackingMethods(in.Type, in.Value, in.EquipmentTypes...); err != nil {
		adminError(w, http.StatusBadRequest, err)
		return
	}
	in.EquipmentTypes = s.TrackingMethods(in.Type, in.Value)
	writeJSON(w, http.StatusOK, in)
}

// adminSetVariants: PUT /_emulator/p44/variants ["p44-create-200"].
func (s *Server) adminSetVariants(w http.ResponseWriter, r *http.Request) {
	var names []string
	if err := decodeBody(r, &names); err != nil {
		adminError(w, http.StatusBadRequest, err)
		return
	}
	if err := s.SetVariants(names); err != nil {
		adminError(w, http.StatusBadRequest, err)
		return
	}
	writeJSON(w, http.StatusOK, s.Variants())
}

// adminSetForbidden: PUT /_emulator/p44/forbidden {"forbidden": true}.
func (s *Server) adminSetForbidden(w http.ResponseWriter, r *http.Request) {
	var in struct {
		Forbidden bool `json:"forbidden"`
	}
	if err := decodeBody(r, &in); err != nil {
		adminError(w, http.StatusBadRequest, err)
		return
	}
	s.SetForbidden(in.Forbidden)
	writeJSON(w, http.StatusOK, in)
}
