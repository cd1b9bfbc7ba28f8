package p44emulator

import (
	"crypto/rand"
	"encoding/base64"
	"encoding/json"
	"mime"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// token is an issued access token.
type token struct {
	clientID string
	expiry   time.Time
}

// rateWindow is the span over which Options.TokensPerMinute counts.
const rateWindow = time.Minute

// token answers POST /api/v4/oauth2/token.
func (s *Server) token(w http.ResponseWriter, r *http.Request, vs variantSet) {
	refuse := func(status int, oauthCode, msg string) {
		if vs.has(vTokenOAuthErrors) && oauthCode != "" {
			w.Header().Set("Cache-Control", "no-store")
			writeJSON(w, status, map[string]string{"error": oauthCode, "error_description": msg})
			return
		}
		errorf(status, "%s", msg).write(w)
	}
	if mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type")); err != nil || mt != "application/x-www-form-urlencoded" {
		refuse(http.StatusUnsupportedMediaType, "", "Content-Type must be application/x-www-form-urlencoded")
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, 64<<10)
	if err := r.ParseForm(); err != nil {
		refuse(http.StatusBadRequest, "invalid_request", "The form body could not be read")
		return
	}
	form := r.PostForm
	bodyID, bodySecret := form.Get("client_id"), form.Get("client_secret")
	header := r.Header.Get("Authorization")
	if header != "" && (form.Has("client_id") || form.Has("client_secret")) {
		refuse(http.StatusBadRequest, "invalid_request", "Client credentials must be sent either with HTTP Basic or in the form body, not both")
		return
	}
	if gt := form.Get("grant_type"); gt != "client_credentials" {
		refuse(http.StatusBadRequest, "unsupported_grant_type", "grant_type must be client_credentials")
		return
	}
	id, secret := bodyID, bodySecret
	if header != "" {
		var ok bool
		if id, secret, ok = r.BasicAuth(); !ok {
			refuse(http.StatusUnauthorized, "invalid_client", "Invalid client credentials")
			return
		}
	}
	if id != s.opts.ClientID || secret != s.opts.ClientSecret {
		refuse(http.StatusUnauthorized, "invalid_client", "Invalid client credentials")
		return
	}
	now := s.now()
	tok, wait := s.mint(id, now)
	if tok == "" {
		e := errorf(http.StatusTooManyRequests, "Too many token requests: at most %d tokens a minute per client application", s.opts.TokensPerMinute)
		e.header = http.Header{"Retry-After": {strconv.FormatInt(int64((wait+time.Second-1)/time.Second), 10)}}
		e.write(w)
		return
	}
	body := map[string]any{"access_token": tok, "token_type": "bearer"}
	ttl := int64(s.opts.TokenTTL / time.Second)
	switch {
	case vs.has(vExpiresInString):
		body["expires_in"] = strconv.FormatInt(ttl, 10)
	case !vs.has(vExpiresInAbsent):
		body["expires_in"] = ttl
	}
	raw, _ := json.Marshal(body)
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write(raw)
}

// mint issues a token to clientID, or returns "" and how long until the
// rate limit frees a slot.
func (s *Server) mint(clientID string, now time.Time) (string, time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	recent := s.minted[clientID][:0]
	for _, t := range s.minted[clientID] {
		if now.Sub(t) < rateWindow {
			recent = append(recent, t)
		}
	}
	s.minted[clientID] = recent
	if limit := s.opts.TokensPerMinute; limit > 0 && len(recent) >= limit {
		return "", max(recent[len(recent)-limit].Add(rateWindow).Sub(now), time.Second)
	}
	if len(s.tokens) > 4096 {
		for k, t := range s.tokens {
			if !now.Before(t.expiry) {
				delete(s.tokens, k)
			}
		}
	}
	b := make([]byte, 32)
	_, _ = rand.Read(b) // never fails: crypto/rand aborts the program instead
	tok := base64.RawURLEncoding.EncodeToString(b)
	s.tokens[tok] = token{clientID: clientID, expiry: now.Add(s.opts.TokenTTL)}
	s.minted[clientID] = append(recent, now)
	s.tokensIssued.Add(1)
	return tok, 0
}

// authorized checks an Authorization header: scheme "Bearer" in any case
// and a known token that has not expired.
func (s *Server) authorized(header string, now time.Time) bool {
	scheme, tok, ok := strings.Cut(strings.TrimSpace(header), " ")
	if !ok || !strings.EqualFold(scheme, "bearer") {
		return false
	}
	s.mu.Lock()
	t, known := s.tokens[strings.TrimSpace(tok)]
	s.mu.Unlock()
	return known && now.Before(t.expiry)
}

// ExpireTokens makes every issued token expired, as if TokenTTL had
// passed: the next API call with one is a 401.
func (s *Server) ExpireTokens() {
	s.mu.Lock()
	defer s.mu.Unlock()
	clear(s.tokens)
}
