package connect

import (
	"crypto/sha256"
	"encoding/base64"
	"net/http"
)

// checkSessionJS implements the OP iframe of OpenID Connect Session
// Management: it answers a "client_id session_state" message with
// "unchanged", "changed" or "error", recomputing session_state from the
// idsrv.session cookie the same way sessionState does.
const checkSessionJS = `(function () {
  function cookie(name) {
    var m = document.cookie.match(new RegExp('(?:^|; )' + name + '=([^;]*)'));
    return m ? decodeURIComponent(m[1]) : '';
  }
  function b64url(buf) {
    var s = String.fromCharCode.apply(null, new Uint8Array(buf));
    return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }
  window.addEventListener('message', function (e) {
    if (typeof e.data !== 'string') { return; }
    var parts = e.data.split(' ');
    if (parts.length !== 2) { e.source.postMessage('error', e.origin); return; }
    var dot = parts[1].lastIndexOf('.');
    if (dot < 0) { e.source.postMessage('error', e.origin); return; }
    var salt = parts[1].substring(dot + 1);
    var text = parts[0] + ' ' + e.origin + ' ' + cookie('idsrv.session') + ' ' + salt;
    crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)).then(function (h) {
      var state = b64url(h) + '.' + salt;
      e.source.postMessage(state === parts[1] ? 'unchanged' : 'changed', e.origin);
    });
  }, false);
})();`

var checkSessionHash = func() string {
	sum := sha256.Sum256([]byte(checkSessionJS))
	return "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
}()

// serveCheckSession serves the session check iframe page.
func (s *Server) serveCheckSession(w http.ResponseWriter, r *http.Request) {
	if !getOnly(w, r) {
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.Header().Set("Content-Security-Policy", "default-src 'none'; script-src "+checkSessionHash)
	_, _ = w.Write([]byte("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Check Session</title></head>\n<body><script>" +
		checkSessionJS + "</script></body></html>\n"))
}
