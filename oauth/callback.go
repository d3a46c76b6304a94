package oauth

import (
	"crypto/subtle"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strings"
	"sync"
)

// maxCallbackBody bounds the form_post body.
const maxCallbackBody = 64 << 10

// callbackResult is what one authenticated authorization response carried.
type callbackResult struct {
	code string
	err  error
}

// receiver handles the form_post authorization response on the loopback
// listener. Only a request with the right state can end the login; every
// other request is refused and the login keeps waiting.
type receiver struct {
	path  string
	hosts []string // accepted Host header values
	state string
	// issuer and issRequired implement the RFC 9207 iss check.
	issuer      string
	issRequired bool
	// locale is the login's UI locale, the language of the pages.
	locale string

	mu      sync.Mutex
	done    bool
	results chan callbackResult // buffered, capacity 1
}

func newReceiver(path string, hosts []string, state, issuer string, issRequired bool) *receiver {
	return &receiver{path: path, hosts: hosts, state: state, issuer: issuer, issRequired: issRequired,
		results: make(chan callbackResult, 1)}
}

// ServeHTTP checks, in order: Host, path, method, content type, body size,
// state, then everything else. Replies never echo request data.
func (rc *receiver) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Cache-Control", "no-store")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Content-Security-Policy", "default-src 'none'")
	if !rc.hostAllowed(r.Host) {
		writeLanding(w, http.StatusForbidden, rc.locale, landingRefused)
		return
	}
	if r.URL.Path != rc.path || r.URL.RawPath != "" {
		writeLanding(w, http.StatusNotFound, rc.locale, landingRefused)
		return
	}
	if r.Method != http.MethodPost {
		h.Set("Allow", http.MethodPost)
		writeLanding(w, http.StatusMethodNotAllowed, rc.locale, landingRefused)
		return
	}
	if mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type")); err != nil || mt != "application/x-www-form-urlencoded" {
		writeLanding(w, http.StatusUnsupportedMediaType, rc.locale, landingRefused)
		return
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxCallbackBody))
	if err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			writeLanding(w, http.StatusRequestEntityTooLarge, rc.locale, landingRefused)
			return
		}
		writeLanding(w, http.StatusBadRequest, rc.locale, landingRefused)
		return
	}
	form, err := url.ParseQuery(string(body))
	if err != nil || !rc.stateMatches(form["state"]) {
		writeLanding(w, http.StatusBadRequest, rc.locale, landingStale)
		return
	}
	res := rc.evaluate(form)
	if !rc.deliver(res) {
		writeLanding(w, http.StatusConflict, rc.locale, landingStale)
		return
	}
	switch {
	case errors.Is(res.err, ErrLoginCancelled):
		writeLanding(w, http.StatusOK, rc.locale, landingCancelled)
	case res.err != nil:
		writeLanding(w, http.StatusBadRequest, rc.locale, landingError)
	default:
		writeLanding(w, http.StatusOK, rc.locale, landingSuccess)
	}
}

// hostAllowed guards against DNS rebinding: only the redirect URI's own
// host and port are served.
func (rc *receiver) hostAllowed(host string) bool {
	for _, h := range rc.hosts {
		if strings.EqualFold(host, h) {
			return true
		}
	}
	return false
}

// stateMatches wants exactly one state value, equal in constant time.
func (rc *receiver) stateMatches(vals []string) bool {
	return len(vals) == 1 && subtle.ConstantTimeCompare([]byte(vals[0]), []byte(rc.state)) == 1
}

// evaluate reads an authenticated (state-matching) response.
func (rc *receiver) evaluate(form url.Values) callbackResult {
	return evaluateResponse(form, rc.issuer, rc.issRequired)
}

// evaluateResponse is shared by the receiver and paste mode; the state has
// already been checked.
func evaluateResponse(form url.Values, issuer string, issRequired bool) callbackResult {
	for k, v := range form {
		if len(v) != 1 {
			return callbackResult{err: fmt.Errorf("the login answer repeats the %q parameter; start the login again", sanitizeCode(k))}
		}
	}
	if iss, ok := form["iss"]; ok {
		if iss[0] != issuer { // exact, as RFC 9207 §2.4 asks
			return callbackResult{err: errors.New("the login answer comes from another issuer; start the login again")}
		}
	} else if issRequired {
		return callbackResult{err: errors.New("the login answer lacks the issuer (iss) Visma Connect promised; start the login again")}
	}
	if e := form.Get("error"); e != "" {
		if e == "access_denied" {
			return callbackResult{err: ErrLoginCancelled}
		}
		return callbackResult{err: fmt.Errorf("Visma Connect refused the login: %s (see the Debugger in the Visma developer portal)", sanitizeCode(e))}
	}
	code := form.Get("code")
	if code == "" {
		return callbackResult{err: errors.New("the login answer has no code; start the login again")}
	}
	if !printable(code) || len(code) > 4096 {
		return callbackResult{err: errors.New("the login answer holds a malformed code; start the login again")}
	}
	return callbackResult{code: code}
}

// deliver hands the first authenticated result to the waiting login.
func (rc *receiver) deliver(res callbackResult) bool {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	if rc.done {
		return false
	}
	rc.done = true
	rc.results <- res
	return true
}
