package oauth

import (
	"bytes"
	"encoding/json"
	"io"
	"mime"
	"net/http"
	"net/url"
	"sync"
)

// rotationWatch wraps the token endpoint's transport for one refresh and
// remembers the refresh token of a successful (2xx) answer, so that the
// new token survives an answer x/oauth2 itself rejects (no access_token,
// say): the server has rotated either way.
type rotationWatch struct {
	base http.RoundTripper
	mu   sync.Mutex
	seen string
}

// client returns a copy of hc whose transport watches the answers.
func (w *rotationWatch) client(hc *http.Client) *http.Client {
	c := *hc
	w.base = hc.Transport
	if w.base == nil {
		w.base = http.DefaultTransport
	}
	c.Transport = w
	return &c
}

// RoundTrip implements http.RoundTripper.
func (w *rotationWatch) RoundTrip(req *http.Request) (*http.Response, error) {
	resp, err := w.base.RoundTrip(req)
	if err != nil || resp.StatusCode < 200 || resp.StatusCode > 299 {
		return resp, err
	}
	body, rerr := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	resp.Body.Close()
	resp.Body = io.NopCloser(bytes.NewReader(body))
	if rerr != nil {
		return resp, nil
	}
	var rt string
	if mt, _, _ := mime.ParseMediaType(resp.Header.Get("Content-Type")); mt == "application/x-www-form-urlencoded" || mt == "text/plain" {
		if v, err := url.ParseQuery(string(body)); err == nil {
			rt = v.Get("refresh_token")
		}
	} else {
		var ans struct {
			RefreshToken string `json:"refresh_token"`
		}
		if json.Unmarshal(body, &ans) == nil {
			rt = ans.RefreshToken
		}
	}
	w.mu.Lock()
	w.seen = rt
	w.mu.Unlock()
	return resp, nil
}

// refreshToken is the refresh token of the last 2xx answer, "" if none.
func (w *rotationWatch) refreshToken() string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.seen
}
