package emulator

import (
	"crypto/rand"
	"encoding/base64"
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"
)

// tokenStore issues and checks opaque bearer tokens, as OWIN's OAuth
// server does for MCP: random, not guessable, valid until they expire.
type tokenStore struct {
	username, password string
	ttl                time.Duration

	mu      sync.Mutex
	access  map[string]time.Time // token → expiry
	refresh map[string]time.Time // single-use refresh token → expiry
}

func newTokenStore(o Options) *tokenStore {
	return &tokenStore{username: o.Username, password: o.Password, ttl: o.TokenTTL, access: map[string]time.Time{}, refresh: map[string]time.Time{}}
}

// authorize checks an Authorization header: scheme "bearer" in any case and
// a token that has not expired.
func (ts *tokenStore) authorize(header string, now time.Time) (string, bool) {
	scheme, token, ok := strings.Cut(strings.TrimSpace(header), " ")
	if !ok || !strings.EqualFold(scheme, "bearer") {
		return "", false
	}
	ts.mu.Lock()
	expiry, known := ts.access[strings.TrimSpace(token)]
	ts.mu.Unlock()
	if !known || !now.Before(expiry) {
		return "", false
	}
	return ts.username, true
}

// tokenBody is OWIN's token response. It is written by OWIN, not Json.NET,
// so it carries no "$id".
type tokenBody struct {
	AccessToken  string `json:"access_token"`
	TokenType    string `json:"token_type"`
	ExpiresIn    int64  `json:"expires_in"`
	RefreshToken string `json:"refresh_token"`
	UserName     string `json:"userName"`
	Issued       string `json:".issued"`
	Expires      string `json:".expires"`
}

// tokenBodyStringExpiry is tokenBody with expires_in as a JSON string
// ("1209599"), as expires-in-string writes it.
type tokenBodyStringExpiry struct {
	AccessToken  string `json:"access_token"`
	TokenType    string `json:"token_type"`
	ExpiresIn    string `json:"expires_in"`
	RefreshToken string `json:"refresh_token"`
	UserName     string `json:"userName"`
	Issued       string `json:".issued"`
	Expires      string `json:".expires"`
}

// oauthError is OWIN's error body for a refused token request.
type oauthError struct {
	Error       string `json:"error"`
	Description string `json:"error_description,omitempty"`
}

// issue creates an access token and a refresh token.
func (ts *tokenStore) issue(now time.Time) tokenBody {
	access, refresh := randomToken(), randomToken()
	expiry := now.Add(ts.ttl)
	ts.mu.Lock()
	if len(ts.access)+len(ts.refresh) > 4096 {
		ts.sweep(now)
	}
	ts.access[access] = expiry
	ts.refresh[refresh] = now.Add(2 * ts.ttl)
	ts.mu.Unlock()
	return tokenBody{
		AccessToken: access, TokenType: "bearer", ExpiresIn: int64(ts.ttl / time.Second), RefreshToken: refresh,
		UserName: ts.username, Issued: now.UTC().Format(http.TimeFormat), Expires: expiry.UTC().Format(http.TimeFormat),
	}
}

// redeem consumes a refresh token; each one works once.
func (ts *tokenStore) redeem(token string, now time.Time) bool {
	ts.mu.Lock()
	defer ts.mu.Unlock()
	expiry, ok := ts.refresh[token]
	delete(ts.refresh, token)
	return ok && now.Before(expiry)
}

// sweep drops expired tokens. Callers hold ts.mu.
func (ts *tokenStore) sweep(now time.Time) {
	for _, m := range []map[string]time.Time{ts.access, ts.refresh} {
		for k, exp := range m {
			if !now.Before(exp) {
				delete(m, k)
			}
		}
	}
}

func randomToken() string {
	b := make([]byte, 32)
	_, _ = rand.Read(b) // never fails: crypto/rand aborts the program instead
	return base64.RawURLEncoding.EncodeToString(b)
}

// token answers POST /token (any method reaches OWIN's handler, which
// reads grant_type from the form body only).
func (s *Server) token(r *http.Request, vs variantSet) reply {
	r.Body = http.MaxBytesReader(nil, r.Body, 64<<10)
	_ = r.ParseForm()
	form := r.PostForm
	now := s.now()
	switch form.Get("grant_type") {
	case "password":
		if form.Get("username") != s.opts.Username || form.Get("password") != s.opts.Password {
			return oauthReply(oauthError{Error: "invalid_grant", Description: "The user name or password is incorrect."})
		}
	case "refresh_token":
		if !s.auth.redeem(form.Get("refresh_token"), now) {
			return oauthReply(oauthError{Error: "invalid_grant"})
		}
	default:
		return oauthReply(oauthError{Error: "unsupported_grant_type"})
	}
	s.stats.tokens.Add(1)
	issued := s.auth.issue(now)
	body, _ := json.Marshal(issued)
	if vs.has(vExpiresInString) {
		body, _ = json.Marshal(tokenBodyStringExpiry{
			AccessToken: issued.AccessToken, TokenType: issued.TokenType, ExpiresIn: strconv.FormatInt(issued.ExpiresIn, 10),
			RefreshToken: issued.RefreshToken, UserName: issued.UserName, Issued: issued.Issued, Expires: issued.Expires,
		})
	}
	return reply{status: http.StatusOK, raw: body, ctype: "application/json;charset=UTF-8"}
}

func oauthReply(e oauthError) reply {
	body, _ := json.Marshal(e)
	return reply{status: http.StatusBadRequest, raw: body, ctype: "application/json;charset=UTF-8"}
}
